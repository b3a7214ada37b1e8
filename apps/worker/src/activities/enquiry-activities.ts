import { IsNull } from 'typeorm';
import { isPausedWithEnquiry } from '@safeguard/domain';
import { ActionEntity, EnquiryDelegationEntity, EnquiryEntity } from '@safeguard/persistence';
import type {
  EnquiryActivities,
  EnquiryStateSnapshot,
  OpenEnquiryItem,
} from '@safeguard/workflows';
import type { ActivityDeps } from './activity-deps';
import { openChasedItemRow } from './chased-item-rows';
import { writeVersionedState } from './versioned-state';

export function createEnquiryActivities(deps: Pick<ActivityDeps, 'dataSource'>): EnquiryActivities {
  const { dataSource } = deps;
  return {
    /** The deadline's row of `actions`, before its chaser starts (see chased-item-rows.ts). */
    async openEnquiryItem(command: OpenEnquiryItem): Promise<void> {
      await dataSource.transaction(async (db) => {
        const enquiry = await db.findOneByOrFail(EnquiryEntity, { id: command.enquiryId });
        await openChasedItemRow(db, {
          actionId: command.actionId,
          kind: command.kind,
          ownerId: command.ownerId,
          dueAt: new Date(command.dueAt),
          urgent: command.urgent,
          partnershipId: enquiry.partnershipId,
          policyVersion: enquiry.policyVersion,
          belongsTo: { enquiryId: command.enquiryId },
          detail: { enquiryId: command.enquiryId, kind: command.kind, dueAt: command.dueAt },
        });
      });
    },

    /**
     * Writes the read model from the whole state, so whatever the snapshot leaves out is cleared;
     * a stale or repeated snapshot (not a higher version) changes nothing.
     */
    async recordEnquiryState(snapshot: EnquiryStateSnapshot): Promise<void> {
      const changedAt = new Date(snapshot.changedAt);
      await writeVersionedState(dataSource, {
        entity: EnquiryEntity,
        subjectId: snapshot.enquiryId,
        version: snapshot.version,
        changedAt,
        columns: {
          stage: snapshot.stage,
          step: snapshot.step ?? null,
          enquiryType: snapshot.enquiryType ?? null,
          ledBy: snapshot.ledBy ?? null,
          enquiryManagerId: snapshot.enquiryManagerId ?? null,
          enquirerId: snapshot.enquirerId ?? null,
          delegationId: snapshot.delegationId ?? null,
          delegatedAgencyId: snapshot.delegatedAgencyId ?? null,
          decisionId: snapshot.decisionId ?? null,
          strategyMeetingId: snapshot.strategyMeetingId ?? null,
          reportId: snapshot.reportId ?? null,
          outcomeId: snapshot.outcomeId ?? null,
          planId: snapshot.planId ?? null,
          planLeadId: snapshot.planLeadId ?? null,
          pausedSince: snapshot.pausedSince ? new Date(snapshot.pausedSince) : null,
          closure: snapshot.closure ?? null,
          nextDueAt: nextRunningDueAt(snapshot),
          // Milestones keep the moment they were first reached.
          ...(snapshot.decisionId ? { decidedAt: () => 'COALESCE(decided_at, :changedAt)' } : {}),
          ...(hasConcluded(snapshot)
            ? { concludedAt: () => 'COALESCE(concluded_at, :changedAt)' }
            : {}),
          ...(snapshot.stage === 'closed'
            ? { closedAt: () => 'COALESCE(closed_at, :changedAt)' }
            : {}),
        },
        chronology: {
          subjectType: 'enquiry',
          event: snapshot.event,
          actorId: snapshot.actorId,
          kind: snapshot.actorId ? 'command' : 'system',
          detail: { stage: snapshot.stage, version: snapshot.version, ...snapshot.detail },
        },
        alongside: async (db) => {
          const { delegationId, delegationStatus, delegationReportDueAt } = snapshot;
          // The API records the request; the workflow sets its report date (and moves it when a
          // pause ends), and answers it, once.
          if (delegationId && delegationReportDueAt) {
            await db.update(
              EnquiryDelegationEntity,
              { id: delegationId },
              { reportDueAt: new Date(delegationReportDueAt) },
            );
          }
          if (delegationId && delegationStatus && delegationStatus !== 'requested') {
            await db.update(
              EnquiryDelegationEntity,
              { id: delegationId, respondedAt: IsNull() },
              {
                status: delegationStatus,
                enquirerId: snapshot.enquirerId ?? null,
                respondedAt: changedAt,
              },
            );
          }

          // The item's process version is left alone: its chaser records the same close later,
          // with its own history, and that write must still land.
          for (const settlement of ['completed', 'cancelled'] as const) {
            const actionIds = (snapshot.settledItems ?? [])
              .filter((item) => item.settlement === settlement)
              .map((item) => item.actionId);
            if (actionIds.length === 0) continue;
            await db
              .createQueryBuilder()
              .update(ActionEntity)
              .set({
                status: settlement,
                ...(settlement === 'completed'
                  ? { completedAt: changedAt }
                  : { cancelledAt: changedAt }),
                nextReminderAt: null,
                updatedAt: changedAt,
              })
              .where("id = ANY(:actionIds) AND status NOT IN ('completed', 'cancelled')", {
                actionIds,
              })
              .execute();
          }
        },
      });
    },
  };
}

/** The earliest open deadline whose clock runs: a paused enquiry's own deadlines wait. */
function nextRunningDueAt({ openItems, pausedSince }: EnquiryStateSnapshot): Date | null {
  const running = pausedSince
    ? openItems.filter((item) => !isPausedWithEnquiry(item.kind))
    : openItems;
  const earliest = Math.min(...running.map((item) => Date.parse(item.dueAt)));
  return Number.isFinite(earliest) ? new Date(earliest) : null;
}

/** The report was accepted: the enquiry concluded, whatever has happened since. */
function hasConcluded({ stage, closure }: EnquiryStateSnapshot): boolean {
  return (
    stage === 'outcome' || stage === 'monitoring' || (stage === 'closed' && closure === 'concluded')
  );
}
