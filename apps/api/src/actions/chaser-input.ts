import {
  chaseDelivery,
  chasePlan,
  chaseTimetable,
  sendingTime,
  silencedByAcknowledgement,
  STAGE_OF_ITEM,
  stagePolicy,
  type ChasedItemKind,
  type EscalationTarget,
  type TouchKind,
} from '@safeguard/domain';
import type { PolicyVersionEntity } from '@safeguard/persistence';
import { ONE_COMMAND_AT_A_TIME, type ActionChaserInput } from '@safeguard/workflows';

export interface ChasedItem {
  actionId: string;
  kind: ChasedItemKind;
  ownerId: string;
  dueAt: Date;
  urgent: boolean;
}

/**
 * What a chaser needs from the pinned policy version, copied into its input so that publishing a
 * new version never changes a running item: the stage's timetable and the send window.
 */
export function chaserInput(item: ChasedItem, policy: PolicyVersionEntity): ActionChaserInput {
  const stage = stagePolicy(policy.document, STAGE_OF_ITEM[item.kind]);
  return {
    actionId: item.actionId,
    dueAt: item.dueAt.toISOString(),
    ownerId: item.ownerId,
    policy: { partnershipId: policy.partnershipId, version: policy.version },
    delivery: chaseDelivery(policy.document, item.urgent),
    timetable: chaseTimetable(stage),
    commands: ONE_COMMAND_AT_A_TIME,
  };
}

/**
 * The item's chase plan as it will happen, for people to read: each reminder, chase and tier of
 * the ladder at the moment it goes (quiet hours applied), from the item's pinned policy and its
 * due date now. Reminders the owner's acknowledgement has silenced are left out; touches already
 * past are kept and marked, so the ladder reads whole.
 */
export function chaseLadder(
  item: ChasedItem & { acknowledged: boolean },
  policy: PolicyVersionEntity,
  now: Date,
): ChaseStep[] {
  const input = chaserInput(item, policy);
  if (!input.timetable || !input.delivery) return [];
  const { delivery } = input;
  return chasePlan(input.timetable, item.dueAt, delivery)
    .filter((touch) => !silencedByAcknowledgement(touch, item.acknowledged))
    .map((touch) => {
      const at = sendingTime(touch.at, delivery);
      return {
        at: new Date(at),
        kind: touch.kind,
        notify: touch.notify,
        passed: at <= now.getTime(),
      };
    });
}

export interface ChaseStep {
  at: Date;
  kind: TouchKind;
  notify: EscalationTarget;
  passed: boolean;
}
