import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsInstant } from '../../common/validation';

export class MeetingDueDatesQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partnershipId: string;

  @ApiProperty({ example: '2026-11-23T10:00:00Z', description: 'When the meeting was held.' })
  @IsInstant()
  heldAt: string;
}

/** The policy's default due dates for a meeting's items: offered, never silently applied. */
export class MeetingDueDatesView {
  @ApiProperty({ description: 'The policy version they come from.' })
  policyVersion: number;

  @ApiProperty({ format: 'date-time', description: 'An agreed action, by default.' })
  action: string;

  @ApiProperty({ format: 'date-time', description: 'The action log.' })
  actionLog: string;

  @ApiProperty({ format: 'date-time', description: 'The full minutes.' })
  minutes: string;
}
