/**
 * The year's counts in the shape of the Safeguarding Adults Collection (SAC), the annual return
 * English local authorities make (practice primer §1, "Statutory reporting"). The database hands
 * over one plain row per enquiry touching the year; everything that decides what counts where
 * lives here, where it can be tested without Postgres.
 *
 * When something counts:
 * - a concern counts in the year it was received;
 * - an enquiry (Section 42 or other) starts in the year its decision was made;
 * - an enquiry concludes in the year its report was accepted, whether or not it has closed yet;
 *   the outcome and Making Safeguarding Personal answers are those of its accepted outcome
 *   record, so an enquiry concluded before they were recorded shows as "not recorded".
 */
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, ukInstant, ukLocalDate } from '../calendar';
import { csvLines } from '../reporting/csv';
import { ENQUIRY_TYPES, type EnquiryType } from './enquiry-state';
import {
  CONCERN_SOURCES,
  OUTCOMES_MET,
  RISK_LOCATIONS,
  RISK_OUTCOMES,
  RISK_SOURCES,
  RISK_TYPES,
  type ConcernSource,
  type OutcomesMet,
  type RiskLocation,
  type RiskOutcome,
  type RiskSource,
  type RiskType,
} from './safeguarding-categories';

/** A SAC reporting year: a financial year, 1 April to 31 March in Europe/London. */
export interface ReportingYear {
  /** As SAC names it: "2025-26". */
  readonly name: string;
  /** Midnight starting 1 April, UK time. */
  readonly from: Date;
  /** Midnight starting the next 1 April, UK time: the first instant not in the year. */
  readonly to: Date;
}

/** Why a name is not a reporting year, in words that follow the field's name; else undefined. */
export function whyNotReportingYear(name: string): string | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(name);
  if (!match) return 'must be a financial year written like 2025-26';
  const start = Number(match[1]);
  if (Number(match[2]) !== (start + 1) % 100) {
    return `must name two consecutive years, like ${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  }
  // The year ends in the next calendar year, which the UK calendar must also cover.
  if (start < FIRST_SUPPORTED_YEAR || start >= LAST_SUPPORTED_YEAR) {
    return `must start between ${FIRST_SUPPORTED_YEAR} and ${LAST_SUPPORTED_YEAR - 1}`;
  }
  return undefined;
}

/** "2025-26" → its bounds as instants; throws a RangeError saying why for anything else. */
export function reportingYear(name: string): ReportingYear {
  const why = whyNotReportingYear(name);
  if (why) throw new RangeError(`The reporting year "${name}" ${why}.`);
  const start = Number(name.slice(0, 4));
  return {
    name,
    from: ukInstant({ year: start, month: 4, day: 1 }),
    to: ukInstant({ year: start + 1, month: 4, day: 1 }),
  };
}

/** The accepted outcome record's facts, as the API writes them; any of them may be missing. */
export interface StatutoryReturnOutcome {
  readonly riskOutcome?: RiskOutcome;
  readonly mspAsked?: boolean;
  readonly outcomesExpressed?: boolean;
  readonly outcomesMet?: OutcomesMet;
}

/** One concern and what became of it, as far as the return needs to know. */
export interface StatutoryReturnEnquiry {
  readonly receivedAt: Date;
  readonly source: ConcernSource;
  /** The adult's date of birth, "YYYY-MM-DD", when known. */
  readonly dateOfBirth: string | null;
  /** null while undecided, and when the decision was that no enquiry is made. */
  readonly enquiryType: EnquiryType | null;
  readonly decidedAt: Date | null;
  readonly concludedAt: Date | null;
  readonly riskTypes: readonly RiskType[];
  readonly riskLocation: RiskLocation;
  readonly riskSource: RiskSource;
  readonly outcome: StatutoryReturnOutcome | null;
}

export interface StatutoryReturnRow {
  readonly label: string;
  /** One count per column of its table. */
  readonly counts: readonly number[];
}

export interface StatutoryReturnTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  /** Every category, in the order of the domain lists, zeros included. */
  readonly rows: readonly StatutoryReturnRow[];
}

const CONCERN_SOURCE_LABELS: Readonly<Record<ConcernSource, string>> = {
  'social-care-staff': 'Social care staff',
  'health-staff': 'Health staff',
  police: 'Police',
  'care-provider': 'Care provider',
  housing: 'Housing',
  'education-or-training': 'Education or training',
  'other-professional': 'Other professional',
  'family-or-friend': 'Family member or friend',
  'self-referral': 'Self-referral',
  anonymous: 'Anonymous',
  other: 'Other',
};

const ENQUIRY_TYPE_LABELS: Readonly<Record<EnquiryType, string>> = {
  'section-42': 'Section 42',
  other: 'Other',
};

const AGE_BANDS = ['18-64', '65-74', '75-84', '85-94', '95-and-over', 'unknown'] as const;
type AgeBand = (typeof AGE_BANDS)[number];
// "Aged …" rather than a bare "65-74", which spreadsheets are apt to read as a date.
const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  '18-64': 'Aged 18-64',
  '65-74': 'Aged 65-74',
  '75-84': 'Aged 75-84',
  '85-94': 'Aged 85-94',
  '95-and-over': 'Aged 95 and over',
  unknown: 'Age unknown',
};

const RISK_TYPE_LABELS: Readonly<Record<RiskType, string>> = {
  physical: 'Physical',
  sexual: 'Sexual',
  psychological: 'Psychological',
  'financial-or-material': 'Financial or material',
  'neglect-and-acts-of-omission': 'Neglect and acts of omission',
  discriminatory: 'Discriminatory',
  organisational: 'Organisational',
  'domestic-abuse': 'Domestic abuse',
  'modern-slavery': 'Modern slavery',
  'sexual-exploitation': 'Sexual exploitation',
  'self-neglect': 'Self-neglect',
};

const RISK_LOCATION_LABELS: Readonly<Record<RiskLocation, string>> = {
  'own-home': 'Own home',
  'care-home-nursing': 'Care home: nursing',
  'care-home-residential': 'Care home: residential',
  'hospital-acute': 'Hospital: acute',
  'hospital-mental-health': 'Hospital: mental health',
  'hospital-community': 'Hospital: community',
  'in-the-community': 'In the community (excluding community services)',
  'community-service': 'In a community service',
  other: 'Other',
};

const RISK_SOURCE_LABELS: Readonly<Record<RiskSource, string>> = {
  'service-provider': 'Service provider',
  'other-known-to-individual': 'Other: known to the individual',
  'other-unknown-to-individual': 'Other: unknown to the individual',
};

const NOT_RECORDED = 'not-recorded';
type OrNotRecorded<T extends string> = T | typeof NOT_RECORDED;

const RISK_OUTCOME_KEYS = [...RISK_OUTCOMES, NOT_RECORDED] as const;
const RISK_OUTCOME_LABELS: Readonly<Record<OrNotRecorded<RiskOutcome>, string>> = {
  removed: 'Risk identified and action taken: risk removed',
  reduced: 'Risk identified and action taken: risk reduced',
  remained: 'Risk identified and action taken: risk remained',
  [NOT_RECORDED]: 'No outcome recorded',
};

// Making Safeguarding Personal nests: expressed is asked only of those asked, met only of those
// who expressed outcomes. Each level has its "not recorded" so it adds up to the level above.
const MSP_KEYS = [
  'asked-yes',
  'asked-no',
  'asked-not-recorded',
  'expressed-yes',
  'expressed-no',
  'expressed-not-recorded',
  ...OUTCOMES_MET.map((met) => `met-${met}` as const),
  'met-not-recorded',
] as const;
type MspKey = (typeof MSP_KEYS)[number];
const MSP_LABELS: Readonly<Record<MspKey, string>> = {
  'asked-yes': 'Asked about desired outcomes: yes',
  'asked-no': 'Asked about desired outcomes: no',
  'asked-not-recorded': 'Asked about desired outcomes: not recorded',
  'expressed-yes': 'Desired outcomes expressed (of those asked): yes',
  'expressed-no': 'Desired outcomes expressed (of those asked): no',
  'expressed-not-recorded': 'Desired outcomes expressed (of those asked): not recorded',
  'met-fully': 'Desired outcomes met (of those expressed): fully',
  'met-partly': 'Desired outcomes met (of those expressed): partly',
  'met-not': 'Desired outcomes met (of those expressed): not',
  'met-not-recorded': 'Desired outcomes met (of those expressed): not recorded',
};

const TOTAL = 'Total';
const BY_ENQUIRY_TYPE = ENQUIRY_TYPES.map((type) => ENQUIRY_TYPE_LABELS[type]);
const SECTION_42_ONLY = [ENQUIRY_TYPE_LABELS['section-42']];

/**
 * The return's tables for one year. Where each enquiry falls in exactly one row, a Total row
 * follows; by type of risk it does not, because a concern with several types counts once per
 * type (as SAC counts them) and a total would count enquiries more than once.
 */
export function statutoryReturnTables(
  year: ReportingYear,
  enquiries: readonly StatutoryReturnEnquiry[],
): StatutoryReturnTable[] {
  const inYear = (instant: Date | null) =>
    instant !== null && instant >= year.from && instant < year.to;
  const received = enquiries.filter((each) => inYear(each.receivedAt));
  const started = enquiries.filter((each) => each.enquiryType && inYear(each.decidedAt));
  const concluded = enquiries.filter((each) => each.enquiryType && inYear(each.concludedAt));
  const concludedS42 = concluded.filter((each) => each.enquiryType === 'section-42');
  const column = (each: StatutoryReturnEnquiry) =>
    ENQUIRY_TYPES.indexOf(each.enquiryType as EnquiryType);

  return [
    countTable(
      { id: 'concerns', title: 'Safeguarding concerns received, by source of concern' },
      ['Concerns'],
      CONCERN_SOURCES,
      CONCERN_SOURCE_LABELS,
      received.map((each) => [each.source, 0]),
    ),
    countTable(
      { id: 'enquiries-started', title: 'Enquiries started, by age band' },
      BY_ENQUIRY_TYPE,
      AGE_BANDS,
      AGE_BAND_LABELS,
      started.map((each) => [ageBand(each), column(each)]),
    ),
    countTable(
      { id: 'concluded-by-risk-type', title: 'Concluded enquiries, by type of risk' },
      BY_ENQUIRY_TYPE,
      RISK_TYPES,
      RISK_TYPE_LABELS,
      concluded.flatMap((each) =>
        [...new Set(each.riskTypes)].map((type) => [type, column(each)] as const),
      ),
      { total: false },
    ),
    countTable(
      { id: 'concluded-by-risk-location', title: 'Concluded enquiries, by location of risk' },
      BY_ENQUIRY_TYPE,
      RISK_LOCATIONS,
      RISK_LOCATION_LABELS,
      concluded.map((each) => [each.riskLocation, column(each)]),
    ),
    countTable(
      { id: 'concluded-by-risk-source', title: 'Concluded enquiries, by source of risk' },
      BY_ENQUIRY_TYPE,
      RISK_SOURCES,
      RISK_SOURCE_LABELS,
      concluded.map((each) => [each.riskSource, column(each)]),
    ),
    countTable(
      {
        id: 'concluded-s42-by-outcome',
        title: 'Concluded Section 42 enquiries, by outcome for the risk',
      },
      SECTION_42_ONLY,
      RISK_OUTCOME_KEYS,
      RISK_OUTCOME_LABELS,
      concludedS42.map((each) => [oneOf(RISK_OUTCOMES, each.outcome?.riskOutcome), 0]),
    ),
    countTable(
      {
        id: 'concluded-s42-msp',
        title: 'Making Safeguarding Personal, concluded Section 42 enquiries',
      },
      SECTION_42_ONLY,
      MSP_KEYS,
      MSP_LABELS,
      concludedS42.flatMap((each) => mspRows(each.outcome).map((key) => [key, 0] as const)),
      { total: false },
    ),
  ];
}

/** Counts one per placement (row, column), with every row present; a Total row unless told. */
function countTable<K extends string>(
  head: { id: string; title: string },
  columns: readonly string[],
  keys: readonly K[],
  labels: Readonly<Record<K, string>>,
  placements: readonly (readonly [K, number])[],
  { total = true } = {},
): StatutoryReturnTable {
  const counts = new Map(keys.map((key) => [key, columns.map(() => 0)]));
  for (const [key, index] of placements) {
    const row = counts.get(key);
    // The database constrains every category; anything else would be a bug upstream.
    if (!row) throw new RangeError(`Statutory return: "${key}" is not a category of ${head.id}.`);
    row[index] += 1;
  }
  const rows = keys.map((key) => ({ label: labels[key], counts: counts.get(key) as number[] }));
  const totals = columns.map((_, index) => rows.reduce((sum, row) => sum + row.counts[index], 0));
  return { ...head, columns, rows: total ? [...rows, { label: TOTAL, counts: totals }] : rows };
}

/** Outcome facts come from a JSON column: a value outside the list counts as not recorded. */
function oneOf<T extends string>(allowed: readonly T[], value: unknown): OrNotRecorded<T> {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : NOT_RECORDED;
}

function yesNo(value: unknown): 'yes' | 'no' | typeof NOT_RECORDED {
  return value === true ? 'yes' : value === false ? 'no' : NOT_RECORDED;
}

function mspRows(outcome: StatutoryReturnOutcome | null): MspKey[] {
  const asked = yesNo(outcome?.mspAsked);
  if (asked !== 'yes') return [`asked-${asked}`];
  const expressed = yesNo(outcome?.outcomesExpressed);
  if (expressed !== 'yes') return ['asked-yes', `expressed-${expressed}`];
  return ['asked-yes', 'expressed-yes', `met-${oneOf(OUTCOMES_MET, outcome?.outcomesMet)}`];
}

/**
 * SAC's age band for the adult's age when the concern was received. Adult safeguarding is for
 * people aged 18 or over, so a date of birth putting someone younger (or after the concern) is
 * not a known age and counts as unknown rather than inflating the youngest band.
 */
function ageBand(enquiry: StatutoryReturnEnquiry): AgeBand {
  const born = /^(\d{4})-(\d{2})-(\d{2})$/.exec(enquiry.dateOfBirth ?? '');
  if (!born) return 'unknown';
  const [year, month, day] = born.slice(1).map(Number);
  const on = ukLocalDate(enquiry.receivedAt);
  const hadBirthday = on.month > month || (on.month === month && on.day >= day);
  const age = on.year - year - (hadBirthday ? 0 : 1);
  if (age < 18) return 'unknown';
  if (age < 65) return '18-64';
  if (age < 75) return '65-74';
  if (age < 85) return '75-84';
  if (age < 95) return '85-94';
  return '95-and-over';
}

const CSV_HEADER = ['table', 'row', 'column', 'count'];

/**
 * Every table in one CSV, in long format: a line per table, row and column with its count.
 * The tables have different columns, so a wide layout would need a file each or stacked blocks
 * with their own headers, which spreadsheets and BI tools cannot read as one table; one header
 * and a line per count can be filtered by table and pivoted back into any of them. The table is
 * named by its title, which is what a board member filtering the pivot will recognise.
 * RFC 4180 (see csvLines): CRLF line ends, fields with a comma, quote or line break quoted.
 */
export function statutoryReturnCsv(tables: readonly StatutoryReturnTable[]): string {
  const records = [
    CSV_HEADER,
    ...tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        table.columns.map((column, index) => [
          table.title,
          row.label,
          column,
          String(row.counts[index]),
        ]),
      ),
    ),
  ];
  return csvLines(records);
}
