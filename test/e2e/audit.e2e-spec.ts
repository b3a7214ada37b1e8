import {
  appendChronology,
  CHRONOLOGY_VERIFY_PAGE_SIZE,
  ChronologyEntryEntity,
  chronologyHash,
  dataSourceOptions,
  verifyChronology,
} from '@safeguard/persistence';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOwnerUrl, stackAppEnv } from './support/e2e-env';
import {
  call,
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  tokenFor,
  unique,
} from './support/http';

const in30Days = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

/**
 * The chronology as a tamper-evident audit trail. The stack is shared with every other e2e file,
 * so each test works in partnerships of its own (each is its own chain) and asserts only on them.
 */
describe('audit trail', () => {
  /** The owner of the tables: the attacker with direct database access these tests play. */
  let sql: Client;
  /** As the API and worker connect. */
  let dataSource: DataSource;

  beforeAll(async () => {
    sql = new Client({ connectionString: databaseOwnerUrl() });
    await sql.connect();
    dataSource = await new DataSource(dataSourceOptions(stackAppEnv().DATABASE_URL)).initialize();
  });
  afterAll(async () => {
    await sql.end();
    await dataSource.destroy();
  });

  async function actionIn(partnershipId: string, title = unique('Audit test action')) {
    const agency = await createAgency('police', [partnershipId]);
    const owner = await createPerson('Audit Officer', { agencyId: agency.id });
    const created = await postAction(owner, { title, dueAt: in30Days() });
    expect(created.status).toBe(201);
    return { action: created.body, owner };
  }

  it('lists an action’s chronology in its partnership’s chain, without personal data', async () => {
    const partnership = await createPartnership();
    const title = unique('Share the case notes about Mr Example');
    const { action, owner } = await actionIn(partnership.id, title);
    expect((await post(`/actions/${action.id}/complete`)).status).toBe(200);

    const chronology = await get(`/audit/records/action/${action.id}`);
    expect(chronology.status).toBe(200);
    expect(chronology.body).toEqual([
      expect.objectContaining({
        event: 'action.created',
        kind: 'command',
        chain: partnership.id,
        // The e2e operator created it, in a request the logs can find.
        actor: expect.objectContaining({ role: 'admin,safeguarding-lead' }),
        requestId: expect.any(String),
        summary: { ownerId: owner.id, dueAt: action.dueAt, policyVersion: 1, urgent: false },
      }),
      expect.objectContaining({
        event: 'action.completed',
        chain: partnership.id,
        summary: { status: 'completed', version: expect.any(Number) },
      }),
    ]);
    // Consecutive links of one chain: nothing else was written to it in between.
    expect(Number(chronology.body[1].sequence)).toBe(Number(chronology.body[0].sequence) + 1);
    const text = JSON.stringify(chronology.body);
    for (const personal of [title, owner.displayName, owner.email]) {
      expect(text).not.toContain(personal);
    }
  });

  it('lists who read a record, and refuses free text in a summary', async () => {
    const partnership = await createPartnership();
    const { action, owner } = await actionIn(partnership.id);
    const asOwner = await tokenFor(owner.email);
    const read = await call('GET', `/actions/${action.id}`, undefined, asOwner);
    expect(read.status).toBe(200);

    const access = await get(`/audit/records/action/${action.id}/access`);
    expect(access.status).toBe(200);
    expect(access.body).toEqual([
      expect.objectContaining({
        event: 'action.viewed',
        kind: 'read',
        actor: { personId: owner.id, agencyId: owner.agencyId, role: 'practitioner' },
        requestId: expect.any(String),
      }),
    ]);
    await expect(
      dataSource.transaction((db) =>
        appendChronology(db, {
          subjectType: 'action',
          subjectId: action.id,
          event: 'action.noted',
          chain: partnership.id,
          detail: { note: 'Spoke to Mr Example' },
        }),
      ),
    ).rejects.toThrow(/free text or personal data/);
    const verified = await get(`/audit/verify?chain=${partnership.id}`);
    expect(verified).toMatchObject({
      status: 200,
      body: { ok: true, chains: [{ chain: partnership.id, rows: expect.any(Number), ok: true }] },
    });
    // An id in capitals names the same chain, and its rows are checked, not an empty chain.
    expect((await get(`/audit/verify?chain=${partnership.id.toUpperCase()}`)).body).toEqual(
      verified.body,
    );
  });

  it('answers 404 for an unknown record and 400 for a bad subject type or chain', async () => {
    const unknown = '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
    expect((await get(`/audit/records/action/${unknown}`)).status).toBe(404);
    const badType = await get(`/audit/records/case-notes/${unknown}`);
    expect(badType.status).toBe(400);
    expect(badType.body.errors).toEqual([expect.objectContaining({ field: 'subjectType' })]);
    expect((await get('/audit/verify?chain=everything')).status).toBe(400);
  });

  it('lets the application role read and append to the audit trail, and nothing more', async () => {
    const app = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await app.connect();
    const refusal = async (statement: string) => {
      await app.query('BEGIN');
      try {
        await app.query(statement);
        return 'done';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await app.query('ROLLBACK');
      }
    };
    try {
      const [{ superuser, owns }] = (
        await app.query(`SELECT rolsuper AS superuser,
                           EXISTS (SELECT 1 FROM pg_tables WHERE tableowner = current_user) AS owns
                           FROM pg_roles WHERE rolname = current_user`)
      ).rows;
      expect({ superuser, owns }).toEqual({ superuser: false, owns: false });
      expect(await refusal('SELECT count(*) FROM chronology')).toBe('done');
      const aColumn = {
        chronology: 'event',
        audit_checkpoints: 'key_id',
        policy_versions: 'version',
      };
      for (const [table, column] of Object.entries(aColumn)) {
        for (const statement of [
          `UPDATE ${table} SET ${column} = ${column}`,
          `DELETE FROM ${table}`,
          `TRUNCATE ${table}`,
        ]) {
          expect(await refusal(statement)).toBe(`permission denied for table ${table}`);
        }
      }
      expect(await refusal('ALTER TABLE chronology DISABLE TRIGGER chronology_append_only')).toBe(
        'must be owner of table chronology',
      );
      expect(await refusal('SET session_replication_role = replica')).toBe(
        'permission denied to set parameter "session_replication_role"',
      );
      expect(await refusal(`INSERT INTO migrations (timestamp, name) VALUES (1, 'Forged1')`)).toBe(
        'permission denied for table migrations',
      );
    } finally {
      await app.end();
    }
  });

  it('refuses UPDATE and DELETE, and the verifier finds a row altered with the trigger off', async () => {
    const tampered = await createPartnership();
    const untouched = await createPartnership();
    const { action } = await actionIn(tampered.id);
    await actionIn(untouched.id);
    const {
      rows: [row],
    } = await sql.query(
      `SELECT id, sequence FROM chronology WHERE chain = $1 AND event = 'action.created'`,
      [tampered.id],
    );

    await expect(
      sql.query(`UPDATE chronology SET detail = '{}' WHERE id = $1`, [row.id]),
    ).rejects.toThrow('chronology is append-only: UPDATE refused');
    await expect(sql.query(`DELETE FROM chronology WHERE id = $1`, [row.id])).rejects.toThrow(
      'chronology is append-only: DELETE refused',
    );
    // TRUNCATE fires no row trigger; a statement trigger refuses it. Tried in a transaction that
    // is rolled back, so a missing trigger fails this test without emptying the shared stack.
    const truncating = async (table: string) => {
      await sql.query('BEGIN');
      try {
        await sql.query(`TRUNCATE ${table}`);
        return `${table} truncated`;
      } catch (error) {
        return (error as Error).message;
      } finally {
        await sql.query('ROLLBACK');
      }
    };
    expect(await truncating('chronology')).toBe('chronology is append-only: TRUNCATE refused');
    expect(await truncating('policy_versions CASCADE')).toBe(
      'published policy versions are immutable: TRUNCATE refused',
    );

    // In one transaction, so no other session ever sees the trigger off.
    await sql.query('BEGIN');
    await sql.query('ALTER TABLE chronology DISABLE TRIGGER chronology_append_only');
    await sql.query(
      `UPDATE chronology SET detail = detail || '{"policyVersion": 2}' WHERE id = $1`,
      [row.id],
    );
    await sql.query('ALTER TABLE chronology ENABLE TRIGGER chronology_append_only');
    await sql.query('COMMIT');

    const verified = await get('/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(false);
    const chain = (id: string) =>
      verified.body.chains.find((c: { chain: string }) => c.chain === id);
    expect(chain(tampered.id)).toEqual({
      chain: tampered.id,
      ok: false,
      firstBrokenLink: { id: row.id, sequence: row.sequence, reason: 'hash mismatch' },
    });
    expect(chain(untouched.id)).toEqual({
      chain: untouched.id,
      rows: expect.any(Number),
      ok: true,
    });
    // The record still reads back: tampering is reported, not hidden.
    expect((await get(`/audit/records/action/${action.id}`)).body[0].summary.policyVersion).toBe(2);
  });

  describe('a chain longer than one page of the verifier', () => {
    /** Past the end of the first page, so the verifier has to carry on from where it stopped. */
    const LENGTH = CHRONOLOGY_VERIFY_PAGE_SIZE + 25;

    /** A partnership whose chain is LENGTH rows long, appended as every change appends. */
    async function longChain(): Promise<string> {
      const { id } = await createPartnership();
      await dataSource.transaction(async (db) => {
        const [{ count }] = await db.query(
          'SELECT count(*) AS count FROM chronology WHERE chain = $1',
          [id],
        );
        for (let step = Number(count); step < LENGTH; step += 1) {
          await appendChronology(db, {
            subjectType: 'partnership',
            subjectId: id,
            event: 'partnership.reviewed',
            chain: id,
            kind: 'system',
            detail: { step },
          });
        }
      });
      return id;
    }

    const rowAt = (chain: string, sequence: number) =>
      dataSource.manager.findOneByOrFail(ChronologyEntryEntity, {
        chain,
        sequence: String(sequence),
      });

    /** Rewrites a row with the append-only trigger off, in one transaction nobody else sees. */
    async function tamper(row: ChronologyEntryEntity, detail: object, hash = row.hash) {
      await sql.query('BEGIN');
      await sql.query('ALTER TABLE chronology DISABLE TRIGGER chronology_append_only');
      await sql.query('UPDATE chronology SET detail = $2, hash = $3 WHERE id = $1', [
        row.id,
        detail,
        hash,
      ]);
      await sql.query('ALTER TABLE chronology ENABLE TRIGGER chronology_append_only');
      await sql.query('COMMIT');
    }

    /** The verifier's verdict on one chain, called directly and then as served over HTTP. */
    async function expectVerdict(chain: string, expected: object) {
      expect(await verifyChronology(dataSource.manager, chain)).toEqual([expected]);
      const served = await get(`/audit/verify?chain=${chain}`);
      expect(served.status).toBe(200);
      expect(served.body.chains).toEqual([expected]);
    }

    it('verifies every row of an untampered chain', async () => {
      const chain = await longChain();
      await expectVerdict(chain, { chain, rows: LENGTH, ok: true });
    });

    it('names a row altered on the second page', async () => {
      const chain = await longChain();
      const row = await rowAt(chain, CHRONOLOGY_VERIFY_PAGE_SIZE + 10);
      await tamper(row, { step: -1 });
      await expectVerdict(chain, {
        chain,
        ok: false,
        firstBrokenLink: { id: row.id, sequence: row.sequence, reason: 'hash mismatch' },
      });
    });

    it('finds a re-hashed last row of the first page by the first row of the next', async () => {
      const chain = await longChain();
      const last = await rowAt(chain, CHRONOLOGY_VERIFY_PAGE_SIZE);
      const forged = { ...last, detail: { step: -1 } };
      await tamper(last, forged.detail, chronologyHash(forged));
      const next = await rowAt(chain, CHRONOLOGY_VERIFY_PAGE_SIZE + 1);
      await expectVerdict(chain, {
        chain,
        ok: false,
        firstBrokenLink: { id: next.id, sequence: next.sequence, reason: 'previous hash mismatch' },
      });
    });
  });
});
