import { repoRoot } from '@safeguard/dev-stack';
import {
  appendChronology,
  dataSourceOptions,
  migrateDatabase,
  migrations,
  verifyChronology,
} from '@safeguard/persistence';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOwnerUrl, stackAppEnv } from './support/e2e-env';

const VERIFY_AUDIT = join(repoRoot, 'apps', 'api', 'dist', 'verify-audit.js');

/**
 * The migration that chains rows written before the chronology was tamper-evident, and the
 * verify-audit command. Both run on a database of their own on the stack's Postgres server:
 * the command checks every chain, and this test breaks one on purpose.
 */
describe('chaining an existing chronology, and the verify-audit command', () => {
  const name = `audit_migration_${randomUUID().replace(/-/g, '')}`;
  const url = new URL(databaseOwnerUrl());
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server: Client;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    server = new Client({ connectionString: databaseOwnerUrl() });
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await server.query(`DROP DATABASE IF EXISTS ${name}`);
    await server.end();
  });

  it('chains legacy rows per partnership, and the command reports the first broken link', async () => {
    const { partnershipId, rowIds } = await legacyDatabase(databaseUrl);
    await migrateDatabase(databaseUrl);
    dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();

    const chained = await dataSource.query(
      'SELECT id, chain, sequence, previous_hash FROM chronology ORDER BY id',
    );
    expect(chained).toEqual([
      { id: rowIds[0], chain: partnershipId, sequence: '1', previous_hash: null },
      { id: rowIds[1], chain: 'directory', sequence: '1', previous_hash: null },
      { id: rowIds[2], chain: 'directory', sequence: '2', previous_hash: expect.any(String) },
      { id: rowIds[3], chain: partnershipId, sequence: '2', previous_hash: expect.any(String) },
    ]);
    await expect(dataSource.query('DELETE FROM chronology')).rejects.toThrow(/append-only/);

    await dataSource.transaction((db) =>
      appendChronology(db, {
        subjectType: 'action',
        subjectId: randomUUID(),
        event: 'action.created',
        chain: partnershipId,
      }),
    );
    expect(sortByChain(await verifyChronology(dataSource.manager))).toEqual(
      sortByChain([
        { chain: partnershipId, rows: 3, ok: true },
        { chain: 'directory', rows: 2, ok: true },
      ]),
    );
    const intact = await verifyAudit(databaseUrl);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(new RegExp(`^ok +${partnershipId} +3 rows$`, 'm'));

    await dataSource.transaction(async (db) => {
      await db.query('ALTER TABLE chronology DISABLE TRIGGER chronology_append_only');
      await db.query(`UPDATE chronology SET event = 'person.reactivated' WHERE id = $1`, [
        rowIds[1],
      ]);
      await db.query('ALTER TABLE chronology ENABLE TRIGGER chronology_append_only');
    });
    const broken = await verifyAudit(databaseUrl);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(
      `BROKEN  directory  first broken link: row ${rowIds[1]} (sequence 1): hash mismatch`,
    );
    expect(broken.stdout).toMatch(new RegExp(`^ok +${partnershipId} +3 rows$`, 'm'));
  });
});

/**
 * A database as it was before the chronology was chained: two actions (one in a partnership,
 * one recorded before partnerships), a person, and their chronology rows, interleaved.
 */
async function legacyDatabase(databaseUrl: string) {
  const upTo = migrations.findIndex((m) => m.name === 'TamperEvidentChronology1763900000000');
  expect(upTo).toBeGreaterThan(0);
  const legacy = await new DataSource({
    ...dataSourceOptions(databaseUrl),
    migrations: migrations.slice(0, upTo),
  }).initialize();
  try {
    await legacy.runMigrations();
    const [{ id: partnershipId }] = await legacy.query(
      `INSERT INTO partnerships (name, nation) VALUES ('Legacy Board', 'england-and-wales') RETURNING id`,
    );
    const [{ id: agencyId }] = await legacy.query(
      `INSERT INTO agencies (name, type) VALUES ('Legacy Agency', 'police') RETURNING id`,
    );
    const [{ id: personId }] = await legacy.query(
      `INSERT INTO people (display_name, email, agency_id, roles)
       VALUES ('Legacy Person', 'legacy@agency.example', $1, '{practitioner}') RETURNING id`,
      [agencyId],
    );
    const [inPartnership, beforePartnerships] = [randomUUID(), randomUUID()];
    for (const [id, partnership] of [
      [inPartnership, partnershipId],
      [beforePartnerships, null],
    ]) {
      await legacy.query(
        `INSERT INTO actions (id, reference, title, owner_id, due_at, status, process_version,
                              workflow_id, created_at, updated_at, partnership_id)
         VALUES ($1, $2, 'Legacy action', $3, now(), 'open', 1, $4, now(), now(), $5)`,
        [id, `ACT-2025-${id.slice(0, 6)}`, personId, `action-${id}`, partnership],
      );
    }
    const rowIds: string[] = [];
    for (const [type, subject, event, actor] of [
      ['action', inPartnership, 'action.created', null],
      ['person', personId, 'person.deactivated', null],
      ['action', beforePartnerships, 'action.created', null],
      ['action', inPartnership, 'action.completed', personId],
    ]) {
      const [{ id }] = await legacy.query(
        `INSERT INTO chronology (subject_type, subject_id, event, actor_id, detail, occurred_at)
         VALUES ($1, $2, $3, $4, '{"status": "open", "version": 1}', now()) RETURNING id`,
        [type, subject, event, actor],
      );
      rowIds.push(id);
    }
    return { partnershipId: partnershipId as string, rowIds };
  } finally {
    await legacy.destroy();
  }
}

function verifyAudit(databaseUrl: string): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [VERIFY_AUDIT],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          AUDIT_CHECKPOINT_PUBLIC_KEYS: stackAppEnv().AUDIT_CHECKPOINT_PUBLIC_KEYS,
        },
      },
      (error, stdout) => resolve({ status: error ? Number(error.code) : 0, stdout }),
    ),
  );
}

function sortByChain<T extends { chain: string }>(results: T[]): T[] {
  return [...results].sort((a, b) => a.chain.localeCompare(b.chain));
}
