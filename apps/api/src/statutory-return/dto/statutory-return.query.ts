import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, whyNotReportingYear } from '@safeguard/domain';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';

export const STATUTORY_RETURN_FORMATS = ['json', 'csv'] as const;
export type StatutoryReturnFormat = (typeof STATUTORY_RETURN_FORMATS)[number];

/** The domain says what makes a reporting year, so the API and the CLI refuse the same names. */
const IsReportingYear = () =>
  ValidateBy({
    name: 'isReportingYear',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !whyNotReportingYear(value),
      defaultMessage: (args) =>
        `${args?.property} ${whyNotReportingYear(typeof args?.value === 'string' ? args.value : '')}`,
    },
  });

/** Every name IsReportingYear accepts, for the document: the years the UK calendar covers. */
const REPORTING_YEARS = Array.from(
  { length: LAST_SUPPORTED_YEAR - FIRST_SUPPORTED_YEAR + 1 },
  (_, offset) => FIRST_SUPPORTED_YEAR + offset,
)
  .map((start) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`)
  .filter((name) => !whyNotReportingYear(name));

export class StatutoryReturnQuery {
  @ApiProperty({
    enum: REPORTING_YEARS,
    example: '2025-26',
    description: 'The financial year, 1 April to 31 March (UK time), as SAC names it.',
  })
  @IsReportingYear()
  year: string;

  @ApiPropertyOptional({
    enum: STATUTORY_RETURN_FORMATS,
    description: 'csv: the CSV download, as with Accept: text/csv. Wins over the Accept header.',
  })
  @IsOptional()
  @IsIn(STATUTORY_RETURN_FORMATS)
  format?: StatutoryReturnFormat;
}
