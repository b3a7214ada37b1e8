import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

export class CreateActionDto {
  @ApiProperty({ example: 'Share the GP summary with the enquiry manager', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The partnership whose policy chases this action.',
  })
  @IsUUID()
  partnershipId: string;

  @ApiProperty({ format: 'uuid', description: 'The person who owns the action.' })
  @IsUUID()
  ownerId: string;

  @ApiProperty({
    example: '2026-12-01T17:30:00Z',
    description: 'ISO 8601 instant the action falls due.',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  dueAt: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Immediate risk: reminders go at once, even in quiet hours, if the policy allows.',
  })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
}
