import { waitFor } from '@safeguard/dev-stack';

/**
 * The longest a helper waits for one thing by default. Work crossing processes (an email, an
 * extra API booting) can take tens of seconds on a loaded two-core machine.
 */
export const E2E_WAIT_MS = 30_000;

/**
 * How long one e2e test may take (set for every e2e file by timeouts.ts): twice the longest wait.
 * A wait as long as the test loses the race to jest's timeout on a slow machine, and the report
 * then says "timeout" instead of naming what never came (the email, the settled reminder, the
 * process that did not start).
 */
export const E2E_TEST_TIMEOUT_MS = 2 * E2E_WAIT_MS;

/**
 * Polls `probe` until it returns something other than undefined, for work crossing processes
 * (API → Temporal → worker → Postgres or SMTP); fails naming `what` if it never comes.
 */
export function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = E2E_WAIT_MS,
): Promise<T> {
  return waitFor(what, probe, timeoutMs);
}
