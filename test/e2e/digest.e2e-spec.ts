import { dataSourceOptions } from '@safeguard/persistence';
import { dailyDigestWorkflow } from '@safeguard/workflows';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createActionActivities } from '../../apps/worker/src/activities/action-activities';
import { stackAppEnv } from './support/e2e-env';
import {
  call,
  caughtEmails,
  createPerson,
  postAction,
  tokenFor,
  waitForEmail,
} from './support/http';
import { stackTemporalSettings, withClient } from './support/temporal';

const DAY = 24 * 3600 * 1000;

function runDigest() {
  const settings = stackTemporalSettings();
  return withClient(
    (client) =>
      client.workflow.execute(dailyDigestWorkflow, {
        taskQueue: settings.taskQueue,
        workflowId: `daily-digest-test-${randomUUID()}`,
      }),
    settings.dataConverter,
  );
}

/** People who prefer a morning digest get one email listing what is due or overdue. */
describe('daily digest', () => {
  it('lets a person choose the digest, and lists their due and overdue actions in one email', async () => {
    const person = await createPerson('Digest Reader');
    const token = await tokenFor(person.email);
    expect((await call('GET', '/me/notification-preferences', undefined, token)).body).toEqual({
      delivery: 'immediate',
    });
    const set = await call(
      'PUT',
      '/me/notification-preferences',
      { delivery: 'daily-digest' },
      token,
    );
    expect(set.body).toEqual({ delivery: 'daily-digest' });
    const invalid = await call(
      'PUT',
      '/me/notification-preferences',
      { delivery: 'hourly' },
      token,
    );
    expect(invalid.status).toBe(400);

    const overdue = (
      await postAction(person, { dueAt: new Date(Date.now() - 3 * DAY).toISOString() })
    ).body;
    const later = (
      await postAction(person, { dueAt: new Date(Date.now() + 20 * DAY).toISOString() })
    ).body;

    const run = await runDigest();
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const digest = await waitForEmail(
      (email) =>
        email.to.includes(person.email) &&
        email.subject.startsWith('Your safeguarding actions today'),
    );
    expect(digest.text).toContain(overdue.reference);
    expect(digest.text).not.toContain(later.reference);
    expect(digest.text).not.toContain('Digest Reader');

    // The same morning again sends nothing more.
    await runDigest();
    const digests = (await caughtEmails()).filter(
      (email) =>
        email.to.includes(person.email) &&
        email.subject.startsWith('Your safeguarding actions today'),
    );
    expect(digests).toHaveLength(1);
  });

  it('holds a non-urgent reminder for the digest instead of emailing it', async () => {
    const person = await createPerson('Digest Owner');
    await call(
      'PUT',
      '/me/notification-preferences',
      { delivery: 'daily-digest' },
      await tokenFor(person.email),
    );
    const action = (
      await postAction(person, { dueAt: new Date(Date.now() + 20 * DAY).toISOString() })
    ).body;

    const dataSource = await new DataSource(
      dataSourceOptions(stackAppEnv().DATABASE_URL),
    ).initialize();
    try {
      const activities = createActionActivities({
        dataSource,
        mailer: { send: () => Promise.reject(new Error('must not send')), close: () => undefined },
        publicBaseUrl: 'http://127.0.0.1:3000',
        actionLinkSecret: randomBytes(32),
        log: pino({ level: 'silent' }),
      });
      const outcome = await activities.sendActionReminder({
        actionId: action.id,
        event: 'due',
        recipient: 'owner',
        idempotencyKey: `test-${randomUUID()}`,
      });
      expect(outcome).toBe('held-for-digest');
    } finally {
      await dataSource.destroy();
    }
  });
});
