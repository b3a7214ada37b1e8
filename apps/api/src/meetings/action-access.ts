import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActionEntity, MeetingEntity, PersonEntity } from '@safeguard/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { seesWholePartnership } from '../auth/access-rules';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';

/** An action as its reader may see it, with the chair of its meeting (if it came from one). */
export interface VisibleAction {
  action: ActionEntity;
  chairId: string | null;
}

/**
 * Who may see and command an action. Seeing: partnership-wide leads see every action of their
 * partnerships, others those their agency owns or whose meeting they chaired; anything else is
 * simply not found (404).
 * Commanding: the owner acknowledges, asks for more time and completes; the meeting's chair or a
 * partnership-wide lead decides extensions, reassigns and cancels, and may complete (403 if not).
 */
@Injectable()
export class ActionAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async visible(id: string, principal: Principal): Promise<VisibleAction> {
    const query = this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'action')
      .innerJoin(PersonEntity, 'owner', 'owner.id = action.owner_id')
      .leftJoin(MeetingEntity, 'meeting', 'meeting.id = action.meeting_id')
      .addSelect('meeting.chair_id', 'chair_id')
      .where('action.id = :id', { id })
      .andWhere('action.partnership_id = ANY(:partnershipIds)', {
        partnershipIds: principal.partnershipIds,
      });
    if (!seesWholePartnership(principal)) {
      query.andWhere('(owner.agency_id = :agencyId OR meeting.chair_id = :personId)', {
        agencyId: principal.agencyId,
        personId: principal.personId,
      });
    }
    const { entities, raw } = await query.getRawAndEntities();
    if (!entities[0]) throw ProblemException.notFound('action');
    return { action: entities[0], chairId: raw[0]?.chair_id ?? null };
  }

  assertOwner({ action }: VisibleAction, principal: Principal, what: string): void {
    if (action.ownerId !== principal.personId) {
      throw ProblemException.forbidden(`only the action's owner can ${what}`);
    }
  }

  assertDecisionMaker(target: VisibleAction, principal: Principal, what: string): void {
    if (!this.decides(target, principal)) {
      throw ProblemException.forbidden(
        `only the meeting's chair or a safeguarding lead can ${what}`,
      );
    }
  }

  assertOwnerOrDecisionMaker(target: VisibleAction, principal: Principal, what: string): void {
    if (target.action.ownerId !== principal.personId && !this.decides(target, principal)) {
      throw ProblemException.forbidden(
        `only the action's owner, the meeting's chair or a safeguarding lead can ${what}`,
      );
    }
  }

  /** An owner must be an active person of an agency in the item's partnership (else 422). */
  assertCanOwn(
    db: EntityManager,
    ownerId: string,
    partnershipId: string,
    field = 'ownerId',
  ): Promise<void> {
    return this.assertCanOwnAll(db, partnershipId, [{ personId: ownerId, field }]);
  }

  /** The same check for everyone a command names, in one query; the first failure is reported. */
  async assertCanOwnAll(
    db: EntityManager,
    partnershipId: string,
    named: Array<{ personId: string; field: string }>,
  ): Promise<void> {
    const rows: Array<{ id: string; active: boolean }> = await db.query(
      `SELECT p.id, p.active FROM people p
         JOIN agency_partnerships ap ON ap.agency_id = p.agency_id AND ap.partnership_id = $2
        WHERE p.id = ANY($1)`,
      [named.map((n) => n.personId), partnershipId],
    );
    const active = new Map(rows.map((row) => [row.id, row.active]));
    for (const { personId, field } of named) {
      if (!active.has(personId))
        throw ProblemException.unprocessable(field, 'no person with this id');
      if (!active.get(personId)) {
        throw ProblemException.unprocessable(field, 'this person has been deactivated');
      }
    }
  }

  private decides({ chairId }: VisibleAction, principal: Principal): boolean {
    return seesWholePartnership(principal) || chairId === principal.personId;
  }
}
