import type { DataSource } from 'typeorm';
import { PersonEntity, type ActionEntity } from '@safeguard/persistence';
import type { AgencyType, Role } from '@safeguard/domain';
import type { ReminderRecipient } from '@safeguard/workflows';
import { activePerson, inAgency, inPartnership } from './directory';

/** Whose inbox a message about an action lands in: people, resolved when it is sent. */
export interface ResolvedRecipients {
  people: PersonEntity[];
  /** The owner has been deactivated, so their line manager stands in for them. */
  rerouted: boolean;
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
  /**
   * Whoever answers for the item in the process it belongs to, while active: its meeting's chair,
   * or the local authority's manager of its enquiry (delegating never moves accountability).
   */
  const accountable = async (meetingId: string | null, enquiryId: string | null) =>
    meetingId || enquiryId
      ? await db
          .createQueryBuilder(PersonEntity, 'person')
          .where('person.active')
          .andWhere(
            `person.id IN (SELECT chair_id FROM meetings WHERE id = :meetingId
                 UNION ALL SELECT enquiry_manager_id FROM enquiries WHERE id = :enquiryId)`,
            { meetingId, enquiryId },
          )
          .getOne()
      : null;
  const some = (people: Array<PersonEntity | null>) => ({
    people: people.filter((person): person is PersonEntity => person !== null),
    rerouted: false,
  });

  switch (addressee) {
    case 'owner':
      if (owner.active) return some([owner]);
      return { people: some([await lineManager()]).people, rerouted: true };
    case 'owner-line-manager':
      return some([await lineManager()]);
    case 'agency-designated-lead':
      return some(await inOwnerAgency('designated-safeguarding-lead'));
    case 'head-of-service':
      return some(await inOwnerAgency('head-of-service'));
    case 'local-authority-lead': {
      // An escalation that would only come back to the owner goes to the leads instead.
      const manager = await accountable(null, action.enquiryId);
      return some(manager && manager.id !== owner.id ? [manager] : await localAuthorityLeads());
    }
    case 'board':
      return some(await inActionPartnership(['board-chair', 'board-business-manager']));
    case 'decision-maker': {
      const decider = await accountable(action.meetingId, action.enquiryId);
      return some(decider ? [decider] : await localAuthorityLeads());
    }
  }
}
