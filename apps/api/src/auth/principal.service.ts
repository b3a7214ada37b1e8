import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendChronology } from '@safeguard/persistence';
import type { AgencyType, Role } from '@safeguard/domain';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../common/database-errors';
import { ExpiringCache } from '../common/expiring-cache';
import { ProblemException } from '../common/problem';
import type { Principal } from './principal';
import {
  matchSignIn,
  SIGN_IN_REFUSALS,
  type SignInCandidate,
  type SignInIdentity,
} from './sign-in-match';

type DirectoryEntry = Omit<Principal, 'requestId'>;

interface DirectoryRow extends SignInCandidate {
  agencyId: string;
  agencyType: AgencyType;
  roles: Role[];
  partnershipIds: string[];
}

/**
 * How long a process reuses what it read about a caller. Every request needs it, and under load
 * the query (and the pool connection it waits for) was a good part of each request. The price:
 * another API replica may go on honouring a deactivated person, or their old roles and
 * partnerships, for up to this long; directory changes made through this process clear it at
 * once (see AccessGuard).
 */
export const PRINCIPAL_TTL_MS = 5_000;
const PRINCIPALS_KEPT = 10_000;

@Injectable()
export class PrincipalService {
  private readonly entries = new ExpiringCache<string, DirectoryEntry>(PRINCIPALS_KEPT);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The active person a signed-in identity is (see matchSignIn), binding the identity to them
   * at their first sign-in. A refused match is recorded in the audit trail and answers 403.
   */
  async bySignIn(identity: SignInIdentity, requestId: string): Promise<Principal | undefined> {
    const entry = await this.entries.through(
      `${identity.issuer}\n${identity.subject}`,
      PRINCIPAL_TTL_MS,
      () => this.resolve(identity, requestId),
    );
    // Copies, so that no request can change what another one is given.
    return entry
      ? {
          ...entry,
          roles: [...entry.roles],
          partnershipIds: [...entry.partnershipIds],
          requestId,
        }
      : undefined;
  }

  /** The active person with this work email, whatever its case (to issue development tokens). */
  async activePersonIdByEmail(email: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT id FROM people WHERE lower(email) = lower($1) AND active`,
      [email],
    );
    return row?.id;
  }

  /** Forgets every caller: the directory has changed. */
  forgetAll(): void {
    this.entries.clear();
  }

  private async resolve(
    identity: SignInIdentity,
    requestId: string,
    attempt = 1,
  ): Promise<DirectoryEntry | undefined> {
    const match = matchSignIn(identity, await this.candidates(identity));
    switch (match.outcome) {
      case 'signed-in':
        return entryOf(match.person);
      case 'not-in-directory':
        return undefined;
      case 'refused':
        await this.record(match.personIds, 'person.sign-in-refused', requestId, {
          reason: match.reason,
        });
        throw ProblemException.forbidden(SIGN_IN_REFUSALS[match.reason]);
      case 'first-sign-in':
        if (await this.bind(identity, match.person, requestId)) return entryOf(match.person);
        // Another sign-in bound this person (or this identity) first: decide again from that.
        if (attempt > 1) throw new Error('sign-in binding did not settle');
        return this.resolve(identity, requestId, attempt + 1);
    }
  }

  private candidates(identity: SignInIdentity): Promise<DirectoryRow[]> {
    return this.dataSource.query(
      `SELECT p.id AS "personId", p.email, p.active, p.agency_id AS "agencyId",
              a.type AS "agencyType", p.roles,
              p.identity_issuer AS "identityIssuer", p.identity_subject AS "identitySubject",
              COALESCE(array_agg(ap.partnership_id) FILTER (WHERE ap.partnership_id IS NOT NULL), '{}') AS "partnershipIds"
         FROM people p
         JOIN agencies a ON a.id = p.agency_id
         LEFT JOIN agency_partnerships ap ON ap.agency_id = p.agency_id
        WHERE (p.identity_issuer = $1 AND p.identity_subject = $2) OR lower(p.email) = lower($3)
        GROUP BY p.id, a.type`,
      [identity.issuer, identity.subject, identity.email],
    );
  }

  /** Binds the identity to a person who has none yet; false if someone else got there first. */
  private async bind(
    identity: SignInIdentity,
    person: DirectoryRow,
    requestId: string,
  ): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (db) => {
        const [, bound] = await db.query(
          `UPDATE people
              SET identity_issuer = $2, identity_subject = $3, identity_bound_at = now()
            WHERE id = $1 AND identity_subject IS NULL`,
          [person.personId, identity.issuer, identity.subject],
        );
        if (bound !== 1) return false;
        await appendChronology(db, {
          subjectType: 'person',
          subjectId: person.personId,
          event: 'person.identity-bound',
          kind: 'system',
          actor: { personId: person.personId, agencyId: person.agencyId },
          requestId,
        });
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async record(
    personIds: string[],
    event: string,
    requestId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      for (const personId of personIds) {
        await appendChronology(db, {
          subjectType: 'person',
          subjectId: personId,
          event,
          kind: 'system',
          requestId,
          detail,
        });
      }
    });
  }
}

function entryOf(row: DirectoryRow): DirectoryEntry {
  return {
    personId: row.personId,
    agencyId: row.agencyId,
    agencyType: row.agencyType,
    roles: row.roles,
    partnershipIds: row.partnershipIds,
  };
}
