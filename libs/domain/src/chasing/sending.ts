import type { Nation } from '../calendar/bank-holidays';
import { nextInSendWindow } from '../calendar/working-day-clock';
import type { SendWindow } from '../policy/policy.schema';
import type { Touch } from './chase-plan';

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

/** When the first of these touches will actually be sent, as an ISO instant; none left: undefined. */
export function nextSendingAt(
  touches: readonly Touch[],
  delivery: DeliveryWindow | undefined,
): string | undefined {
  const next = touches[0];
  if (!next) return undefined;
  return new Date(delivery ? sendingTime(next.at, delivery) : next.at).toISOString();
}
