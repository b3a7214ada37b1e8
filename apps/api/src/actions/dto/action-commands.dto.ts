import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsDueDate, TEXT_MAX } from '../../common/validation';

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
  @ApiProperty({
    example: '2026-12-15',
    description:
      'The due date asked for: a day (the end of that working day in the partnership, UK time) or an instant.',
  })
  @IsDueDate()
  proposedDueAt: string;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX, description: 'Why more time is needed.' })
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
    example: '2026-12-12',
    description:
      'When approving: the agreed due date, a day (the end of that working day) or an instant; the one asked for if absent.',
  })
  @IsOptional()
  @IsDueDate()
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
  @ApiProperty({
    minLength: 1,
    maxLength: TEXT_MAX,
    description: 'Why the action is no longer needed.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason: string;
}
