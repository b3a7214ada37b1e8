/**
 * Timeliness of chased items, for the board's oversight: per stage, per agency and per month the
 * items fell due, how many there were, the share done on time, and how late the late ones were
 * (median and 90th percentile, in working days). Boards ask "are deadlines met, where not, and by
 * how much"; a share alone hides one item months overdue, an average hides the many on time.
 *
 * No personal data: stages, agencies (organisations, named), months and counts. Nobody's name,
 * no reference, nothing anyone wrote.
 *
 * - An item counts in the month (UK) it fell due, if that is in the period and has passed: an
 *   item not yet due is not judged. Cancelled items are not counted (nothing was owed).
 * - On time: completed at or before its due instant. Late: completed after it, or still open
 *   past it (judged as late as it is so far).
 * - Working days late run on the working-day clock of the partnership's nation
 *   (workingDaysBetween: the working days after the due day up to and including the day it was
 *   done, or today); done later on the due day itself is late by 0.
 * - Percentiles are nearest-rank over the late items; none late, none given.
 * - The agency is the owner's agency now: the item's work sits with whoever holds it.
 */
import { ukLocalDate, workingDaysBetween, type Nation } from '../calendar';
import type { EscalationLogPeriod } from '../disagreements/escalation-log';
import type { StageKey } from '../policy/stage-keys';
import { csvLines } from './csv';

/** One chased item, as far as the report needs to know. */
export interface TimelinessItem {
  readonly stage: StageKey;
  readonly agency: { readonly id: string; readonly name: string };
  readonly dueAt: Date;
  /** When it was completed; null while open. */
  readonly completedAt: Date | null;
}

export interface TimelinessRow {
  readonly stage: StageKey;
  readonly agencyId: string;
  readonly agencyName: string;
  /** "YYYY-MM", UK: the month the items fell due. */
  readonly month: string;
  readonly items: number;
  readonly onTime: number;
  /** onTime / items, to three decimal places. */
  readonly onTimeShare: number;
  readonly late: number;
  readonly medianWorkingDaysLate: number | null;
  readonly p90WorkingDaysLate: number | null;
}

export interface TimelinessReport {
  readonly from: string;
  readonly to: string;
  /** By stage, then agency name, then month. */
  readonly rows: readonly TimelinessRow[];
}

type GroupKey = Pick<TimelinessRow, 'stage' | 'agencyId' | 'agencyName' | 'month'>;

export function timelinessReport(
  period: EscalationLogPeriod,
  nation: Nation,
  items: readonly TimelinessItem[],
  now: Date,
): TimelinessReport {
  const groups = new Map<string, { row: GroupKey; onTime: number; late: number[] }>();
  for (const item of items) {
    const judged =
      item.dueAt >= period.startsAt && item.dueAt < period.endsBefore && item.dueAt <= now;
    if (!judged) continue;
    const month = monthOf(item.dueAt);
    const key = `${item.stage}\u0000${item.agency.id}\u0000${month}`;
    const group = groups.get(key) ?? {
      row: { stage: item.stage, agencyId: item.agency.id, agencyName: item.agency.name, month },
      onTime: 0,
      late: [],
    };
    if (item.completedAt && item.completedAt <= item.dueAt) group.onTime += 1;
    else
      group.late.push(Math.max(0, workingDaysBetween(item.dueAt, item.completedAt ?? now, nation)));
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .map(({ row, onTime, late }) => {
      const count = onTime + late.length;
      const sorted = [...late].sort((a, b) => a - b);
      return {
        ...row,
        items: count,
        onTime,
        onTimeShare: Math.round((onTime / count) * 1000) / 1000,
        late: late.length,
        medianWorkingDaysLate: nearestRank(sorted, 0.5),
        p90WorkingDaysLate: nearestRank(sorted, 0.9),
      };
    })
    .sort(
      (a, b) =>
        compare(a.stage, b.stage) ||
        compare(a.agencyName, b.agencyName) ||
        compare(a.agencyId, b.agencyId) ||
        compare(a.month, b.month),
    );
  return { from: period.from, to: period.to, rows };
}

export const TIMELINESS_CSV_HEADER = [
  'stage',
  'agency',
  'month',
  'items',
  'on_time',
  'on_time_share',
  'late',
  'median_working_days_late',
  'p90_working_days_late',
] as const;

export function timelinessCsv(report: TimelinessReport): string {
  const orBlank = (value: number | null) => (value === null ? '' : String(value));
  return csvLines([
    TIMELINESS_CSV_HEADER,
    ...report.rows.map((row) => [
      row.stage,
      row.agencyName,
      row.month,
      String(row.items),
      String(row.onTime),
      String(row.onTimeShare),
      String(row.late),
      orBlank(row.medianWorkingDaysLate),
      orBlank(row.p90WorkingDaysLate),
    ]),
  ]);
}

/** The value at rank ceil(p × n) of an ascending list (1-based); null for none. */
function nearestRank(ascending: readonly number[], p: number): number | null {
  if (ascending.length === 0) return null;
  return ascending[Math.max(1, Math.ceil(p * ascending.length)) - 1];
}

function monthOf(instant: Date): string {
  const { year, month } = ukLocalDate(instant);
  return `${year}-${String(month).padStart(2, '0')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
