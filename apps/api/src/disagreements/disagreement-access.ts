import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@safeguard/domain';
import { DisagreementEntity } from '@safeguard/persistence';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { BOARD_ROLES, CASE_ROLES, seesWholePartnership } from '../auth/access-rules';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import type { Reader } from './dto/disagreement.view';

/**
 * Reads as the board: someone who holds a board role and no case role. The board sees stages,
 * agencies, themes, dates and categories, never a person's details or anyone's words.
 */
export function readerOf(principal: Principal): Reader {
  const board = principal.roles.some((role) => BOARD_ROLES.includes(role));
  return board && !principal.roles.some((role) => CASE_ROLES.includes(role))
    ? 'board'
    : 'participant';
}
/** Who reaches a disagreement's routes at all (what each sees is decided per disagreement). */
export const DISAGREEMENT_ROLES: Role[] = [...CASE_ROLES, ...BOARD_ROLES];

/**
 * Who may see and act on a professional disagreement (practice primer §3). Everything is within
 * the caller's partnerships; outside them, and to anyone not listed, a disagreement does not
 * exist (404).
 *
 * Seeing:
 * - the raiser, and the other person if one was named;
 * - whoever takes part at the current stage (the participants the workflow resolved from the
 *   directory when the stage began, kept in the read model): the two practitioners, then their
 *   line managers, then the agencies' designated leads, then the board;
 * - whoever took part at an earlier stage and did something there: acknowledged it, wrote in it,
 *   escalated it (the disagreement's chronology names them as actor, or its records as author).
 *   An earlier participant who did nothing at all is not remembered as one, and stops seeing it
 *   when the stage moves on: the record of who was asked is the workflow's, not kept here;
 * - partnership-wide leads (safeguarding leads, heads of service);
 * - the board roles of the partnership (business manager, independent chair) once it has reached
 *   stage 4, and from then on (at stage 4 they are its participants).
 * An agency's other people (its designated leads included, before stage 3) do not see it.
 *
 * Acting:
 * - acknowledge, resolve (at stage 4: the board's decision) and escalate: the participants of the
 *   current stage only. That is process state, so the workflow is the one to say: anyone else who
 *   can see it gets 409 with its reason ("only the people taking part at stage N can do this"),
 *   never a 403 from a read model that may be a moment behind;
 * - contribute in writing: anyone who may see it (a closed one: 409);
 * - withdraw: the raiser, or a partnership-wide lead (else 403).
 */
@Injectable()
export class DisagreementAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async visible(id: string, principal: Principal): Promise<DisagreementEntity> {
    const query = this.dataSource.manager
      .createQueryBuilder(DisagreementEntity, 'disagreement')
      .where('disagreement.id = :id', { id });
    const found = await this.seenBy(query, principal).getOne();
    if (!found) throw ProblemException.notFound('disagreement');
    return found;
  }

  /** The same disagreement after a command, read again for the reader who gave it. */
  reloaded({ id }: DisagreementEntity): Promise<DisagreementEntity> {
    return this.dataSource.manager.findOneByOrFail(DisagreementEntity, { id });
  }

  assertMayWithdraw(disagreement: DisagreementEntity, principal: Principal): void {
    if (disagreement.raisedById !== principal.personId && !seesWholePartnership(principal)) {
      throw ProblemException.forbidden(
        'only the person who raised the disagreement or a safeguarding lead can withdraw it',
      );
    }
  }

  /** Restricts a query on `disagreement` to what the principal may see. */
  private seenBy(
    query: SelectQueryBuilder<DisagreementEntity>,
    principal: Principal,
  ): SelectQueryBuilder<DisagreementEntity> {
    query.andWhere('disagreement.partnership_id = ANY(:partnershipIds)', {
      partnershipIds: principal.partnershipIds,
    });
    if (seesWholePartnership(principal)) return query;
    const board = principal.roles.some((role) => BOARD_ROLES.includes(role));
    return query.andWhere(
      `(disagreement.raised_by_id = :me
        OR disagreement.other_person_id = :me
        OR :me = ANY(disagreement.participant_ids)
        OR (:board AND disagreement.highest_stage = 4)
        OR EXISTS (SELECT 1 FROM disagreement_records record
                    WHERE record.disagreement_id = disagreement.id AND record.author_id = :me)
        OR EXISTS (SELECT 1 FROM chronology entry
                    WHERE entry.subject_type = 'disagreement' AND entry.subject_id = disagreement.id
                      AND entry.kind = 'command' AND entry.actor_id = :me))`,
      { me: principal.personId, board },
    );
  }
}
