import { MigrationInterface, QueryRunner } from 'typeorm';
import { chronologyHash, nextPosition } from '../chronology-hash';
import { partnershipChain } from '../chronology-terms';

interface LegacyRow {
  id: string;
  /** Set only for rows about an action that has a partnership. */
  partnership_id: string | null;
  subject_type: string;
  subject_id: string;
  event: string;
  actor_id: string | null;
  detail: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Makes the chronology tamper-evident: each row joins a hash chain (one per partnership, one for
 * the directory) and says what kind of event it is, who did it from which agency in which role,
 * and in which request. Rows already there are chained in id order, as legacy commands.
 */
export class TamperEvidentChronology1763900000000 implements MigrationInterface {
  name = 'TamperEvidentChronology1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE chronology
        ADD COLUMN chain text,
        ADD COLUMN sequence bigint,
        ADD COLUMN previous_hash text,
        ADD COLUMN hash text,
        ADD COLUMN kind text NOT NULL DEFAULT 'command'
          CHECK (kind IN ('command', 'read', 'system')),
        ADD COLUMN actor_agency_id uuid,
        ADD COLUMN actor_role text,
        ADD COLUMN request_id text`);
    // Chaining the existing rows is the one UPDATE the chronology ever allows. The trigger is
    // off only inside this migration's transaction, so no other session ever sees it off.
    await db.query(`ALTER TABLE chronology DISABLE TRIGGER chronology_append_only`);
    await chainExistingRows(db);
    await db.query(`ALTER TABLE chronology ENABLE TRIGGER chronology_append_only`);
    await db.query(`
      ALTER TABLE chronology
        ALTER COLUMN kind DROP DEFAULT,
        ALTER COLUMN chain SET NOT NULL,
        ALTER COLUMN sequence SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL,
        ADD CONSTRAINT chronology_chain_sequence_key UNIQUE (chain, sequence),
        ADD CONSTRAINT chronology_sequence_positive CHECK (sequence > 0),
        ADD CONSTRAINT chronology_first_link CHECK ((sequence = 1) = (previous_hash IS NULL)),
        ADD CONSTRAINT chronology_hash_is_sha256 CHECK (hash ~ '^[0-9a-f]{64}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE chronology
        DROP COLUMN request_id,
        DROP COLUMN actor_role,
        DROP COLUMN actor_agency_id,
        DROP COLUMN kind,
        DROP COLUMN hash,
        DROP COLUMN previous_hash,
        DROP COLUMN sequence,
        DROP COLUMN chain`);
  }
}

/** The chronology is young and small when this runs, so its rows are read in one go. */
async function chainExistingRows(db: QueryRunner): Promise<void> {
  const rows: LegacyRow[] = await db.query(`
    SELECT c.id, a.partnership_id, c.subject_type, c.subject_id, c.event, c.actor_id, c.detail,
           c.occurred_at
    FROM chronology c
    LEFT JOIN actions a ON c.subject_type = 'action' AND a.id = c.subject_id
    ORDER BY c.id`);
  const last = new Map<string, { sequence: string; hash: string }>();
  for (const row of rows) {
    const chain = partnershipChain(row.partnership_id);
    const link = {
      ...nextPosition(chain, last.get(chain)),
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      event: row.event,
      kind: 'command',
      actorId: row.actor_id,
      actorAgencyId: null,
      actorRole: null,
      requestId: null,
      detail: row.detail,
      occurredAt: row.occurred_at,
    };
    const hash = chronologyHash(link);
    await db.query(
      `UPDATE chronology SET chain = $1, sequence = $2, previous_hash = $3, hash = $4 WHERE id = $5`,
      [link.chain, link.sequence, link.previousHash, hash, row.id],
    );
    last.set(chain, { sequence: link.sequence, hash });
  }
}
