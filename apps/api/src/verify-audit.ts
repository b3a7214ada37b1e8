import 'reflect-metadata';
import { ChainVerification, dataSourceOptions, verifyChronology } from '@safeguard/persistence';
import { EnvReader } from '@safeguard/platform';
import { DataSource } from 'typeorm';

/**
 * Verifies every chronology chain against DATABASE_URL and prints one line per chain, for
 * operators and scheduled jobs. Exit status: 0 all intact, 1 a link is broken, 2 it could not
 * check (so a job can tell tampering from an outage).
 */
async function verifyAudit(): Promise<number> {
  const env = new EnvReader(process.env);
  const databaseUrl = env.url('DATABASE_URL', ['postgres', 'postgresql']);
  env.assertValid();
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const results = await verifyChronology(dataSource.manager);
    results.forEach((result) => console.log(describe(result)));
    return results.every((result) => result.ok) ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

function describe(result: ChainVerification): string {
  if (result.ok) return `ok      ${result.chain}  ${result.rows} rows`;
  const { id, sequence, reason } = result.firstBrokenLink;
  return `BROKEN  ${result.chain}  first broken link: row ${id} (sequence ${sequence}): ${reason}`;
}

verifyAudit().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
