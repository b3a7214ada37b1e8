import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/validation';

export class CreateActionDto {
  @ApiProperty({
    example: 'Share the GP summary with the enquiry manager',
    minLength: 1,
    maxLength: 500,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiProperty({ format: 'uuid', description: 'The partnership whose policy chases this action.' })
  @IsUUID()
  partnershipId: string;

  @ApiProperty({ format: 'uuid', description: 'The person who owns the action.' })
  @IsUUID()
  ownerId: string;

  @ApiProperty({
    example: '2026-12-01T17:30:00Z',
    description: 'The instant the action falls due.',
  })
  @IsInstant()
  dueAt: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Immediate risk: reminders go at once, even in quiet hours, if the policy allows.',
  })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
}
