import express, { type Request, type Response, type Router } from 'express';
import type { ApiClient } from '../api/api-client';
import { ApiProblem } from '../api/api-client';
import { field, idParams, page } from './handlers';
import { THEME_LABELS } from './disagreements';

/**
 * The board's reports: the escalation log, the timeliness of chased work and the statutory
 * return (SAC), for a chosen period, with their CSV downloads. Figures, agencies and categories
 * only: the API sends no one's details to these readers, and the pages show what it sends.
 */
export function boardReportRoutes(apiUrl: string): Router {
  const router = express.Router();
  idParams(router, 'partnershipId');

  router.get(
    '/reports',
    page(apiUrl, async (_req, res, api) => {
      const partnerships = await api.get<Array<{ id: string; name: string }>>('/partnerships');
      res.render('pages/reports/index', { partnerships, activeNav: 'reports' });
    }),
  );

  for (const report of PERIOD_REPORTS) {
    router.get(
      `/reports/:partnershipId/${report.path}`,
      page(apiUrl, async (req, res, api) => {
        const partnership = await partnershipOf(api, req);
        const period = periodAsked(req);
        const context = {
          partnership,
          report,
          period,
          csvHref: `${req.path}.csv?${new URLSearchParams(req.query as Record<string, string>)}`,
          activeNav: 'reports',
        };
        if (!period.asked) {
          res.render('pages/reports/period-report', context);
          return;
        }
        try {
          const answer = await api.get<unknown>(report.apiPath(partnership.id, period.query));
          res.render('pages/reports/period-report', { ...context, ...report.view(answer) });
        } catch (error) {
          renderRefusal(res, error, 'pages/reports/period-report', context);
        }
      }),
    );
    router.get(
      `/reports/:partnershipId/${report.path}.csv`,
      page(apiUrl, async (req, res, api) => {
        const period = periodAsked(req);
        await sendCsv(res, api, report.apiPath(String(req.params.partnershipId), period.query));
      }),
    );
  }

  router.get(
    '/reports/:partnershipId/statutory-return',
    page(apiUrl, async (req, res, api) => {
      const partnership = await partnershipOf(api, req);
      const years = financialYears(new Date());
      const year = field(req.query as Record<string, unknown>, 'year');
      const context = {
        partnership,
        years: years.map((each) => ({ value: each, text: each, selected: each === year })),
        year,
        activeNav: 'reports',
      };
      if (!year) {
        res.render('pages/reports/statutory-return', context);
        return;
      }
      try {
        const answer = await api.get<StatutoryReturn>(statutoryReturnPath(partnership.id, year));
        res.render('pages/reports/statutory-return', {
          ...context,
          statutoryReturn: answer,
          csvHref: `${req.path}.csv?${new URLSearchParams({ year })}`,
        });
      } catch (error) {
        renderRefusal(res, error, 'pages/reports/statutory-return', context, 'year');
      }
    }),
  );
  router.get(
    '/reports/:partnershipId/statutory-return.csv',
    page(apiUrl, async (req, res, api) => {
      const year = field(req.query as Record<string, unknown>, 'year');
      await sendCsv(res, api, statutoryReturnPath(String(req.params.partnershipId), year));
    }),
  );
  return router;
}

interface PeriodReport {
  path: string;
  title: string;
  summary: string;
  apiPath(partnershipId: string, query: string): string;
  view(answer: unknown): object;
}

interface EscalationLog {
  summary: {
    count: number;
    immediateRisk: number;
    byHighestStage: Array<{ stage: number; count: number }>;
    byTheme: Array<{ theme: string; count: number }>;
    byAgency: Array<{
      agency: { name: string };
      asRaiser: number;
      asOtherParty: number;
      disagreements: number;
    }>;
    outcomes: { resolved: number; withdrawn: number; open: number };
    workingDaysToResolution: { median: number | null; longest: number | null };
  };
  entries: Array<{
    reference: string;
    raisedOn: string;
    raiserAgency: { name: string };
    otherAgency: { name: string };
    themes: string[];
    immediateRisk: boolean;
    highestStage: number;
    outcome: string;
    closedOn: string | null;
    workingDaysToResolution: number | null;
  }>;
}

interface TimelinessRow {
  stage: string;
  agencyName: string;
  month: string;
  items: number;
  onTime: number;
  onTimeShare: number;
  late: number;
  medianWorkingDaysLate: number | null;
  p90WorkingDaysLate: number | null;
}

interface StatutoryReturn {
  year: string;
  tables: Array<{
    id: string;
    title: string;
    columns: string[];
    rows: Array<{ label: string; counts: number[] }>;
  }>;
}

const PERIOD_REPORTS: PeriodReport[] = [
  {
    path: 'escalation-log',
    title: 'Escalation log',
    summary:
      'Professional disagreements raised in the period: the stage each reached, their themes, the agencies in them and how long they took to resolve.',
    apiPath: (id, query) => `/partnerships/${id}/escalation-log?${query}`,
    view: (answer) => escalationLogView(answer as EscalationLog),
  },
  {
    path: 'timeliness',
    title: 'Timeliness',
    summary:
      'Chased work that fell due in the period: the share done on time, and how late the rest was, by stage, agency and month.',
    apiPath: (id, query) => `/partnerships/${id}/timeliness?${query}`,
    view: (answer) => ({ timeliness: timelinessView(answer as { rows: TimelinessRow[] }) }),
  },
];

function escalationLogView(log: EscalationLog) {
  const { summary } = log;
  return {
    escalationLog: {
      figures: [
        { key: { text: 'Disagreements raised' }, value: { text: String(summary.count) } },
        {
          key: { text: 'Raised as an immediate risk' },
          value: { text: String(summary.immediateRisk) },
        },
        { key: { text: 'Resolved' }, value: { text: String(summary.outcomes.resolved) } },
        { key: { text: 'Withdrawn' }, value: { text: String(summary.outcomes.withdrawn) } },
        { key: { text: 'Still open' }, value: { text: String(summary.outcomes.open) } },
        {
          key: { text: 'Working days to resolution (median)' },
          value: { text: summary.workingDaysToResolution.median ?? 'None resolved' },
        },
        {
          key: { text: 'Working days to resolution (longest)' },
          value: { text: summary.workingDaysToResolution.longest ?? 'None resolved' },
        },
      ],
      byStage: summary.byHighestStage.map(({ stage, count }) => [
        { text: `Stage ${stage}` },
        { text: String(count), format: 'numeric' },
      ]),
      byTheme: summary.byTheme.map(({ theme, count }) => [
        { text: THEME_LABELS[theme as keyof typeof THEME_LABELS] ?? theme },
        { text: String(count), format: 'numeric' },
      ]),
      byAgency: summary.byAgency.map(({ agency, asRaiser, asOtherParty, disagreements }) => [
        { text: agency.name },
        { text: String(asRaiser), format: 'numeric' },
        { text: String(asOtherParty), format: 'numeric' },
        { text: String(disagreements), format: 'numeric' },
      ]),
      entries: log.entries.map((entry) => [
        { text: entry.reference },
        { text: dayInWords(entry.raisedOn) },
        { text: `${entry.raiserAgency.name} and ${entry.otherAgency.name}` },
        {
          text: entry.themes
            .map((theme) => THEME_LABELS[theme as keyof typeof THEME_LABELS] ?? theme)
            .join(', '),
        },
        { text: `Stage ${entry.highestStage}${entry.immediateRisk ? ' (immediate risk)' : ''}` },
        { text: entry.outcome.charAt(0).toUpperCase() + entry.outcome.slice(1) },
        {
          text: entry.workingDaysToResolution === null ? '' : String(entry.workingDaysToResolution),
          format: 'numeric',
        },
      ]),
    },
  };
}

function timelinessView({ rows }: { rows: TimelinessRow[] }) {
  return rows.map((row) => [
    { text: row.stage },
    { text: row.agencyName },
    { text: row.month },
    { text: String(row.items), format: 'numeric' },
    { text: `${Math.round(row.onTimeShare * 100)}%`, format: 'numeric' },
    {
      text: row.medianWorkingDaysLate === null ? '' : String(row.medianWorkingDaysLate),
      format: 'numeric',
    },
    {
      text: row.p90WorkingDaysLate === null ? '' : String(row.p90WorkingDaysLate),
      format: 'numeric',
    },
  ]);
}

async function partnershipOf(api: ApiClient, req: Request): Promise<{ id: string; name: string }> {
  return api.get<{ id: string; name: string }>(`/partnerships/${String(req.params.partnershipId)}`);
}

/**
 * The period typed into the two GOV.UK date inputs, as the API reads it (YYYY-MM-DD): the API
 * decides what a good period is and names the field when it is not.
 */
function periodAsked(req: Request) {
  const query = req.query as Record<string, unknown>;
  const part = (name: string) => field(query, name);
  const values = {
    fromDay: part('from-day'),
    fromMonth: part('from-month'),
    fromYear: part('from-year'),
    toDay: part('to-day'),
    toMonth: part('to-month'),
    toYear: part('to-year'),
  };
  const asked = Object.values(values).some(Boolean);
  const day = (d: string, m: string, y: string) =>
    `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const from = day(values.fromDay, values.fromMonth, values.fromYear);
  const to = day(values.toDay, values.toMonth, values.toYear);
  return {
    asked,
    values,
    query: new URLSearchParams({ from, to }).toString(),
  };
}

/** The API refused what was asked (400): the same page, with an error summary and the input kept. */
function renderRefusal(
  res: Response,
  error: unknown,
  view: string,
  context: object,
  firstField = 'from',
): void {
  if (!(error instanceof ApiProblem) || error.status !== 400) throw error;
  const fields = error.errors.length
    ? error.errors
    : [{ field: firstField, message: error.detail ?? error.title }];
  const fieldErrors = Object.fromEntries(
    fields.map(({ field: name, message }) => [
      name,
      {
        text: sentence(
          PERIOD_WORDS.reduce((text, [word, label]) => text.replace(word, label), message),
        ),
      },
    ]),
  );
  res.status(400).render(view, {
    ...context,
    fieldErrors,
    errorList: Object.entries(fieldErrors).map(([name, { text }]) => ({
      text,
      href: name === 'year' ? '#year' : `#${name}-day`,
    })),
  });
}

/** A UK date as people write it: "2 December 2026". */
function dayInWords(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The API names the period's fields; the page calls them what its labels do. */
const PERIOD_WORDS: Array<[RegExp, string]> = [
  [/^from\b/, 'the start date'],
  [/^to\b/, 'the end date'],
  [/\bfrom$/, 'the start date'],
];

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

async function sendCsv(res: Response, api: ApiClient, path: string): Promise<void> {
  const { text, disposition } = await api.csv(path);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', disposition);
  res.send(text);
}

function statutoryReturnPath(partnershipId: string, year: string): string {
  return `/partnerships/${partnershipId}/statutory-return?${new URLSearchParams({ year })}`;
}

/** The last five financial years (April to March), newest first, as "2025-26". */
function financialYears(now: Date): string[] {
  const startYear = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return Array.from({ length: 5 }, (_, back) => {
    const start = startYear - back;
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  });
}
