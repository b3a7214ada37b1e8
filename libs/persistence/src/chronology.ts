import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import {
  ChronologyContent,
  chronologyHash,
  chronologyHashText,
  ChronologyLink,
} from './chronology-hash';
import { ChronologyKind, ChronologySubjectType, DIRECTORY_CHAIN } from './chronology-terms';

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

/** The driver connection under a TypeORM query runner (node-postgres), as far as we use it. */
interface PgConnection {
  query(text: string): Promise<Array<{ rows: AppendedRow[] }>>;
}

interface AppendedRow {
  sequence: string;
  previous_hash: string | null;
  hash: string;
}

/**
 * Every change lands here, inside the same transaction as the change itself, as the next link
 * of its chain. The advisory lock serialises appends to one chain until the transaction ends, so
 * two writers never take the same place; the unique (chain, sequence) is the backstop.
 *
 * The lock is the one point every command of a partnership (API and worker alike) passes through
 * in turn, so it is held for as short a time as possible: one round trip takes the lock, reads
 * the chain's last link and inserts the new one, and the caller's COMMIT follows. Two statements
 * in one simple-protocol query, so that the INSERT's snapshot is taken after the lock is granted
 * (in READ COMMITTED each statement gets its own), and it sees the previous holder's row. Postgres
 * digests the same canonical text as chronologyHash, with the place filled in; the hash is then
 * recomputed here and the transaction fails if the two ever differ, so what is stored is exactly
 * what the verifier will recompute.
 */
export async function appendChronology(db: EntityManager, fact: ChronologyFact): Promise<void> {
  const runner = db.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error('appendChronology must run inside the transaction of what it records');
  }
  const content = contentOf(fact);
  // Chains of partnership ids are lower case, as Postgres prints uuids, so one partnership never
  // gets two chains.
  const chain = (fact.chain ?? DIRECTORY_CHAIN).toLowerCase();
  const connection = (await runner.connect()) as PgConnection;
  const results = await connection.query(appendStatements(chain, content));
  const row = results[1]?.rows[0];
  if (!row) throw new Error('appendChronology: the chronology row was not inserted');
  const link: ChronologyLink = {
    chain,
    sequence: String(row.sequence),
    previousHash: row.previous_hash,
    ...content,
  };
  if (chronologyHash(link) !== row.hash) {
    throw new Error(`appendChronology: the stored hash of ${chain}#${row.sequence} is not its own`);
  }
}

/**
 * Lock, then insert the next link. Values are inlined as escaped literals because the simple
 * query protocol (the only one that runs two statements in one round trip) takes no parameters.
 */
function appendStatements(chain: string, content: ChronologyContent): string {
  // The hash text with stand-ins for the two values only Postgres knows; a fresh nonce each time,
  // so no content can imitate one (and the check above would catch it if it did).
  const nonce = randomUUID();
  const previousMark = `\u0001previous ${nonce}`;
  const sequenceMark = `\u0001sequence ${nonce}`;
  const text = chronologyHashText({
    chain,
    sequence: sequenceMark,
    previousHash: previousMark,
    ...content,
  });
  const digestInput = text
    .split(/("\\u0001(?:previous|sequence) [0-9a-f-]{36}")/)
    .map((part) => {
      if (part === JSON.stringify(previousMark)) {
        return `coalesce('"' || next.previous_hash || '"', 'null')`;
      }
      if (part === JSON.stringify(sequenceMark)) return `'"' || next.sequence::text || '"'`;
      return literal(part);
    })
    .join(' || ');
  const value = (text: string | null, cast = ''): string =>
    text === null ? 'NULL' : `${literal(text)}${cast}`;
  return `SELECT pg_advisory_xact_lock(${CHAIN_LOCK_SPACE}, hashtext(${literal(chain)}));
WITH last AS (
  SELECT sequence, hash FROM chronology WHERE chain = ${literal(chain)}
   ORDER BY sequence DESC LIMIT 1
), next AS (
  SELECT coalesce((SELECT sequence FROM last), 0) + 1 AS sequence,
         (SELECT hash FROM last) AS previous_hash
)
INSERT INTO chronology (chain, sequence, previous_hash, hash, subject_type, subject_id, event,
                        kind, actor_id, actor_agency_id, actor_role, request_id, detail, occurred_at)
SELECT ${literal(chain)}, next.sequence, next.previous_hash,
       encode(sha256(convert_to(${digestInput}, 'UTF8')), 'hex'),
       ${value(content.subjectType)}, ${value(content.subjectId, '::uuid')}, ${value(content.event)},
       ${value(content.kind)}, ${value(content.actorId, '::uuid')},
       ${value(content.actorAgencyId, '::uuid')}, ${value(content.actorRole)},
       ${value(content.requestId)}, ${value(JSON.stringify(content.detail), '::jsonb')},
       ${value(content.occurredAt.toISOString(), '::timestamptz')}
  FROM next
RETURNING sequence::text AS sequence, previous_hash, hash`;
}

/**
 * A string constant in escape-string syntax, which means the same whatever
 * standard_conforming_strings is set to: quotes and backslashes doubled, nothing else special.
 */
function literal(text: string): string {
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
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
