import express, { type Router } from 'express';
import type { ApiClient } from '../api/api-client';
import { redirectWithMessage } from './flash';
import { formErrors, isFormProblem, page } from './handlers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  delegationStatus: 'requested' | 'accepted' | 'declined';
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
  router.param('id', (_req, _res, next, id) => (UUID.test(String(id)) ? next() : next('route')));
  router.param('delegationId', (_req, _res, next, id) =>
    UUID.test(String(id)) ? next() : next('route'),
  );

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

  router.get(
    '/enquiries/:id/delegations/:delegationId/answer',
    page(apiUrl, async (req, res, api) => {
      res.render('pages/delegated-enquiries/answer', await answerForm(api, req.params, {}));
    }),
  );
  router.post(
    '/enquiries/:id/delegations/:delegationId/answer',
    page(apiUrl, async (req, res, api) => {
      const { id, delegationId } = req.params as Record<string, string>;
      const values = {
        answer: String(req.body.answer ?? ''),
        enquirerId: String(req.body.enquirerId ?? ''),
        reason: String(req.body.reason ?? '').trim(),
      };
      try {
        if (values.answer === 'accept') {
          await api.post(`/enquiries/${id}/delegations/${delegationId}/accept`, {
            enquirerId: values.enquirerId,
          });
        } else if (values.answer === 'decline') {
          await api.post(`/enquiries/${id}/delegations/${delegationId}/decline`, {
            reason: values.reason,
          });
        } else {
          res.status(400).render('pages/delegated-enquiries/answer', {
            ...(await answerForm(api, req.params, values)),
            errorList: [
              { text: 'Select whether your agency will make the enquiry', href: '#answer' },
            ],
            fieldErrors: { answer: { text: 'Select whether your agency will make the enquiry' } },
          });
          return;
        }
      } catch (error) {
        if (!isFormProblem(error)) throw error;
        res.status(error.status).render('pages/delegated-enquiries/answer', {
          ...(await answerForm(api, req.params, values)),
          ...formErrors(error, values.answer === 'accept' ? 'enquirerId' : 'reason'),
        });
        return;
      }
      await redirectWithMessage(
        req,
        res,
        values.answer === 'accept'
          ? 'Accepted. The enquirer has been told, and the local authority can see it.'
          : 'Declined. The local authority has been told why.',
        '/delegated-enquiries',
      );
    }),
  );

  router.get(
    '/enquiries/:id/report',
    page(apiUrl, async (req, res, api) => {
      res.render('pages/delegated-enquiries/report', {
        enquiry: await enquiryOf(api, req.params.id),
      });
    }),
  );
  router.post(
    '/enquiries/:id/report',
    page(apiUrl, async (req, res, api) => {
      const id = String(req.params.id);
      const text = String(req.body.text ?? '').trim();
      try {
        await api.post(`/enquiries/${id}/reports`, { text });
      } catch (error) {
        if (!isFormProblem(error)) throw error;
        res.status(error.status).render('pages/delegated-enquiries/report', {
          enquiry: await enquiryOf(api, id),
          values: { text },
          ...formErrors(error, 'text'),
        });
        return;
      }
      await redirectWithMessage(
        req,
        res,
        'Report submitted. The enquiry manager has been told it is ready to review.',
        '/delegated-enquiries',
      );
    }),
  );
  return router;
}

function enquiryOf(api: ApiClient, id: string | string[]) {
  return api.get<{ id: string; reference: string }>(`/enquiries/${String(id)}`);
}

async function answerForm(
  api: ApiClient,
  params: Record<string, string | string[]>,
  values: { answer?: string; enquirerId?: string; reason?: string },
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
