/**
 * When a chased item's reminders, overdue chases and escalations fall, from its due instant and
 * the stage's timetable in the pinned policy. Pure and deterministic, so workflows call it.
 *
 * Day offsets name a day relative to the due day and fire when that day's send window opens
 * (policy schema, offsetSchema); durations are exact elapsed time from the due instant.
 */
import type { Nation } from '../calendar/bank-holidays';
import { addCalendarDays, shiftWorkingDays } from '../calendar/working-day-clock';
import { isoDurationToMilliseconds } from '../policy/iso-duration';
import type { EscalationTarget, EscalationTier, SendWindow } from '../policy/policy.schema';
import type { Offset } from '../policy/timescale.schema';

/** The part of a stage policy that says when to chase; carried in workflow input as it is. */
export interface ChaseTimetable {
  readonly remindersBeforeDue: readonly Offset[];
  readonly overdueChases: readonly Offset[];
  readonly escalation: readonly EscalationTier[];
  /** The ladder an immediate-risk item climbs instead, in hours rather than days, if any. */
  readonly urgentEscalation?: readonly EscalationTier[];
}

export interface ChaseCalendar {
  readonly nation: Nation;
  readonly sendWindow: SendWindow;
  /** Immediate risk: the stage's urgent ladder is climbed, where it has one. */
  readonly urgent?: boolean;
}

/** The ladder an item climbs: the urgent one for immediate risk where the stage has one. */
export function escalationLadder(
  timetable: ChaseTimetable,
  urgent: boolean | undefined,
): readonly EscalationTier[] {
  return urgent && timetable.urgentEscalation ? timetable.urgentEscalation : timetable.escalation;
}

/**
 * 'reminder': before the due day ("due soon"); 'due': on or after the due day, from the
 * reminder list; 'chase': overdue chase to the owner; 'escalation': a tier of the ladder.
 */
export type TouchKind = 'reminder' | 'due' | 'chase' | 'escalation';

export interface Touch {
  /** Stable within one due date, e.g. "chase-1" or "escalation-owner-line-manager". */
  readonly key: string;
  readonly kind: TouchKind;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly notify: EscalationTarget;
}

/** Everything the timetable asks for around this due instant, earliest first. */
export function chasePlan(
  timetable: ChaseTimetable,
  dueAt: Date,
  calendar: ChaseCalendar,
): Touch[] {
  const at = (offset: Offset) => offsetInstant(offset, dueAt, calendar);
  const touches: Touch[] = [
    // A reminder is never later than the due instant itself: an item due at 08:00, or on a
    // Saturday, is not reminded of only after it has fallen due.
    ...timetable.remindersBeforeDue.map((offset, index) => ({
      key: `reminder-${index}`,
      kind: offsetIsBeforeDueDay(offset) ? ('reminder' as const) : ('due' as const),
      at: Math.min(at(offset), dueAt.getTime()),
      notify: 'owner' as const,
    })),
    ...timetable.overdueChases.map((offset, index) => ({
      key: `chase-${index}`,
      kind: 'chase' as const,
      at: at(offset),
      notify: 'owner' as const,
    })),
    ...escalationLadder(timetable, calendar.urgent).map((tier) => ({
      key: `escalation-${tier.notify}`,
      kind: 'escalation' as const,
      at: at(tier.after),
      notify: tier.notify,
    })),
  ];
  // Stable: at the same instant, reminders before chases before escalations, in policy order.
  return touches
    .map((touch, order) => ({ touch, order }))
    .sort((a, b) => a.touch.at - b.touch.at || a.order - b.order)
    .map(({ touch }) => touch);
}

/** Once the owner has acknowledged an item, reminders before it is overdue stop. */
export function silencedByAcknowledgement(touch: Touch, acknowledged: boolean): boolean {
  return acknowledged && (touch.kind === 'reminder' || touch.kind === 'due');
}

/**
 * What is still to do when a plan is laid (on creation, or when an extension moves the date) at
 * `now`. Nothing is sent late for its own sake: of the owner's messages already past, only the
 * latest goes, at once, so an item recorded late still tells its owner where it stands; tiers of
 * the ladder already past are all notified, because accountability must not lapse by backdating.
 */
export function touchesStillToCome(plan: readonly Touch[], now: number): Touch[] {
  const past = plan.filter((touch) => touch.at <= now);
  const latestOwnerMessage = past.filter((touch) => touch.kind !== 'escalation').at(-1);
  return plan.filter(
    (touch) => touch.at > now || touch === latestOwnerMessage || touch.kind === 'escalation',
  );
}

/** Epoch milliseconds of an offset from the due instant. */
export function offsetInstant(offset: Offset, dueAt: Date, calendar: ChaseCalendar): number {
  const opening = { at: calendar.sendWindow.start };
  if ('workingDays' in offset) {
    return shiftWorkingDays(dueAt, offset.workingDays, calendar.nation, opening).getTime();
  }
  if ('calendarDays' in offset) {
    // The day's hours matter only to name its opening; a window to midnight ends at 23:59.
    const { start, end } = calendar.sendWindow;
    const day = {
      nation: calendar.nation,
      workingDay: { start, end: end === '24:00' ? '23:59' : end },
    };
    return addCalendarDays(dueAt, offset.calendarDays, day, opening).getTime();
  }
  const ms = isoDurationToMilliseconds(offset.duration);
  if (ms === undefined) throw new RangeError('chase plan: unreadable duration offset');
  return dueAt.getTime() + ms;
}

function offsetIsBeforeDueDay(offset: Offset): boolean {
  if ('workingDays' in offset) return offset.workingDays < 0;
  if ('calendarDays' in offset) return offset.calendarDays < 0;
  return (isoDurationToMilliseconds(offset.duration) ?? 0) < 0;
}
