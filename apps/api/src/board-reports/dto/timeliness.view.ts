import { ApiProperty } from '@nestjs/swagger';
import { STAGE_KEYS, type StageKey, type TimelinessReport } from '@safeguard/domain';

export class TimelinessRowView {
  @ApiProperty({ enum: STAGE_KEYS, description: 'The policy stage the items were chased under.' })
  stage: StageKey;

  @ApiProperty({ format: 'uuid', description: "The owner's agency." })
  agencyId: string;

  @ApiProperty({ example: 'Northshire NHS Trust' })
  agencyName: string;

  @ApiProperty({ example: '2026-11', description: 'The UK month the items fell due.' })
  month: string;

  @ApiProperty({
    type: 'integer',
    description: 'Items that fell due in the month (not cancelled).',
  })
  items: number;

  @ApiProperty({ type: 'integer', description: 'Completed at or before their due instant.' })
  onTime: number;

  @ApiProperty({ example: 0.875, description: 'onTime / items, to three decimal places.' })
  onTimeShare: number;

  @ApiProperty({
    type: 'integer',
    description: 'Completed after their due instant, or still open.',
  })
  late: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Median working days late, of the late ones (nearest rank); null if none.',
  })
  medianWorkingDaysLate: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      '90th percentile of working days late, of the late ones (nearest rank); null if none.',
  })
  p90WorkingDaysLate: number | null;
}

/** How timely the partnership's chased items were; no personal data. */
export class TimelinessView {
  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ format: 'date', example: '2026-10-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  to: string;

  @ApiProperty({ type: [TimelinessRowView], description: 'By stage, then agency, then month.' })
  rows: TimelinessRowView[];

  static of(partnershipId: string, report: TimelinessReport): TimelinessView {
    return {
      partnershipId,
      from: report.from,
      to: report.to,
      rows: report.rows.map((row) => ({ ...row })),
    };
  }
}
