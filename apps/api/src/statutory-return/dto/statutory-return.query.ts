import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { whyNotReportingYear } from '@safeguard/domain';
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

export class StatutoryReturnQuery {
  @ApiProperty({
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
