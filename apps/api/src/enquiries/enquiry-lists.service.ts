import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  appendChronology,
  EnquiryDelegationEntity,
  EnquiryEntity,
  partnershipChain,
} from '@safeguard/persistence';
import { DataSource } from 'typeorm';
import { leadsOwnAgency, seesWholePartnership } from '../auth/access-rules';
import { auditedBy, type Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { DelegatedEnquiryView, EnquirySummaryView } from './dto/enquiry.view';
import { delegatedEnquiryView, enquirySummaryView } from './enquiry-view.mapper';
import { ListEnquiriesQuery } from './dto/list-enquiries.query';

/** Enough for any partnership's open enquiries; a longer list is cut at the latest due. */
const LIST_LIMIT = 500;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The lists leads and agencies work from. They carry references, stages and dates only: never the
 * adult, never anything anyone wrote. Each list read is recorded, as reads of case records are.
 */
@Injectable()
export class EnquiryListsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A partnership's enquiries (open ones unless a stage is asked for), next due first. */
  async partnership(
    partnershipId: string,
    filter: ListEnquiriesQuery,
    principal: Principal,
  ): Promise<EnquirySummaryView[]> {
    const now = new Date();
    const query = this.dataSource.manager
      .createQueryBuilder(EnquiryEntity, 'enquiry')
      .where('enquiry.partnership_id = :partnershipId', { partnershipId })
      .orderBy('enquiry.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('enquiry.received_at', 'ASC')
      .limit(LIST_LIMIT);
    if (filter.stage) query.andWhere('enquiry.stage = :stage', { stage: filter.stage });
    else query.andWhere("enquiry.stage <> 'closed'");
    if (filter.overdue) query.andWhere('enquiry.next_due_at < :now', { now });
    if (filter.dueWithinDays !== undefined) {
      query.andWhere('enquiry.next_due_at <= :within', {
        within: new Date(now.getTime() + filter.dueWithinDays * DAY_MS),
      });
    }
    if (filter.delegatedAgencyId) {
      query.andWhere(
        `enquiry.delegated_agency_id = :agencyId AND EXISTS (
           SELECT 1 FROM enquiry_delegations d
            WHERE d.id = enquiry.delegation_id AND d.status <> 'declined')`,
        { agencyId: filter.delegatedAgencyId },
      );
    }
    const enquiries = await query.getMany();
    await this.recordRead(principal, [partnershipId], 'partnership', partnershipId, {
      event: 'enquiries.listed',
      detail: { ...filter },
    });
    return enquiries.map((enquiry) => enquirySummaryView(enquiry, now));
  }

  /**
   * What is in an agency's hands now: enquiries delegated to it and not yet concluded. Its
   * designated leads see them all, its other people those they are the contact or enquirer
   * for, and partnership-wide leads any agency's in their partnerships.
   */
  async delegatedTo(agencyId: string, principal: Principal): Promise<DelegatedEnquiryView[]> {
    const db = this.dataSource.manager;
    const shared: unknown[] = await db.query(
      `SELECT 1 FROM agency_partnerships WHERE agency_id = $1 AND partnership_id = ANY($2)`,
      [agencyId, principal.partnershipIds],
    );
    if (shared.length === 0) throw ProblemException.notFound('agency');
    const lead = seesWholePartnership(principal);
    if (!lead && agencyId !== principal.agencyId) {
      throw ProblemException.forbidden("only the agency's own people see what was delegated to it");
    }
    const now = new Date();
    const query = db
      .createQueryBuilder(EnquiryDelegationEntity, 'delegation')
      .innerJoinAndMapOne(
        'delegation.enquiry',
        EnquiryEntity,
        'enquiry',
        'enquiry.delegation_id = delegation.id',
      )
      .where('delegation.agency_id = :agencyId', { agencyId })
      .andWhere("delegation.status <> 'declined'")
      .andWhere("enquiry.stage = 'enquiry'")
      .andWhere('enquiry.partnership_id = ANY(:partnershipIds)', {
        partnershipIds: principal.partnershipIds,
      })
      .orderBy('delegation.report_due_at', 'ASC')
      .limit(LIST_LIMIT);
    if (!lead && !leadsOwnAgency(principal)) {
      query.andWhere('(delegation.contact_id = :personId OR delegation.enquirer_id = :personId)', {
        personId: principal.personId,
      });
    }
    const rows = (await query.getMany()) as Array<
      EnquiryDelegationEntity & { enquiry: EnquiryEntity }
    >;
    const partnershipIds = [...new Set(rows.map((row) => row.enquiry.partnershipId))];
    await this.recordRead(principal, partnershipIds, 'agency', agencyId, {
      event: 'enquiries.delegated-listed',
      detail: {},
    });
    return rows.map((row) => delegatedEnquiryView(row.enquiry, row, now));
  }

  /** One read entry in each partnership's chain whose enquiries were listed. */
  private async recordRead(
    principal: Principal,
    partnershipIds: string[],
    subjectType: 'partnership' | 'agency',
    subjectId: string,
    read: { event: string; detail: Record<string, unknown> },
  ): Promise<void> {
    if (partnershipIds.length === 0) return;
    await this.dataSource.transaction(async (db) => {
      for (const partnershipId of partnershipIds) {
        await appendChronology(db, {
          subjectType,
          subjectId,
          event: read.event,
          kind: 'read',
          chain: partnershipChain(partnershipId),
          detail: read.detail,
          ...auditedBy(principal),
        });
      }
    });
  }
}
