import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExpiringCache } from '../common/expiring-cache';
import type { Principal } from './principal';

type DirectoryEntry = Omit<Principal, 'requestId'>;

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

  /** The active person with this work email, with their agency's partnerships. */
  async byEmail(email: string, requestId: string): Promise<Principal | undefined> {
    const entry = await this.entries.through(email.toLowerCase(), PRINCIPAL_TTL_MS, () =>
      this.read(email),
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

  /** Forgets every caller: the directory has changed. */
  forgetAll(): void {
    this.entries.clear();
  }

  private async read(email: string): Promise<DirectoryEntry | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT p.id, p.agency_id, p.roles,
              COALESCE(array_agg(ap.partnership_id) FILTER (WHERE ap.partnership_id IS NOT NULL), '{}') AS partnership_ids
         FROM people p
         LEFT JOIN agency_partnerships ap ON ap.agency_id = p.agency_id
        WHERE lower(p.email) = lower($1) AND p.active
        GROUP BY p.id`,
      [email],
    );
    return row
      ? {
          personId: row.id,
          agencyId: row.agency_id,
          roles: row.roles,
          partnershipIds: row.partnership_ids,
        }
      : undefined;
  }
}
