import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { whyNotEscalationLogDate, whyNotEscalationLogEnd } from '@safeguard/domain';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';

export const ESCALATION_LOG_FORMATS = ['json', 'csv'] as const;
export type EscalationLogFormat = (typeof ESCALATION_LOG_FORMATS)[number];

/** A period's day as the schema can say it: a date in a year the working-day calendar covers. */
const PERIOD_DAY_PATTERN =
  '^(19[7-9]\\d|20\\d\\d|21[0-8]\\d|219[0-8])-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** The domain says what makes a period, so every caller refuses the same dates in the same words. */
const IsPeriodDate = () =>
  ValidateBy({
    name: 'isEscalationLogDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !whyNotEscalationLogDate(value),
      defaultMessage: (args) =>
        `${args?.property} ${whyNotEscalationLogDate(typeof args?.value === 'string' ? args.value : '')}`,
    },
  });

/** On `to`, once both are dates: not before `from`, and within two years of it. */
const IsPeriodEnd = () =>
  ValidateBy({
    name: 'isEscalationLogEnd',
    validator: {
      validate: (value: unknown, args) =>
        !whyNotEscalationLogEnd(String((args?.object as EscalationLogQuery).from), String(value)),
      defaultMessage: (args) =>
        `${args?.property} ${whyNotEscalationLogEnd(
          String((args?.object as EscalationLogQuery).from),
          String(args?.value),
        )}`,
    },
  });

export class EscalationLogQuery {
  @ApiProperty({
    format: 'date',
    pattern: PERIOD_DAY_PATTERN,
    example: '2025-04-01',
    description: 'The first day of the period (UK date, YYYY-MM-DD).',
  })
  @IsPeriodDate()
  from: string;

  @ApiProperty({
    format: 'date',
    pattern: PERIOD_DAY_PATTERN,
    example: '2025-06-30',
    description:
      'The last day of the period (UK date, YYYY-MM-DD), included; not before from, and within two years of it.',
  })
  @IsPeriodDate()
  @IsPeriodEnd()
  to: string;

  @ApiPropertyOptional({
    enum: ESCALATION_LOG_FORMATS,
    description: 'csv: the CSV download, as with Accept: text/csv. Wins over the Accept header.',
  })
  @IsOptional()
  @IsIn(ESCALATION_LOG_FORMATS)
  format?: EscalationLogFormat;
}
