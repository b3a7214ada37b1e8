import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnquiryDelegationEntity, EnquiryEntity } from '@safeguard/persistence';
import { DataSource, In } from 'typeorm';
import {
  answersForDelegation,
  managesEnquiry,
  mayAcknowledgeConcern,
  mayReviewPlan,
  maySubmitReport,
  readerOfEnquiry,
  type EnquiryForReader,
} from '../auth/enquiry-access-rules';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { NamedPeople } from '../directory/named-people';

/** An enquiry as its reader found it: who may see and do what is in auth/enquiry-access-rules. */
export interface VisibleEnquiry extends EnquiryForReader {
  enquiry: EnquiryEntity;
  delegation: EnquiryDelegationEntity | null;
}

/**
 * Loads an enquiry, its delegation and what the directory says of the reader, and answers by the
 * enquiry access rules: 404 for an enquiry the principal may not see, 403 for a command they may
 * not give on one they can.
 */
@Injectable()
export class EnquiryAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: NamedPeople,
  ) {}

  async visible(id: string, principal: Principal): Promise<VisibleEnquiry> {
    const enquiry = await this.dataSource.manager.findOneBy(EnquiryEntity, {
      id,
      partnershipId: In(principal.partnershipIds),
    });
    if (!enquiry) throw ProblemException.notFound('enquiry');
    const target = { enquiry, delegation: await this.delegationOf(enquiry) };
    const reader = await readerOfEnquiry(principal, target, () =>
      this.people.worksIn(principal.personId, { localAuthorityOf: enquiry.partnershipId }),
    );
    if (!reader) throw ProblemException.notFound('enquiry');
    return { ...target, reader };
  }

  /** The same enquiry after a command, read again with the rights its reader had before it. */
  async reloaded({ enquiry, reader }: VisibleEnquiry): Promise<VisibleEnquiry> {
    const fresh = await this.dataSource.manager.findOneByOrFail(EnquiryEntity, { id: enquiry.id });
    return { enquiry: fresh, delegation: await this.delegationOf(fresh), reader };
  }

  assertTriage({ enquiry }: VisibleEnquiry, principal: Principal): void {
    if (!mayAcknowledgeConcern(principal, enquiry)) {
      throw ProblemException.forbidden(
        "only the concern's triage worker or a safeguarding lead can acknowledge it",
      );
    }
  }

  assertManager(target: VisibleEnquiry, principal: Principal, what: string): void {
    if (!managesEnquiry(principal, target)) {
      throw ProblemException.forbidden(
        `only the enquiry manager or a safeguarding lead can ${what}`,
      );
    }
  }

  assertResponder(delegation: EnquiryDelegationEntity, principal: Principal): void {
    if (!answersForDelegation(principal, delegation)) {
      throw ProblemException.forbidden(
        "only the delegation's contact or the agency's designated safeguarding lead can answer it",
      );
    }
  }

  assertReporter(target: VisibleEnquiry, principal: Principal): void {
    if (!maySubmitReport(principal, target)) {
      throw ProblemException.forbidden(
        'only the enquirer, the agency the enquiry is delegated to or a safeguarding lead can submit its report',
      );
    }
  }

  assertPlanReviewer(target: VisibleEnquiry, principal: Principal): void {
    if (!mayReviewPlan(principal, target)) {
      throw ProblemException.forbidden(
        "only the plan's lead, the enquiry manager or a safeguarding lead can record its review",
      );
    }
  }

  /** The current (or last) delegation request. */
  private delegationOf(enquiry: EnquiryEntity): Promise<EnquiryDelegationEntity | null> {
    return enquiry.delegationId
      ? this.dataSource.manager.findOneBy(EnquiryDelegationEntity, { id: enquiry.delegationId })
      : Promise.resolve(null);
  }
}
