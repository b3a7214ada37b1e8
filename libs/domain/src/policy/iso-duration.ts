import { isoDurationMs, parseIsoDuration } from '../calendar';

/**
 * Signed length in milliseconds of a policy duration (P2D, PT4H, -PT2H), or undefined when the
 * text is outside the subset the working-day clock supports, so the schema can name the field.
 */
export function isoDurationToMilliseconds(text: string): number | undefined {
  try {
    return isoDurationMs(parseIsoDuration(text));
  } catch {
    return undefined;
  }
}
