export {
  chasePlan,
  offsetInstant,
  silencedByAcknowledgement,
  touchesStillToCome,
  type ChaseCalendar,
  type ChaseTimetable,
  type Touch,
  type TouchKind,
} from './chase-plan';
export { chaseDelivery, chaseTimetable } from './chase-timetable';
export { dueAfter, dueAfterPause } from './due-date';
export {
  firstSendingAt,
  nextSendingAt,
  sendingTime,
  sendingTimeFrom,
  type DeliveryWindow,
} from './sending';
export { CHASED_ITEM_KINDS, STAGE_OF_ITEM, type ChasedItemKind } from './chased-items';
