import { IsNull, type DataSource } from 'typeorm';
import {
  firstSendingAt,
  formatReference,
  initialActionState,
  isPausedWithEnquiry,
  STAGE_OF_ENQUIRY_ITEM,
  stagePolicy,
  ukLocalDate,
} from '@safeguard/domain';
import {
  ActionEntity,
  appendChronology,
  EnquiryDelegationEntity,
  EnquiryEntity,
  partnershipChain,
  PolicyVersionEntity,
} from '@safeguard/persistence';
import {
  actionWorkflowId,
  type EnquiryActivities,
  type EnquiryStateSnapshot,
  type OpenEnquiryItem,
} from '@safeguard/workflows';

export function createEnquiryActivities(deps: { dataSource: DataSource }): EnquiryActivities {
  const { dataSource } = deps;
  return {
    /**
     * The deadline's row of `actions`, laid out as the API lays out a new item, so it shows in
     * lists, digests and feeds before its chaser first writes. A retry finds the row by its id
     * and changes nothing.
     */
    async openEnquiryItem(command: OpenEnquiryItem): Promise<void> {
      const now = new Date();
      await dataSource.transaction(async (db) => {
        const enquiry = await db.findOneByOrFail(EnquiryEntity, { id: command.enquiryId });
        const { document } = await db.findOneByOrFail(PolicyVersionEntity, {
          partnershipId: enquiry.partnershipId,
          version: enquiry.policyVersion,
        });
        const stage = stagePolicy(document, STAGE_OF_ENQUIRY_ITEM[command.kind]);
        const dueAt = new Date(command.dueAt);
        const delivery = {
          nation: document.nation,
          sendWindow: document.sendWindow,
          urgent: command.urgent,
        };
        const nextReminderAt = firstSendingAt(stage, dueAt, delivery, now.getTime());
        const [{ sequence }] = await db.query(`SELECT nextval('action_reference_seq') AS sequence`);
        // The id is the only unique column a retry can collide on: the reference is fresh and the
        // workflow id follows from the id.
        const inserted = await db
          .createQueryBuilder()
          .insert()
          .into(ActionEntity)
          .values({
            id: command.actionId,
            reference: formatReference('ACT', ukLocalDate(now).year, Number(sequence)),
            title: stage.title,
            kind: command.kind,
            meetingId: null,
            enquiryId: command.enquiryId,
            rationale: null,
            ownerId: command.ownerId,
            partnershipId: enquiry.partnershipId,
            policyVersion: enquiry.policyVersion,
            urgent: command.urgent,
            dueAt,
            status: 'open',
            // The chaser starts at this version, so its first write of the item wins.
            processVersion: initialActionState().version,
            workflowId: actionWorkflowId(command.actionId),
            createdAt: now,
            updatedAt: now,
            acknowledged: false,
            nextReminderAt: nextReminderAt ? new Date(nextReminderAt) : null,
          })
          .orIgnore()
          .returning('id')
          .execute();
        if (inserted.raw.length === 0) return;
        await appendChronology(db, {
          subjectType: 'action',
          subjectId: command.actionId,
          event: 'action.created',
          chain: partnershipChain(enquiry.partnershipId),
          kind: 'system',
          detail: { enquiryId: command.enquiryId, kind: command.kind, dueAt: command.dueAt },
          occurredAt: now,
        });
      });
    },

    /**
     * Writes the read model from the whole state, so whatever the snapshot leaves out is cleared;
     * a stale or repeated snapshot (not a higher version) changes nothing.
     */
    async recordEnquiryState(snapshot: EnquiryStateSnapshot): Promise<void> {
      const changedAt = new Date(snapshot.changedAt);
      await dataSource.transaction(async (db) => {
        const result = await db
          .createQueryBuilder()
          .update(EnquiryEntity)
          .set({
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
            processVersion: snapshot.version,
            updatedAt: changedAt,
            // Milestones keep the moment they were first reached.
            ...(snapshot.decisionId ? { decidedAt: () => 'COALESCE(decided_at, :changedAt)' } : {}),
            ...(hasConcluded(snapshot)
              ? { concludedAt: () => 'COALESCE(concluded_at, :changedAt)' }
              : {}),
            ...(snapshot.stage === 'closed'
              ? { closedAt: () => 'COALESCE(closed_at, :changedAt)' }
              : {}),
          })
          .where('id = :id AND process_version < :version', {
            id: snapshot.enquiryId,
            version: snapshot.version,
            changedAt,
          })
          .returning('partnership_id')
          .execute();
        if (!result.affected) return;

        const { delegationId, delegationStatus } = snapshot;
        // The API records the request; the workflow only ever answers it, once.
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
        for (const { actionId, settlement } of snapshot.settledItems ?? []) {
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
            .where("id = :actionId AND status NOT IN ('completed', 'cancelled')", { actionId })
            .execute();
        }

        await appendChronology(db, {
          subjectType: 'enquiry',
          subjectId: snapshot.enquiryId,
          event: snapshot.event,
          chain: partnershipChain(result.raw[0]?.partnership_id),
          actorId: snapshot.actorId,
          kind: snapshot.actorId ? 'command' : 'system',
          detail: { stage: snapshot.stage, version: snapshot.version, ...snapshot.detail },
          occurredAt: changedAt,
        });
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
