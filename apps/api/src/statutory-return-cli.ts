import 'reflect-metadata';
import { reportingYear, statutoryReturnCsv, whyNotReportingYear } from '@safeguard/domain';
import { dataSourceOptions, PartnershipEntity } from '@safeguard/persistence';
import { EnvReader } from '@safeguard/platform';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { StatutoryReturnService } from './statutory-return/statutory-return.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Prints a partnership's Safeguarding Adults Collection counts for one year to stdout as the same
 * CSV the API serves, for whoever prepares the return from a scheduled job or a terminal. Reads
 * DATABASE_URL directly, so it is for operators, like verify-audit.
 *
 *   npm run -s statutory-return -- --partnership <uuid> --year 2025-26 > sac-2025-26.csv
 *
 * (-s keeps npm's own banner out of the CSV.) Exit status: 0 printed, 1 refused (bad arguments,
 * no such partnership), 2 could not run (so a job can tell a typo from an outage).
 */
class Refusal extends Error {}

function readArguments(): { partnershipId: string; year: string } {
  const { values } = parseArgs({
    options: { partnership: { type: 'string' }, year: { type: 'string' } },
  });
  const partnershipId = values.partnership ?? '';
  const year = values.year ?? '';
  const whyNotYear = whyNotReportingYear(year);
  const problems = [
    ...(UUID.test(partnershipId) ? [] : ['--partnership must be a partnership id (a UUID)']),
    ...(whyNotYear ? [`--year ${whyNotYear}`] : []),
  ];
  if (problems.length) throw new Refusal(`Cannot report:\n  - ${problems.join('\n  - ')}`);
  return { partnershipId, year };
}

async function statutoryReturn(): Promise<number> {
  const { partnershipId, year } = readArguments();
  const env = new EnvReader(process.env);
  const databaseUrl = env.url('DATABASE_URL', ['postgres', 'postgresql']);
  env.assertValid();
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    // Zeros for a mistyped id would look like a real, empty year.
    if (!(await dataSource.manager.existsBy(PartnershipEntity, { id: partnershipId }))) {
      throw new Refusal(`No partnership ${partnershipId}`);
    }
    const tables = await new StatutoryReturnService(dataSource).tables(
      partnershipId,
      reportingYear(year),
    );
    // Written out before the process exits, even to a pipe that is slow to drain.
    await new Promise((written) => process.stdout.write(statutoryReturnCsv(tables), written));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

statutoryReturn().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof Refusal ? 1 : 2);
  },
);
