import { formatLocalDate, shiftWorkingDays, ukLocalDate } from '@safeguard/domain';
import { dataSourceOptions } from '@safeguard/persistence';
import { dailyDigestWorkflow, type ActionActivities } from '@safeguard/workflows';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createActionActivities } from '../../apps/worker/src/activities/action-activities';
import { stackAppEnv } from './support/e2e-env';
import {
  call,
  type CaughtEmail,
  caughtEmails,
  createPerson,
  postAction,
  tokenFor,
  waitForEmail,
} from './support/http';
import { stackTemporalSettings, withClient } from './support/temporal';

const DAY = 24 * 3600 * 1000;

/** The digest for a UK date (YYYY-MM-DD), as the schedule would start it that morning. */
function runDigest(date: string) {
  const settings = stackTemporalSettings();
  return withClient(
    (client) =>
      client.workflow.execute(dailyDigestWorkflow, {
        taskQueue: settings.taskQueue,
        workflowId: `daily-digest-test-${randomUUID()}`,
        args: [{ date }],
      }),
    settings.dataConverter,
  );
}

/** Today if it is a working day in England (the e2e partnership's nation), else the next one. */
const nextDigestDay = () =>
  formatLocalDate(ukLocalDate(shiftWorkingDays(new Date(), 0, 'england-and-wales')));

const isDigestTo = (email: CaughtEmail, person: { email: string }) =>
  email.to.includes(person.email) && email.subject.startsWith('Your safeguarding actions today');

async function withActionActivities<T>(use: (activities: ActionActivities) => Promise<T>) {
  const dataSource = await new DataSource(
    dataSourceOptions(stackAppEnv().DATABASE_URL),
  ).initialize();
  try {
    return await use(
      createActionActivities({
        dataSource,
        mailer: { send: () => Promise.reject(new Error('must not send')), close: () => undefined },
        publicBaseUrl: 'http://127.0.0.1:3000',
        actionLinkSecret: randomBytes(32),
        log: pino({ level: 'silent' }),
      }),
    );
  } finally {
    await dataSource.destroy();
  }
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

    // A digest day, so that this holds whatever day the suite runs on.
    const today = nextDigestDay();
    const run = await runDigest(today);
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const digest = await waitForEmail((email) => isDigestTo(email, person));
    expect(digest.text).toContain(overdue.reference);
    expect(digest.text).not.toContain(later.reference);
    expect(digest.text).not.toContain('Digest Reader');

    // The same morning again sends nothing more.
    await runDigest(today);
    const digests = (await caughtEmails()).filter((email) => isDigestTo(email, person));
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

    const outcome = await withActionActivities((activities) =>
      activities.sendActionReminder({
        actionId: action.id,
        event: 'due',
        recipient: 'owner',
        idempotencyKey: `test-${randomUUID()}`,
      }),
    );
    expect(outcome).toBe('held-for-digest');
  });

  it('sends no digest on a bank holiday, and lists what it held on the next working day', async () => {
    const person = await createPerson('Christmas Digest Reader');
    await call(
      'PUT',
      '/me/notification-preferences',
      { delivery: 'daily-digest' },
      await tokenFor(person.email),
    );
    // Christmas Eve is a working day; Friday 25 and Monday 28 December 2026 are bank holidays in
    // England and Wales (Boxing Day falls on the Saturday), so the next working day is Tuesday 29.
    const overdue = (await postAction(person, { dueAt: '2026-12-24T12:00:00Z' })).body;
    const dueOnChristmasDay = (await postAction(person, { dueAt: '2026-12-25T12:00:00Z' })).body;
    const later = (await postAction(person, { dueAt: '2027-01-29T12:00:00Z' })).body;
    // Christmas Day's own reminder is held for the digest, not emailed.
    const outcome = await withActionActivities((activities) =>
      activities.sendActionReminder({
        actionId: dueOnChristmasDay.id,
        event: 'due',
        recipient: 'owner',
        idempotencyKey: `test-${randomUUID()}`,
      }),
    );
    expect(outcome).toBe('held-for-digest');

    // Christmas Day is a bank holiday in every nation: nobody gets a digest.
    expect(await runDigest('2026-12-25')).toEqual({ date: '2026-12-25', sent: 0 });
    await runDigest('2026-12-28');
    const onTheNextWorkingDay = await runDigest('2026-12-29');
    expect(onTheNextWorkingDay.sent).toBeGreaterThanOrEqual(1);

    const digest = await waitForEmail((email) => isDigestTo(email, person));
    expect(digest.subject).toBe('Your safeguarding actions today: 2 actions');
    expect(digest.text).toContain(overdue.reference);
    expect(digest.text).toContain(dueOnChristmasDay.reference);
    expect(digest.text).not.toContain(later.reference);
    // The one digest is Tuesday's: none went on the bank holidays (each run had finished sending).
    const digests = (await caughtEmails()).filter((email) => isDigestTo(email, person));
    expect(digests).toHaveLength(1);
  });
});
