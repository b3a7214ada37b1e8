import { isoDurationToMilliseconds } from './iso-duration';
import { MAX_DAYS, type Offset, type Timescale } from './timescale.schema';

export type AmountUnit = 'workingDays' | 'calendarDays' | 'duration';

export interface Amount {
  readonly unit: AmountUnit;
  /** Days for day units, milliseconds for durations; undefined for an unreadable duration. */
  readonly value: number | undefined;
}

export function measure(amount: Offset | Timescale): Amount {
  if ('workingDays' in amount) return { unit: 'workingDays', value: amount.workingDays };
  if ('calendarDays' in amount) return { unit: 'calendarDays', value: amount.calendarDays };
  return { unit: 'duration', value: isoDurationToMilliseconds(amount.duration) };
}

const MAX_MS = MAX_DAYS * 24 * 60 * 60 * 1000;

/**
 * Within the schema's own limits. Cross-field rules skip anything else, which already has its
 * own error, so one bad number does not produce a cascade of complaints about its neighbours.
 */
export function isWellFormed(amount: Offset | Timescale): boolean {
  const { unit, value } = measure(amount);
  if (value === undefined) return false;
  if (unit === 'duration') return Math.abs(value) <= MAX_MS;
  return Number.isInteger(value) && Math.abs(value) <= MAX_DAYS;
}

export function offsetSign(offset: Offset): -1 | 0 | 1 | undefined {
  const { value } = measure(offset);
  return value === undefined || !isWellFormed(offset)
    ? undefined
    : (Math.sign(value) as -1 | 0 | 1);
}

/**
 * Negative when a is earlier, undefined when either is malformed or the order cannot be known
 * without a calendar:
 * one working day may be one to several calendar days, so units are only compared with each
 * other across the due date (different signs, or zero).
 */
export function compareAmounts(a: Offset | Timescale, b: Offset | Timescale): number | undefined {
  if (!isWellFormed(a) || !isWellFormed(b)) return undefined;
  const x = measure(a);
  const y = measure(b);
  if (x.value === undefined || y.value === undefined) return undefined;
  if (x.unit === y.unit) return Math.sign(x.value - y.value);
  const signs = Math.sign(x.value) - Math.sign(y.value);
  if (signs !== 0 || x.value === 0) return Math.sign(signs);
  return undefined;
}
