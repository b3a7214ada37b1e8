import pino, { Logger } from 'pino';

/**
 * Structured JSON logs. What we log is ids, references, states and counts: never names, emails,
 * dates of birth or free text, because an auditor may read every line we emit.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service } });
}

/**
 * The parts of an error safe to log. Database errors carry the SQL parameters and the offending
 * row values (names, emails, free text), so only type, code, message and stack go out.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code } = error as { code?: unknown };
  const driverCode = (error as { driverError?: { code?: unknown } }).driverError?.code;
  return { type: error.name, code: code ?? driverCode, message: error.message, stack: error.stack };
}

/** Log metadata with every Error value reduced to its loggable parts. */
export function loggableMeta(meta: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(meta ?? {}).map(([key, value]) => [
      key,
      value instanceof Error ? loggableError(value) : value,
    ]),
  );
}
