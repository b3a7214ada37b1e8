import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISAGREEMENT_THEMES, type DisagreementTheme } from '@safeguard/domain';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ApiFieldRules, IsCaseReference } from '../../common/validation';

/** Room for setting out what is disagreed and why: more than a note, less than a report. */
export const ACCOUNT_MAX = 10_000;
export const SUBJECT_MAX = 200;

/**
 * A professional disagreement as the raiser puts it (practice primer §3): with whom, about which
 * case, on which themes, and in writing. The raiser is the caller; their agency is recorded.
 */
// The other party: a person, an agency, or both.
@ApiFieldRules({ anyOf: [{ required: ['otherPersonId'] }, { required: ['otherAgencyId'] }] })
export class RaiseDisagreementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partnershipId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The practitioner you disagree with, an active person of the partnership; their agency is the other party.',
  })
  @IsOptional()
  @IsUUID()
  otherPersonId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The other agency, when no person is named (its designated leads answer for it); if a person is named too, it must be theirs.',
  })
  @ValidateIf(
    (dto: RaiseDisagreementDto) =>
      dto.otherPersonId === undefined || dto.otherAgencyId !== undefined,
  )
  @IsUUID(undefined, {
    message: 'otherAgencyId must be a UUID (it is required when no otherPersonId is given)',
  })
  otherAgencyId?: string;

  @ApiPropertyOptional({
    example: 'S42-2026-000123',
    description: "The case it concerns, in the case-holding agency's reference (no spaces).",
  })
  @IsOptional()
  @IsCaseReference()
  caseReference?: string;

  @ApiProperty({
    enum: DISAGREEMENT_THEMES,
    isArray: true,
    description: 'What the board reports on; never the case itself.',
    minItems: 1,
    maxItems: DISAGREEMENT_THEMES.length,

    uniqueItems: true,
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(DISAGREEMENT_THEMES.length)
  @IsIn(DISAGREEMENT_THEMES, { each: true })
  themes: DisagreementTheme[];

  @ApiProperty({
    minLength: 1,
    maxLength: SUBJECT_MAX,
    example: 'Threshold for a Section 42 enquiry',
    description:
      'A short heading. Shown only to those who may see the disagreement; never emailed.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUBJECT_MAX)
  subject: string;

  @ApiProperty({
    minLength: 1,
    maxLength: ACCOUNT_MAX,
    description: 'What is disagreed, and why, in writing. Never emailed.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_MAX)
  disagreement: string;

  @ApiProperty({
    description:
      "Immediate risk of harm: it starts at stage 3, the agencies' designated leads, the same working day.",
  })
  @IsBoolean()
  immediateRisk: boolean;
}
