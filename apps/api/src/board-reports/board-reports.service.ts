import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  escalationLog,
  type EscalationLog,
  type EscalationLogDisagreement,
  type EscalationLogPeriod,
  type Nation,
} from '@safeguard/domain';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem';

/**
 * Every disagreement of the partnership raised in the period, one plain row each with its two
 * agencies; the domain decides what the log says. Only the columns the log may carry are read:
 * not who raised it or with whom, not the case reference, not a word anyone wrote.
 */
const DISAGREEMENTS_RAISED_IN_THE_PERIOD = `
  SELECT d.reference, d.raised_at AS "raisedAt", d.closed_at AS "closedAt", d.status,
         d.highest_stage AS "highestStage", d.immediate_risk AS "immediateRisk", d.themes,
         json_build_object('id', r.id, 'name', r.name, 'type', r.type) AS "raiserAgency",
         json_build_object('id', o.id, 'name', o.name, 'type', o.type) AS "otherAgency"
    FROM disagreements d
    JOIN agencies r ON r.id = d.raiser_agency_id
    JOIN agencies o ON o.id = d.other_agency_id
   WHERE d.partnership_id = $1
     AND d.raised_at >= $2 AND d.raised_at < $3`;

/** Reports for the board on the partnership's work (practice primer §3, the escalation log). */
@Injectable()
export class BoardReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async escalationLog(partnershipId: string, period: EscalationLogPeriod): Promise<EscalationLog> {
    const [partnership]: { nation: Nation }[] = await this.dataSource.query(
      `SELECT nation FROM partnerships WHERE id = $1`,
      [partnershipId],
    );
    if (!partnership) throw ProblemException.notFound('partnership');
    const disagreements: EscalationLogDisagreement[] = await this.dataSource.query(
      DISAGREEMENTS_RAISED_IN_THE_PERIOD,
      [partnershipId, period.startsAt, period.endsBefore],
    );
    return escalationLog(period, partnership.nation, disagreements);
  }
}
