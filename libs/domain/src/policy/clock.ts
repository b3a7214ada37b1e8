/** A local wall-clock time "HH:MM" (24-hour, Europe/London). */
export const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight; only meaningful for text that matched CLOCK_PATTERN. */
export function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}
