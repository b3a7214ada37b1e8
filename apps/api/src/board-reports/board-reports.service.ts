import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  escalationLog,
  STAGE_OF_ITEM,
  timelinessReport,
  type ChasedItemKind,
  type TimelinessReport,
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

/**
 * Every chased item of the partnership that fell due in the period, by now: its kind, its owner's
 * agency (named: an organisation), its due and completion instants. Nothing else: no title, no
 * reference, no owner.
 */
const ITEMS_DUE_IN_THE_PERIOD = `
  SELECT a.kind, a.due_at AS "dueAt", a.completed_at AS "completedAt",
         json_build_object('id', ag.id, 'name', ag.name) AS agency
    FROM actions a
    JOIN people p ON p.id = a.owner_id
    JOIN agencies ag ON ag.id = p.agency_id
   WHERE a.partnership_id = $1 AND a.status <> 'cancelled'
     AND a.due_at >= $2 AND a.due_at < $3 AND a.due_at <= $4`;

/** Reports for the board on the partnership's work (practice primer §3, the escalation log). */
@Injectable()
export class BoardReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async escalationLog(partnershipId: string, period: EscalationLogPeriod): Promise<EscalationLog> {
    const nation = await this.nationOf(partnershipId);
    const disagreements: EscalationLogDisagreement[] = await this.dataSource.query(
      DISAGREEMENTS_RAISED_IN_THE_PERIOD,
      [partnershipId, period.startsAt, period.endsBefore],
    );
    return escalationLog(period, nation, disagreements);
  }

  async timeliness(partnershipId: string, period: EscalationLogPeriod): Promise<TimelinessReport> {
    const nation = await this.nationOf(partnershipId);
    const now = new Date();
    const rows: Array<{
      kind: ChasedItemKind;
      dueAt: Date;
      completedAt: Date | null;
      agency: { id: string; name: string };
    }> = await this.dataSource.query(ITEMS_DUE_IN_THE_PERIOD, [
      partnershipId,
      period.startsAt,
      period.endsBefore,
      now,
    ]);
    const items = rows.map(({ kind, ...row }) => ({ ...row, stage: STAGE_OF_ITEM[kind] }));
    return timelinessReport(period, nation, items, now);
  }

  private async nationOf(partnershipId: string): Promise<Nation> {
    const [partnership]: { nation: Nation }[] = await this.dataSource.query(
      `SELECT nation FROM partnerships WHERE id = $1`,
      [partnershipId],
    );
    if (!partnership) throw ProblemException.notFound('partnership');
    return partnership.nation;
  }
}
