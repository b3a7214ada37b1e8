import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DisagreementEntity } from '@safeguard/persistence';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { type Principal } from '../auth/principal';
import { DisagreementSummaryView } from './dto/disagreement.view';
import { disagreementSummaryView } from './disagreement-view.mapper';
import { ListDisagreementsQuery } from './dto/list-disagreements.query';
import { recordRead } from '../audit/record-read';

/** Enough for any partnership's escalation log; a longer list is cut at the oldest. */
const LIST_LIMIT = 500;

/**
 * The lists people work from: references, stages, due dates, agencies and themes only, never a
 * person, the case or anything anyone wrote. Open ones first (the stage due soonest first), then
 * the closed ones, latest first.
 */
@Injectable()
export class DisagreementListsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Those I raised, am the other party of, or take part in at the current stage. */
  async mine(principal: Principal): Promise<DisagreementSummaryView[]> {
    const query = this.ordered()
      .where('disagreement.partnership_id = ANY(:partnershipIds)', {
        partnershipIds: principal.partnershipIds,
      })
      .andWhere(
        `(disagreement.raised_by_id = :me OR disagreement.other_person_id = :me
          OR :me = ANY(disagreement.participant_ids))`,
        { me: principal.personId },
      );
    const now = new Date();
    return (await query.getMany()).map((row) => disagreementSummaryView(row, now));
  }

  /** A partnership's escalation log, for its leads and its board. The read is recorded. */
  async partnership(
    partnershipId: string,
    filter: ListDisagreementsQuery,
    principal: Principal,
  ): Promise<DisagreementSummaryView[]> {
    const query = this.ordered().where('disagreement.partnership_id = :partnershipId', {
      partnershipId,
    });
    if (filter.status) query.andWhere('disagreement.status = :status', { status: filter.status });
    const now = new Date();
    const rows = await query.getMany();
    await recordRead(this.dataSource, principal, {
      subjectType: 'partnership',
      subjectId: partnershipId,
      event: 'disagreements.listed',
      partnershipId,
      detail: { ...filter },
    });
    return rows.map((row) => disagreementSummaryView(row, now));
  }

  private ordered(): SelectQueryBuilder<DisagreementEntity> {
    return this.dataSource.manager
      .createQueryBuilder(DisagreementEntity, 'disagreement')
      .orderBy(`CASE WHEN disagreement.status = 'open' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy(
        `CASE WHEN disagreement.status = 'open' THEN disagreement.stage_due_at END`,
        'ASC',
        'NULLS LAST',
      )
      .addOrderBy('disagreement.closed_at', 'DESC', 'NULLS LAST')
      .addOrderBy('disagreement.raised_at', 'DESC')
      .limit(LIST_LIMIT);
  }
}
