export type { BankHoliday, Nation } from './bank-holidays';
export { NATIONS, bankHolidays, easterSunday, isBankHoliday } from './bank-holidays';
export type { IsoDuration } from './iso-duration';
export { addIsoDuration, isoDurationMs, parseIsoDuration } from './iso-duration';
export type { PausableClock, PausePeriod } from './pausable-clock';
export {
  isPaused,
  pauseClock,
  projectedDue,
  remainingWorkingTime,
  resumeClock,
  startPausableClock,
} from './pausable-clock';
export type { LocalDate, LocalDateTime, LocalDateTimeInput } from './uk-time';
export {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  dayNumberOf,
  formatLocalDate,
  isoWeekday,
  localDateOf,
  ukInstant,
  ukLocalDate,
  ukLocalDateTime,
  ukUtcOffsetMinutes,
} from './uk-time';
export type {
  CalendarDayOptions,
  DueTimeOptions,
  SendHours,
  WorkingCalendar,
  WorkingHours,
} from './working-day-clock';
export {
  DEFAULT_WORKING_HOURS,
  addCalendarDays,
  addWorkingDays,
  endOfWorkingDayOn,
  isWorkingDay,
  nextInSendWindow,
  shiftWorkingDays,
  workingCalendar,
  workingDaysBetween,
} from './working-day-clock';
export { addWorkingTime, workingTimeBetween } from './working-time';
