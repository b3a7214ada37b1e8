/** A local wall-clock time "HH:MM" (24-hour, Europe/London). */
export const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** The end of a send window may also be midnight at the end of the day: "24:00". */
export const WINDOW_END_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since midnight; only meaningful for text that matched CLOCK_PATTERN. */
export function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}
