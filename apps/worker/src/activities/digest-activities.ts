import { isWorkingDay, ukInstant, type Nation } from '@safeguard/domain';
import { NotificationEntity, type ActionEntity } from '@safeguard/persistence';
import type { DigestActivities, DigestRun, SendDailyDigests } from '@safeguard/workflows';
import { renderMessage } from '../mail/catalogue';
import type { ActivityDeps } from './activity-deps';

/** One reader's digest: what it lists, and the held reminders it releases. */
interface DigestReader {
  id: string;
  email: string;
  actions: DueAction[];
  heldNotificationIds: string[];
}

type DueAction = Pick<ActionEntity, 'id' | 'reference' | 'dueAt'>;

/** The nation of an action without a partnership, as its chaser assumes. */
const DEFAULT_NATION: Nation = 'england-and-wales';

export function createDigestActivities(
  deps: Pick<ActivityDeps, 'dataSource' | 'mailer' | 'publicWebUrl' | 'log'>,
): DigestActivities {
  const { dataSource, mailer, publicWebUrl, log } = deps;

  /**
   * One email per person and date, whatever retries happen: claimed before, marked after. The
   * "due soon" reminders it lists were held for it, and are marked sent with it.
   */
  async function sendDigest(reader: DigestReader, date: string, startOfDay: Date, endOfDay: Date) {
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
    const kindOf = (dueAt: Date) =>
      dueAt < startOfDay ? 'action.overdue' : dueAt <= endOfDay ? 'action.due' : 'action.reminder';
    const email = renderMessage('digest.daily', {
      link: `${publicWebUrl}/`,
      items: reader.actions.map((action) => ({
        kind: kindOf(action.dueAt),
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
    const sentAt = new Date();
    const released = [claim.id, ...reader.heldNotificationIds];
    await dataSource.manager.update(NotificationEntity, released, {
      status: 'sent',
      smtpMessageId,
      sentAt,
    });
    return true;
  }

  return {
    async sendDailyDigests({ date }: SendDailyDigests): Promise<DigestRun> {
      const [year, month, day] = date.split('-').map(Number);
      const startOfDay = ukInstant({ year, month, day });
      const endOfDay = ukInstant({ year, month, day, hour: 23, minute: 59, second: 59 });
      // One query for every reader's due and overdue actions, and the "due soon" reminders held
      // for them; readers with none get no email. Everything still open and due by tonight is
      // listed, however long ago it fell due, so an item passed over on a non-working day is in
      // the next working day's digest. A held reminder is listed once, whatever the reader has
      // chosen since.
      const rows: Array<
        DueAction & {
          readerId: string;
          email: string;
          nation: Nation | null;
          heldNotificationId: string | null;
        }
      > = await dataSource.query(
        `SELECT p.id AS "readerId", p.email, a.id, a.reference, a.due_at AS "dueAt", pt.nation,
                NULL AS "heldNotificationId"
           FROM people p
           JOIN notification_preferences np ON np.person_id = p.id AND np.delivery = 'daily-digest'
           JOIN actions a ON a.owner_id = p.id AND a.status NOT IN ('completed', 'cancelled') AND a.due_at <= $1
           LEFT JOIN partnerships pt ON pt.id = a.partnership_id
          WHERE p.active
         UNION ALL
         SELECT p.id, p.email, a.id, a.reference, a.due_at, pt.nation, n.id
           FROM notifications n
           JOIN people p ON p.id = n.recipient_id AND p.active
           JOIN actions a ON n.subject_type = 'action' AND a.id = n.subject_id
                         AND a.status NOT IN ('completed', 'cancelled')
           LEFT JOIN partnerships pt ON pt.id = a.partnership_id
          WHERE n.status = 'held-for-digest'
          ORDER BY 1, 5`,
        [endOfDay],
      );
      const byReader = new Map<string, DigestReader>();
      let held = 0;
      for (const { readerId, email, nation, heldNotificationId, ...action } of rows) {
        // Weekends and bank holidays are not digest days, the bank holidays being those of the
        // nation of the action's partnership: a reader may have some items today, the rest later.
        if (!isWorkingDay({ year, month, day }, nation ?? DEFAULT_NATION)) {
          held += 1;
          continue;
        }
        const reader = byReader.get(readerId) ?? {
          id: readerId,
          email,
          actions: [],
          heldNotificationIds: [],
        };
        if (heldNotificationId) reader.heldNotificationIds.push(heldNotificationId);
        if (!reader.actions.some((listed) => listed.id === action.id)) reader.actions.push(action);
        byReader.set(readerId, reader);
      }
      let sent = 0;
      for (const reader of byReader.values()) {
        if (await sendDigest(reader, date, startOfDay, endOfDay)) sent += 1;
      }
      log.info({ date, readers: byReader.size, sent, held }, 'daily digests sent');
      return { date, sent };
    },
  };
}
