import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONCERN_SOURCES,
  RISK_LOCATIONS,
  RISK_SOURCES,
  RISK_TYPES,
  URGENCIES,
  type ConcernSource,
  type RiskLocation,
  type RiskSource,
  type RiskType,
  type Urgency,
} from '@safeguard/domain';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsLocalDate, TEXT_MAX } from '../../common/validation';

export class AdultDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    description: 'Personal data: shown only to those on the case.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '1941-03-09', description: 'YYYY-MM-DD, if known.' })
  @IsOptional()
  @IsLocalDate()
  dateOfBirth?: string;
}

/**
 * A safeguarding concern as it reaches the local authority. The categories are those of the
 * Safeguarding Adults Collection, recorded now so the annual return is never re-keyed.
 */
export class RaiseEnquiryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partnershipId: string;

  @ApiProperty({
    example: '2026-11-23T09:15:00Z',
    description: 'When the concern reached the local authority (not in the future).',
  })
  @IsInstant()
  receivedAt: string;

  @ApiProperty({ enum: CONCERN_SOURCES })
  @IsIn(CONCERN_SOURCES)
  source: ConcernSource;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agency that raised it, if any.' })
  @IsOptional()
  @IsUUID()
  referrerAgencyId?: string;

  @ApiProperty({ type: AdultDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AdultDto)
  adult: AdultDto;

  @ApiProperty({ enum: RISK_TYPES, isArray: true, minItems: 1, uniqueItems: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(RISK_TYPES, { each: true })
  riskTypes: RiskType[];

  @ApiProperty({ enum: RISK_LOCATIONS })
  @IsIn(RISK_LOCATIONS)
  riskLocation: RiskLocation;

  @ApiProperty({ enum: RISK_SOURCES })
  @IsIn(RISK_SOURCES)
  riskSource: RiskSource;

  @ApiProperty({ enum: URGENCIES, description: 'urgent: immediate risk; shorter timescales.' })
  @IsIn(URGENCIES)
  urgency: Urgency;

  @ApiPropertyOptional({
    maxLength: TEXT_MAX,
    description: "What was reported, in the referrer's words. Never sent in emails.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  concernSummary?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Who triages it: a person of the partnership's local authority. Default: the raiser if they are one, else the local authority's first safeguarding lead.",
  })
  @IsOptional()
  @IsUUID()
  triageWorkerId?: string;
}
