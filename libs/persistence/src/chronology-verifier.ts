import { EntityManager, MoreThan } from 'typeorm';
import { chronologyHash, ChronologyLink } from './chronology-hash';
import { ChronologyEntryEntity } from './entities/chronology-entry.entity';

export type BrokenLinkReason = 'hash mismatch' | 'previous hash mismatch' | 'sequence gap';

export interface BrokenLink {
  id: string;
  sequence: string;
  reason: BrokenLinkReason;
}

export type ChainVerification =
  | { chain: string; rows: number; ok: true }
  | { chain: string; ok: false; firstBrokenLink: BrokenLink };

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
 * are checked too. What it cannot see: rows removed from the end of a chain.
 */
export async function verifyChronology(
  db: EntityManager,
  chain?: string,
): Promise<ChainVerification[]> {
  const chains = chain === undefined ? await chainsOf(db) : [chain.toLowerCase()];
  const results: ChainVerification[] = [];
  for (const name of chains) results.push(await verifyChain(db, name));
  return results;
}

async function chainsOf(db: EntityManager): Promise<string[]> {
  const rows: Array<{ chain: string }> = await db.query(
    'SELECT DISTINCT chain FROM chronology ORDER BY chain',
  );
  return rows.map((row) => row.chain);
}

async function verifyChain(db: EntityManager, chain: string): Promise<ChainVerification> {
  let previous: VerifiedLink | undefined;
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
          chain,
          ok: false,
          firstBrokenLink: { id: row.id, sequence: row.sequence, reason },
        };
      }
      previous = row;
      rows += 1;
    }
    if (page.length < CHRONOLOGY_VERIFY_PAGE_SIZE) return { chain, rows, ok: true };
  }
}
