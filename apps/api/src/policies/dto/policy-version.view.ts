import { ApiProperty } from '@nestjs/swagger';
import type { PolicyDocument } from '@safeguard/domain';
import type { PolicyVersionEntity } from '@safeguard/persistence';

export class PolicyVersionView {
  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ example: 1, description: 'Increases with each publication; never reused.' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The policy document: timescales, reminders, chases and escalation per stage.',
  })
  document: PolicyDocument;

  static of(row: PolicyVersionEntity): PolicyVersionView {
    return {
      partnershipId: row.partnershipId,
      version: row.version,
      publishedAt: row.publishedAt.toISOString(),
      document: row.document,
    };
  }
}

export class PolicyValidationView {
  @ApiProperty({ example: true })
  valid: true;
}
