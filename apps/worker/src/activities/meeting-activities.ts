import { appendChronology, MeetingEntity, partnershipChain } from '@safeguard/persistence';
import type { MeetingActivities, RecordMeetingClosed } from '@safeguard/workflows';
import type { ActivityDeps } from './activity-deps';

export function createMeetingActivities(deps: Pick<ActivityDeps, 'dataSource'>): MeetingActivities {
  const { dataSource } = deps;
  return {
    /** Every item of the meeting is closed; a repeat (activity retry) changes nothing. */
    async recordMeetingClosed({ meetingId, closedAt }: RecordMeetingClosed): Promise<void> {
      await dataSource.transaction(async (db) => {
        const result = await db
          .createQueryBuilder()
          .update(MeetingEntity)
          .set({ status: 'closed', closedAt: new Date(closedAt) })
          .where("id = :meetingId AND status = 'open'", { meetingId })
          .returning('partnership_id')
          .execute();
        if (!result.affected) return;
        await appendChronology(db, {
          subjectType: 'meeting',
          subjectId: meetingId,
          event: 'meeting.closed',
          chain: partnershipChain(result.raw[0]?.partnership_id),
          kind: 'system',
          occurredAt: new Date(closedAt),
        });
      });
    },
  };
}
