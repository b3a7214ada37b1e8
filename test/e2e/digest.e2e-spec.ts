import {
  FRIDAY,
  holidaysBetween,
  LondonDay,
  londonIso,
  nextBankHoliday,
} from '@safeguard/dev-stack';
import { formatLocalDate, shiftWorkingDays, ukLocalDate } from '@safeguard/domain';
import { dataSourceOptions } from '@safeguard/persistence';
import { dailyDigestWorkflow, type ActionActivities } from '@safeguard/workflows';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createActionActivities } from '../../apps/worker/src/activities/action-activities';
import { createSmtpMailer } from '../../apps/worker/src/mail/mailer';
import { stackAppEnv } from './support/e2e-env';
import {
  call,
  type CaughtEmail,
  caughtEmails,
  createPerson,
  get,
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

/** The worker's action activities against the stack's database and mail catcher. */
async function withActionActivities<T>(use: (activities: ActionActivities) => Promise<T>) {
  const dataSource = await new DataSource(
    dataSourceOptions(stackAppEnv().DATABASE_URL),
  ).initialize();
  const mailer = createSmtpMailer(stackAppEnv().SMTP_URL, 'digest-test@test.example');
  try {
    return await use(
      createActionActivities({
        dataSource,
        mailer,
        publicWebUrl: 'http://127.0.0.1:3001',
        actionLinkSecret: randomBytes(32),
        log: pino({ level: 'silent' }),
      }),
    );
  } finally {
    mailer.close();
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

  it('holds only "due soon" for the digest, lists it in the next one, and sends what is time-critical at once', async () => {
    const person = await createPerson('Digest Owner');
    await call(
      'PUT',
      '/me/notification-preferences',
      { delivery: 'daily-digest' },
      await tokenFor(person.email),
    );
    const dueSoon = (
      await postAction(person, { dueAt: new Date(Date.now() + 20 * DAY).toISOString() })
    ).body;
    const remind = (actionId: string, event: 'reminder' | 'due' | 'overdue') =>
      withActionActivities((activities) =>
        activities.sendActionReminder({
          actionId,
          event,
          recipient: 'owner',
          idempotencyKey: `test-${randomUUID()}`,
        }),
      );
    expect(await remind(dueSoon.id, 'reminder')).toBe('held-for-digest');
    // Due today and overdue are time-critical: they go at once, digest or not.
    expect(await remind(dueSoon.id, 'due')).toBe('sent');
    expect(await remind(dueSoon.id, 'overdue')).toBe('sent');
    await waitForEmail(
      (email) =>
        email.to.includes(person.email) && email.subject === `Action overdue: ${dueSoon.reference}`,
    );

    // The held "due soon" is in the next digest, though the item is not due for weeks, and once.
    const today = nextDigestDay();
    await runDigest(today);
    const digest = await waitForEmail((email) => isDigestTo(email, person));
    expect(digest.text).toContain(dueSoon.reference);
    expect(digest.text).toContain('Action due soon');
    const held = await get(`/actions/${dueSoon.id}`);
    expect(held.body.reminders.map((r: { status: string }) => r.status)).not.toContain(
      'held-for-digest',
    );
  });

  it('sends no digest on a bank holiday, and lists what it held on the next working day', async () => {
    const person = await createPerson('Christmas Digest Reader');
    await call(
      'PUT',
      '/me/notification-preferences',
      { delivery: 'daily-digest' },
      await tokenFor(person.email),
    );
    // The next Christmas Day bank holiday, from the calendar rather than a fixed year, so the items
    // are due ahead of the real digest schedule whenever the suite runs. Boxing Day, a weekend
    // and substitute days may follow it: the next working day in England and Wales (the e2e
    // partnership's nation) is the first weekday after it that is no bank holiday.
    const christmas = nextBankHoliday(LondonDay.containing(Date.now()), 'Christmas Day');
    const holidays = holidaysBetween(christmas, christmas.plus(14), ['england-and-wales']);
    const isWorkingDay = (day: LondonDay) =>
      day.weekday <= FRIDAY && !holidays.some((holiday) => holiday.iso === day.iso);
    let nextWorkingDay = christmas.plus(1);
    while (!isWorkingDay(nextWorkingDay)) nextWorkingDay = nextWorkingDay.plus(1);
    const dueAt = (day: LondonDay) => ({ dueAt: londonIso(day.at('12:00')) });
    const overdue = (await postAction(person, dueAt(christmas.plus(-1)))).body;
    const dueOnChristmasDay = (await postAction(person, dueAt(christmas))).body;
    const later = (await postAction(person, dueAt(nextWorkingDay.plus(31)))).body;
    // Its "due soon" reminder is held for the digest, not emailed.
    const outcome = await withActionActivities((activities) =>
      activities.sendActionReminder({
        actionId: dueOnChristmasDay.id,
        event: 'reminder',
        recipient: 'owner',
        idempotencyKey: `test-${randomUUID()}`,
      }),
    );
    expect(outcome).toBe('held-for-digest');

    // Christmas Day is a bank holiday in every nation: nobody gets a digest.
    expect(await runDigest(christmas.iso)).toEqual({ date: christmas.iso, sent: 0 });
    // The schedule starts one every weekday, bank holiday or not, up to the next working day.
    for (let day = christmas.plus(1); day.iso !== nextWorkingDay.iso; day = day.plus(1)) {
      if (day.weekday <= FRIDAY) await runDigest(day.iso);
    }
    const onTheNextWorkingDay = await runDigest(nextWorkingDay.iso);
    expect(onTheNextWorkingDay.sent).toBeGreaterThanOrEqual(1);

    const digest = await waitForEmail((email) => isDigestTo(email, person));
    expect(digest.subject).toBe('Your safeguarding actions today: 2 actions');
    expect(digest.text).toContain(overdue.reference);
    expect(digest.text).toContain(dueOnChristmasDay.reference);
    expect(digest.text).not.toContain(later.reference);
    // The one digest is the next working day's: none went on the bank holidays (each run had
    // finished sending).
    const digests = (await caughtEmails()).filter((email) => isDigestTo(email, person));
    expect(digests).toHaveLength(1);
  });
});
