import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EnquiryDelegationEntity,
  EnquiryEntity,
  type ChronologyEntryEntity,
  type EnquiryRecordEntity,
} from '@safeguard/persistence';
import { DataSource, In } from 'typeorm';
import { leadsOwnAgency, seesWholePartnership } from '../auth/access-rules';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { NamedPeople } from '../common/named-people';

/**
 * Who may see and act on a Section 42 enquiry. The local authority stays accountable for every
 * enquiry, even one it causes another agency to make (practice primer §1), so it holds the case;
 * another agency gets only its part, and only while it has one.
 *
 * Seeing (anything else is 404, as if the enquiry did not exist):
 * - the case holders see all of it: every case role of a local-authority agency of the
 *   enquiry's partnership (its safeguarding leads and heads of service are the partnership-wide
 *   leads, seesWholePartnership);
 * - a partner, that is someone of another agency, sees it only while they have a part in it: while
 *   the enquiry stage is delegated to their agency (requested or accepted, not declined), those
 *   who lead the agency (leadsOwnAgency), the delegation's contact and the enquirer it named; while the
 *   enquiry is open, the plan's lead. A partner sees the enquiry and the adult it is about, the
 *   delegation to their own agency and the records made under it, and the plan if they lead it:
 *   never the local authority's decision or outcome, nor another agency's delegation.
 * - Board roles and admins never reach these routes at all (CASE_ROLES): no personal case data.
 *
 * Acting (403 once the enquiry is visible):
 * - acknowledge the concern: its triage worker, or a partnership-wide lead;
 * - manage it (decision, strategy discussion, lead or delegate, review reports, outcome, plan,
 *   pause, resume, close): the enquiry manager, or a partnership-wide lead;
 * - answer a delegation: its contact, or one who leads its agency;
 * - submit a report: the enquirer, a partnership-wide lead, or, while delegated, the contact or a
 *   lead of the agency (for the agency, before or after it names its enquirer);
 * - review the plan: its lead, the enquiry manager, or a partnership-wide lead.
 */
export interface VisibleEnquiry {
  enquiry: EnquiryEntity;
  /** The current (or last) delegation request, whatever the reader may see of it. */
  delegation: EnquiryDelegationEntity | null;
  reader: 'case-holder' | 'partner';
}

@Injectable()
export class EnquiryAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: NamedPeople,
  ) {}

  async visible(id: string, principal: Principal): Promise<VisibleEnquiry> {
    const db = this.dataSource.manager;
    const enquiry = await db.findOneBy(EnquiryEntity, {
      id,
      partnershipId: In(principal.partnershipIds),
    });
    if (!enquiry) throw ProblemException.notFound('enquiry');
    const delegation = enquiry.delegationId
      ? await db.findOneBy(EnquiryDelegationEntity, { id: enquiry.delegationId })
      : null;
    const target = { enquiry, delegation };
    if (
      seesWholePartnership(principal) ||
      (await this.people.worksIn(principal.personId, { localAuthorityOf: enquiry.partnershipId }))
    ) {
      return { ...target, reader: 'case-holder' };
    }
    if (this.actsForDelegatedAgency(target, principal) || this.leadsPlan(enquiry, principal)) {
      return { ...target, reader: 'partner' };
    }
    throw ProblemException.notFound('enquiry');
  }

  /** The same enquiry after a command, read again with the rights its reader had before it. */
  async reloaded({ enquiry, reader }: VisibleEnquiry): Promise<VisibleEnquiry> {
    const db = this.dataSource.manager;
    const fresh = await db.findOneByOrFail(EnquiryEntity, { id: enquiry.id });
    const delegation = fresh.delegationId
      ? await db.findOneBy(EnquiryDelegationEntity, { id: fresh.delegationId })
      : null;
    return { enquiry: fresh, delegation, reader };
  }

  /** The delegation as this reader may see it: a partner only their own agency's. */
  delegationFor(target: VisibleEnquiry, principal: Principal): EnquiryDelegationEntity | null {
    if (target.reader === 'case-holder') return target.delegation;
    return target.delegation?.agencyId === principal.agencyId ? target.delegation : null;
  }

  /** The records this reader may see: a partner's are those of their part in the enquiry. */
  recordsFor(
    target: VisibleEnquiry,
    principal: Principal,
    records: EnquiryRecordEntity[],
  ): EnquiryRecordEntity[] {
    if (target.reader === 'case-holder') return records;
    const delegationId = this.actsForDelegatedAgency(target, principal)
      ? target.delegation?.id
      : undefined;
    const leadsPlan = this.leadsPlan(target.enquiry, principal);
    return records.filter(
      (record) =>
        (delegationId !== undefined && record.facts.delegationId === delegationId) ||
        (leadsPlan && (record.kind === 'plan' || record.kind === 'plan-review')),
    );
  }

  /**
   * The timeline this reader may see: a partner sees what happened to its own part (events
   * about its delegation or about records it may see, and the deadlines its agency's people
   * hold), never the local authority's decision or outcome.
   */
  timelineFor(
    target: VisibleEnquiry,
    principal: Principal,
    entries: ChronologyEntryEntity[],
    visible: { records: EnquiryRecordEntity[]; agencyItemIds: ReadonlySet<string> },
  ): ChronologyEntryEntity[] {
    if (target.reader === 'case-holder') return entries;
    const delegationId = this.delegationFor(target, principal)?.id;
    const recordIds = new Set(visible.records.map((record) => record.id));
    return entries.filter(({ subjectType, subjectId, detail }) => {
      if (subjectType === 'action') return visible.agencyItemIds.has(subjectId);
      const about = detail as Record<string, unknown>;
      return (
        (delegationId !== undefined && about.delegationId === delegationId) ||
        ['recordId', 'reportId', 'planId', 'reviewId'].some((key) =>
          recordIds.has(about[key] as string),
        )
      );
    });
  }

  assertTriage({ enquiry }: VisibleEnquiry, principal: Principal): void {
    if (enquiry.triageWorkerId !== principal.personId && !seesWholePartnership(principal)) {
      throw ProblemException.forbidden(
        "only the concern's triage worker or a safeguarding lead can acknowledge it",
      );
    }
  }

  assertManager(target: VisibleEnquiry, principal: Principal, what: string): void {
    if (!this.manages(target, principal)) {
      throw ProblemException.forbidden(
        `only the enquiry manager or a safeguarding lead can ${what}`,
      );
    }
  }

  assertResponder(delegation: EnquiryDelegationEntity, principal: Principal): void {
    if (!this.answersFor(delegation, principal)) {
      throw ProblemException.forbidden(
        "only the delegation's contact or the agency's designated safeguarding lead can answer it",
      );
    }
  }

  assertReporter(target: VisibleEnquiry, principal: Principal): void {
    const allowed =
      target.enquiry.enquirerId === principal.personId ||
      seesWholePartnership(principal) ||
      this.actsForDelegatedAgency(target, principal);
    if (!allowed) {
      throw ProblemException.forbidden(
        'only the enquirer, the agency the enquiry is delegated to or a safeguarding lead can submit its report',
      );
    }
  }

  assertPlanReviewer(target: VisibleEnquiry, principal: Principal): void {
    if (target.enquiry.planLeadId !== principal.personId && !this.manages(target, principal)) {
      throw ProblemException.forbidden(
        "only the plan's lead, the enquiry manager or a safeguarding lead can record its review",
      );
    }
  }

  private manages({ enquiry, reader }: VisibleEnquiry, principal: Principal): boolean {
    return (
      seesWholePartnership(principal) ||
      (reader === 'case-holder' && enquiry.enquiryManagerId === principal.personId)
    );
  }

  /** While the enquiry stage is in the hands of the caller's agency, and they answer for it. */
  private actsForDelegatedAgency(
    { enquiry, delegation }: Pick<VisibleEnquiry, 'enquiry' | 'delegation'>,
    principal: Principal,
  ): boolean {
    return (
      enquiry.stage === 'enquiry' &&
      delegation !== null &&
      delegation.status !== 'declined' &&
      (this.answersFor(delegation, principal) || delegation.enquirerId === principal.personId)
    );
  }

  private answersFor(delegation: EnquiryDelegationEntity, principal: Principal): boolean {
    return (
      delegation.contactId === principal.personId ||
      (delegation.agencyId === principal.agencyId && leadsOwnAgency(principal))
    );
  }

  private leadsPlan(enquiry: EnquiryEntity, principal: Principal): boolean {
    return enquiry.planLeadId === principal.personId && enquiry.stage !== 'closed';
  }
}
