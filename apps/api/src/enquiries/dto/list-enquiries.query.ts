import { ApiPropertyOptional } from '@nestjs/swagger';
import { ENQUIRY_STAGES, type EnquiryStage } from '@safeguard/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ListEnquiriesQuery {
  @ApiPropertyOptional({
    enum: ENQUIRY_STAGES,
    description: 'Only enquiries at this stage. Default: every stage but closed.',
  })
  @IsOptional()
  @IsIn(ENQUIRY_STAGES)
  stage?: EnquiryStage;

  @ApiPropertyOptional({ description: 'Only enquiries whose next deadline has passed.' })
  @IsOptional()
  // A query string carries text: only the words true and false are booleans.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 366,
    example: 7,
    description: 'Only enquiries whose next deadline falls within this many days (or has passed).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  dueWithinDays?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only enquiries delegated to this agency.' })
  @IsOptional()
  @IsUUID()
  delegatedAgencyId?: string;
}
