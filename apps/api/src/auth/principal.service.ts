import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';

@Injectable()
export class PrincipalService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active person with this work email, with their agency's partnerships. */
  async byEmail(email: string, requestId: string): Promise<Principal | undefined> {
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
          requestId,
        }
      : undefined;
  }
}
