/**
 * The board's escalation log (practice primer §3: "Boards keep an escalation log and report on
 * it (counts, stage reached, agencies, time to resolution, themes) without personal data").
 * The database hands over one plain row per disagreement raised in the period; what goes in the
 * log and how it adds up lives here, where it can be tested without Postgres.
 *
 * No personal data: a disagreement is logged by its reference, its dates, the two agencies
 * (organisations, named), its themes and how far it went. Nobody's name or id, no case
 * reference and nothing anyone wrote is part of a row, so none of it can reach the log.
 *
 * - The period is of UK calendar dates, both included; a disagreement is in it when it was
 *   raised in it.
 * - Outcome and stage are as they stand when the log is produced: a disagreement raised in the
 *   period and resolved after it shows as resolved.
 * - Working days to resolution run on the domain's working-day clock for the partnership's nation
 *   (workingDaysBetween: the working days after the day it was raised, up to and including the
 *   day it was resolved; resolved the same day is 0). Timescales in the protocol are counted the
 *   same way.
 * - A withdrawn disagreement has no working days to resolution and does not count in the median
 *   or the longest: it was not resolved but dropped, and counting the days to its withdrawal
 *   would let disagreements nobody saw through make resolution look quicker (or slower) than it
 *   is. The day it was withdrawn is still in the log (closedOn), so nothing is hidden.
 */
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  dayNumberOf,
  formatLocalDate,
  localDateOf,
  ukInstant,
  ukLocalDate,
  workingDaysBetween,
  type Nation,
} from '../calendar';
import { dayNumberFromParts } from '../calendar/uk-time';
import type { AgencyType } from '../directory/directory';
import { csvLines } from '../reporting/csv';
import {
  DISAGREEMENT_THEMES,
  firstStage,
  stageNumber,
  type DisagreementStatus,
  type DisagreementTheme,
} from './disagreement';

export const ESCALATION_STAGES = [1, 2, 3, 4] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number];

/** A log is for a quarter, a year, or a board's two-year review; never more than two years. */
export const ESCALATION_LOG_MAX_YEARS = 2;

/** The dates asked for (UK calendar, both included), and the instants they cover. */
export interface EscalationLogPeriod {
  /** "YYYY-MM-DD", the first day. */
  readonly from: string;
  /** "YYYY-MM-DD", the last day. */
  readonly to: string;
  /** Midnight starting `from`, UK time. */
  readonly startsAt: Date;
  /** Midnight ending `to`, UK time: the first instant after the period. */
  readonly endsBefore: Date;
}

/** An agency is an organisation, not a person: its name and type may be reported. */
export interface EscalationLogAgency {
  readonly id: string;
  readonly name: string;
  readonly type: AgencyType;
}

/** One disagreement, as far as the log needs to know. */
export interface EscalationLogDisagreement {
  readonly reference: string;
  readonly raisedAt: Date;
  /** When it was resolved or withdrawn; null while open. */
  readonly closedAt: Date | null;
  readonly status: DisagreementStatus;
  /** null until the workflow has written its first stage (see highestStageOf). */
  readonly highestStage: number | null;
  readonly immediateRisk: boolean;
  readonly themes: readonly DisagreementTheme[];
  readonly raiserAgency: EscalationLogAgency;
  readonly otherAgency: EscalationLogAgency;
}

export interface EscalationLogEntry {
  readonly reference: string;
  /** The UK date it was raised, "YYYY-MM-DD". */
  readonly raisedOn: string;
  readonly raiserAgency: EscalationLogAgency;
  readonly otherAgency: EscalationLogAgency;
  /** In the order of DISAGREEMENT_THEMES, each once. */
  readonly themes: readonly DisagreementTheme[];
  readonly immediateRisk: boolean;
  readonly highestStage: EscalationStage;
  readonly outcome: DisagreementStatus;
  /** The UK date it was resolved or withdrawn; null while open. */
  readonly closedOn: string | null;
  /** Resolved only: null while open and for a withdrawn disagreement (see the file's notes). */
  readonly workingDaysToResolution: number | null;
}

export interface EscalationLogAgencyCount {
  readonly agency: EscalationLogAgency;
  readonly asRaiser: number;
  readonly asOtherParty: number;
  /** Disagreements it was part of, each once (it may be both parties: two of its teams). */
  readonly disagreements: number;
}

export interface EscalationLogSummary {
  readonly count: number;
  /** Of the count, those raised as an immediate risk of harm (started at stage 3). */
  readonly immediateRisk: number;
  /** Every stage 1–4, zeros included. */
  readonly byHighestStage: readonly { readonly stage: EscalationStage; readonly count: number }[];
  /**
   * Every theme, zeros included, in the order of DISAGREEMENT_THEMES. A disagreement counts once
   * under each of its themes, so these add up to the count or more.
   */
  readonly byTheme: readonly { readonly theme: DisagreementTheme; readonly count: number }[];
  /** The agencies in the log, most disagreements first, then by name. */
  readonly byAgency: readonly EscalationLogAgencyCount[];
  readonly outcomes: Readonly<Record<DisagreementStatus, number>>;
  /** Over the resolved only; null when none was. The median of an even number is the mean. */
  readonly workingDaysToResolution: {
    readonly median: number | null;
    readonly longest: number | null;
  };
}

export interface EscalationLog {
  readonly summary: EscalationLogSummary;
  /** Oldest first. */
  readonly entries: readonly EscalationLogEntry[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LAST_PERIOD_YEAR = LAST_SUPPORTED_YEAR - 1;

/** Why text is not a date a period can start or end on, in words that follow the field's name. */
export function whyNotEscalationLogDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return 'must be a date as YYYY-MM-DD';
  const [year, month, day] = match.slice(1).map(Number);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_PERIOD_YEAR) {
    return `must be in a year from ${FIRST_SUPPORTED_YEAR} to ${LAST_PERIOD_YEAR}`;
  }
  try {
    dayNumberOf({ year, month, day });
  } catch {
    return 'must be a date as YYYY-MM-DD';
  }
  return undefined;
}

/**
 * Why `to` does not end a period starting `from`, both already dates; in words that follow the
 * name "to". At most two years: from 1 April 2024, the last day is 31 March 2026.
 */
export function whyNotEscalationLogEnd(from: string, to: string): string | undefined {
  if (whyNotEscalationLogDate(from) || whyNotEscalationLogDate(to)) return undefined;
  if (to < from) return 'must not be before from';
  const start = parseDate(from);
  // The same day of the month, two years on, less a day; 29 February runs to 28 February.
  const lastDay =
    dayNumberFromParts(start.year + ESCALATION_LOG_MAX_YEARS, start.month, 1) + start.day - 2;
  if (dayNumberOf(parseDate(to)) <= lastDay) return undefined;
  const last = formatLocalDate(localDateOf(lastDay));
  return `must be within ${ESCALATION_LOG_MAX_YEARS} years of from (${last} at the latest)`;
}

/** The period from one UK date to another, both included; a RangeError saying why otherwise. */
export function escalationLogPeriod(from: string, to: string): EscalationLogPeriod {
  const why =
    fieldWhy('from', whyNotEscalationLogDate(from)) ??
    fieldWhy('to', whyNotEscalationLogDate(to) ?? whyNotEscalationLogEnd(from, to));
  if (why) throw new RangeError(`Escalation log: ${why}.`);
  const end = dayNumberOf(parseDate(to)) + 1;
  return {
    from,
    to,
    startsAt: ukInstant(parseDate(from)),
    endsBefore: ukInstant(localDateOf(end)),
  };
}

/** The log of the disagreements raised in the period, on the clock of the partnership's nation. */
export function escalationLog(
  period: EscalationLogPeriod,
  nation: Nation,
  disagreements: readonly EscalationLogDisagreement[],
): EscalationLog {
  const entries = disagreements
    .filter((each) => each.raisedAt >= period.startsAt && each.raisedAt < period.endsBefore)
    .sort(
      (a, b) =>
        a.raisedAt.getTime() - b.raisedAt.getTime() ||
        (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
    )
    .map((each) => entryOf(each, nation));
  return { summary: summaryOf(entries), entries };
}

function entryOf(disagreement: EscalationLogDisagreement, nation: Nation): EscalationLogEntry {
  const { status, closedAt, raisedAt } = disagreement;
  // A closed disagreement always has its closing instant; should the read model not have it yet,
  // the log says nothing rather than guess.
  const closed = status === 'open' ? null : closedAt;
  return {
    reference: disagreement.reference,
    raisedOn: formatLocalDate(ukLocalDate(raisedAt)),
    raiserAgency: agencyOf(disagreement.raiserAgency),
    otherAgency: agencyOf(disagreement.otherAgency),
    themes: themesOf(disagreement),
    immediateRisk: disagreement.immediateRisk,
    highestStage: highestStageOf(disagreement),
    outcome: status,
    closedOn: closed ? formatLocalDate(ukLocalDate(closed)) : null,
    workingDaysToResolution:
      status === 'resolved' && closed ? workingDaysBetween(raisedAt, closed, nation) : null,
  };
}

/** Only what the log may carry, whatever else the row had. */
function agencyOf({ id, name, type }: EscalationLogAgency): EscalationLogAgency {
  return { id, name, type };
}

function themesOf(disagreement: EscalationLogDisagreement): DisagreementTheme[] {
  for (const theme of disagreement.themes) {
    // The database constrains the themes; anything else would be a bug upstream.
    if (!(DISAGREEMENT_THEMES as readonly string[]).includes(theme)) {
      throw new RangeError(
        `Escalation log: "${theme}" is not a theme (disagreement ${disagreement.reference}).`,
      );
    }
  }
  return DISAGREEMENT_THEMES.filter((theme) => disagreement.themes.includes(theme));
}

/**
 * The highest stage the workflow recorded. Until it has written its first stage, a disagreement
 * is at the stage it starts at: stage 1, or stage 3 for an immediate risk of harm.
 */
function highestStageOf(disagreement: EscalationLogDisagreement): EscalationStage {
  const stage = disagreement.highestStage ?? stageNumber(firstStage(disagreement.immediateRisk));
  if (!(ESCALATION_STAGES as readonly number[]).includes(stage)) {
    throw new RangeError(
      `Escalation log: stage ${stage} is not a stage (disagreement ${disagreement.reference}).`,
    );
  }
  return stage as EscalationStage;
}

function summaryOf(entries: readonly EscalationLogEntry[]): EscalationLogSummary {
  const count = (match: (entry: EscalationLogEntry) => boolean) => entries.filter(match).length;
  const agencies = new Map<string, EscalationLogAgencyCount>();
  for (const entry of entries) {
    for (const [agency, role] of [
      [entry.raiserAgency, 'asRaiser'],
      [entry.otherAgency, 'asOtherParty'],
    ] as const) {
      const counted = agencies.get(agency.id) ?? {
        agency,
        asRaiser: 0,
        asOtherParty: 0,
        disagreements: 0,
      };
      agencies.set(agency.id, { ...counted, [role]: counted[role] + 1 });
    }
    for (const id of new Set([entry.raiserAgency.id, entry.otherAgency.id])) {
      const counted = agencies.get(id) as EscalationLogAgencyCount;
      agencies.set(id, { ...counted, disagreements: counted.disagreements + 1 });
    }
  }
  const days = entries
    .map((entry) => entry.workingDaysToResolution)
    .filter((each): each is number => each !== null)
    .sort((a, b) => a - b);
  return {
    count: entries.length,
    immediateRisk: count((entry) => entry.immediateRisk),
    byHighestStage: ESCALATION_STAGES.map((stage) => ({
      stage,
      count: count((entry) => entry.highestStage === stage),
    })),
    byTheme: DISAGREEMENT_THEMES.map((theme) => ({
      theme,
      count: count((entry) => entry.themes.includes(theme)),
    })),
    byAgency: [...agencies.values()].sort(
      (a, b) =>
        b.disagreements - a.disagreements || a.agency.name.localeCompare(b.agency.name, 'en-GB'),
    ),
    outcomes: {
      open: count((entry) => entry.outcome === 'open'),
      resolved: count((entry) => entry.outcome === 'resolved'),
      withdrawn: count((entry) => entry.outcome === 'withdrawn'),
    },
    workingDaysToResolution: {
      median: median(days),
      longest: days.length ? days[days.length - 1] : null,
    },
  };
}

function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const ESCALATION_LOG_CSV_HEADER = [
  'reference',
  'raised_on',
  'raiser_agency',
  'raiser_agency_type',
  'other_agency',
  'other_agency_type',
  'themes',
  'immediate_risk',
  'highest_stage',
  'outcome',
  'closed_on',
  'working_days_to_resolution',
] as const;

/**
 * The log's entries, a line each under a header (the summary is what a pivot of them gives).
 * Themes are joined with ';' in one field; an empty field is a value not known yet (closed_on and
 * working days while open). RFC 4180 (see csvLines).
 */
export function escalationLogCsv(log: EscalationLog): string {
  return csvLines([
    ESCALATION_LOG_CSV_HEADER,
    ...log.entries.map((entry) => [
      entry.reference,
      entry.raisedOn,
      entry.raiserAgency.name,
      entry.raiserAgency.type,
      entry.otherAgency.name,
      entry.otherAgency.type,
      entry.themes.join(';'),
      entry.immediateRisk ? 'yes' : 'no',
      String(entry.highestStage),
      entry.outcome,
      entry.closedOn ?? '',
      entry.workingDaysToResolution === null ? '' : String(entry.workingDaysToResolution),
    ]),
  ]);
}

function parseDate(text: string): { year: number; month: number; day: number } {
  const [year, month, day] = text.split('-').map(Number);
  return { year, month, day };
}

function fieldWhy(field: string, why: string | undefined): string | undefined {
  return why && `${field} ${why}`;
}
