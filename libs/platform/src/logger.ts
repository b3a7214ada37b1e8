import pino, { Logger } from 'pino';

/**
 * Structured JSON logs. What we log is ids, references, states and counts: never names, emails,
 * dates of birth or free text, because an auditor may read every line we emit.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service } });
}
