import type { EntityManager } from 'typeorm';
import { PersonEntity } from '@safeguard/persistence';
import type { AgencyType, Role } from '@safeguard/domain';

/**
 * Who holds a role in the directory today, for whoever a message goes to: active people only,
 * ordered by id so the same question always gets the same answer.
 */

export async function activePerson(
  db: EntityManager,
  id: string | null,
): Promise<PersonEntity | null> {
  return id ? db.findOneBy(PersonEntity, { id, active: true }) : null;
}

export function inAgency(db: EntityManager, agencyId: string, role: Role): Promise<PersonEntity[]> {
  return db
    .createQueryBuilder(PersonEntity, 'person')
    .where('person.agency_id = :agencyId AND person.active', { agencyId })
    .andWhere(':role = ANY(person.roles)', { role })
    .orderBy('person.id')
    .getMany();
}

/** Anyone holding one of the roles in an agency of the partnership (of one type, if given). */
export function inPartnership(
  db: EntityManager,
  partnershipId: string | null,
  roles: Role[],
  agencyType?: AgencyType,
): Promise<PersonEntity[]> {
  const query = db
    .createQueryBuilder(PersonEntity, 'person')
    .innerJoin('agency_partnerships', 'ap', 'ap.agency_id = person.agency_id')
    .innerJoin('agencies', 'agency', 'agency.id = person.agency_id')
    .where('ap.partnership_id = :partnershipId AND person.active', { partnershipId })
    .andWhere('person.roles && :roles', { roles })
    .orderBy('person.id');
  if (agencyType) query.andWhere('agency.type = :agencyType', { agencyType });
  return query.getMany();
}
