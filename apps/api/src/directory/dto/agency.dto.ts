import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { AGENCY_TYPES, type AgencyType } from '@safeguard/domain';
import type { AgencyEntity } from '@safeguard/persistence';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsPlainName } from '../../common/validation';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Northshire Police', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsPlainName()
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  type: AgencyType;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The partnerships it belongs to.',
    minItems: 1,
  })
  @IsArray()
  @ArrayNotEmpty()
  @IsUUID('all', { each: true })
  partnershipIds: string[];
}

export class UpdateAgencyDto extends PartialType(CreateAgencyDto) {}

export class ListAgenciesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only agencies in this partnership.' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string;
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  type: AgencyType;

  @ApiProperty({ type: [String], format: 'uuid' })
  partnershipIds: string[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Active people of this agency with the designated-safeguarding-lead role.',
  })
  designatedLeadIds: string[];

  static of(agency: AgencyEntity, designatedLeadIds: string[]): AgencyView {
    return {
      id: agency.id,
      name: agency.name,
      type: agency.type,
      partnershipIds: agency.partnerships.map((p) => p.id).sort(),
      designatedLeadIds,
    };
  }
}
