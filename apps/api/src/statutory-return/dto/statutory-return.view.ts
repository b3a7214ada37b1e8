import { ApiProperty } from '@nestjs/swagger';
import type { ReportingYear, StatutoryReturnTable } from '@safeguard/domain';

export class StatutoryReturnRowView {
  @ApiProperty({ example: 'Financial or material' })
  label: string;

  @ApiProperty({ type: [Number], example: [12, 3], description: 'One count per column.' })
  counts: number[];
}

export class StatutoryReturnTableView {
  @ApiProperty({ example: 'concluded-by-risk-type' })
  id: string;

  @ApiProperty({ example: 'Concluded enquiries, by type of risk' })
  title: string;

  @ApiProperty({ type: [String], example: ['Section 42', 'Other'] })
  columns: string[];

  @ApiProperty({
    type: [StatutoryReturnRowView],
    description: 'Every category, zeros included; a Total row where each enquiry is in one row.',
  })
  rows: StatutoryReturnRowView[];
}

export class StatutoryReturnView {
  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ example: '2025-26' })
  year: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-31T23:00:00.000Z' })
  from: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-03-31T23:00:00.000Z',
    description: 'The first instant after the year.',
  })
  to: string;

  @ApiProperty({ type: [StatutoryReturnTableView] })
  tables: StatutoryReturnTableView[];

  static of(
    partnershipId: string,
    year: ReportingYear,
    tables: readonly StatutoryReturnTable[],
  ): StatutoryReturnView {
    return {
      partnershipId,
      year: year.name,
      from: year.from.toISOString(),
      to: year.to.toISOString(),
      tables: tables.map((table) => ({
        ...table,
        columns: [...table.columns],
        rows: table.rows.map((row) => ({ label: row.label, counts: [...row.counts] })),
      })),
    };
  }
}
