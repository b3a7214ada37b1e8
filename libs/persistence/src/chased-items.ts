import {
  chaseDelivery,
  chaseTimetable,
  firstSendingAt,
  initialActionState,
  STAGE_OF_ITEM,
  stagePolicy,
  type ChasedItemKind,
  type PolicyDocument,
} from '@safeguard/domain';
import type { ActionEntity } from './entities/action.entity';

/**
 * A new chased item as whoever opens it knows it: the API (an action, a meeting's items) or a
 * process's activity (an enquiry's deadline, an action agreed in a disagreement).
 */
export interface NewChasedItem {
  id: string;
  reference: string;
  /** The item's workflow (`actionWorkflowId(id)`); it is started, or starts, as the row is written. */
  workflowId: string;
  kind: ChasedItemKind;
  /** Unset: the neutral title of the item's stage in the policy. */
  title?: string;
  ownerId: string;
  dueAt: Date;
  urgent: boolean;
  /** Why a meeting agreed it; free text, so it never leaves Postgres. */
  rationale?: string | null;
  partnershipId: string;
  /** The policy version the item is chased under, pinned for its life. */
  policy: { version: number; document: PolicyDocument };
  /** The process it belongs to, if any; only an enquiry's own commands close its deadlines. */
  belongsTo?: { meetingId: string } | { enquiryId: string } | { disagreementId: string };
}

/** The columns of a row of `actions`. */
export type ChasedItemRow = Omit<ActionEntity, 'owner'>;

/**
 * The one way a chased item's row of `actions` is laid out, by the API and the worker alike: open,
 * unacknowledged, at the chaser's first process version (so the chaser's first write of the item
 * wins), and with its first reminder already worked out, so it shows in lists, digests and feeds
 * before its chaser first writes.
 */
export function newChasedItemRow(item: NewChasedItem, now: Date): ChasedItemRow {
  const { document, version } = item.policy;
  const belongsTo: { meetingId?: string; enquiryId?: string; disagreementId?: string } =
    item.belongsTo ?? {};
  return {
    id: item.id,
    reference: item.reference,
    title: item.title ?? stagePolicy(document, STAGE_OF_ITEM[item.kind]).title,
    kind: item.kind,
    meetingId: belongsTo.meetingId ?? null,
    enquiryId: belongsTo.enquiryId ?? null,
    disagreementId: belongsTo.disagreementId ?? null,
    rationale: item.rationale ?? null,
    ownerId: item.ownerId,
    partnershipId: item.partnershipId,
    policyVersion: version,
    urgent: item.urgent,
    dueAt: item.dueAt,
    status: 'open',
    // The chaser starts at this version, so its first write of the item wins.
    processVersion: initialActionState().version,
    workflowId: item.workflowId,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    cancelledAt: null,
    acknowledged: false,
    proposedDueAt: null,
    nextReminderAt: firstReminderAt(document, item, now),
  };
}

/**
 * When a new item's chaser will first send something (a reminder, a chase or an escalation), from
 * its stage of the pinned policy and the send window; null when nothing is left to send.
 */
export function firstReminderAt(
  document: PolicyDocument,
  item: { kind: ChasedItemKind; dueAt: Date; urgent: boolean },
  now: Date,
): Date | null {
  const stage = stagePolicy(document, STAGE_OF_ITEM[item.kind]);
  const at = firstSendingAt(
    chaseTimetable(stage),
    item.dueAt,
    chaseDelivery(document, item.urgent),
    now.getTime(),
  );
  return at ? new Date(at) : null;
}
