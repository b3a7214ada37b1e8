import type { DelegationStatus } from '@safeguard/domain';
import express, { type Router } from 'express';
import { type ApiClient, ApiProblem } from '../api/api-client';
import { field, formRoute, idParams, page } from './handlers';

/** The signed-in person, as the directory knows them (GET /me). */
export interface Me {
  id: string;
  displayName: string;
  agencyId: string;
  roles: string[];
}

/** An enquiry the local authority caused this agency to make (DelegatedEnquiryView). */
interface DelegatedEnquiry {
  id: string;
  reference: string;
  delegationId: string;
  delegationStatus: DelegationStatus;
  enquirerId: string | null;
  reportDueAt: string;
  nextDueAt: string | null;
  overdue: boolean;
  urgency: string;
}

/**
 * Enquiries delegated to my agency (practice primer §1: the local authority causes another
 * agency to make an enquiry and stays accountable): the ones awaiting acceptance first; accept
 * naming our enquirer, or decline with a reason; the enquirer submits the report. The API shows
 * each person only what their part is (the agency's leads: all of them; others: their own).
 */
export function delegatedEnquiryRoutes(apiUrl: string): Router {
  const router = express.Router();
  idParams(router, 'id', 'delegationId');

  router.get(
    '/delegated-enquiries',
    page(apiUrl, async (_req, res, api) => {
      const me = await api.get<Me>('/me');
      const delegated = await api.get<DelegatedEnquiry[]>(
        `/agencies/${me.agencyId}/delegated-enquiries`,
      );
      const awaiting = delegated.filter((each) => each.delegationStatus === 'requested');
      const accepted = delegated.filter((each) => each.delegationStatus === 'accepted');
      res.render('pages/delegated-enquiries/list', { awaiting, accepted, me });
    }),
  );

  formRoute<AnswerValues>(router, apiUrl, '/enquiries/:id/delegations/:delegationId/answer', {
    view: 'pages/delegated-enquiries/answer',
    context: (api, req, values) => answerForm(api, req.params, values ?? {}),
    values: (req) => ({
      answer: field(req.body, 'answer'),
      enquirerId: field(req.body, 'enquirerId'),
      reason: field(req.body, 'reason'),
    }),
    firstField: (values) => (values.answer === 'accept' ? 'enquirerId' : 'reason'),
    send: async (api, req, values) => {
      const delegation = `/enquiries/${req.params.id}/delegations/${req.params.delegationId}`;
      if (values.answer === 'accept') {
        return api.post(`${delegation}/accept`, { enquirerId: values.enquirerId });
      }
      if (values.answer === 'decline') {
        return api.post(`${delegation}/decline`, { reason: values.reason });
      }
      // Not the API's to refuse: the choice between its two commands is this form's own.
      throw new ApiProblem(400, 'about:blank', 'Bad request', undefined, [
        { field: 'answer', message: 'select whether your agency will make the enquiry' },
      ]);
    },
    done: (_req, values) => ({
      message:
        values.answer === 'accept'
          ? 'Accepted. The enquirer has been told, and the local authority can see it.'
          : 'Declined. The local authority has been told why.',
      to: '/delegated-enquiries',
    }),
  });

  formRoute(router, apiUrl, '/enquiries/:id/report', {
    view: 'pages/delegated-enquiries/report',
    context: async (api, req) => ({ enquiry: await enquiryOf(api, req.params.id) }),
    values: (req) => ({ text: field(req.body, 'text') }),
    firstField: 'text',
    send: (api, req, values) => api.post(`/enquiries/${String(req.params.id)}/reports`, values),
    done: () => ({
      message: 'Report submitted. The enquiry manager has been told it is ready to review.',
      to: '/delegated-enquiries',
    }),
  });
  return router;
}

function enquiryOf(api: ApiClient, id: string | string[]) {
  return api.get<{ id: string; reference: string }>(`/enquiries/${String(id)}`);
}

interface AnswerValues {
  answer: string;
  enquirerId: string;
  reason: string;
}

async function answerForm(
  api: ApiClient,
  params: Record<string, string | string[]>,
  values: Partial<AnswerValues>,
) {
  const me = await api.get<Me>('/me');
  const [enquiry, colleagues] = await Promise.all([
    enquiryOf(api, params.id),
    api.get<Array<{ id: string; displayName: string }>>(
      `/people?agencyId=${me.agencyId}&active=true`,
    ),
  ]);
  return {
    enquiry,
    delegationId: String(params.delegationId),
    values,
    enquirers: [
      { value: '', text: 'Choose who will make the enquiry' },
      ...colleagues
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((person) => ({
          value: person.id,
          text: person.displayName,
          selected: person.id === values.enquirerId,
        })),
    ],
  };
}
