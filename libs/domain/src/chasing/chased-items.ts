import {
  ENQUIRY_ITEM_KINDS,
  STAGE_OF_ENQUIRY_ITEM,
  type EnquiryItemKind,
} from '../enquiries/enquiry-items';
import {
  MEETING_ITEM_KINDS,
  STAGE_OF_MEETING_ITEM,
  type MeetingItemKind,
} from '../meetings/meeting';
import type { StageKey } from '../policy/stage-keys';

/** Everything chased as an item: a meeting's follow-up and an enquiry's deadlines. */
export const CHASED_ITEM_KINDS = [...MEETING_ITEM_KINDS, ...ENQUIRY_ITEM_KINDS] as const;
export type ChasedItemKind = MeetingItemKind | EnquiryItemKind;

export const STAGE_OF_ITEM: Readonly<Record<ChasedItemKind, StageKey>> = {
  ...STAGE_OF_MEETING_ITEM,
  ...STAGE_OF_ENQUIRY_ITEM,
};
