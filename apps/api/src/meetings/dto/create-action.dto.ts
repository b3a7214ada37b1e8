import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

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
}
