import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** Where a row sits: its chain, its place in it, and the hash of the row before it. */
export interface ChainPosition {
  chain: string;
  /** bigint, kept as a string as Postgres returns it. */
  sequence: string;
  /** Null only for the first row of a chain. */
  previousHash: string | null;
}

/** Everything a row says; all of it is covered by the hash. */
export interface ChronologyContent {
  subjectType: string;
  subjectId: string;
  event: string;
  kind: string;
  actorId: string | null;
  actorAgencyId: string | null;
  actorRole: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
  occurredAt: Date;
}

export type ChronologyLink = ChainPosition & ChronologyContent;

/** The position after a chain's current last row (none: the chain starts here). */
export function nextPosition(
  chain: string,
  last: { sequence: string; hash: string } | undefined,
): ChainPosition {
  return last
    ? { chain, sequence: String(BigInt(last.sequence) + 1n), previousHash: last.hash }
    : { chain, sequence: '1', previousHash: null };
}

/**
 * The one hash function for appending, migrating and verifying: hex SHA-256 of the canonical
 * JSON of every field. Fields are picked by name so that nothing else (the row id, the stored
 * hash) can leak into the input. Changing this breaks every existing chain.
 */
export function chronologyHash(link: ChronologyLink): string {
  return createHash('sha256').update(chronologyHashText(link), 'utf8').digest('hex');
}

/**
 * The text chronologyHash digests. Exposed so that appendChronology can have Postgres digest
 * the same text once it knows the row's place in its chain (see chronology.ts).
 */
export function chronologyHashText(link: ChronologyLink): string {
  const input = {
    chain: link.chain,
    sequence: link.sequence,
    previousHash: link.previousHash,
    subjectType: link.subjectType,
    subjectId: link.subjectId,
    event: link.event,
    kind: link.kind,
    actorId: link.actorId,
    actorAgencyId: link.actorAgencyId,
    actorRole: link.actorRole,
    requestId: link.requestId,
    detail: link.detail,
    occurredAt: link.occurredAt.toISOString(),
  };
  return canonicalJson(input);
}
