import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ISO_INSTANT, TEXT_MAX } from '../../common/validation';

export class CompleteActionDto {
  @ApiPropertyOptional({
    maxLength: TEXT_MAX,
    description: 'What was done. Stored with the action, never sent in emails.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}

export class RequestExtensionDto {
  @ApiProperty({ example: '2026-12-15T17:30:00Z', description: 'The due date asked for.' })
  @IsISO8601(ISO_INSTANT)
  proposedDueAt: string;

  @ApiProperty({ maxLength: TEXT_MAX, description: 'Why more time is needed.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason: string;
}

export class DecideExtensionDto {
  @ApiProperty({ enum: ['approve', 'refuse'] })
  @IsIn(['approve', 'refuse'])
  decision: 'approve' | 'refuse';

  @ApiPropertyOptional({
    example: '2026-12-12T17:30:00Z',
    description: 'When approving: the agreed due date (the one asked for if absent).',
  })
  @IsOptional()
  @IsISO8601(ISO_INSTANT)
  newDueAt?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}

export class ReassignActionDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The new owner: an active person of an agency in the partnership.',
  })
  @IsUUID()
  newOwnerId: string;
}

export class CancelActionDto {
  @ApiProperty({ maxLength: TEXT_MAX, description: 'Why the action is no longer needed.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason: string;
}
