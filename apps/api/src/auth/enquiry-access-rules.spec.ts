import type { AgencyType, Role } from '@safeguard/domain';
import {
  answersForDelegation,
  delegationSeenBy,
  managesEnquiry,
  mayAcknowledgeConcern,
  mayReviewPlan,
  maySubmitReport,
  readerOfEnquiry,
  recordsSeenBy,
  timelineSeenBy,
  type DelegationFacts,
  type EnquiryFacts,
  type EnquiryForReader,
  type EnquiryReader,
} from './enquiry-access-rules';
import type { Principal } from './principal';

const COUNCIL = 'council';
const POLICE = 'police';
const CARE_HOME = 'care-home';
const GP_PRACTICE = 'gp-practice';

function person(
  personId: string,
  agencyId: string,
  agencyType: AgencyType,
  ...roles: Role[]
): Principal {
  return {
    personId,
    agencyId,
    agencyType,
    roles,
    partnershipIds: ['partnership-1'],
    requestId: 'r',
  };
}

// The local authority, which holds the case.
const councilLead = person('council-lead', COUNCIL, 'local-authority', 'safeguarding-lead');
const councilHead = person('council-head', COUNCIL, 'local-authority', 'head-of-service');
const triageWorker = person('triage-worker', COUNCIL, 'local-authority', 'practitioner');
const manager = person('manager', COUNCIL, 'local-authority', 'practitioner');
const councilColleague = person('council-colleague', COUNCIL, 'local-authority', 'practitioner');
// The police, whom the enquiry is delegated to.
const policeContact = person('police-contact', POLICE, 'police', 'practitioner');
const policeEnquirer = person('police-enquirer', POLICE, 'police', 'practitioner');
const policeLead = person('police-lead', POLICE, 'police', 'designated-safeguarding-lead');
const policeHead = person('police-head', POLICE, 'police', 'head-of-service');
const policeColleague = person('police-colleague', POLICE, 'police', 'practitioner');
// Others: the plan's lead at a GP practice, and the care home the enquiry is about.
const planLead = person('plan-lead', GP_PRACTICE, 'gp-practice-or-icb', 'practitioner');
const careHomeHead = person('care-home-head', CARE_HOME, 'care-provider', 'head-of-service');
const careHomeLead = person('care-home-lead', CARE_HOME, 'care-provider', 'safeguarding-lead');

function enquiry(change: Partial<EnquiryFacts> = {}): EnquiryFacts {
  return {
    stage: 'enquiry',
    triageWorkerId: triageWorker.personId,
    enquiryManagerId: manager.personId,
    enquirerId: null,
    planLeadId: planLead.personId,
    ...change,
  };
}

function delegation(change: Partial<DelegationFacts> = {}): DelegationFacts {
  return {
    id: 'delegation-1',
    agencyId: POLICE,
    contactId: policeContact.personId,
    enquirerId: null,
    status: 'requested',
    ...change,
  };
}

const delegated = (
  enquiryChange: Partial<EnquiryFacts> = {},
  delegationChange: Partial<DelegationFacts> = {},
) => ({ enquiry: enquiry(enquiryChange), delegation: delegation(delegationChange) });
const notDelegated = (change: Partial<EnquiryFacts> = {}) => ({
  enquiry: enquiry(change),
  delegation: null,
});
const as = (
  reader: EnquiryReader,
  target: { enquiry: EnquiryFacts; delegation: DelegationFacts | null },
): EnquiryForReader => ({ ...target, reader });

// What the directory says of the reader: whether they work in a local authority of the partnership.
const inLocalAuthority = async () => true;
const elsewhere = async () => false;
const neverAsked = (): Promise<boolean> => {
  throw new Error('the directory was asked when the roles already settle it');
};

describe('enquiry access rules', () => {
  describe('who the principal is to the enquiry (readerOfEnquiry)', () => {
    it('a partnership-wide lead holds the case, without asking the directory', async () => {
      for (const lead of [councilLead, councilHead]) {
        expect(await readerOfEnquiry(lead, notDelegated(), neverAsked)).toBe('case-holder');
      }
    });

    it('anyone the directory places in a local authority of the partnership holds the case', async () => {
      expect(await readerOfEnquiry(councilColleague, notDelegated(), inLocalAuthority)).toBe(
        'case-holder',
      );
      expect(await readerOfEnquiry(councilColleague, notDelegated(), elsewhere)).toBeNull();
    });

    it('senior titles of another agency do not reach the case: a care home never reads an enquiry into its own home', async () => {
      expect(await readerOfEnquiry(careHomeHead, delegated(), elsewhere)).toBeNull();
      expect(await readerOfEnquiry(careHomeLead, delegated(), elsewhere)).toBeNull();
    });

    it('the delegated agency is a partner while the request is open or accepted', async () => {
      for (const status of ['requested', 'accepted'] as const) {
        const target = delegated({}, { status, enquirerId: policeEnquirer.personId });
        for (const partner of [policeContact, policeEnquirer, policeLead, policeHead]) {
          expect(await readerOfEnquiry(partner, target, elsewhere)).toBe('partner');
        }
      }
    });

    it('an agency colleague who neither answers for the delegation nor makes the enquiry sees nothing', async () => {
      expect(await readerOfEnquiry(policeColleague, delegated(), elsewhere)).toBeNull();
    });

    it('the delegated agency loses sight of it once it declines, or the enquiry stage is over with no plan', async () => {
      const declined = delegated({}, { status: 'declined' });
      const concluded = delegated({ stage: 'outcome', planLeadId: null }, { status: 'accepted' });
      for (const target of [declined, concluded]) {
        expect(await readerOfEnquiry(policeContact, target, elsewhere)).toBeNull();
        expect(await readerOfEnquiry(policeLead, target, elsewhere)).toBeNull();
      }
    });

    it('the agency that made the enquiry keeps the plan after its report is accepted, until the enquiry closes', async () => {
      for (const stage of ['outcome', 'monitoring'] as const) {
        const target = delegated(
          { stage },
          { status: 'accepted', enquirerId: policeEnquirer.personId },
        );
        for (const partner of [policeContact, policeEnquirer, policeLead]) {
          expect(await readerOfEnquiry(partner, target, elsewhere)).toBe('partner');
        }
        expect(await readerOfEnquiry(policeColleague, target, elsewhere)).toBeNull();
      }
      const closed = delegated({ stage: 'closed' }, { status: 'accepted' });
      expect(await readerOfEnquiry(policeContact, closed, elsewhere)).toBeNull();
    });

    it('the plan’s lead is a partner until the enquiry closes', async () => {
      for (const stage of ['strategy-discussion', 'enquiry', 'outcome', 'monitoring'] as const) {
        expect(await readerOfEnquiry(planLead, notDelegated({ stage }), elsewhere)).toBe('partner');
      }
      expect(
        await readerOfEnquiry(planLead, notDelegated({ stage: 'closed' }), elsewhere),
      ).toBeNull();
    });
  });

  describe('what a reader sees of the delegation (delegationSeenBy)', () => {
    it('a case holder sees the current delegation, whichever agency it went to', () => {
      const target = as('case-holder', delegated());
      expect(delegationSeenBy(councilColleague, target)).toEqual(delegation());
      expect(delegationSeenBy(councilColleague, as('case-holder', notDelegated()))).toBeNull();
    });

    it('a partner sees only a delegation to their own agency', () => {
      expect(delegationSeenBy(policeColleague, as('partner', delegated()))).toEqual(delegation());
      expect(delegationSeenBy(planLead, as('partner', delegated()))).toBeNull();
    });
  });

  describe('which records a reader sees (recordsSeenBy)', () => {
    const records = [
      { id: 'decision', kind: 'decision', facts: {} },
      { id: 'report', kind: 'report', facts: { delegationId: 'delegation-1' } },
      { id: 'old-report', kind: 'report', facts: { delegationId: 'delegation-0' } },
      { id: 'council-report', kind: 'report', facts: {} },
      { id: 'plan', kind: 'plan', facts: {} },
      { id: 'plan-review', kind: 'plan-review', facts: {} },
      { id: 'outcome', kind: 'outcome', facts: {} },
    ];
    const ids = (seen: Array<{ id: string }>) => seen.map(({ id }) => id);

    it('a case holder sees every record', () => {
      expect(recordsSeenBy(councilColleague, as('case-holder', delegated()), records)).toBe(
        records,
      );
    });

    it('the delegated agency sees the records made under its delegation, while it has it', () => {
      expect(ids(recordsSeenBy(policeContact, as('partner', delegated()), records))).toEqual([
        'report',
      ]);
      const declined = as('partner', delegated({}, { status: 'declined' }));
      expect(recordsSeenBy(policeContact, declined, records)).toEqual([]);
    });

    it('the agency whose report was accepted sees the plan and its reviews, no longer its delegation', () => {
      const kept = as('partner', delegated({ stage: 'monitoring' }, { status: 'accepted' }));
      expect(ids(recordsSeenBy(policeContact, kept, records))).toEqual(['plan', 'plan-review']);
    });

    it('the plan’s lead sees the plan and its reviews, and nothing of a delegation', () => {
      expect(ids(recordsSeenBy(planLead, as('partner', delegated()), records))).toEqual([
        'plan',
        'plan-review',
      ]);
    });
  });

  describe('which timeline entries a reader sees (timelineSeenBy)', () => {
    const entries = [
      { subjectType: 'enquiry', subjectId: 'e', detail: { recordId: 'decision' } },
      { subjectType: 'enquiry', subjectId: 'e', detail: { delegationId: 'delegation-1' } },
      { subjectType: 'enquiry', subjectId: 'e', detail: { delegationId: 'delegation-0' } },
      { subjectType: 'enquiry', subjectId: 'e', detail: { reportId: 'report' } },
      { subjectType: 'enquiry', subjectId: 'e', detail: { planId: 'plan' } },
      { subjectType: 'enquiry', subjectId: 'e', detail: { reviewId: 'plan-review' } },
      { subjectType: 'action', subjectId: 'police-item', detail: {} },
      {
        subjectType: 'action',
        subjectId: 'council-item',
        detail: { delegationId: 'delegation-1' },
      },
    ];
    const nothingElse = { records: [], agencyItemIds: new Set<string>() };

    it('a case holder sees the whole timeline', () => {
      expect(
        timelineSeenBy(councilColleague, as('case-holder', delegated()), entries, nothingElse),
      ).toBe(entries);
    });

    it('a partner sees events about its own delegation and the deadlines its people hold', () => {
      const seen = timelineSeenBy(policeContact, as('partner', delegated()), entries, {
        records: [],
        agencyItemIds: new Set(['police-item']),
      });
      expect(seen).toEqual([entries[1], entries[6]]);
    });

    it('a partner sees events about the records it may see, under any of their names', () => {
      const records = [
        { id: 'report', kind: 'report', facts: {} },
        { id: 'plan', kind: 'plan', facts: {} },
        { id: 'plan-review', kind: 'plan-review', facts: {} },
      ];
      const seen = timelineSeenBy(planLead, as('partner', delegated()), entries, {
        records,
        agencyItemIds: new Set(),
      });
      expect(seen).toEqual([entries[3], entries[4], entries[5]]);
    });
  });

  describe('who may act', () => {
    it('acknowledge the concern: its triage worker or a partnership-wide lead', () => {
      const concern = enquiry({ stage: 'concern' });
      expect(mayAcknowledgeConcern(triageWorker, concern)).toBe(true);
      expect(mayAcknowledgeConcern(councilLead, concern)).toBe(true);
      expect(mayAcknowledgeConcern(councilHead, concern)).toBe(true);
      expect(mayAcknowledgeConcern(councilColleague, concern)).toBe(false);
      expect(mayAcknowledgeConcern(manager, concern)).toBe(false);
      expect(mayAcknowledgeConcern(careHomeHead, concern)).toBe(false);
    });

    it('manage it: the enquiry manager while holding the case, or a partnership-wide lead', () => {
      const target = { enquiry: enquiry(), reader: 'case-holder' as const };
      expect(managesEnquiry(manager, target)).toBe(true);
      expect(managesEnquiry(councilLead, target)).toBe(true);
      expect(managesEnquiry(councilHead, target)).toBe(true);
      expect(managesEnquiry(councilColleague, target)).toBe(false);
      expect(managesEnquiry(triageWorker, target)).toBe(false);
      // Named manager, but reading as a partner (since moved to another agency): no longer.
      expect(managesEnquiry(manager, { ...target, reader: 'partner' })).toBe(false);
      expect(managesEnquiry(careHomeLead, target)).toBe(false);
    });

    it('answer a delegation: its contact, or one who leads the agency it went to', () => {
      expect(answersForDelegation(policeContact, delegation())).toBe(true);
      expect(answersForDelegation(policeLead, delegation())).toBe(true);
      expect(answersForDelegation(policeHead, delegation())).toBe(true);
      expect(answersForDelegation(policeColleague, delegation())).toBe(false);
      expect(answersForDelegation(policeEnquirer, delegation())).toBe(false);
      expect(answersForDelegation(careHomeLead, delegation())).toBe(false);
      expect(answersForDelegation(councilLead, delegation())).toBe(false);
    });

    it('submit a report: the enquirer, a partnership-wide lead, or the delegated agency while it has the enquiry', () => {
      const ledByCouncil = notDelegated({ enquirerId: councilColleague.personId });
      expect(maySubmitReport(councilColleague, ledByCouncil)).toBe(true);
      expect(maySubmitReport(councilLead, ledByCouncil)).toBe(true);
      expect(maySubmitReport(manager, ledByCouncil)).toBe(false);

      // Before the agency names its enquirer, its contact and leads may submit for it.
      const requested = delegated();
      expect(maySubmitReport(policeContact, requested)).toBe(true);
      expect(maySubmitReport(policeLead, requested)).toBe(true);
      expect(maySubmitReport(policeColleague, requested)).toBe(false);

      const accepted = delegated(
        { enquirerId: policeEnquirer.personId },
        { status: 'accepted', enquirerId: policeEnquirer.personId },
      );
      expect(maySubmitReport(policeEnquirer, accepted)).toBe(true);
      expect(maySubmitReport(policeContact, accepted)).toBe(true);

      const declined = delegated({}, { status: 'declined' });
      expect(maySubmitReport(policeContact, declined)).toBe(false);
      expect(maySubmitReport(policeLead, declined)).toBe(false);
    });

    it('review the plan: its lead, the enquiry manager, or a partnership-wide lead', () => {
      const target = as('case-holder', notDelegated({ stage: 'monitoring' }));
      expect(mayReviewPlan(planLead, { ...target, reader: 'partner' })).toBe(true);
      expect(mayReviewPlan(manager, target)).toBe(true);
      expect(mayReviewPlan(councilLead, target)).toBe(true);
      expect(mayReviewPlan(councilColleague, target)).toBe(false);
      expect(mayReviewPlan(policeLead, { ...target, reader: 'partner' })).toBe(false);
    });
  });
});
