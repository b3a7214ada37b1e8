import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@safeguard/domain';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem';

/**
 * Where someone a command names must work: the partnership for an action's owner, a meeting's
 * chair or a disagreement's other party; the local authority for an enquiry's triage worker,
 * manager or its own enquirer; the delegated agency for its contact and enquirer.
 */
export type Workplace = { localAuthorityOf: string } | { agency: string } | { partnership: string };

const NOT_THERE = {
  localAuthorityOf: "no person with this id in the partnership's local authority",
  agency: 'no person with this id in the agency',
  partnership: 'no person with this id',
} as const;

/** Checks and defaults for the people a command names, through the directory. */
@Injectable()
export class NamedPeople {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 422 naming the field unless the person is active and works where the role needs. */
  assertNamed(personId: string, field: string, workplace: Workplace): Promise<void> {
    return this.assertAllNamed([{ personId, field }], workplace);
  }

  /** The same check for everyone a command names, in one query; the first failure is reported. */
  async assertAllNamed(
    named: ReadonlyArray<{ personId: string; field: string }>,
    workplace: Workplace,
  ): Promise<void> {
    if (named.length === 0) return;
    const rows: Array<{ id: string; active: boolean }> = await this.dataSource.manager.query(
      `SELECT p.id, p.active FROM people p WHERE p.id = ANY($1) AND ${agencyCondition(workplace, '$2')}`,
      [named.map(({ personId }) => personId), Object.values(workplace)[0]],
    );
    const active = new Map(rows.map((row) => [row.id, row.active]));
    for (const { personId, field } of named) {
      const where = Object.keys(workplace)[0] as keyof typeof NOT_THERE;
      if (!active.has(personId)) throw ProblemException.unprocessable(field, NOT_THERE[where]);
      if (!active.get(personId)) {
        throw ProblemException.unprocessable(field, 'this person has been deactivated');
      }
    }
  }

  /** 422 naming the field unless the agency is one of the partnership's. */
  async assertAgencyIn(agencyId: string, field: string, partnershipId: string): Promise<void> {
    const members: unknown[] = await this.dataSource.manager.query(
      `SELECT 1 FROM agency_partnerships WHERE agency_id = $1 AND partnership_id = $2`,
      [agencyId, partnershipId],
    );
    if (members.length === 0) {
      throw ProblemException.unprocessable(field, 'no agency with this id in the partnership');
    }
  }

  /** Whether the person is active and works there. */
  async worksIn(personId: string, workplace: Workplace): Promise<boolean> {
    return (await this.firstActive(workplace, { personId })) !== null;
  }

  /** The longest-serving active holder of a role there, or null if there is none. */
  firstWithRole(workplace: Workplace, role: Role): Promise<string | null> {
    return this.firstActive(workplace, { role });
  }

  private async firstActive(
    workplace: Workplace,
    who: { personId?: string; role?: Role },
  ): Promise<string | null> {
    const [first]: Array<{ id: string }> = await this.dataSource.manager.query(
      `SELECT p.id FROM people p
        WHERE p.active AND ${agencyCondition(workplace, '$1')}
          AND ($2::uuid IS NULL OR p.id = $2) AND ($3::text IS NULL OR $3 = ANY(p.roles))
        ORDER BY p.created_at, p.id LIMIT 1`,
      [Object.values(workplace)[0], who.personId ?? null, who.role ?? null],
    );
    return first?.id ?? null;
  }
}

/** SQL restricting `p.agency_id` to the workplace whose id is the parameter given. */
function agencyCondition(workplace: Workplace, parameter: string): string {
  if ('agency' in workplace) return `p.agency_id = ${parameter}`;
  const localAuthority = 'localAuthorityOf' in workplace;
  return `p.agency_id IN (
    SELECT ap.agency_id FROM agency_partnerships ap JOIN agencies a ON a.id = ap.agency_id
     WHERE ap.partnership_id = ${parameter}${localAuthority ? ` AND a.type = 'local-authority'` : ''})`;
}
