import { isWorkingDay, ukInstant, type Nation } from '@safeguard/domain';
import { NotificationEntity, type ActionEntity } from '@safeguard/persistence';
import type { DigestActivities, DigestRun, SendDailyDigests } from '@safeguard/workflows';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { renderMessage } from '../mail/catalogue';
import type { Mailer } from '../mail/mailer';

export interface DigestActivityDeps {
  dataSource: DataSource;
  mailer: Mailer;
  /** The web service's address: the digest links to Your work and to each item's page. */
  publicWebUrl: string;
  log: Logger;
}

interface DigestReader {
  id: string;
  email: string;
}

type DueAction = Pick<ActionEntity, 'id' | 'reference' | 'dueAt'>;

/** The nation of an action without a partnership, as its chaser assumes. */
const DEFAULT_NATION: Nation = 'england-and-wales';

export function createDigestActivities(deps: DigestActivityDeps): DigestActivities {
  const { dataSource, mailer, publicWebUrl, log } = deps;

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
      link: `${publicWebUrl}/`,
      items: actions.map((action) => ({
        kind: action.dueAt < startOfDay ? 'action.overdue' : 'action.due',
        reference: action.reference,
        dueAt: action.dueAt,
        link: `${publicWebUrl}/actions/${action.id}`,
      })),
    });
    const smtpMessageId = await mailer.send({
      to: reader.email,
      ...email,
      notificationId: claim.id,
    });
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
      // Everything still open and due by tonight is listed, however long ago it fell due, so an
      // item passed over on a non-working day is in the next working day's digest.
      const rows: Array<DueAction & { readerId: string; email: string; nation: Nation | null }> =
        await dataSource.query(
          `SELECT p.id AS "readerId", p.email, a.id, a.reference, a.due_at AS "dueAt", pt.nation
             FROM people p
             JOIN notification_preferences np ON np.person_id = p.id AND np.delivery = 'daily-digest'
             JOIN actions a ON a.owner_id = p.id AND a.status NOT IN ('completed', 'cancelled') AND a.due_at <= $1
             LEFT JOIN partnerships pt ON pt.id = a.partnership_id
            WHERE p.active
            ORDER BY p.id, a.due_at`,
          [endOfDay],
        );
      const byReader = new Map<string, { reader: DigestReader; actions: DueAction[] }>();
      let held = 0;
      for (const { readerId, email, nation, ...action } of rows) {
        // Weekends and bank holidays are not digest days, the bank holidays being those of the
        // nation of the action's partnership: a reader may have some items today, the rest later.
        if (!isWorkingDay({ year, month, day }, nation ?? DEFAULT_NATION)) {
          held += 1;
          continue;
        }
        const entry = byReader.get(readerId) ?? { reader: { id: readerId, email }, actions: [] };
        entry.actions.push(action);
        byReader.set(readerId, entry);
      }
      let sent = 0;
      for (const { reader, actions } of byReader.values()) {
        if (await sendDigest(reader, date, actions, startOfDay)) sent += 1;
      }
      log.info({ date, readers: byReader.size, sent, held }, 'daily digests sent');
      return { date, sent };
    },
  };
}
