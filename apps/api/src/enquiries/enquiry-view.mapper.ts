import type { EnquiryItemKind } from '@safeguard/domain';
import type {
  ActionEntity,
  AdultEntity,
  ChronologyEntryEntity,
  EnquiryDelegationEntity,
  EnquiryEntity,
  EnquiryRecordEntity,
} from '@safeguard/persistence';
import { TimelineEntryView } from '../actions/case-timeline';
import {
  DelegatedEnquiryView,
  DelegationView,
  EnquiryDeadlineView,
  EnquiryRecordView,
  EnquirySummaryView,
  EnquiryView,
} from './dto/enquiry.view';

/**
 * The enquiry's read model as the API shows it: the one place a row becomes a view. The DTOs in
 * dto/enquiry.view.ts only describe the shape (for validation and the OpenAPI document); a field
 * added to the read model is mapped here, for every view that shows it.
 */

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Everything one reader may see of an enquiry. */
export interface EnquiryParts {
  enquiry: EnquiryEntity;
  adult: AdultEntity;
  delegation: EnquiryDelegationEntity | null;
  records: EnquiryRecordEntity[];
  deadlines: ActionEntity[];
  timeline: ChronologyEntryEntity[];
}

/** An enquiry as lists show it: no adult, no words, only where it stands and what is due. */
export function enquirySummaryView(enquiry: EnquiryEntity, now = new Date()): EnquirySummaryView {
  return {
    id: enquiry.id,
    reference: enquiry.reference,
    partnershipId: enquiry.partnershipId,
    stage: enquiry.stage,
    step: enquiry.step,
    enquiryType: enquiry.enquiryType,
    ledBy: enquiry.ledBy,
    urgency: enquiry.urgency,
    delegatedAgencyId: enquiry.delegatedAgencyId,
    receivedAt: enquiry.receivedAt.toISOString(),
    pausedSince: iso(enquiry.pausedSince),
    nextDueAt: iso(enquiry.nextDueAt),
    overdue: enquiry.nextDueAt !== null && enquiry.nextDueAt < now,
    closedAt: iso(enquiry.closedAt),
  };
}

/** What an agency was asked to do, as its own list shows it. */
export function delegatedEnquiryView(
  enquiry: EnquiryEntity,
  delegation: EnquiryDelegationEntity,
  now = new Date(),
): DelegatedEnquiryView {
  return {
    ...enquirySummaryView(enquiry, now),
    delegationId: delegation.id,
    delegationStatus: delegation.status,
    contactId: delegation.contactId,
    enquirerId: delegation.enquirerId,
    requestedAt: delegation.requestedAt.toISOString(),
    reportDueAt: delegation.reportDueAt.toISOString(),
  };
}

/** Everything one reader may see of an enquiry, from what they may see of it (`parts`). */
export function enquiryView(parts: EnquiryParts, now = new Date()): EnquiryView {
  const { enquiry, adult, delegation, records } = parts;
  const current = (id: string | null) => {
    const record = id ? records.find((each) => each.id === id) : undefined;
    return record ? enquiryRecordView(record) : null;
  };
  return {
    ...enquirySummaryView(enquiry, now),
    policyVersion: enquiry.policyVersion,
    closure: enquiry.closure,
    adult: { fullName: adult.fullName, dateOfBirth: adult.dateOfBirth },
    concernSummary: enquiry.concernSummary,
    referrerAgencyId: enquiry.referrerAgencyId,
    categories: {
      source: enquiry.source,
      riskTypes: enquiry.riskTypes,
      riskLocation: enquiry.riskLocation,
      riskSource: enquiry.riskSource,
    },
    people: {
      raisedById: enquiry.raisedById,
      triageWorkerId: enquiry.triageWorkerId,
      enquiryManagerId: enquiry.enquiryManagerId,
      enquirerId: enquiry.enquirerId,
      planLeadId: enquiry.planLeadId,
    },
    strategyMeetingId: enquiry.strategyMeetingId,
    delegation: delegation ? delegationView(delegation) : null,
    decision: current(enquiry.decisionId),
    outcome: current(enquiry.outcomeId),
    plan: current(enquiry.planId),
    records: records.map(enquiryRecordView),
    openDeadlines: parts.deadlines.map((item) => enquiryDeadlineView(item, now)),
    timeline: parts.timeline.map(TimelineEntryView.of),
  };
}

function delegationView(delegation: EnquiryDelegationEntity): DelegationView {
  return {
    id: delegation.id,
    agencyId: delegation.agencyId,
    contactId: delegation.contactId,
    status: delegation.status,
    reportDueAt: delegation.reportDueAt.toISOString(),
    complex: delegation.complex,
    requestedById: delegation.requestedById,
    requestedAt: delegation.requestedAt.toISOString(),
    enquirerId: delegation.enquirerId,
    respondedAt: iso(delegation.respondedAt),
    scope: delegation.scope,
    adultsViews: delegation.adultsViews,
    desiredOutcomes: delegation.desiredOutcomes,
    capacityView: delegation.capacityView,
    sharingConsent: delegation.sharingConsent,
    sharingOverriddenOn: delegation.sharingOverriddenOn,
    periodFrom: delegation.periodFrom,
    periodTo: delegation.periodTo,
    keyIssues: delegation.keyIssues,
  };
}

function enquiryRecordView(record: EnquiryRecordEntity): EnquiryRecordView {
  return {
    id: record.id,
    kind: record.kind,
    facts: record.facts,
    text: record.text,
    authorId: record.authorId,
    createdAt: record.createdAt.toISOString(),
  };
}

function enquiryDeadlineView(item: ActionEntity, now: Date): EnquiryDeadlineView {
  return {
    id: item.id,
    reference: item.reference,
    kind: item.kind as EnquiryItemKind,
    ownerId: item.ownerId,
    dueAt: item.dueAt.toISOString(),
    status: item.status,
    overdue: item.dueAt < now,
    nextReminderAt: iso(item.nextReminderAt),
  };
}
