import { ukInstant } from '@safeguard/domain';
import { NotificationEntity, type ActionEntity } from '@safeguard/persistence';
import type { DigestActivities, DigestRun, SendDailyDigests } from '@safeguard/workflows';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { renderMessage } from '../mail/catalogue';
import type { Mailer } from '../mail/mailer';

export interface DigestActivityDeps {
  dataSource: DataSource;
  mailer: Mailer;
  publicBaseUrl: string;
  log: Logger;
}

interface DigestReader {
  id: string;
  email: string;
}

type DueAction = Pick<ActionEntity, 'id' | 'reference' | 'dueAt'>;

export function createDigestActivities(deps: DigestActivityDeps): DigestActivities {
  const { dataSource, mailer, publicBaseUrl, log } = deps;

  /** One email per person and date, whatever retries happen: claimed before, marked after. */
  async function sendDigest(
    reader: DigestReader,
    date: string,
    actions: DueAction[],
    startOfDay: Date,
  ) {
    const idempotencyKey = `digest:${date}:${reader.id}`;
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        idempotencyKey,
        subjectType: 'person',
        subjectId: reader.id,
        event: 'digest.daily',
        recipientId: reader.id,
        status: 'sending',
        createdAt: new Date(),
      })
      .orIgnore()
      .execute();
    const claim = await dataSource.manager.findOneByOrFail(NotificationEntity, { idempotencyKey });
    if (claim.status !== 'sending') return false;
    const email = renderMessage('digest.daily', {
      link: `${publicBaseUrl}/actions`,
      items: actions.map((action) => ({
        kind: action.dueAt < startOfDay ? 'action.overdue' : 'action.due',
        reference: action.reference,
        dueAt: action.dueAt,
        link: `${publicBaseUrl}/actions/${action.id}`,
      })),
    });
    const smtpMessageId = await mailer.send({ to: reader.email, ...email });
    await dataSource.manager.update(NotificationEntity, claim.id, {
      status: 'sent',
      smtpMessageId,
      sentAt: new Date(),
    });
    return true;
  }

  return {
    async sendDailyDigests({ date }: SendDailyDigests): Promise<DigestRun> {
      const [year, month, day] = date.split('-').map(Number);
      const startOfDay = ukInstant({ year, month, day });
      const endOfDay = ukInstant({ year, month, day, hour: 23, minute: 59, second: 59 });
      // One query for every reader's due and overdue actions; readers with none get no email.
      const rows: Array<DueAction & { readerId: string; email: string }> = await dataSource.query(
        `SELECT p.id AS "readerId", p.email, a.id, a.reference, a.due_at AS "dueAt"
           FROM people p
           JOIN notification_preferences np ON np.person_id = p.id AND np.delivery = 'daily-digest'
           JOIN actions a ON a.owner_id = p.id AND a.status NOT IN ('completed', 'cancelled') AND a.due_at <= $1
          WHERE p.active
          ORDER BY p.id, a.due_at`,
        [endOfDay],
      );
      const byReader = new Map<string, { reader: DigestReader; actions: DueAction[] }>();
      for (const { readerId, email, ...action } of rows) {
        const entry = byReader.get(readerId) ?? { reader: { id: readerId, email }, actions: [] };
        entry.actions.push(action);
        byReader.set(readerId, entry);
      }
      let sent = 0;
      for (const { reader, actions } of byReader.values()) {
        if (await sendDigest(reader, date, actions, startOfDay)) sent += 1;
      }
      log.info({ date, readers: byReader.size, sent }, 'daily digests sent');
      return { date, sent };
    },
  };
}
