import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ActionEntity,
  AdultEntity,
  EnquiryEntity,
  EnquiryRecordEntity,
  nextReference,
  partnershipChain,
} from '@safeguard/persistence';
import {
  enquiryPolicyOf,
  enquiryStartedUpdate,
  enquiryWorkflowId,
  section42EnquiryWorkflow,
} from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import { delegationSeenBy, recordsSeenBy, timelineSeenBy } from '../auth/enquiry-access-rules';
import { auditedBy, type Principal, assertOwnPartnership } from '../auth/principal';
import { caseTimeline } from '../actions/case-timeline';
import { ProblemException } from '../common/problem';
import { processStart, ProcessStarter } from '../temporal/process-starter';
import { RaiseEnquiryDto } from './dto/raise-enquiry.dto';
import { EnquiryView } from './dto/enquiry.view';
import { enquiryView } from './enquiry-view.mapper';
import { EnquiryAccess, type VisibleEnquiry } from './enquiry-access';
import { NamedPeople } from '../directory/named-people';
import { recordRead } from '../audit/record-read';

/**
 * Raising a concern starts its Section 42 workflow; reading an enquiry reads Postgres only (the
 * read model the workflow writes, the records people wrote, its deadlines and its chronology).
 */
@Injectable()
export class EnquiriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processes: ProcessStarter,
    private readonly access: EnquiryAccess,
    private readonly people: NamedPeople,
  ) {}

  /** All in one transaction: if Temporal refuses the start, nothing is recorded. */
  async raise(dto: RaiseEnquiryDto, principal: Principal): Promise<EnquiryView> {
    const { partnershipId } = dto;
    assertOwnPartnership(principal, partnershipId);
    const now = new Date();
    const receivedAt = new Date(dto.receivedAt);
    if (receivedAt > now) {
      throw ProblemException.invalid([
        { field: 'receivedAt', message: 'must not be in the future' },
      ]);
    }
    await this.assertReferrer(dto);
    const triageWorkerId = await this.triageWorker(dto, principal);
    const id = randomUUID();
    const workflowId = enquiryWorkflowId(id);
    await this.processes.recordAndStart(partnershipId, async (db, policy) => {
      const adultId = randomUUID();
      await db.insert(AdultEntity, {
        id: adultId,
        partnershipId,
        fullName: dto.adult.fullName,
        dateOfBirth: dto.adult.dateOfBirth ?? null,
        createdAt: now,
      });
      await db.insert(EnquiryEntity, {
        ...unopenedReadModel(now),
        id,
        reference: await nextReference(db, 'ENQ', now),
        partnershipId,
        policyVersion: policy.version,
        adultId,
        receivedAt,
        source: dto.source,
        referrerAgencyId: dto.referrerAgencyId ?? null,
        raisedById: principal.personId,
        urgency: dto.urgency,
        riskTypes: dto.riskTypes,
        riskLocation: dto.riskLocation,
        riskSource: dto.riskSource,
        concernSummary: dto.concernSummary ?? null,
        triageWorkerId,
        workflowId,
      });
      return processStart({
        workflow: section42EnquiryWorkflow,
        workflowId,
        args: [
          {
            enquiryId: id,
            receivedAt: receivedAt.toISOString(),
            urgency: dto.urgency,
            triageWorkerId,
            policy: enquiryPolicyOf(policy.document, { partnershipId, version: policy.version }),
          },
        ],
        what: 'enquiry',
        // The first deadline (the acknowledgement) exists by the time we answer, or soon after.
        started: enquiryStartedUpdate,
        chronology: [
          {
            subjectType: 'enquiry',
            subjectId: id,
            event: 'enquiry.raised',
            chain: partnershipChain(partnershipId),
            detail: {
              adultId,
              receivedAt: receivedAt.toISOString(),
              source: dto.source,
              ...(dto.referrerAgencyId ? { referrerAgencyId: dto.referrerAgencyId } : {}),
              urgency: dto.urgency,
              riskTypes: dto.riskTypes,
              riskLocation: dto.riskLocation,
              riskSource: dto.riskSource,
              triageWorkerId,
              policyVersion: policy.version,
            },
            occurredAt: now,
            ...auditedBy(principal),
          },
        ],
      });
    });
    // The raiser sees what they have just raised, even when the case is not theirs to read later.
    const enquiry = await this.dataSource.manager.findOneByOrFail(EnquiryEntity, { id });
    return this.view({ enquiry, delegation: null, reader: 'case-holder' }, principal);
  }

  /** Reading an enquiry is itself recorded: who looked at this adult's case, and when. */
  async get(id: string, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    const view = await this.view(target, principal);
    await recordRead(this.dataSource, principal, {
      subjectType: 'enquiry',
      subjectId: id,
      event: 'enquiry.viewed',
      partnershipId: target.enquiry.partnershipId,
    });
    return view;
  }

  /** Everything the reader may see, from Postgres only. */
  async view(target: VisibleEnquiry, principal: Principal): Promise<EnquiryView> {
    const { enquiry } = target;
    const db = this.dataSource.manager;
    const [adult, records, deadlines, timeline] = await Promise.all([
      db.findOneByOrFail(AdultEntity, { id: enquiry.adultId }),
      db.find(EnquiryRecordEntity, {
        where: { enquiryId: enquiry.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      db.find(ActionEntity, {
        where: { enquiryId: enquiry.id, status: Not(In(['completed', 'cancelled'])) },
        order: { dueAt: 'ASC' },
      }),
      caseTimeline(db, { type: 'enquiry', id: enquiry.id, partnershipId: enquiry.partnershipId }),
    ]);
    const visibleRecords = recordsSeenBy(principal, target, records);
    return enquiryView({
      enquiry,
      adult,
      delegation: delegationSeenBy(principal, target),
      records: visibleRecords,
      deadlines,
      timeline: timelineSeenBy(principal, target, timeline, {
        records: visibleRecords,
        agencyItemIds:
          target.reader === 'partner'
            ? await this.itemsHeldInAgency(enquiry.id, principal.agencyId)
            : new Set(),
      }),
    });
  }

  /** The enquiry's deadlines, open or closed, held by people of an agency. */
  private async itemsHeldInAgency(enquiryId: string, agencyId: string): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT a.id FROM actions a JOIN people p ON p.id = a.owner_id
        WHERE a.enquiry_id = $1 AND p.agency_id = $2`,
      [enquiryId, agencyId],
    );
    return new Set(rows.map((row) => row.id));
  }

  private async assertReferrer({ referrerAgencyId, partnershipId }: RaiseEnquiryDto) {
    if (!referrerAgencyId) return;
    await this.people.assertAgencyIn(referrerAgencyId, 'referrerAgencyId', partnershipId);
  }

  /**
   * The local authority triages: the person named, else the raiser if they work there, else its
   * longest-serving safeguarding lead.
   */
  private async triageWorker(dto: RaiseEnquiryDto, principal: Principal): Promise<string> {
    const localAuthority = { localAuthorityOf: dto.partnershipId };
    if (dto.triageWorkerId) {
      await this.people.assertNamed(dto.triageWorkerId, 'triageWorkerId', localAuthority);
      return dto.triageWorkerId;
    }
    if (await this.people.worksIn(principal.personId, localAuthority)) return principal.personId;
    const lead = await this.people.firstWithRole(localAuthority, 'safeguarding-lead');
    if (!lead) {
      throw ProblemException.invalid([
        {
          field: 'triageWorkerId',
          message: "required: the partnership's local authority has no active safeguarding lead",
        },
      ]);
    }
    return lead;
  }
}

/** The read-model columns of a concern nobody has acted on yet; its workflow writes the rest. */
function unopenedReadModel(now: Date) {
  return {
    stage: 'concern' as const,
    step: null,
    enquiryType: null,
    ledBy: null,
    enquiryManagerId: null,
    enquirerId: null,
    delegationId: null,
    delegatedAgencyId: null,
    decisionId: null,
    strategyMeetingId: null,
    reportId: null,
    outcomeId: null,
    planId: null,
    planLeadId: null,
    pausedSince: null,
    closure: null,
    nextDueAt: null,
    decidedAt: null,
    concludedAt: null,
    closedAt: null,
    // Below the workflow's first version, so its first write always lands.
    processVersion: 0,
    createdAt: now,
    updatedAt: now,
  };
}
