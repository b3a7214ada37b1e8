import type { Nation } from '../calendar/bank-holidays';
import { nextInSendWindow } from '../calendar/working-day-clock';
import type { SendWindow } from '../policy/policy.schema';
import { chasePlan, touchesStillToCome, type ChaseTimetable, type Touch } from './chase-plan';

/** When an item's messages may go out, from its pinned policy. */
export interface DeliveryWindow {
  nation: Nation;
  sendWindow: SendWindow;
  /** Immediate risk: sent at once, outside quiet hours, if the policy exempts urgent items. */
  urgent: boolean;
}

/** Quiet hours: a message falling outside the send window waits for it to open (epoch ms). */
export function sendingTime(instant: number, delivery: DeliveryWindow): number {
  const { nation, sendWindow, urgent } = delivery;
  if (urgent && sendWindow.urgentExempt) return instant;
  return nextInSendWindow(new Date(instant), nation, sendWindow).getTime();
}

/** Worker latency and timers firing on the boundary are not lateness; an outage or backdating is. */
const LATE_AFTER_MS = 15 * 60 * 1000;

/**
 * When a touch planned for `at` goes, seen at `now`: as planned (at once if that has just passed),
 * or, when it is more than a few minutes late (an item recorded after the date, a worker back
 * after an outage), whenever the window is open from now: a late touch never goes at night
 * just because its planned instant fell inside the window.
 */
export function sendingTimeFrom(at: number, now: number, delivery: DeliveryWindow): number {
  const planned = sendingTime(at, delivery);
  return now - planned <= LATE_AFTER_MS ? planned : sendingTime(now, delivery);
}

/** When the first of these touches will be sent, as an ISO instant; none left: undefined. */
export function nextSendingAt(
  touches: readonly Touch[],
  delivery: DeliveryWindow | undefined,
  now: number,
): string | undefined {
  const next = touches[0];
  if (!next) return undefined;
  return new Date(delivery ? sendingTimeFrom(next.at, now, delivery) : next.at).toISOString();
}

/**
 * When a new item's chaser will first send something, the plan laid at `now` as the chaser lays
 * it, so the read model shows the next reminder from the moment the item is recorded.
 */
export function firstSendingAt(
  timetable: ChaseTimetable,
  dueAt: Date,
  delivery: DeliveryWindow,
  now: number,
): string | undefined {
  const plan = chasePlan(timetable, dueAt, delivery);
  return nextSendingAt(touchesStillToCome(plan, now), delivery, now);
}
