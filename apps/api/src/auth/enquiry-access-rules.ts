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
 *   enquiry is open, the plan's lead; and, once the agency's report is accepted, those same people
 *   of the agency that made the enquiry keep the safeguarding plan it has actions in, while the
 *   enquiry is open (practice primer, "Who may see a case"). A partner sees the enquiry and the adult it is about, the
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
 *
 * These are the rules alone, on the enquiry's facts; `EnquiryAccess` (apps/api/src/enquiries)
 * loads the facts and answers 404 or 403 by them.
 */
import type { DelegationStatus, EnquiryStage } from '@safeguard/domain';
import { leadsOwnAgency, seesWholePartnership } from './access-rules';
import type { Principal } from './principal';

/** What the rules read of an enquiry (its read model). */
export interface EnquiryFacts {
  stage: EnquiryStage;
  triageWorkerId: string;
  enquiryManagerId: string | null;
  enquirerId: string | null;
  planLeadId: string | null;
}

/** What the rules read of a request for another agency to make the enquiry. */
export interface DelegationFacts {
  id: string;
  agencyId: string;
  contactId: string;
  enquirerId: string | null;
  status: DelegationStatus;
}

export interface EnquiryWithDelegation {
  enquiry: EnquiryFacts;
  /** The current (or last) delegation request, whatever the reader may see of it. */
  delegation: DelegationFacts | null;
}

/** The local authority holds the case; anyone else who may see it is a partner with a part. */
export type EnquiryReader = 'case-holder' | 'partner';

export interface EnquiryForReader extends EnquiryWithDelegation {
  reader: EnquiryReader;
}

/**
 * Who the principal is to the enquiry, or null when it is none of theirs (404). Working in a local
 * authority of the enquiry's partnership is a directory fact, so the caller supplies the look-up;
 * it is made only when the principal's roles do not already settle it.
 */
export async function readerOfEnquiry(
  principal: Principal,
  target: EnquiryWithDelegation,
  worksInLocalAuthority: () => Promise<boolean>,
): Promise<EnquiryReader | null> {
  if (seesWholePartnership(principal) || (await worksInLocalAuthority())) return 'case-holder';
  if (
    actsForDelegatedAgency(principal, target) ||
    leadsPlan(principal, target.enquiry) ||
    keepsPlanAfterItsEnquiry(principal, target)
  ) {
    return 'partner';
  }
  return null;
}

/** The delegation as this reader may see it: a partner only their own agency's. */
export function delegationSeenBy<Delegation extends DelegationFacts>(
  principal: Principal,
  { reader, delegation }: { reader: EnquiryReader; delegation: Delegation | null },
): Delegation | null {
  if (reader === 'case-holder') return delegation;
  return delegation?.agencyId === principal.agencyId ? delegation : null;
}

/** What the rules read of a record made under the enquiry. */
export interface EnquiryRecordFacts {
  id: string;
  kind: string;
  facts: Record<string, unknown>;
}

/** The records this reader may see: a partner's are those of their part in the enquiry. */
export function recordsSeenBy<EnquiryRecord extends EnquiryRecordFacts>(
  principal: Principal,
  target: EnquiryForReader,
  records: EnquiryRecord[],
): EnquiryRecord[] {
  if (target.reader === 'case-holder') return records;
  const delegationId = actsForDelegatedAgency(principal, target)
    ? target.delegation?.id
    : undefined;
  const leadsItsPlan =
    leadsPlan(principal, target.enquiry) || keepsPlanAfterItsEnquiry(principal, target);
  return records.filter(
    (record) =>
      (delegationId !== undefined && record.facts.delegationId === delegationId) ||
      (leadsItsPlan && (record.kind === 'plan' || record.kind === 'plan-review')),
  );
}

/** What the rules read of an entry in the enquiry's timeline. */
export interface TimelineEntryFacts {
  subjectType: string;
  subjectId: string;
  detail: Record<string, unknown>;
}

/**
 * The timeline this reader may see: a partner sees what happened to its own part (events
 * about its delegation or about records it may see, and the deadlines its agency's people
 * hold), never the local authority's decision or outcome.
 */
export function timelineSeenBy<Entry extends TimelineEntryFacts>(
  principal: Principal,
  target: EnquiryForReader,
  entries: Entry[],
  visible: { records: EnquiryRecordFacts[]; agencyItemIds: ReadonlySet<string> },
): Entry[] {
  if (target.reader === 'case-holder') return entries;
  const delegationId = delegationSeenBy(principal, target)?.id;
  const recordIds = new Set(visible.records.map((record) => record.id));
  return entries.filter(({ subjectType, subjectId, detail }) => {
    if (subjectType === 'action') return visible.agencyItemIds.has(subjectId);
    return (
      (delegationId !== undefined && detail.delegationId === delegationId) ||
      ['recordId', 'reportId', 'planId', 'reviewId'].some((key) =>
        recordIds.has(detail[key] as string),
      )
    );
  });
}

export function mayAcknowledgeConcern(principal: Principal, enquiry: EnquiryFacts): boolean {
  return enquiry.triageWorkerId === principal.personId || seesWholePartnership(principal);
}

/** The enquiry manager manages it only while they hold the case, not from another agency. */
export function managesEnquiry(
  principal: Principal,
  { enquiry, reader }: Pick<EnquiryForReader, 'enquiry' | 'reader'>,
): boolean {
  return (
    seesWholePartnership(principal) ||
    (reader === 'case-holder' && enquiry.enquiryManagerId === principal.personId)
  );
}

export function answersForDelegation(principal: Principal, delegation: DelegationFacts): boolean {
  return (
    delegation.contactId === principal.personId ||
    (delegation.agencyId === principal.agencyId && leadsOwnAgency(principal))
  );
}

export function maySubmitReport(principal: Principal, target: EnquiryWithDelegation): boolean {
  return (
    target.enquiry.enquirerId === principal.personId ||
    seesWholePartnership(principal) ||
    actsForDelegatedAgency(principal, target)
  );
}

export function mayReviewPlan(principal: Principal, target: EnquiryForReader): boolean {
  return target.enquiry.planLeadId === principal.personId || managesEnquiry(principal, target);
}

/** While the enquiry stage is in the hands of the caller's agency, and they answer for it. */
function actsForDelegatedAgency(
  principal: Principal,
  { enquiry, delegation }: EnquiryWithDelegation,
): boolean {
  return (
    enquiry.stage === 'enquiry' &&
    delegation !== null &&
    delegation.status !== 'declined' &&
    (answersForDelegation(principal, delegation) || delegation.enquirerId === principal.personId)
  );
}

/**
 * The agency that made the enquiry, once its report is accepted (the enquiry stage is over, the
 * delegation accepted), keeps sight of the plan it has actions in while the enquiry is open:
 * those who answered for the delegation see the plan and its reviews, and nothing else.
 */
function keepsPlanAfterItsEnquiry(
  principal: Principal,
  { enquiry, delegation }: EnquiryWithDelegation,
): boolean {
  return (
    (enquiry.stage === 'outcome' || enquiry.stage === 'monitoring') &&
    enquiry.planLeadId !== null &&
    delegation !== null &&
    delegation.status === 'accepted' &&
    (answersForDelegation(principal, delegation) || delegation.enquirerId === principal.personId)
  );
}

function leadsPlan(principal: Principal, enquiry: EnquiryFacts): boolean {
  return enquiry.planLeadId === principal.personId && enquiry.stage !== 'closed';
}
