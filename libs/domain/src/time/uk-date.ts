import { dayNumberOf, isoWeekday, ukLocalDateTime } from '../calendar';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Tue 1 December 2026, 17:30" in UK local time, the way due dates are shown to people. */
export function formatUkDateTime(instant: Date): string {
  const local = ukLocalDateTime(instant);
  const weekday = WEEKDAYS[isoWeekday(dayNumberOf(local)) - 1];
  const time = [local.hour, local.minute].map((part) => String(part).padStart(2, '0')).join(':');
  return `${weekday} ${local.day} ${MONTHS[local.month - 1]} ${local.year}, ${time}`;
}
