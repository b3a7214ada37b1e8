import type { StageKey } from '../policy/stage-keys';

/** The meetings of practice primer §2 whose plans the service follows up. */
export const MEETING_TYPES = [
  'strategy-discussion',
  'case-conference',
  'outcome-meeting',
  'professionals-meeting',
  'review',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/**
 * What a meeting leaves to be chased: each agreed action (its owner), the action log and the full
 * minutes (the minute-taker, until recorded as circulated) and the agreed review (the chair).
 */
export const MEETING_ITEM_KINDS = ['action', 'action-log', 'minutes', 'review'] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];

/** The policy stage that times each kind; a review is chased on the action timetable. */
export const STAGE_OF_MEETING_ITEM: Readonly<Record<MeetingItemKind, StageKey>> = {
  action: 'meeting.action',
  'action-log': 'meeting.action-log',
  minutes: 'meeting.full-minutes',
  review: 'meeting.action',
};

/**
 * The action log and the full minutes close when the minute-taker records who received them
 * (need to know), never by being marked complete on their own: the circulation list is the record.
 */
export function closesByCirculation(kind: string): kind is 'action-log' | 'minutes' {
  return kind === 'action-log' || kind === 'minutes';
}
