import { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { ChronologyContent, chronologyHash, nextPosition } from './chronology-hash';
import { ChronologyKind, ChronologySubjectType, DIRECTORY_CHAIN } from './chronology-terms';
import { ChronologyEntryEntity } from './entities/chronology-entry.entity';

/** Who did or read something, as the authenticated request says. */
export interface ChronologyActor {
  personId: string;
  agencyId?: string | null;
  role?: string | null;
}

export interface ChronologyFact {
  subjectType: ChronologySubjectType;
  subjectId: string;
  event: string;
  /** The partnership id for a partnership's records (see partnershipChain); default: directory. */
  chain?: string;
  /** Default: command. */
  kind?: ChronologyKind;
  actor?: ChronologyActor;
  /** The person only, when nothing else is known (e.g. from a workflow); actor wins if both. */
  actorId?: string | null;
  requestId?: string | null;
  /** Before/after summary: ids, statuses, versions, times. Strings must be single tokens. */
  detail?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Keeps chain locks apart from other advisory locks (two-key form: its own key space). */
const CHAIN_LOCK_SPACE = 4242_0002;

/** Ids, enum values, ISO times and event names; spaces or '@' would mean names or free text. */
const SUMMARY_TOKEN = /^[\w.:+-]{0,200}$/;

/**
 * Every change lands here, inside the same transaction as the change itself, as the next link
 * of its chain. The advisory lock serialises appends to one chain until the transaction ends, so
 * two writers never take the same place; the unique (chain, sequence) is the backstop.
 */
export async function appendChronology(db: EntityManager, fact: ChronologyFact): Promise<void> {
  if (!db.queryRunner?.isTransactionActive) {
    throw new Error('appendChronology must run inside the transaction of what it records');
  }
  const content = contentOf(fact);
  // Chains of partnership ids are lower case, as Postgres prints uuids, so one partnership never
  // gets two chains.
  const chain = (fact.chain ?? DIRECTORY_CHAIN).toLowerCase();
  await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CHAIN_LOCK_SPACE, chain]);
  const last = await db.findOne(ChronologyEntryEntity, {
    select: { sequence: true, hash: true },
    where: { chain },
    order: { sequence: 'DESC' },
  });
  const link = { ...nextPosition(chain, last ?? undefined), ...content };
  await db.save(db.create(ChronologyEntryEntity, { ...link, hash: chronologyHash(link) }));
}

/**
 * The row's content exactly as it will read back: uuids in lower case and the detail already
 * through JSON, so the hash computed now is the one a verifier recomputes later.
 */
function contentOf(fact: ChronologyFact): ChronologyContent & { kind: ChronologyKind } {
  const detail = JSON.parse(canonicalJson(fact.detail ?? {})) as Record<string, unknown>;
  assertSummaryOnly(detail);
  return {
    subjectType: fact.subjectType,
    subjectId: fact.subjectId.toLowerCase(),
    event: fact.event,
    kind: fact.kind ?? 'command',
    actorId: (fact.actor?.personId ?? fact.actorId)?.toLowerCase() ?? null,
    actorAgencyId: fact.actor?.agencyId?.toLowerCase() ?? null,
    actorRole: fact.actor?.role ?? null,
    requestId: fact.requestId ?? null,
    detail,
    occurredAt: fact.occurredAt ?? new Date(),
  };
}

/** A last line of defence: personal data written here could never be edited or erased. */
function assertSummaryOnly(value: unknown, path = 'detail'): void {
  if (typeof value === 'string' && !SUMMARY_TOKEN.test(value)) {
    throw new Error(`chronology ${path} looks like free text or personal data; record ids instead`);
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) assertSummaryOnly(item, `${path}.${key}`);
  }
}
