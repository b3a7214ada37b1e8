import { freePort } from '@safeguard/dev-stack';
import { dataSourceOptions, NotificationEntity } from '@safeguard/persistence';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { createActionActivities } from '../../apps/worker/src/activities/action-activities';
import { createSmtpMailer, DeliveryDeferred } from '../../apps/worker/src/mail/mailer';
import { stackAppEnv } from './support/e2e-env';
import { createPerson, postAction } from './support/http';

/** A real SMTP server on a port of the test's choosing, that can turn away the first message. */
async function smtpSink(port: number, { deferFirst = false } = {}) {
  const received: string[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        attempts += 1;
        if (deferFirst && attempts === 1) {
          return callback(Object.assign(new Error('closing'), { responseCode: 421 }));
        }
        received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The reminder activity against real Postgres and real SMTP, driven the way Temporal drives it
 * on retries: each retry is simply another call with the same idempotency key.
 */
describe('reminder delivery activity', () => {
  let dataSource: DataSource;
  let actionId: string;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(stackAppEnv().DATABASE_URL)).initialize();
    const owner = await createPerson('Delivery Owner');
    // Due in a month: the stack's own worker stays quiet while this test drives the activity.
    const dueAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    actionId = (await postAction(owner, { dueAt })).body.id;
  });

  afterAll(() => dataSource?.destroy());

  function activitiesSendingTo(port: number) {
    return createActionActivities({
      dataSource,
      mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 'reminders@test.example'),
      publicWebUrl: 'http://127.0.0.1:3001',
      actionLinkSecret: randomBytes(32),
      log: pino({ level: 'silent' }),
    });
  }

  const reminder = () => ({
    actionId,
    event: 'due' as const,
    idempotencyKey: `test-${randomUUID()}`,
  });

  async function notificationStatus(idempotencyKey: string) {
    return (await dataSource.manager.findOneByOrFail(NotificationEntity, { idempotencyKey }))
      .status;
  }

  it('sends once when a completed activity is retried', async () => {
    const port = await freePort();
    const sink = await smtpSink(port);
    const activities = activitiesSendingTo(port);
    const command = reminder();
    try {
      await activities.sendActionReminder(command);
      await activities.sendActionReminder(command);
      expect(sink.received).toHaveLength(1);
      expect(await notificationStatus(command.idempotencyKey)).toBe('sent');
    } finally {
      await sink.close();
    }
  });

  it('sends once when the server gives up mid-send and the activity is retried', async () => {
    const port = await freePort();
    const sink = await smtpSink(port, { deferFirst: true });
    const activities = activitiesSendingTo(port);
    const command = reminder();
    try {
      await expect(activities.sendActionReminder(command)).rejects.toBeInstanceOf(DeliveryDeferred);
      expect(await notificationStatus(command.idempotencyKey)).toBe('sending');
      await activities.sendActionReminder(command);
      expect(sink.received).toHaveLength(1);
      expect(await notificationStatus(command.idempotencyKey)).toBe('sent');
    } finally {
      await sink.close();
    }
  });

  it('waits out an SMTP outage and delivers once the server is back', async () => {
    const port = await freePort();
    const activities = activitiesSendingTo(port);
    const command = reminder();
    await expect(activities.sendActionReminder(command)).rejects.toBeInstanceOf(DeliveryDeferred);

    const sink = await smtpSink(port);
    try {
      await activities.sendActionReminder(command);
      expect(sink.received).toHaveLength(1);
      expect(await notificationStatus(command.idempotencyKey)).toBe('sent');
    } finally {
      await sink.close();
    }
  });
});
