import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_TYPES, OTHER_VOICES, type MeetingType, type OtherVoice } from '@safeguard/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCaseReference, IsDueDate, IsInstant, TEXT_MAX } from '../../common/validation';

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

  @ApiProperty({
    example: '2026-12-04',
    description:
      'When it is due: a day (the end of that working day) or an instant. Every action has one; ' +
      '`GET /meetings/due-dates` offers the policy’s default, which is never applied silently.',
  })
  @IsDueDate()
  dueAt: string;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX, description: 'Why the meeting agreed it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  rationale: string;

  @ApiPropertyOptional({ default: false, description: 'Immediate risk: not held by quiet hours.' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
}

/** The adult's voice (seed 002): their views and the response, or why nobody spoke with them. */
export class AdultVoiceDto {
  @ApiProperty({ description: 'Whether the adult attended the meeting.' })
  @IsBoolean()
  attended: boolean;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: TEXT_MAX,
    description: 'Their views and wishes, heard at the meeting or considered by it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  views?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: TEXT_MAX,
    description: 'How the meeting will respond to their views; required with `views`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  response?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: TEXT_MAX,
    description:
      'Why no discussion with the adult took place, when none did; "not asked" alone is refused.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  notDiscussedReason?: string;
}

export class OtherViewDto {
  @ApiProperty({ enum: OTHER_VOICES })
  @IsIn(OTHER_VOICES)
  voice: OtherVoice;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  views: string;
}

/** The risk assessment and plan (seed 002). */
export class RiskPlanDto {
  @ApiProperty({
    type: [String],
    description: 'Every relevant and anticipated risk, one per entry.',
    minItems: 1,
    maxItems: 50,
    minLength: 1,
    maxLength: TEXT_MAX,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(TEXT_MAX, { each: true })
  risks: string[];

  @ApiProperty({
    format: 'uuid',
    description: 'Who leads on risk management and safety planning.',
  })
  @IsUUID()
  leadId: string;

  @ApiProperty({ description: "Whether there is any concern about the adult's mental capacity." })
  @IsBoolean()
  capacityConcerns: boolean;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: TEXT_MAX,
    description: 'How a capacity concern is addressed; required with `capacityConcerns`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  capacityAddressed?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: TEXT_MAX,
    description: 'How the understanding of risk is shared with the adult.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  sharedWithAdult?: string;
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

  @ApiProperty({ type: AdultVoiceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AdultVoiceDto)
  adult: AdultVoiceDto;

  @ApiPropertyOptional({
    type: [OtherViewDto],
    maxItems: 20,
    description: 'The views of family, carers, friends or an advocate.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OtherViewDto)
  othersViews?: OtherViewDto[];

  @ApiProperty({ type: RiskPlanDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RiskPlanDto)
  risk: RiskPlanDto;

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
