import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_TYPES, type MeetingType } from '@safeguard/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCaseReference, IsInstant, TEXT_MAX } from '../../common/validation';

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ format: 'uuid', description: 'The agency they attended for.' })
  @IsUUID()
  agencyId: string;
}

export class AgreedActionDto {
  @ApiProperty({
    example: 'Share the GP summary with the enquiry manager',
    minLength: 1,
    maxLength: 500,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId: string;

  @ApiPropertyOptional({
    example: '2026-12-04T17:30:00Z',
    description: "When it is due; the policy's default for meeting actions if absent.",
  })
  @IsOptional()
  @IsInstant()
  dueAt?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'Why the meeting agreed it.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  rationale?: string;

  @ApiPropertyOptional({ default: false, description: 'Immediate risk: not held by quiet hours.' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
}

export class RecordMeetingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partnershipId: string;

  @ApiProperty({ enum: MEETING_TYPES })
  @IsIn(MEETING_TYPES)
  type: MeetingType;

  @ApiProperty({ example: '2026-11-23T10:00:00Z', description: 'When the meeting was held.' })
  @IsInstant()
  heldAt: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  chairId: string;

  @ApiProperty({ format: 'uuid', description: 'Chased for the action log and the full minutes.' })
  @IsUUID()
  minuteTakerId: string;

  @ApiProperty({ type: [AttendeeDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees: AttendeeDto[];

  @ApiPropertyOptional({
    example: 'S42-2026-000123',
    description: "The case it belongs to, in the case-holding agency's reference (no spaces).",
  })
  @IsOptional()
  @IsCaseReference()
  caseReference?: string;

  @ApiProperty({
    type: [String],
    description: 'Decisions, as minuted.',
    maxItems: 50,
    minLength: 1,
    maxLength: TEXT_MAX,
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(TEXT_MAX, { each: true })
  decisions: string[];

  @ApiProperty({ type: [AgreedActionDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgreedActionDto)
  actions: AgreedActionDto[];

  @ApiPropertyOptional({
    example: '2027-01-11T10:00:00Z',
    description: 'The agreed review date, chased with the chair.',
  })
  @IsOptional()
  @IsInstant()
  reviewAt?: string;
}
