import type { EntityManager } from 'typeorm';
import type { ChasedItemKind } from '@safeguard/domain';
import {
  ActionEntity,
  appendChronology,
  newChasedItemRow,
  nextReference,
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
 * Lays out the item's row of `actions` as the API lays out a new item (newChasedItemRow), so it
 * shows in lists, digests and feeds before its chaser first writes, and records it created. A retry finds the row
 * by its id and changes nothing.
 */
export async function openChasedItemRow(db: EntityManager, item: ChasedItemRow): Promise<void> {
  const now = new Date();
  const { document } = await db.findOneByOrFail(PolicyVersionEntity, {
    partnershipId: item.partnershipId,
    version: item.policyVersion,
  });
  // The id is the only unique column a retry can collide on: the reference is fresh and the
  // workflow id follows from the id.
  const row = newChasedItemRow(
    {
      id: item.actionId,
      reference: await nextReference(db, 'ACT', now),
      workflowId: actionWorkflowId(item.actionId),
      kind: item.kind,
      title: item.title,
      ownerId: item.ownerId,
      dueAt: item.dueAt,
      urgent: item.urgent,
      partnershipId: item.partnershipId,
      policy: { version: item.policyVersion, document },
      belongsTo: item.belongsTo,
    },
    now,
  );
  const inserted = await db
    .createQueryBuilder()
    .insert()
    .into(ActionEntity)
    .values(row)
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
