import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActionEntity, ChronologyEntryEntity } from '@safeguard/persistence';
import { DataSource, Not } from 'typeorm';
import { seesWholePartnership } from '../auth/access-rules';
import { type Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { ActionAccess, overseenOwners } from './action-access';
import { ActionSummaryView, OverseenActionView } from './dto/action.view';
import { recordRead } from '../audit/record-read';

const OPEN = "action.status NOT IN ('completed', 'cancelled')";
/** Enough for any one person's or agency's open work; a longer list is cut at the latest due. */
const LIST_LIMIT = 500;

/** The lists people work from: their own open items, and a lead's overdue ones. */
@Injectable()
export class ActionListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ActionAccess,
  ) {}

  /**
   * Overdue items of the people the caller oversees (overseenOwners: those they line-manage, and
   * their agency's if they lead it), earliest first; never their own, which are in `mine`.
   */
  async overseenOverdue(principal: Principal): Promise<OverseenActionView[]> {
    const now = new Date();
    const overseen = overseenOwners(principal);
    const actions = await this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'action')
      .innerJoinAndSelect('action.owner', 'owner')
      .where('action.partnership_id = ANY(:partnershipIds)', {
        partnershipIds: principal.partnershipIds,
      })
      .andWhere(OPEN)
      .andWhere('action.due_at < :now', { now })
      .andWhere('owner.id <> :me', { me: principal.personId })
      .andWhere(overseen.condition, overseen.parameters)
      .orderBy('action.due_at', 'ASC')
      .limit(LIST_LIMIT)
      .getMany();
    return actions.map((action) => OverseenActionView.ofOwned(action, now));
  }

  /** The caller's open items, overdue first (earliest due first within each). */
  async mine(principal: Principal): Promise<ActionSummaryView[]> {
    const now = new Date();
    const actions = await this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'action')
      .where('action.owner_id = :ownerId', { ownerId: principal.personId })
      .andWhere(OPEN)
      .orderBy('action.due_at', 'ASC')
      .limit(LIST_LIMIT)
      .getMany();
    return actions.map((action) => ActionSummaryView.of(action, now));
  }

  /**
   * Open items past their due date in one partnership, earliest first. Leads see every agency
   * (or the one asked for); a designated lead sees their own agency's.
   */
  async overdue(
    partnershipId: string,
    agencyId: string | undefined,
    principal: Principal,
  ): Promise<ActionSummaryView[]> {
    if (!seesWholePartnership(principal) && agencyId && agencyId !== principal.agencyId) {
      throw ProblemException.forbidden("a designated lead sees only their own agency's actions");
    }
    const agency = seesWholePartnership(principal) ? agencyId : principal.agencyId;
    const now = new Date();
    const query = this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'action')
      .innerJoinAndSelect('action.owner', 'owner')
      .where('action.partnership_id = :partnershipId', { partnershipId })
      .andWhere(OPEN)
      .andWhere('action.due_at < :now', { now })
      .orderBy('action.due_at', 'ASC')
      .limit(LIST_LIMIT);
    if (agency) query.andWhere('owner.agency_id = :agency', { agency });
    const actions = await query.getMany();
    await recordRead(this.dataSource, principal, {
      subjectType: 'partnership',
      subjectId: partnershipId,
      event: 'actions.overdue-listed',
      partnershipId,
      detail: agency ? { agencyId: agency } : {},
    });
    return actions.map((action) => ActionSummaryView.of(action, now));
  }

  /** What happened to an item, in order: commands and the service's own acts (not reads). */
  async chronology(id: string, principal: Principal): Promise<ChronologyEntryEntity[]> {
    await this.access.visible(id, principal);
    return this.dataSource.manager.find(ChronologyEntryEntity, {
      where: { subjectType: 'action', subjectId: id, kind: Not('read') },
      order: { id: 'ASC' },
    });
  }
}
