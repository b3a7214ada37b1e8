import {
  appendChronology,
  type CheckpointTrust,
  chronologyHash,
  ChronologyEntryEntity,
  dataSourceOptions,
  migrateDatabase,
  signCheckpoint,
  verifyAuditTrail,
} from '@safeguard/persistence';
import { checkpointKeyId, type CheckpointSigningKey } from '@safeguard/platform';
import { repoRoot } from '@safeguard/dev-stack';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOwnerUrl } from './support/e2e-env';
import { get } from './support/http';

const INTERVAL_MS = 5 * 60_000;
const CHAIN = 'a1b2c3d4-0000-4000-8000-00000000c0de';
const OTHER_CHAIN = 'a1b2c3d4-0000-4000-8000-00000000beef';

function keyPair(): { signing: CheckpointSigningKey; trust: CheckpointTrust } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = checkpointKeyId(publicKey);
  return {
    signing: { keyId, privateKey },
    trust: { publicKeys: new Map([[keyId, publicKey]]), intervalMs: INTERVAL_MS },
  };
}

/**
 * Deleting what the hash chains cannot show: each kind of tampering an attacker with the database
 * owner's rights could try, on a database of its own (a copy of one migrated once), against the
 * signed checkpoints of audit-checkpoints.ts. The owner here is also a superuser, so it can switch
 * the append-only triggers off, which the application's role cannot (audit.e2e-spec.ts).
 */
describe('signed checkpoints of the audit trail', () => {
  const server = new Client({ connectionString: databaseOwnerUrl() });
  const template = `checkpoints_${randomUUID().replace(/-/g, '')}`;
  const made: string[] = [];
  const { signing, trust } = keyPair();
  let db: DataSource;
  let sql: Client;

  beforeAll(async () => {
    await server.connect();
    await server.query(`CREATE DATABASE ${template}`);
    await migrateDatabase(urlOf(template));
  });
  beforeEach(async () => {
    const name = `${template}_${made.length}`;
    made.push(name);
    await server.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    db = await new DataSource(dataSourceOptions(urlOf(name))).initialize();
    sql = new Client({ connectionString: urlOf(name) });
    await sql.connect();
  });
  afterEach(async () => {
    await db.destroy();
    await sql.end();
  });
  afterAll(async () => {
    for (const name of [...made, template]) await server.query(`DROP DATABASE IF EXISTS ${name}`);
    await server.end();
  });

  function urlOf(name: string): string {
    const url = new URL(databaseOwnerUrl());
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** Appends `rows` links to a chain, as every change does. */
  async function append(chain: string, rows: number): Promise<void> {
    await db.transaction(async (manager) => {
      for (let step = 0; step < rows; step += 1) {
        await appendChronology(manager, {
          subjectType: 'partnership',
          subjectId: chain,
          event: 'partnership.reviewed',
          chain,
          kind: 'system',
          detail: { step },
        });
      }
    });
  }

  /** Runs SQL with every user trigger off, as only the owner can; one transaction. */
  async function asAttacker(...statements: string[]): Promise<void> {
    await sql.query('BEGIN');
    await sql.query('ALTER TABLE chronology DISABLE TRIGGER USER');
    await sql.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
    for (const statement of statements) await sql.query(statement);
    await sql.query('ALTER TABLE chronology ENABLE TRIGGER USER');
    await sql.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
    await sql.query('COMMIT');
  }

  const verify = (at = new Date(), keys = trust) =>
    verifyAuditTrail(db.manager, { ...keys, now: at });
  const chainOf = (verification: Awaited<ReturnType<typeof verify>>, chain: string) =>
    verification.chains.find((result) => result.chain === chain);

  it('finds nothing wrong with an intact trail whose checkpoint is current', async () => {
    await append(CHAIN, 3);
    await append(OTHER_CHAIN, 2);
    expect((await signCheckpoint(db, signing))?.heads).toEqual([
      // In chain order.
      { chain: OTHER_CHAIN, sequence: '2', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { chain: CHAIN, sequence: '3', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    await append(CHAIN, 2);
    const verification = await verify();
    expect(verification).toEqual({
      ok: true,
      checkpoint: { state: 'current', ok: true, signedAt: expect.any(String) },
      chronologyEmptied: false,
      chains: [
        { chain: OTHER_CHAIN, rows: 2, ok: true },
        { chain: CHAIN, rows: 5, ok: true },
      ],
    });
    // Another replica's signer, within half an interval: no second checkpoint.
    expect(await signCheckpoint(db, signing, { unlessSignedWithinMs: INTERVAL_MS / 2 })).toBe(
      undefined,
    );
  });

  it('names an edited row', async () => {
    await append(CHAIN, 4);
    await signCheckpoint(db, signing);
    const [row] = await db.query(`SELECT id FROM chronology WHERE chain = $1 AND sequence = 2`, [
      CHAIN,
    ]);
    await asAttacker(`UPDATE chronology SET detail = '{"step": 99}' WHERE id = ${row.id}`);
    const verification = await verify();
    expect(verification.ok).toBe(false);
    expect(chainOf(verification, CHAIN)).toEqual({
      chain: CHAIN,
      ok: false,
      firstBrokenLink: { id: String(row.id), sequence: '2', reason: 'hash mismatch' },
    });
  });

  it('names rows deleted from the tail before the last checkpoint', async () => {
    await append(CHAIN, 5);
    await signCheckpoint(db, signing);
    await asAttacker(`DELETE FROM chronology WHERE chain = '${CHAIN}' AND sequence > 3`);
    const verification = await verify();
    expect(verification.ok).toBe(false);
    expect(chainOf(verification, CHAIN)).toEqual({
      chain: CHAIN,
      ok: false,
      checkpointBreach: {
        reason: 'rows deleted from the tail',
        signedSequence: '5',
        lastSequence: '3',
      },
    });
  });

  it('names a deleted chain, and only it', async () => {
    await append(CHAIN, 2);
    await append(OTHER_CHAIN, 2);
    await signCheckpoint(db, signing);
    await asAttacker(`DELETE FROM chronology WHERE chain = '${CHAIN}'`);
    const verification = await verify();
    expect(verification.ok).toBe(false);
    expect(verification.chronologyEmptied).toBe(false);
    expect(chainOf(verification, CHAIN)).toEqual({
      chain: CHAIN,
      ok: false,
      checkpointBreach: { reason: 'chain deleted', signedSequence: '2', lastSequence: null },
    });
    expect(chainOf(verification, OTHER_CHAIN)).toEqual({ chain: OTHER_CHAIN, rows: 2, ok: true });
    // Asked about that chain alone, as a lead asks about their partnership's.
    expect((await verifyAuditTrail(db.manager, trust, [CHAIN])).chains).toEqual([
      chainOf(verification, CHAIN),
    ]);
  });

  it('names a truncated table', async () => {
    await append(CHAIN, 2);
    await append(OTHER_CHAIN, 1);
    await signCheckpoint(db, signing);
    await asAttacker('TRUNCATE chronology');
    const verification = await verify();
    expect(verification.ok).toBe(false);
    expect(verification.chronologyEmptied).toBe(true);
    expect(verification.chains.map((result) => result.ok)).toEqual([false, false]);
  });

  it('names a chain recomputed with the public hash function', async () => {
    await append(CHAIN, 4);
    await signCheckpoint(db, signing);
    // Rewrite the second row and re-hash it and every row after it: every link fits again.
    const rows = await db.manager.find(ChronologyEntryEntity, {
      where: { chain: CHAIN },
      order: { sequence: 'ASC' },
    });
    const statements: string[] = [];
    let previousHash = rows[0].hash;
    for (const row of rows.slice(1)) {
      const forged = {
        ...row,
        previousHash,
        detail: row.sequence === '2' ? { step: -1 } : row.detail,
      };
      const hash = chronologyHash(forged);
      statements.push(
        `UPDATE chronology SET detail = '${JSON.stringify(forged.detail)}', previous_hash = '${previousHash}', hash = '${hash}' WHERE id = ${row.id}`,
      );
      previousHash = hash;
    }
    await asAttacker(...statements);
    const verification = await verify();
    expect(verification.ok).toBe(false);
    expect(chainOf(verification, CHAIN)).toEqual({
      chain: CHAIN,
      ok: false,
      checkpointBreach: {
        reason: 'recomputed since signed',
        signedSequence: '4',
        lastSequence: '4',
      },
    });
  });

  it('names a missing checkpoint once one is due, and a stale one', async () => {
    await append(CHAIN, 1);
    expect((await verify()).checkpoint).toEqual({
      state: 'not yet due',
      ok: true,
      signedAt: null,
    });
    const twoIntervalsOn = new Date(Date.now() + 2 * INTERVAL_MS + 1000);
    expect(await verify(twoIntervalsOn)).toMatchObject({
      ok: false,
      checkpoint: { state: 'missing', ok: false, signedAt: null },
    });

    const checkpoint = await signCheckpoint(db, signing);
    expect((await verify(new Date(Date.now() + INTERVAL_MS))).checkpoint.state).toBe('current');
    expect(await verify(twoIntervalsOn)).toMatchObject({
      ok: false,
      checkpoint: { state: 'stale', signedAt: checkpoint?.signedAt.toISOString() },
    });
  });

  it('names a forged checkpoint, and one signed with a key it does not trust', async () => {
    await append(CHAIN, 2);
    const signed = await signCheckpoint(db, signing);
    // The application's role may insert checkpoints; without the key it cannot sign one.
    await db.query(
      `INSERT INTO audit_checkpoints (signed_at, key_id, heads, signature)
       VALUES (now(), $1, '[]', $2)`,
      [signing.keyId, signed?.signature],
    );
    expect((await verify()).checkpoint.state).toBe('invalid signature');

    await signCheckpoint(db, signing);
    expect((await verify()).checkpoint.state).toBe('current');
    await signCheckpoint(db, keyPair().signing);
    expect((await verify()).checkpoint).toMatchObject({ state: 'invalid signature', ok: false });
  });

  it('reports a breach through the verify-audit command, exit status 1', async () => {
    await append(CHAIN, 3);
    await signCheckpoint(db, signing);
    await asAttacker(`DELETE FROM chronology WHERE chain = '${CHAIN}' AND sequence = 3`);
    const publicKey = [...trust.publicKeys.values()][0];
    const { status, stdout } = await new Promise<{ status: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(repoRoot, 'apps', 'api', 'dist', 'verify-audit.js')],
        {
          env: {
            ...process.env,
            DATABASE_URL: urlOf(made.at(-1)!),
            AUDIT_CHECKPOINT_PUBLIC_KEYS: publicKey
              .export({ type: 'spki', format: 'der' })
              .toString('base64'),
          },
        },
        (error, out) => resolve({ status: error ? Number(error.code) : 0, stdout: out }),
      ),
    );
    expect(status).toBe(1);
    expect(stdout).toMatch(/^ok {6}checkpoints {2}current, last signed /m);
    expect(stdout).toContain(
      `BROKEN  ${CHAIN}  rows deleted from the tail: signed up to sequence 3, now 2`,
    );
  });
});

describe('the worker signing checkpoints', () => {
  it('keeps the shared stack’s checkpoint current and signed with its key, as the API reports', async () => {
    const verified = await get('/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.checkpoint).toEqual({
      state: 'current',
      ok: true,
      signedAt: expect.any(String),
    });
  });
});
