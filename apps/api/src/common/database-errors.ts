import { QueryFailedError } from 'typeorm';
import { ProblemException } from './problem';

const UNIQUE_VIOLATION = '23505';

/** A unique constraint refused the write: the database, not a prior lookup, decided. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && error.driverError?.code === UNIQUE_VIOLATION;
}

/**
 * Runs a write whose only unique constraint is on `field`, turning a violation into a 409
 * naming that field. The database, not a prior lookup, decides: that is race-free.
 */
export async function uniqueOn<T>(
  field: string,
  message: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw ProblemException.conflict(field, message);
    throw error;
  }
}
