import type { KeyObject } from 'node:crypto';
import { EntityManager, MoreThan } from 'typeorm';
import {
  type AuditCheckpoint,
  type ChainHead,
  latestCheckpoint,
  latestSignedCheckpoint,
  signatureHolds,
} from './audit-checkpoints';
import { chronologyHash, ChronologyLink } from './chronology-hash';
import { ChronologyEntryEntity } from './entities/chronology-entry.entity';

export type BrokenLinkReason = 'hash mismatch' | 'previous hash mismatch' | 'sequence gap';

export interface BrokenLink {
  id: string;
  sequence: string;
  reason: BrokenLinkReason;
}

/** A chain that no longer reaches the head its last signed checkpoint recorded. */
export type CheckpointBreachReason =
  'chain deleted' | 'rows deleted from the tail' | 'recomputed since signed';

export interface CheckpointBreach {
  reason: CheckpointBreachReason;
  /** The chain's last sequence when the checkpoint was signed. */
  signedSequence: string;
  /** Its last sequence now (null: no rows at all). */
  lastSequence: string | null;
}

export type ChainVerification =
  | { chain: string; rows: number; ok: true }
  | { chain: string; ok: false; firstBrokenLink: BrokenLink }
  | { chain: string; ok: false; checkpointBreach: CheckpointBreach };

/**
 * current: the last checkpoint is signed by a trusted key and at most two intervals old;
 * not yet due: there is none, but nothing in the chronology is older than two intervals either;
 * missing: there is none, and there should be; stale: the last is older than two intervals (the
 * signer stopped, or checkpoints were deleted); invalid signature: the last was not signed by a
 * trusted key (forged, or written with a key the verifier was not given).
 */
export type CheckpointState = 'current' | 'not yet due' | 'missing' | 'stale' | 'invalid signature';

export interface CheckpointVerdict {
  state: CheckpointState;
  ok: boolean;
  /** When the last checkpoint says it was signed (none: null). */
  signedAt: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checkpoint: CheckpointVerdict;
  /** Every row is gone while a signed checkpoint knows of chains: the table was emptied. */
  chronologyEmptied: boolean;
  chains: ChainVerification[];
}

/** How checkpoints are checked: the keys trusted to sign them, and how often they are due. */
export interface CheckpointTrust {
  publicKeys: ReadonlyMap<string, KeyObject>;
  intervalMs: number;
  /** Default: now. */
  now?: Date;
}

/** The row before, as stored: what the next row must point at. */
export interface VerifiedLink {
  sequence: string;
  hash: string;
}

/** Rows read at a time: exported so tests can build a chain longer than one page. */
export const CHRONOLOGY_VERIFY_PAGE_SIZE = 1000;

/**
 * Checks one row against the row before it in its chain (none: it must be the first). Order
 * matters: a missing row shows as a gap; an edited row as its own hash mismatch; a row whose
 * hash was recomputed after an edit as a previous hash mismatch on the row after it.
 */
export function checkLink(
  previous: VerifiedLink | undefined,
  row: ChronologyLink & { hash: string },
): BrokenLinkReason | undefined {
  const expected = previous ? BigInt(previous.sequence) + 1n : 1n;
  if (BigInt(row.sequence) !== expected) return 'sequence gap';
  if (row.previousHash !== (previous?.hash ?? null)) return 'previous hash mismatch';
  if (chronologyHash(row) !== row.hash) return 'hash mismatch';
  return undefined;
}

/**
 * Walks each chain (or the one given) in sequence order, a page at a time so the table never
 * has to fit in memory, and reports the first broken link of each. Rows appended while it runs
 * are checked too. What links alone cannot show: rows removed from the end of a chain, a chain
 * removed whole, or one recomputed with the (public) hash function; verifyAuditTrail adds the
 * signed checkpoints that do.
 */
export async function verifyChronology(
  db: EntityManager,
  chain?: string,
): Promise<ChainVerification[]> {
  const chains = chain === undefined ? await chainsOf(db) : [chain.toLowerCase()];
  const results: ChainVerification[] = [];
  for (const name of chains) results.push((await verifyChain(db, name)).verdict);
  return results;
}

/**
 * The whole audit trail: every chain's links (or only those named), each chain against the head its
 * last signed checkpoint recorded, and whether checkpoints are being signed at all. Rows appended
 * since the last checkpoint are covered by their links only: removing those is what a shorter
 * interval narrows.
 */
export async function verifyAuditTrail(
  db: EntityManager,
  trust: CheckpointTrust,
  only?: string[],
): Promise<AuditVerification> {
  const now = trust.now ?? new Date();
  const latest = await latestCheckpoint(db);
  const signed = await latestSignedCheckpoint(db, trust.publicKeys);
  const checkpoint = await checkpointVerdict(db, latest, trust, now);
  const wanted = only?.map((chain) => chain.toLowerCase());
  const heads = new Map(
    (signed?.heads ?? [])
      .filter((head) => wanted === undefined || wanted.includes(head.chain))
      .map((head) => [head.chain, head]),
  );
  const present = wanted ?? (await chainsOf(db));
  const chains: ChainVerification[] = [];
  for (const name of present) {
    const head = heads.get(name);
    heads.delete(name);
    const { verdict, last, hashAtSigned } = await verifyChain(db, name, head?.sequence);
    chains.push(head && verdict.ok ? againstHead(verdict, head, last, hashAtSigned) : verdict);
  }
  // Chains the checkpoint knows and the table does not.
  for (const head of heads.values()) {
    if (!(await chainExists(db, head.chain))) {
      chains.push({
        chain: head.chain,
        ok: false,
        checkpointBreach: {
          reason: 'chain deleted',
          signedSequence: head.sequence,
          lastSequence: null,
        },
      });
    }
  }
  const chronologyEmptied =
    (signed?.heads.length ?? 0) > 0 && !(await db.query('SELECT 1 FROM chronology LIMIT 1'))[0];
  return {
    ok: checkpoint.ok && !chronologyEmptied && chains.every((result) => result.ok),
    checkpoint,
    chronologyEmptied,
    chains,
  };
}

/** An intact chain compared with the head its checkpoint signed. */
function againstHead(
  verdict: ChainVerification,
  head: ChainHead,
  last: VerifiedLink | undefined,
  hashAtSigned: string | undefined,
): ChainVerification {
  const breach = (reason: CheckpointBreachReason): ChainVerification => ({
    chain: head.chain,
    ok: false,
    checkpointBreach: {
      reason,
      signedSequence: head.sequence,
      lastSequence: last?.sequence ?? null,
    },
  });
  if (!last) return breach('chain deleted');
  if (BigInt(last.sequence) < BigInt(head.sequence)) return breach('rows deleted from the tail');
  if (hashAtSigned !== head.hash) return breach('recomputed since signed');
  return verdict;
}

async function checkpointVerdict(
  db: EntityManager,
  latest: AuditCheckpoint | undefined,
  trust: CheckpointTrust,
  now: Date,
): Promise<CheckpointVerdict> {
  const due = new Date(now.getTime() - 2 * trust.intervalMs);
  if (!latest) {
    const [older] = await db.query('SELECT 1 FROM chronology WHERE occurred_at < $1 LIMIT 1', [
      due,
    ]);
    return older
      ? { state: 'missing', ok: false, signedAt: null }
      : { state: 'not yet due', ok: true, signedAt: null };
  }
  const signedAt = latest.signedAt.toISOString();
  if (!signatureHolds(latest, trust.publicKeys)) {
    return { state: 'invalid signature', ok: false, signedAt };
  }
  if (latest.signedAt < due) return { state: 'stale', ok: false, signedAt };
  return { state: 'current', ok: true, signedAt };
}

async function chainExists(db: EntityManager, chain: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM chronology WHERE chain = $1 LIMIT 1', [chain])).length > 0;
}

async function chainsOf(db: EntityManager): Promise<string[]> {
  const rows: Array<{ chain: string }> = await db.query(
    'SELECT DISTINCT chain FROM chronology ORDER BY chain',
  );
  return rows.map((row) => row.chain);
}

interface WalkedChain {
  verdict: ChainVerification;
  /** The last link walked (none: the chain has no rows). */
  last?: VerifiedLink;
  /** The hash of the row at the sequence asked about, if the walk reached it. */
  hashAtSigned?: string;
}

async function verifyChain(
  db: EntityManager,
  chain: string,
  signedSequence?: string,
): Promise<WalkedChain> {
  let previous: VerifiedLink | undefined;
  let hashAtSigned: string | undefined;
  let rows = 0;
  for (;;) {
    const page = await db.find(ChronologyEntryEntity, {
      where: { chain, ...(previous ? { sequence: MoreThan(previous.sequence) } : {}) },
      order: { sequence: 'ASC' },
      take: CHRONOLOGY_VERIFY_PAGE_SIZE,
    });
    for (const row of page) {
      const reason = checkLink(previous, row);
      if (reason) {
        return {
          verdict: {
            chain,
            ok: false,
            firstBrokenLink: { id: row.id, sequence: row.sequence, reason },
          },
        };
      }
      if (row.sequence === signedSequence) hashAtSigned = row.hash;
      previous = row;
      rows += 1;
    }
    if (page.length < CHRONOLOGY_VERIFY_PAGE_SIZE) {
      return { verdict: { chain, rows, ok: true }, last: previous, hashAtSigned };
    }
  }
}
