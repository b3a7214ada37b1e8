import type { EntityManager } from 'typeorm';
import {
  chaseDelivery,
  chaseTimetable,
  firstSendingAt,
  formatReference,
  initialActionState,
  STAGE_OF_ITEM,
  stagePolicy,
  ukLocalDate,
  type ChasedItemKind,
  type PolicyDocument,
} from '@safeguard/domain';
import {
  ActionEntity,
  appendChronology,
  partnershipChain,
  PolicyVersionEntity,
} from '@safeguard/persistence';
import { actionWorkflowId } from '@safeguard/workflows';

/** A chased item a process opens for itself, under the policy version the process is pinned to. */
export interface ChasedItemRow {
  /** From the workflow, so a retried activity finds its row instead of making a second one. */
  actionId: string;
  kind: ChasedItemKind;
  /** Unset: the neutral title of the item's stage in the policy. */
  title?: string;
  ownerId: string;
  dueAt: Date;
  urgent: boolean;
  partnershipId: string;
  policyVersion: number;
  /** The process it belongs to; only that process's own commands close it. */
  belongsTo: { enquiryId: string } | { disagreementId: string };
  /** What the chronology's `action.created` says of it: ids and process facts only. */
  detail: Record<string, unknown>;
}

/**
 * Lays out the item's row of `actions` as the API lays out a new item, so it shows in lists,
 * digests and feeds before its chaser first writes, and records it created. A retry finds the row
 * by its id and changes nothing.
 */
export async function openChasedItemRow(db: EntityManager, item: ChasedItemRow): Promise<void> {
  const now = new Date();
  const { document } = await db.findOneByOrFail(PolicyVersionEntity, {
    partnershipId: item.partnershipId,
    version: item.policyVersion,
  });
  const [{ sequence }] = await db.query(`SELECT nextval('action_reference_seq') AS sequence`);
  // The id is the only unique column a retry can collide on: the reference is fresh and the
  // workflow id follows from the id.
  const inserted = await db
    .createQueryBuilder()
    .insert()
    .into(ActionEntity)
    .values(chasedItemValues(item, document, Number(sequence), now))
    .orIgnore()
    .returning('id')
    .execute();
  if (inserted.raw.length === 0) return;
  await appendChronology(db, {
    subjectType: 'action',
    subjectId: item.actionId,
    event: 'action.created',
    chain: partnershipChain(item.partnershipId),
    kind: 'system',
    detail: item.detail,
    occurredAt: now,
  });
}

/**
 * The new row itself, from the item, its pinned policy and the next reference number: what the
 * API would lay out for a new item (title, reference, process it belongs to, first reminder).
 */
export function chasedItemValues(
  item: ChasedItemRow,
  document: PolicyDocument,
  sequence: number,
  now: Date,
): Partial<ActionEntity> {
  const stage = stagePolicy(document, STAGE_OF_ITEM[item.kind]);
  const nextReminderAt = firstSendingAt(
    chaseTimetable(stage),
    item.dueAt,
    chaseDelivery(document, item.urgent),
    now.getTime(),
  );
  return {
    id: item.actionId,
    reference: formatReference('ACT', ukLocalDate(now).year, sequence),
    title: item.title ?? stage.title,
    kind: item.kind,
    meetingId: null,
    enquiryId: 'enquiryId' in item.belongsTo ? item.belongsTo.enquiryId : null,
    disagreementId: 'disagreementId' in item.belongsTo ? item.belongsTo.disagreementId : null,
    rationale: null,
    ownerId: item.ownerId,
    partnershipId: item.partnershipId,
    policyVersion: item.policyVersion,
    urgent: item.urgent,
    dueAt: item.dueAt,
    status: 'open',
    // The chaser starts at this version, so its first write of the item wins.
    processVersion: initialActionState().version,
    workflowId: actionWorkflowId(item.actionId),
    createdAt: now,
    updatedAt: now,
    acknowledged: false,
    nextReminderAt: nextReminderAt ? new Date(nextReminderAt) : null,
  };
}
