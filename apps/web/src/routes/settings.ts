import express, { type Router } from 'express';
import { field, page, submitted } from './handlers';
import { redirectWithMessage } from './flash';

type Delivery = 'immediate' | 'daily-digest';

/**
 * Settings: how reminders arrive (each as it falls due, or one digest each working morning;
 * urgent items always at once), and the calendar feed of the person's own deadlines.
 */
export function settingsRoutes(apiUrl: string): Router {
  const router = express.Router();
  router.get(
    '/settings',
    page(apiUrl, async (_req, res, api) => {
      const { delivery } = await api.get<{ delivery: Delivery }>('/me/notification-preferences');
      res.render('pages/settings', { delivery });
    }),
  );
  router.post(
    '/settings/emails',
    page(apiUrl, async (req, res, api) => {
      const delivery = field(req.body, 'delivery');
      const form = {
        view: 'pages/settings',
        context: async () => ({ delivery }),
        firstField: 'delivery',
      };
      const save = () => api.put('/me/notification-preferences', { delivery });
      if (!(await submitted(res, form, save))) return;
      await redirectWithMessage(
        req,
        res,
        delivery === 'daily-digest'
          ? 'You will get one email each working morning. Urgent items still come at once.'
          : 'You will get each reminder as it falls due.',
        '/settings',
      );
    }),
  );
  router.post(
    '/settings/calendar-feed',
    page(apiUrl, async (_req, res, api) => {
      const feed = await api.post<{ url: string }>('/me/calendar-feed');
      // Shown once, on this response only: the API keeps only its hash.
      res.render('pages/calendar-feed', { url: feed.url });
    }),
  );
  router.post(
    '/settings/calendar-feed/revoke',
    page(apiUrl, async (req, res, api) => {
      await api.delete('/me/calendar-feed');
      await redirectWithMessage(
        req,
        res,
        'Your calendar feed has stopped. Its address no longer works.',
        '/settings',
      );
    }),
  );
  return router;
}
