import 'reflect-metadata';
import {
  type AuditVerification,
  type ChainVerification,
  dataSourceOptions,
  verifyAuditTrail,
} from '@safeguard/persistence';
import { EnvReader, readCheckpointIntervalMs, readCheckpointPublicKeys } from '@safeguard/platform';
import { DataSource } from 'typeorm';

/**
 * Verifies the audit trail against DATABASE_URL: every chronology chain's links, each chain
 * against its last signed checkpoint (AUDIT_CHECKPOINT_PUBLIC_KEYS), and that checkpoints are
 * current (AUDIT_CHECKPOINT_INTERVAL_SECONDS). Prints one line for the checkpoints and one per
 * chain, for operators and scheduled jobs. Exit status: 0 all intact, 1 a finding, 2 it could
 * not check (so a job can tell tampering from an outage).
 */
async function verifyAudit(): Promise<number> {
  const env = new EnvReader(process.env);
  const databaseUrl = env.url('DATABASE_URL', ['postgres', 'postgresql']);
  const trust = {
    publicKeys: readCheckpointPublicKeys(env),
    intervalMs: readCheckpointIntervalMs(env),
  };
  env.assertValid();
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const verification = await verifyAuditTrail(dataSource.manager, trust);
    describe(verification).forEach((line) => console.log(line));
    return verification.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

function describe({ checkpoint, chronologyEmptied, chains }: AuditVerification): string[] {
  const signed = checkpoint.signedAt ? `, last signed ${checkpoint.signedAt}` : '';
  return [
    `${checkpoint.ok ? 'ok    ' : 'BROKEN'}  checkpoints  ${checkpoint.state}${signed}`,
    ...(chronologyEmptied ? ['BROKEN  chronology  emptied: every row is gone'] : []),
    ...chains.map(describeChain),
  ];
}

function describeChain(result: ChainVerification): string {
  if (result.ok) return `ok      ${result.chain}  ${result.rows} rows`;
  if ('firstBrokenLink' in result) {
    const { id, sequence, reason } = result.firstBrokenLink;
    return `BROKEN  ${result.chain}  first broken link: row ${id} (sequence ${sequence}): ${reason}`;
  }
  const { reason, signedSequence, lastSequence } = result.checkpointBreach;
  return `BROKEN  ${result.chain}  ${reason}: signed up to sequence ${signedSequence}, now ${lastSequence ?? 'no rows'}`;
}

verifyAudit().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
