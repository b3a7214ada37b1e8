import type { DataSource } from 'typeorm';
import { accountableIdOf, PersonEntity, type ActionEntity } from '@safeguard/persistence';
import type { AgencyType, Role } from '@safeguard/domain';
import type { ReminderRecipient } from '@safeguard/workflows';
import { activePerson, inAgency, inPartnership } from './directory';

/** Whose inbox a message about an action lands in: people, resolved when it is sent. */
export interface ResolvedRecipients {
  people: PersonEntity[];
  /** The owner has been deactivated, so their line manager stands in for them. */
  rerouted: boolean;
  /**
   * The rung of the escalation chain that answered, when the tier addressed had nobody active
   * (see ESCALATION_CHAIN); undefined when the tier's own role answered.
   */
  fellBackTo?: EscalationRung;
}

/**
 * Nobody is left unescalated: a tier of the ladder whose own role has nobody active (no line
 * manager on record, an agency without a head of service) falls down this chain until someone
 * answers, and never back to the owner, since escalating to oneself is no escalation. A policy
 * names the tier a step starts at; the chain below it is the same for every tier. The board, a
 * partnership role outside any agency, falls back to the local authority's safeguarding leads.
 */
export const ESCALATION_CHAIN = [
  'owner-line-manager',
  'head-of-service',
  'agency-designated-lead',
  'local-authority-lead',
] as const;
export type EscalationRung = (typeof ESCALATION_CHAIN)[number] | 'board';

const CHAIN_FROM: Record<EscalationRung, readonly EscalationRung[]> = {
  'owner-line-manager': ESCALATION_CHAIN,
  'head-of-service': ESCALATION_CHAIN.slice(1),
  'agency-designated-lead': ESCALATION_CHAIN.slice(2),
  'local-authority-lead': ESCALATION_CHAIN.slice(3),
  board: ['board', 'local-authority-lead'],
};

function isRung(addressee: ReminderRecipient): addressee is EscalationRung {
  return addressee in CHAIN_FROM;
}

/**
 * Walks the chain down from the tier addressed until a rung has someone other than the owner,
 * asking the directory (`holders`) one rung at a time, and never back up it. `fellBackTo` names
 * the rung that answered when it was not the tier's own; nobody anywhere is no people.
 */
export async function answerDownTheChain<Person extends { id: string }>(
  addressee: EscalationRung,
  ownerId: string,
  holders: (rung: EscalationRung) => Promise<Person[]>,
): Promise<{ people: Person[]; fellBackTo?: EscalationRung }> {
  for (const rung of CHAIN_FROM[addressee]) {
    const people = (await holders(rung)).filter((person) => person.id !== ownerId);
    if (people.length > 0) return { people, ...(rung === addressee ? {} : { fellBackTo: rung }) };
  }
  return { people: [] };
}

/**
 * Roles, not people, in policy: the directory says who holds each one today, for the action's
 * owner (their line manager, their agency's designated lead or head of service), the process it
 * belongs to (the meeting's chair, the enquiry's manager) or partnership (the local authority's
 * safeguarding leads, the board).
 */
export async function resolveRecipients(
  dataSource: DataSource,
  action: ActionEntity & { owner: PersonEntity },
  addressee: ReminderRecipient,
): Promise<ResolvedRecipients> {
  const owner = action.owner;
  const db = dataSource.manager;
  const lineManager = () => activePerson(db, owner.lineManagerId);
  const inOwnerAgency = (role: Role) => inAgency(db, owner.agencyId, role);
  const inActionPartnership = (roles: Role[], agencyType?: AgencyType) =>
    inPartnership(db, action.partnershipId, roles, agencyType);
  const localAuthorityLeads = () => inActionPartnership(['safeguarding-lead'], 'local-authority');
  /** Whoever answers for the item in the process it belongs to (accountableIdOf), while active. */
  const accountable = async () =>
    action.meetingId || action.enquiryId
      ? await db
          .createQueryBuilder(PersonEntity, 'person')
          .where('person.active')
          .andWhere(
            `person.id = (SELECT ${accountableIdOf('item')} FROM actions item WHERE item.id = :id)`,
            { id: action.id },
          )
          .getOne()
      : null;
  const some = (people: Array<PersonEntity | null>) => ({
    people: people.filter((person): person is PersonEntity => person !== null),
    rerouted: false,
  });

  /** Who holds one rung of the chain today, the owner aside. */
  const holders = async (rung: EscalationRung): Promise<PersonEntity[]> => {
    switch (rung) {
      case 'owner-line-manager':
        return [await lineManager()].filter((person): person is PersonEntity => person !== null);
      case 'head-of-service':
        return inOwnerAgency('head-of-service');
      case 'agency-designated-lead':
        return inOwnerAgency('designated-safeguarding-lead');
      case 'local-authority-lead': {
        // An enquiry's deadline goes to its manager; anything else to the council's leads.
        const manager = action.enquiryId ? await accountable() : null;
        return manager && manager.id !== owner.id ? [manager] : localAuthorityLeads();
      }
      case 'board':
        return inActionPartnership(['board-chair', 'board-business-manager']);
    }
  };

  if (isRung(addressee)) {
    const { people, fellBackTo } = await answerDownTheChain(addressee, owner.id, holders);
    return { people, rerouted: false, ...(fellBackTo ? { fellBackTo } : {}) };
  }
  switch (addressee) {
    case 'owner':
      if (owner.active) return some([owner]);
      return { people: some([await lineManager()]).people, rerouted: true };
    case 'decision-maker': {
      const decider = await accountable();
      return some(decider ? [decider] : await localAuthorityLeads());
    }
  }
}

/**
 * Who is told when a tier of the ladder found nobody anywhere in the chain: the partnership's
 * admins (who keep the directory) and the local authority's safeguarding leads.
 */
export async function nobodyToEscalateTo(
  dataSource: DataSource,
  action: ActionEntity,
): Promise<PersonEntity[]> {
  const db = dataSource.manager;
  const [admins, leads] = await Promise.all([
    inPartnership(db, action.partnershipId, ['admin']),
    inPartnership(db, action.partnershipId, ['safeguarding-lead'], 'local-authority'),
  ]);
  return [...new Map([...admins, ...leads].map((person) => [person.id, person])).values()];
}
