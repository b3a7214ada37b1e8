const UK_TIME_ZONE = 'Europe/London';

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "Tue 1 December 2026, 17:30" in UK local time, the way due dates are shown to people. */
export function formatUkDateTime(instant: Date): string {
  const parts = Object.fromEntries(ukDateTime.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** The calendar year in UK local time, used to number references. */
export function ukYear(instant: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, year: 'numeric' }).format(instant),
  );
}
