export {
  chasePlan,
  offsetInstant,
  touchesStillToCome,
  type ChaseCalendar,
  type ChaseTimetable,
  type Touch,
  type TouchKind,
} from './chase-plan';
export { dueAfter } from './due-date';
export { nextSendingAt, sendingTime, sendingTimeFrom, type DeliveryWindow } from './sending';
