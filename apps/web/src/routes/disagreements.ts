import { DISAGREEMENT_THEMES, type DisagreementTheme } from '@safeguard/domain';
import express, { type Request, type Router } from 'express';
import type { ApiClient } from '../api/api-client';
import { redirectWithMessage } from './flash';
import { field, formRoute, idParams, page, submitted } from './handlers';

/** How each theme reads on a page (the board reports on these, never on the case). */
export const THEME_LABELS: Record<DisagreementTheme, string> = {
  'threshold-for-intervention': 'Threshold for intervention',
  'risk-assessment': 'Risk assessment',
  'information-sharing': 'Information sharing',
  'service-provision': 'Service provision',
  'discharge-or-case-closure': 'Discharge or case closure',
  'roles-and-responsibilities': 'Roles and responsibilities',
  other: 'Something else',
};

/** The escalation stages of the practice primer (§3), as people call them. */
const STAGE_NAMES: Record<number, string> = {
  1: 'Stage 1: the practitioners talk it through',
  2: 'Stage 2: their line managers',
  3: 'Stage 3: the agencies’ designated safeguarding leads',
  4: 'Stage 4: the safeguarding adults board',
};

interface PersonRef {
  id: string;
  displayName: string | null;
  agencyId: string;
}

export interface DisagreementSummary {
  id: string;
  reference: string;
  status: 'open' | 'resolved' | 'withdrawn';
  stage: number | null;
  stageDueAt: string | null;
  overdue: boolean;
  immediateRisk: boolean;
  themes: DisagreementTheme[];
  raisedAt: string;
}

interface Disagreement extends DisagreementSummary {
  subject: string | null;
  raisedBy: PersonRef;
  otherPerson: PersonRef | null;
  participants: Array<PersonRef & { acknowledged: boolean }>;
  records: Array<{
    id: string;
    kind: string;
    stage: number | null;
    text: string | null;
    author: PersonRef;
    createdAt: string;
  }>;
  timeline: Array<{ event: string; occurredAt: string; actor?: PersonRef | null }>;
}

/** Which record kinds read how, on the disagreement's page. */
const RECORD_LABELS: Record<string, string> = {
  raised: 'Raised',
  contribution: 'Contribution',
  escalation: 'Escalated',
  resolution: 'Resolved',
  withdrawal: 'Withdrawn',
};

/**
 * Professional disagreements (practice primer §3): raise one, see its stage, who takes part and
 * by when, add to it in writing, acknowledge, resolve, escalate with a reason, withdraw. The API
 * and the workflow decide who may do what at which stage; a refusal comes back on the form.
 */
export function disagreementRoutes(apiUrl: string): Router {
  const router = express.Router();
  idParams(router, 'id');

  router.get(
    '/disagreements',
    page(apiUrl, async (_req, res, api) => {
      const mine = await api.get<DisagreementSummary[]>('/me/disagreements');
      res.render('pages/disagreements/list', {
        rows: mine.map((each) => ({ ...each, stageName: stageName(each) })),
      });
    }),
  );

  formRoute<RaiseValues, { id: string; reference: string }>(router, apiUrl, '/disagreements/new', {
    view: 'pages/disagreements/raise',
    context: (api, _req, values) => raiseForm(api, values ?? {}),
    values: (req) => raiseValues(req),
    firstField: 'subject',
    send: (api, _req, values) =>
      api.post<{ id: string; reference: string }>('/disagreements', {
        partnershipId: values.partnershipId,
        ...(values.otherPersonId ? { otherPersonId: values.otherPersonId } : {}),
        ...(values.otherAgencyId ? { otherAgencyId: values.otherAgencyId } : {}),
        themes: values.themes,
        subject: values.subject,
        disagreement: values.disagreement,
        immediateRisk: values.immediateRisk === 'yes',
      }),
    done: (_req, _values, raised) => ({
      message: `Disagreement ${raised.reference} raised. The other side has been told.`,
      to: `/disagreements/${raised.id}`,
    }),
  });

  router.get(
    '/disagreements/:id',
    page(apiUrl, async (req, res, api) => {
      res.render('pages/disagreements/show', await disagreementPage(api, String(req.params.id)));
    }),
  );

  /** The commands: each a form on the disagreement's page, with the field the API names. */
  const commands: Array<{
    path: string;
    field?: string;
    /** Where this page's field has another name than the API's. */
    fieldNames?: Record<string, string>;
    body: (req: Request) => unknown;
    done: string;
  }> = [
    { path: 'acknowledge', body: () => ({}), done: 'You have acknowledged it.' },
    {
      path: 'contributions',
      field: 'text',
      body: (req) => ({ text: field(req.body, 'text') }),
      done: 'Your contribution has been added.',
    },
    {
      path: 'escalate',
      field: 'reason',
      body: (req) => ({ reason: field(req.body, 'reason') }),
      done: 'Escalated to the next stage. Those taking part there have been told.',
    },
    {
      path: 'resolve',
      field: 'outcome',
      body: (req) => ({ outcome: field(req.body, 'outcome') }),
      done: 'Recorded as resolved.',
    },
    {
      path: 'immediate-risk',
      field: 'riskReason',
      fieldNames: { reason: 'riskReason' },
      body: (req) => ({ reason: field(req.body, 'riskReason') }),
      done: 'Sent to the designated safeguarding leads, to be settled today. Both sides have been told.',
    },
    {
      path: 'withdraw',
      field: 'withdrawReason',
      fieldNames: { reason: 'withdrawReason' },
      body: (req) => ({ reason: field(req.body, 'withdrawReason') }),
      done: 'Withdrawn.',
    },
  ];
  for (const command of commands) {
    router.post(
      `/disagreements/:id/${command.path}`,
      page(apiUrl, async (req, res, api) => {
        const id = String(req.params.id);
        const form = {
          view: 'pages/disagreements/show',
          context: () => disagreementPage(api, id),
          values: req.body,
          firstField: command.field ?? command.path,
          fieldNames: command.fieldNames,
        };
        const send = () => api.post(`/disagreements/${id}/${command.path}`, command.body(req));
        if (!(await submitted(res, form, send))) return;
        await redirectWithMessage(req, res, command.done, `/disagreements/${id}`);
      }),
    );
  }
  return router;
}

async function disagreementPage(api: ApiClient, id: string) {
  const disagreement = await api.get<Disagreement>(`/disagreements/${id}`);
  return {
    disagreement,
    stageName: stageName(disagreement),
    themes: disagreement.themes.map((theme) => THEME_LABELS[theme]),
    records: disagreement.records.map((record) => ({
      label: { text: RECORD_LABELS[record.kind] ?? record.kind },
      text: record.text ?? '',
      datetime: { timestamp: record.createdAt, type: 'datetime' },
      byline: { text: record.author.displayName ?? 'Someone who has left' },
    })),
  };
}

interface RaiseValues {
  partnershipId: string;
  otherAgencyId: string;
  otherPersonId: string;
  themes: string[];
  subject: string;
  disagreement: string;
  immediateRisk: string;
}

function raiseValues(req: Request): RaiseValues {
  const themes = req.body.themes;
  return {
    partnershipId: field(req.body, 'partnershipId'),
    otherAgencyId: field(req.body, 'otherAgencyId'),
    otherPersonId: field(req.body, 'otherPersonId'),
    themes: (Array.isArray(themes) ? themes : themes ? [themes] : []).map(String),
    subject: field(req.body, 'subject'),
    disagreement: field(req.body, 'disagreement'),
    immediateRisk: field(req.body, 'immediateRisk'),
  };
}

/** The choices on the raise form: the person's partnerships, agencies and people in them. */
async function raiseForm(api: ApiClient, values: Partial<RaiseValues>) {
  const [partnerships, agencies, people] = await Promise.all([
    api.get<Array<{ id: string; name: string }>>('/partnerships'),
    api.get<Array<{ id: string; name: string }>>('/agencies'),
    api.get<Array<{ id: string; displayName: string; agencyId: string }>>('/people?active=true'),
  ]);
  const agencyName = new Map(agencies.map((agency) => [agency.id, agency.name]));
  const chosen = (id: string | undefined) => (value: string) => value === id;
  return {
    values: { ...values, partnershipId: values.partnershipId ?? partnerships[0]?.id },
    partnerships: partnerships.map((each) => ({ value: each.id, text: each.name })),
    agencies: [
      { value: '', text: 'Choose the agency' },
      ...agencies.map((each) => ({
        value: each.id,
        text: each.name,
        selected: chosen(values.otherAgencyId)(each.id),
      })),
    ],
    people: [
      { value: '', text: 'Nobody in particular' },
      ...people
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((each) => ({
          value: each.id,
          text: `${each.displayName} (${agencyName.get(each.agencyId) ?? 'another agency'})`,
          selected: chosen(values.otherPersonId)(each.id),
        })),
    ],
    themes: DISAGREEMENT_THEMES.map((theme) => ({
      value: theme,
      text: THEME_LABELS[theme],
      checked: values.themes?.includes(theme) ?? false,
    })),
  };
}

export function stageName({ status, stage }: DisagreementSummary): string {
  if (status === 'resolved') return 'Resolved';
  if (status === 'withdrawn') return 'Withdrawn';
  return stage ? STAGE_NAMES[stage] : 'Open';
}
