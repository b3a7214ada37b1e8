import { KeyObject, sign, verify } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';

/** Where a chain ended when a checkpoint was signed. */
export interface ChainHead {
  chain: string;
  /** bigint, kept as a string as Postgres returns it. */
  sequence: string;
  hash: string;
}

export interface AuditCheckpoint {
  id: string;
  signedAt: Date;
  keyId: string;
  heads: ChainHead[];
  signature: string;
}

/** The signing half, held by the worker only (read by @safeguard/platform's readCheckpointSigningKey). */
export interface CheckpointSigningKey {
  keyId: string;
  privateKey: KeyObject;
}

/** Keeps the signer's lock apart from the chain and migration locks. */
const CHECKPOINT_LOCK_SPACE = 4242_0003;

/**
 * Signs the head of every chain as it stands, unless another replica signed one less than
 * `unlessSignedWithinMs` ago or is signing right now (then: undefined). Every worker runs the
 * signer; the transaction-scoped lock and that check keep it to about one checkpoint per
 * interval, and the checkpoint's statement sees one consistent set of heads.
 */
export async function signCheckpoint(
  dataSource: DataSource,
  key: CheckpointSigningKey,
  options: { unlessSignedWithinMs?: number } = {},
): Promise<AuditCheckpoint | undefined> {
  return dataSource.transaction(async (db) => {
    const [{ locked }] = await db.query('SELECT pg_try_advisory_xact_lock($1, 0) AS locked', [
      CHECKPOINT_LOCK_SPACE,
    ]);
    if (!locked) return undefined;
    if (options.unlessSignedWithinMs !== undefined) {
      const [recent] = await db.query(
        `SELECT 1 FROM audit_checkpoints
          WHERE signed_at > now() - make_interval(secs => $1::double precision / 1000)
          LIMIT 1`,
        [options.unlessSignedWithinMs],
      );
      if (recent) return undefined;
    }
    const unsigned = { signedAt: new Date(), keyId: key.keyId, heads: await chainHeads(db) };
    const signature = sign(null, Buffer.from(signedText(unsigned)), key.privateKey).toString(
      'base64',
    );
    const [{ id }] = await db.query(
      `INSERT INTO audit_checkpoints (signed_at, key_id, heads, signature)
       VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
      [unsigned.signedAt, unsigned.keyId, JSON.stringify(unsigned.heads), signature],
    );
    return { id, ...unsigned, signature };
  });
}

/** The last checkpoint written, whoever wrote it (its signature is not checked here). */
export async function latestCheckpoint(db: EntityManager): Promise<AuditCheckpoint | undefined> {
  return (await checkpointsNewestFirst(db, 1))[0];
}

/** The newest checkpoint whose signature holds, looking back at most `lookBack` checkpoints. */
export async function latestSignedCheckpoint(
  db: EntityManager,
  publicKeys: ReadonlyMap<string, KeyObject>,
  lookBack = 100,
): Promise<AuditCheckpoint | undefined> {
  return (await checkpointsNewestFirst(db, lookBack)).find((checkpoint) =>
    signatureHolds(checkpoint, publicKeys),
  );
}

/** True when a key the verifier trusts signed exactly this checkpoint. */
export function signatureHolds(
  checkpoint: AuditCheckpoint,
  publicKeys: ReadonlyMap<string, KeyObject>,
): boolean {
  const publicKey = publicKeys.get(checkpoint.keyId);
  if (!publicKey) return false;
  try {
    return verify(
      null,
      Buffer.from(signedText(checkpoint)),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * The last link of every chain. A loose index scan over (chain, sequence): one index probe per
 * chain, however long the chains grow, instead of reading the whole table.
 */
export async function chainHeads(db: EntityManager): Promise<ChainHead[]> {
  return db.query(`
    WITH RECURSIVE chains AS (
      (SELECT chain FROM chronology ORDER BY chain LIMIT 1)
      UNION ALL
      SELECT (SELECT c.chain FROM chronology c WHERE c.chain > chains.chain ORDER BY c.chain LIMIT 1)
        FROM chains WHERE chains.chain IS NOT NULL
    )
    SELECT head.chain, head.sequence::text AS sequence, head.hash
      FROM chains
      CROSS JOIN LATERAL (
        SELECT c.chain, c.sequence, c.hash FROM chronology c
         WHERE c.chain = chains.chain ORDER BY c.sequence DESC LIMIT 1) head
     ORDER BY head.chain`);
}

/** What the signature covers: when, by which key, and every head, in canonical JSON. */
function signedText({ signedAt, keyId, heads }: Omit<AuditCheckpoint, 'id' | 'signature'>): string {
  const orderedHeads = heads.map(({ chain, sequence, hash }) => ({ chain, sequence, hash }));
  return canonicalJson({ signedAt: signedAt.toISOString(), keyId, heads: orderedHeads });
}

async function checkpointsNewestFirst(db: EntityManager, limit: number) {
  const rows: Array<{
    id: string;
    signed_at: Date;
    key_id: string;
    heads: ChainHead[];
    signature: string;
  }> = await db.query(
    `SELECT id::text AS id, signed_at, key_id, heads, signature
       FROM audit_checkpoints ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row): AuditCheckpoint => ({
    id: row.id,
    signedAt: row.signed_at,
    keyId: row.key_id,
    heads: row.heads,
    signature: row.signature,
  }));
}
