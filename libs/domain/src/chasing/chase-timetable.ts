/**
 * What a chased item needs from its stage of the pinned policy: the one place a stage's
 * reminders, overdue chases and escalation ladder, and the policy's send window, are read into
 * a chaser's input. The API (new items, the chase ladder it shows), the worker (an item's first
 * reminder) and the workflows (items a process opens for itself) all take them from here.
 */
import type { Nation } from '../calendar/bank-holidays';
import type { SendWindow, StagePolicy } from '../policy/policy.schema';
import type { ChaseTimetable } from './chase-plan';
import type { DeliveryWindow } from './sending';

/**
 * The stage's reminders, chases and ladders, as a chaser carries them (and in this key order).
 * The urgent ladder travels only where the stage has one, so a timetable from a policy without
 * urgent ladders is exactly what it always was.
 */
export function chaseTimetable<Stage extends ChaseTimetable = StagePolicy>(
  stage: Stage,
): Pick<Stage, keyof ChaseTimetable> {
  return {
    remindersBeforeDue: stage.remindersBeforeDue,
    overdueChases: stage.overdueChases,
    escalation: stage.escalation,
    ...(stage.urgentEscalation ? { urgentEscalation: stage.urgentEscalation } : {}),
  } as Pick<Stage, keyof ChaseTimetable>;
}

/** When the item's messages may go: the policy's send window, waived for immediate risk. */
export function chaseDelivery(
  policy: { readonly nation: Nation; readonly sendWindow: SendWindow },
  urgent: boolean,
): DeliveryWindow {
  return { nation: policy.nation, sendWindow: policy.sendWindow, urgent };
}
