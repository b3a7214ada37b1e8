import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADVOCACY,
  CAPACITY_VIEWS,
  CONSENT_NOT_SOUGHT_REASONS,
  NO_ENQUIRY_ROUTES,
  OUTCOMES_MET,
  PAUSE_REASONS,
  RISK_OUTCOMES,
  type Advocacy,
  type CapacityView,
  type ConsentNotSoughtReason,
  type NoEnquiryRoute,
  type OutcomesMet,
  type PauseReason,
  type RiskOutcome,
  SHARING_CONSENT,
  type SharingConsent,
} from '@safeguard/domain';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ApiFieldRules, IsInstant, IsLocalDate, TEXT_MAX } from '../../common/validation';

/** What a delegation request or a plan sets out: more than a note, less than a report. */
const ACCOUNT_MAX = 10_000;
const REPORT_MAX = 50_000;

export class AcknowledgeConcernDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Who makes the Section 42 decision: a person of the local authority. Default: you.',
  })
  @IsOptional()
  @IsUUID()
  enquiryManagerId?: string;
}

@ApiFieldRules(
  // route: required when no enquiry is made, the duty not being met and no other enquiry made.
  {
    anyOf: [
      { required: ['route'] },
      { properties: { dutyMet: { enum: [true] } } },
      { properties: { otherEnquiry: { enum: [true] } }, required: ['otherEnquiry'] },
    ],
  },
  // consentNotSoughtReason: required when consent was not sought.
  {
    anyOf: [
      { required: ['consentNotSoughtReason'] },
      { properties: { consentSought: { enum: [true] } } },
    ],
  },
)
export class RecordDecisionDto {
  @ApiProperty({ description: 'Whether the Section 42 duty to make enquiries applies.' })
  @IsBoolean()
  dutyMet: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Duty not met, but the local authority makes a non-statutory enquiry anyway.',
  })
  @IsOptional()
  @IsBoolean()
  otherEnquiry?: boolean;

  @ApiPropertyOptional({
    enum: NO_ENQUIRY_ROUTES,
    description: 'Where the concern goes instead; required when no enquiry is made.',
  })
  @ValidateIf((dto: RecordDecisionDto) => dto.route !== undefined || noEnquiry(dto))
  @IsIn(NO_ENQUIRY_ROUTES)
  route?: NoEnquiryRoute;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX, description: 'The reasons for the decision.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason: string;

  @ApiProperty({ description: "Whether the adult's consent to the enquiry was sought." })
  @IsBoolean()
  consentSought: boolean;

  @ApiPropertyOptional({
    enum: CONSENT_NOT_SOUGHT_REASONS,
    description: 'Why consent was not sought; required when consentSought is false.',
  })
  @ValidateIf(
    (dto: RecordDecisionDto) =>
      dto.consentNotSoughtReason !== undefined || dto.consentSought === false,
  )
  @IsIn(CONSENT_NOT_SOUGHT_REASONS)
  consentNotSoughtReason?: ConsentNotSoughtReason;

  @ApiProperty({
    enum: CAPACITY_VIEWS,
    description: "The view of the adult's capacity to take part, as the decision is made.",
  })
  @IsIn(CAPACITY_VIEWS)
  capacityView: CapacityView;

  @ApiPropertyOptional({
    enum: ADVOCACY,
    description: 'Care Act s68: whether the adult has an independent advocate for the enquiry.',
  })
  @IsOptional()
  @IsIn(ADVOCACY)
  advocacy?: Advocacy;
}

function noEnquiry(dto: RecordDecisionDto): boolean {
  return dto.dutyMet === false && !dto.otherEnquiry;
}

export class LinkStrategyDiscussionDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'A strategy-discussion meeting already recorded (POST /meetings) in the partnership.',
  })
  @IsUUID()
  meetingId: string;
}

/** When the report is due: the date given, else a complex enquiry's longer default. */
export class ReportDateDto {
  @ApiPropertyOptional({
    example: '2026-12-21T17:30:00Z',
    description: "The report's due date, set case by case. Default: the policy's timescale.",
  })
  @IsOptional()
  @IsInstant()
  reportDueAt?: string;

  @ApiPropertyOptional({
    default: false,
    description: "A complex enquiry: the policy's longer timescale (unless a date is given).",
  })
  @IsOptional()
  @IsBoolean()
  complex?: boolean;
}

export class LeadEnquiryDto extends ReportDateDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Who makes the enquiry: a person of the local authority.',
  })
  @IsUUID()
  enquirerId: string;
}

/** What the local authority asks of the agency it causes to make the enquiry (practice §1). */
export class DelegateEnquiryDto extends ReportDateDto {
  @ApiProperty({ format: 'uuid', description: 'The agency asked to make the enquiry.' })
  @IsUUID()
  agencyId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Who in the agency answers the request. Default: the agency's first designated safeguarding lead.",
  })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiProperty({ minLength: 1, maxLength: ACCOUNT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  scope: string;

  @ApiProperty({ minLength: 1, maxLength: ACCOUNT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  adultsViews: string;

  @ApiProperty({ minLength: 1, maxLength: ACCOUNT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  desiredOutcomes: string;

  @ApiProperty({ enum: CAPACITY_VIEWS })
  @IsIn(CAPACITY_VIEWS)
  capacityView: CapacityView;

  @ApiProperty({
    enum: SHARING_CONSENT,
    description:
      'Whether the adult consented to their information being shared with the agency, or that was overridden (then say on what ground).',
  })
  @IsIn(SHARING_CONSENT)
  sharingConsent: SharingConsent;

  @ApiPropertyOptional({
    enum: CONSENT_NOT_SOUGHT_REASONS,
    description:
      'The ground their refusal was overridden on; required when sharingConsent is overridden.',
  })
  @ValidateIf(
    (dto: DelegateEnquiryDto) =>
      dto.sharingOverriddenOn !== undefined || dto.sharingConsent === 'overridden',
  )
  @IsIn(CONSENT_NOT_SOUGHT_REASONS)
  sharingOverriddenOn?: ConsentNotSoughtReason;

  @ApiProperty({
    example: '2026-09-01',
    description: 'The period under review: from (YYYY-MM-DD).',
  })
  @IsLocalDate()
  periodFrom: string;

  @ApiProperty({ example: '2026-11-20', description: 'To (YYYY-MM-DD), not before periodFrom.' })
  @IsLocalDate()
  periodTo: string;

  @ApiProperty({ minLength: 1, maxLength: ACCOUNT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  keyIssues: string;
}

export class AcceptDelegationDto {
  @ApiProperty({ format: 'uuid', description: "The agency's enquirer: a person of the agency." })
  @IsUUID()
  enquirerId: string;
}

export class DeclineDelegationDto {
  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason: string;
}

export class SubmitReportDto {
  @ApiProperty({
    minLength: 1,
    maxLength: REPORT_MAX,
    description: 'The enquiry report. Never sent in emails.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REPORT_MAX)
  text: string;
}

export class AcceptReportDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}

export class ReturnReportDto {
  @ApiProperty({
    minLength: 1,
    maxLength: ACCOUNT_MAX,
    description: 'What the report must still answer.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  questions: string;

  @ApiProperty({ example: '2026-12-28T17:30:00Z', description: 'When the answers are due.' })
  @IsInstant()
  newDueAt: string;
}

/**
 * The outcome and the Making Safeguarding Personal answers, as many at a time as are known: each
 * record holds the answers so far, so they can come in parts.
 */
export class RecordOutcomeDto {
  @ApiPropertyOptional({ enum: RISK_OUTCOMES })
  @IsOptional()
  @IsIn(RISK_OUTCOMES)
  riskOutcome?: RiskOutcome;

  @ApiPropertyOptional({ description: 'Was the adult asked what outcomes they wanted?' })
  @IsOptional()
  @IsBoolean()
  mspAsked?: boolean;

  @ApiPropertyOptional({ description: 'Did they express desired outcomes?' })
  @IsOptional()
  @IsBoolean()
  outcomesExpressed?: boolean;

  @ApiPropertyOptional({ enum: OUTCOMES_MET, description: 'Were those outcomes met?' })
  @IsOptional()
  @IsIn(OUTCOMES_MET)
  outcomesMet?: OutcomesMet;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}

export class AgreePlanDto {
  @ApiProperty({ format: 'uuid', description: 'Who leads the plan: a person of the partnership.' })
  @IsUUID()
  leadId: string;

  @ApiProperty({ minLength: 1, maxLength: ACCOUNT_MAX, description: 'The safeguarding plan.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  text: string;

  @ApiPropertyOptional({
    example: '2027-01-04T17:30:00Z',
    description: "The first review; at the latest (and by default) the policy's interval from now.",
  })
  @IsOptional()
  @IsInstant()
  firstReviewAt?: string;
}

export class RecordPlanReviewDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;

  @ApiPropertyOptional({
    example: '2027-02-15T17:30:00Z',
    description: "The next review; at the latest (and by default) the policy's interval from now.",
  })
  @IsOptional()
  @IsInstant()
  nextReviewAt?: string;
}

export class PauseEnquiryDto {
  @ApiProperty({ enum: PAUSE_REASONS })
  @IsIn(PAUSE_REASONS)
  reason: PauseReason;

  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  note: string;
}

export class CloseEnquiryDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}
