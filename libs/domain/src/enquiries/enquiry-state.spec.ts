import {
  EnquiryStageConflict,
  acknowledgeConcern,
  agreePlan,
  closeEnquiry,
  delegateEnquiry,
  initialEnquiryState,
  isEnquiryClosed,
  isEnquiryPaused,
  leadEnquiry,
  pauseEnquiry,
  recordDecision,
  recordOutcome,
  recordPlanReview,
  recordStrategyDiscussion,
  respondToDelegation,
  resumeEnquiry,
  reviewReport,
  submitReport,
  whyCannotAcknowledgeConcern,
  whyCannotAgreePlan,
  whyCannotClose,
  whyCannotDelegateEnquiry,
  whyCannotLeadEnquiry,
  whyCannotPause,
  whyCannotRecordDecision,
  whyCannotRecordOutcome,
  whyCannotRecordStrategyDiscussion,
  whyCannotRespondToDelegation,
  whyCannotResume,
  whyCannotReviewPlan,
  whyCannotReviewReport,
  whyCannotSubmitReport,
  whyNotFuture,
  type EnquiryPause,
  type EnquiryProcessState,
  type EnquiryStage,
} from './enquiry-state';

const TRIAGE_WORKER = 'triage-worker-1';
const MANAGER = 'enquiry-manager-1';
const LA_ENQUIRER = 'la-enquirer-1';
const AGENCY_ENQUIRER = 'agency-enquirer-1';
const REQUEST = {
  delegationId: 'delegation-1',
  agencyId: 'agency-1',
  contactId: 'agency-contact-1',
  reportDueAt: '2026-06-17T16:30:00.000Z',
};
const PAUSE: EnquiryPause = {
  since: '2026-05-20T10:00:00.000Z',
  reason: 'police-investigation',
  recordId: 'pause-record-1',
};
const PAUSED =
  'the enquiry has been paused since 2026-05-20T10:00:00.000Z (police-investigation): resume it first';
const COMPLETE_OUTCOME = { outcomeId: 'outcome-1', riskOutcomeRecorded: true, mspRecorded: true };
const PLAN = { planId: 'plan-1', leadId: 'plan-lead-1' };

// The lifecycle, stage by stage, along its usual path.
const concern = () => initialEnquiryState(TRIAGE_WORKER, 'routine');
const atDecision = () => acknowledgeConcern(concern(), MANAGER);
const atStrategyDiscussion = () =>
  recordDecision(atDecision(), { decisionId: 'decision-1', dutyMet: true, otherEnquiry: false });
const awaitingLead = () => recordStrategyDiscussion(atStrategyDiscussion(), 'meeting-1');
const ledByLocalAuthority = () => leadEnquiry(awaitingLead(), LA_ENQUIRER);
const awaitingAcceptance = () => delegateEnquiry(awaitingLead(), REQUEST);
const ledByAgency = () =>
  respondToDelegation(awaitingAcceptance(), { accepted: true, enquirerId: AGENCY_ENQUIRER });
const reportInReview = () => submitReport(ledByLocalAuthority(), 'report-1');
const atOutcome = () => reviewReport(reportInReview(), true);
const monitoring = () => recordOutcome(atOutcome(), COMPLETE_OUTCOME);
const closed = () => closeEnquiry(monitoring());
const paused = (state: EnquiryProcessState) => pauseEnquiry(state, PAUSE);

/** One state at each stage, each as a command finds it there. */
const atEveryStage: Array<[EnquiryStage, () => EnquiryProcessState]> = [
  ['concern', concern],
  ['decision', atDecision],
  ['strategy-discussion', atStrategyDiscussion],
  ['enquiry', awaitingLead],
  ['outcome', atOutcome],
  ['monitoring', monitoring],
  ['closed', closed],
];

/** How a refusal describes where the enquiry stands. */
const STANDS: Record<EnquiryStage, string> = {
  concern: 'the concern has not been acknowledged yet',
  decision: 'the Section 42 decision has not been made yet',
  'strategy-discussion': 'the strategy discussion has not been recorded yet',
  enquiry: 'the enquiry is still in progress',
  outcome: 'the enquiry is waiting for its outcome',
  monitoring: 'the enquiry has concluded and its outcome is recorded',
  closed: 'the enquiry is closed',
};

function conflictOf(command: () => unknown): EnquiryStageConflict {
  try {
    command();
  } catch (error) {
    if (error instanceof EnquiryStageConflict) return error;
    throw error;
  }
  throw new Error('expected an EnquiryStageConflict');
}

/** Whether a command is taken; a refusal must be an EnquiryStageConflict, nothing else. */
function attempt(command: () => unknown): boolean {
  try {
    command();
    return true;
  } catch (error) {
    if (error instanceof EnquiryStageConflict) return false;
    throw error;
  }
}

/** Every command, with arguments it would accept at its own stage. */
const commands: Array<[string, (state: EnquiryProcessState) => EnquiryProcessState]> = [
  ['acknowledge the concern', (s) => acknowledgeConcern(s, MANAGER)],
  [
    'record the decision',
    (s) => recordDecision(s, { decisionId: 'decision-2', dutyMet: true, otherEnquiry: false }),
  ],
  ['record the strategy discussion', (s) => recordStrategyDiscussion(s, 'meeting-2')],
  ['lead the enquiry', (s) => leadEnquiry(s, LA_ENQUIRER)],
  ['delegate the enquiry', (s) => delegateEnquiry(s, REQUEST)],
  [
    'answer the delegation',
    (s) => respondToDelegation(s, { accepted: true, enquirerId: AGENCY_ENQUIRER }),
  ],
  ['submit a report', (s) => submitReport(s, 'report-2')],
  ['review the report', (s) => reviewReport(s, true)],
  ['record the outcome', (s) => recordOutcome(s, COMPLETE_OUTCOME)],
  ['agree a plan', (s) => agreePlan(s, PLAN)],
  ['review the plan', (s) => recordPlanReview(s)],
  ['pause', (s) => pauseEnquiry(s, PAUSE)],
  ['resume', (s) => resumeEnquiry(s)],
  ['close', (s) => closeEnquiry(s)],
];

describe('Section 42 enquiry state rules', () => {
  describe('a new concern', () => {
    it('starts at the concern stage, version 1, with its triage worker and urgency', () => {
      expect(initialEnquiryState(TRIAGE_WORKER, 'urgent')).toEqual({
        stage: 'concern',
        version: 1,
        urgency: 'urgent',
        triageWorkerId: TRIAGE_WORKER,
        reportRound: 0,
        riskOutcomeRecorded: false,
        mspRecorded: false,
      });
    });

    it('is closed only at the closed stage, and paused only while a pause is recorded', () => {
      for (const [stage, make] of atEveryStage) {
        expect(isEnquiryClosed(make())).toBe(stage === 'closed');
        expect(isEnquiryPaused(make())).toBe(false);
      }
      expect(isEnquiryPaused(paused(atDecision()))).toBe(true);
      expect(isEnquiryPaused(resumeEnquiry(paused(atDecision())))).toBe(false);
    });
  });

  describe('1. acknowledge the concern', () => {
    it('moves to the decision stage with the enquiry manager named', () => {
      expect(acknowledgeConcern(concern(), MANAGER)).toEqual({
        ...concern(),
        stage: 'decision',
        version: 2,
        enquiryManagerId: MANAGER,
      });
    });

    it('refuses a concern already acknowledged, at every later stage', () => {
      expect(whyCannotAcknowledgeConcern(concern())).toBeUndefined();
      for (const [, make] of atEveryStage.slice(1)) {
        expect(whyCannotAcknowledgeConcern(make())).toBe(
          'the concern has already been acknowledged',
        );
      }
      expect(conflictOf(() => acknowledgeConcern(atDecision(), 'someone-else')).reason).toBe(
        'the concern has already been acknowledged',
      );
    });
  });

  describe('2. record the Section 42 decision', () => {
    it('duty met: a Section 42 enquiry, on to the strategy discussion', () => {
      expect(atStrategyDiscussion()).toEqual({
        ...atDecision(),
        stage: 'strategy-discussion',
        version: 3,
        decisionId: 'decision-1',
        enquiryType: 'section-42',
      });
    });

    it('duty not met, other enquiry: straight to the enquiry stage, waiting for a lead', () => {
      const other = { decisionId: 'decision-1', dutyMet: false, otherEnquiry: true };
      expect(recordDecision(atDecision(), other)).toEqual({
        ...atDecision(),
        stage: 'enquiry',
        step: 'awaiting-lead',
        version: 3,
        decisionId: 'decision-1',
        enquiryType: 'other',
      });
    });

    it('duty not met, no enquiry: closed at the decision', () => {
      const none = { decisionId: 'decision-1', dutyMet: false, otherEnquiry: false };
      expect(recordDecision(atDecision(), none)).toEqual({
        ...atDecision(),
        stage: 'closed',
        closure: 'no-enquiry',
        version: 3,
        decisionId: 'decision-1',
      });
    });

    it('refuses a Section 42 enquiry that is also an other enquiry', () => {
      const both = { dutyMet: true, otherEnquiry: true };
      expect(whyCannotRecordDecision(atDecision(), both)).toBe(
        'an enquiry under the Section 42 duty cannot also be an other enquiry',
      );
      expect(
        conflictOf(() => recordDecision(atDecision(), { decisionId: 'decision-1', ...both }))
          .reason,
      ).toBe('an enquiry under the Section 42 duty cannot also be an other enquiry');
    });

    it('refuses outside the decision stage, saying where the enquiry stands', () => {
      const dutyMet = { dutyMet: true, otherEnquiry: false };
      expect(whyCannotRecordDecision(atDecision(), dutyMet)).toBeUndefined();
      expect(whyCannotRecordDecision(concern(), dutyMet)).toBe(
        'the concern has not been acknowledged yet, so this is not the decision stage',
      );
      expect(whyCannotRecordDecision(atStrategyDiscussion(), dutyMet)).toBe(
        'the strategy discussion has not been recorded yet, so this is not the decision stage',
      );
    });

    it('refuses while paused, saying since when and why', () => {
      expect(
        whyCannotRecordDecision(paused(atDecision()), { dutyMet: true, otherEnquiry: false }),
      ).toBe(PAUSED);
    });
  });

  describe('3. record the strategy discussion', () => {
    it('links the meeting and opens the enquiry stage, waiting for a lead', () => {
      expect(awaitingLead()).toEqual({
        ...atStrategyDiscussion(),
        stage: 'enquiry',
        step: 'awaiting-lead',
        version: 4,
        strategyMeetingId: 'meeting-1',
      });
    });

    it('refuses outside the strategy discussion stage, and while paused', () => {
      expect(whyCannotRecordStrategyDiscussion(atStrategyDiscussion())).toBeUndefined();
      expect(whyCannotRecordStrategyDiscussion(atDecision())).toBe(
        'the Section 42 decision has not been made yet, so this is not the strategy-discussion stage',
      );
      expect(whyCannotRecordStrategyDiscussion(awaitingLead())).toBe(
        'the enquiry is still in progress, so this is not the strategy-discussion stage',
      );
      expect(whyCannotRecordStrategyDiscussion(paused(atStrategyDiscussion()))).toBe(PAUSED);
    });
  });

  describe('4a. the local authority leads the enquiry', () => {
    it('names its enquirer and starts the work', () => {
      expect(ledByLocalAuthority()).toEqual({
        ...awaitingLead(),
        step: 'in-progress',
        ledBy: 'local-authority',
        enquirerId: LA_ENQUIRER,
        version: 5,
      });
    });

    it('may lead once a delegation has been declined', () => {
      const declined = respondToDelegation(awaitingAcceptance(), { accepted: false });
      expect(leadEnquiry(declined, LA_ENQUIRER)).toMatchObject({
        step: 'in-progress',
        ledBy: 'local-authority',
        enquirerId: LA_ENQUIRER,
      });
    });

    it('refuses unless someone is still to be asked, saying where the enquiry stands', () => {
      expect(whyCannotLeadEnquiry(awaitingLead())).toBeUndefined();
      expect(whyCannotLeadEnquiry(awaitingAcceptance())).toBe(
        'the delegated enquiry is waiting for the agency to accept or decline it',
      );
      expect(whyCannotLeadEnquiry(ledByLocalAuthority())).toBe(
        'the enquiry report has not been submitted yet',
      );
      expect(whyCannotLeadEnquiry(reportInReview())).toBe(
        'the submitted report is waiting for quality assurance',
      );
    });

    it('refuses outside the enquiry stage, and while paused', () => {
      expect(whyCannotLeadEnquiry(atStrategyDiscussion())).toBe(
        'the strategy discussion has not been recorded yet, so this is not the enquiry stage',
      );
      expect(whyCannotLeadEnquiry(atOutcome())).toBe(
        'the enquiry is waiting for its outcome, so this is not the enquiry stage',
      );
      expect(whyCannotLeadEnquiry(paused(awaitingLead()))).toBe(PAUSED);
      expect(conflictOf(() => leadEnquiry(paused(awaitingLead()), LA_ENQUIRER)).reason).toBe(
        PAUSED,
      );
    });
  });

  describe('4b. the local authority causes another agency to make the enquiry', () => {
    it('asks the agency, with no enquirer until it names one', () => {
      expect(awaitingAcceptance()).toEqual({
        ...awaitingLead(),
        step: 'awaiting-acceptance',
        delegation: { ...REQUEST, status: 'requested' },
        enquirerId: undefined,
        version: 5,
      });
    });

    it('drops any enquirer the state carried: the agency names its own when it accepts', () => {
      const carried = { ...awaitingLead(), enquirerId: LA_ENQUIRER };
      expect(delegateEnquiry(carried, REQUEST).enquirerId).toBeUndefined();
    });

    it('may ask another agency once the first has declined', () => {
      const declined = respondToDelegation(awaitingAcceptance(), { accepted: false });
      const elsewhere = { ...REQUEST, delegationId: 'delegation-2', agencyId: 'agency-2' };
      expect(delegateEnquiry(declined, elsewhere)).toMatchObject({
        step: 'awaiting-acceptance',
        delegation: { ...elsewhere, status: 'requested' },
      });
    });

    it('refuses unless someone is still to be asked, outside the enquiry stage, and while paused', () => {
      expect(whyCannotDelegateEnquiry(awaitingLead())).toBeUndefined();
      expect(whyCannotDelegateEnquiry(awaitingAcceptance())).toBe(
        'the delegated enquiry is waiting for the agency to accept or decline it',
      );
      expect(whyCannotDelegateEnquiry(ledByAgency())).toBe(
        'the enquiry report has not been submitted yet',
      );
      expect(whyCannotDelegateEnquiry(reportInReview())).toBe(
        'the submitted report is waiting for quality assurance',
      );
      expect(whyCannotDelegateEnquiry(monitoring())).toBe(
        'the enquiry has concluded and its outcome is recorded, so this is not the enquiry stage',
      );
      expect(whyCannotDelegateEnquiry(paused(awaitingLead()))).toBe(PAUSED);
    });
  });

  describe('4c. the agency answers the delegation', () => {
    it('accepting names its enquirer, who makes the enquiry for the agency', () => {
      expect(ledByAgency()).toEqual({
        ...awaitingAcceptance(),
        step: 'in-progress',
        ledBy: 'delegated',
        enquirerId: AGENCY_ENQUIRER,
        delegation: { ...REQUEST, status: 'accepted' },
        version: 6,
      });
    });

    it('declining hands the enquiry back to the local authority to lead or ask again', () => {
      expect(respondToDelegation(awaitingAcceptance(), { accepted: false })).toEqual({
        ...awaitingAcceptance(),
        step: 'awaiting-lead',
        delegation: { ...REQUEST, status: 'declined' },
        version: 6,
      });
    });

    it('refuses an acceptance that names no enquirer', () => {
      expect(whyCannotRespondToDelegation(awaitingAcceptance(), { accepted: true })).toBe(
        'an agency accepting a delegated enquiry must name its enquirer',
      );
      expect(
        whyCannotRespondToDelegation(awaitingAcceptance(), {
          accepted: true,
          enquirerId: AGENCY_ENQUIRER,
        }),
      ).toBeUndefined();
      expect(whyCannotRespondToDelegation(awaitingAcceptance(), { accepted: false })).toBe(
        undefined,
      );
    });

    it('refuses unless a request is waiting, outside the enquiry stage, and while paused', () => {
      const decline = { accepted: false };
      expect(whyCannotRespondToDelegation(awaitingLead(), decline)).toBe(
        'nobody has been asked to make the enquiry yet',
      );
      expect(whyCannotRespondToDelegation(ledByAgency(), decline)).toBe(
        'the enquiry report has not been submitted yet',
      );
      expect(whyCannotRespondToDelegation(atDecision(), decline)).toBe(
        'the Section 42 decision has not been made yet, so this is not the enquiry stage',
      );
      expect(whyCannotRespondToDelegation(paused(awaitingAcceptance()), decline)).toBe(PAUSED);
      expect(
        conflictOf(() =>
          respondToDelegation(respondToDelegation(awaitingAcceptance(), decline), decline),
        ).reason,
      ).toBe('nobody has been asked to make the enquiry yet');
    });
  });

  describe('4d. submit the report', () => {
    it('sends the first report for quality assurance as round 1', () => {
      expect(reportInReview()).toEqual({
        ...ledByLocalAuthority(),
        step: 'report-in-review',
        reportId: 'report-1',
        reportRound: 1,
        version: 6,
      });
    });

    it('takes the agency’s report when the enquiry was delegated', () => {
      expect(submitReport(ledByAgency(), 'report-1')).toMatchObject({
        step: 'report-in-review',
        reportId: 'report-1',
        ledBy: 'delegated',
      });
    });

    it('refuses unless the enquiry is under way, outside the enquiry stage, and while paused', () => {
      expect(whyCannotSubmitReport(ledByLocalAuthority())).toBeUndefined();
      expect(whyCannotSubmitReport(awaitingLead())).toBe(
        'nobody has been asked to make the enquiry yet',
      );
      expect(whyCannotSubmitReport(awaitingAcceptance())).toBe(
        'the delegated enquiry is waiting for the agency to accept or decline it',
      );
      expect(whyCannotSubmitReport(reportInReview())).toBe(
        'the submitted report is waiting for quality assurance',
      );
      expect(whyCannotSubmitReport(atOutcome())).toBe(
        'the enquiry is waiting for its outcome, so this is not the enquiry stage',
      );
      expect(whyCannotSubmitReport(paused(ledByLocalAuthority()))).toBe(PAUSED);
    });
  });

  describe('4e. quality-assure the report', () => {
    it('accepting concludes the enquiry stage and waits for the outcome', () => {
      expect(atOutcome()).toEqual({
        ...reportInReview(),
        stage: 'outcome',
        step: undefined,
        version: 7,
      });
    });

    it('returning it with questions starts another round of the same enquiry', () => {
      const returned = reviewReport(reportInReview(), false);
      expect(returned).toEqual({
        ...reportInReview(),
        step: 'in-progress',
        reportId: undefined,
        reportRound: 2,
        version: 7,
      });
      const resubmitted = submitReport(returned, 'report-2');
      expect(resubmitted).toMatchObject({ reportId: 'report-2', reportRound: 2 });
      expect(reviewReport(resubmitted, false).reportRound).toBe(3);
    });

    it('refuses unless a report is waiting, outside the enquiry stage, and while paused', () => {
      expect(whyCannotReviewReport(reportInReview())).toBeUndefined();
      expect(whyCannotReviewReport(awaitingLead())).toBe(
        'nobody has been asked to make the enquiry yet',
      );
      expect(whyCannotReviewReport(awaitingAcceptance())).toBe(
        'the delegated enquiry is waiting for the agency to accept or decline it',
      );
      expect(whyCannotReviewReport(ledByAgency())).toBe(
        'the enquiry report has not been submitted yet',
      );
      expect(whyCannotReviewReport(atOutcome())).toBe(
        'the enquiry is waiting for its outcome, so this is not the enquiry stage',
      );
      expect(whyCannotReviewReport(paused(reportInReview()))).toBe(PAUSED);
    });
  });

  describe('5. record the outcome and the Making Safeguarding Personal answers', () => {
    it('with both complete, moves on to monitoring', () => {
      expect(monitoring()).toEqual({
        ...atOutcome(),
        stage: 'monitoring',
        outcomeId: 'outcome-1',
        riskOutcomeRecorded: true,
        mspRecorded: true,
        version: 8,
      });
    });

    it('in parts, stays at the outcome stage until both are complete', () => {
      const riskOnly = recordOutcome(atOutcome(), {
        outcomeId: 'outcome-1',
        riskOutcomeRecorded: true,
        mspRecorded: false,
      });
      expect(riskOnly).toMatchObject({
        stage: 'outcome',
        riskOutcomeRecorded: true,
        mspRecorded: false,
      });
      expect(
        recordOutcome(riskOnly, { ...COMPLETE_OUTCOME, outcomeId: 'outcome-2' }),
      ).toMatchObject({ stage: 'monitoring', outcomeId: 'outcome-2' });
    });

    it('may be corrected while monitoring, which it does not leave', () => {
      expect(whyCannotRecordOutcome(monitoring())).toBeUndefined();
      const corrected = recordOutcome(monitoring(), {
        outcomeId: 'outcome-2',
        riskOutcomeRecorded: true,
        mspRecorded: false,
      });
      expect(corrected).toMatchObject({
        stage: 'monitoring',
        outcomeId: 'outcome-2',
        mspRecorded: false,
      });
    });

    it('refuses before the enquiry has concluded, once closed, and while paused', () => {
      expect(whyCannotRecordOutcome(atOutcome())).toBeUndefined();
      expect(whyCannotRecordOutcome(reportInReview())).toBe(
        'the enquiry is still in progress, so this is not the outcome stage',
      );
      expect(whyCannotRecordOutcome(closed())).toBe(
        'the enquiry is closed, so this is not the outcome stage',
      );
      expect(whyCannotRecordOutcome(paused(atOutcome()))).toBe(PAUSED);
    });
  });

  describe('6. the safeguarding plan', () => {
    it('may be agreed from the strategy discussion to monitoring, a new one replacing the last', () => {
      for (const make of [atStrategyDiscussion, awaitingLead, atOutcome, monitoring]) {
        expect(whyCannotAgreePlan(make())).toBeUndefined();
        expect(agreePlan(make(), PLAN)).toEqual({
          ...make(),
          plan: PLAN,
          version: make().version + 1,
        });
      }
      const replacement = { planId: 'plan-2', leadId: 'plan-lead-2' };
      expect(agreePlan(agreePlan(awaitingLead(), PLAN), replacement).plan).toEqual(replacement);
    });

    it('is agreed and reviewed while the enquiry is paused: the adult’s safety never waits', () => {
      const pausedWithPlan = agreePlan(paused(awaitingLead()), PLAN);
      expect(pausedWithPlan.plan).toEqual(PLAN);
      expect(whyCannotReviewPlan(pausedWithPlan)).toBeUndefined();
    });

    it('refuses a plan before the decision, and once closed', () => {
      expect(whyCannotAgreePlan(concern())).toBe(
        'the concern has not been acknowledged yet: a safeguarding plan belongs to an enquiry that is open',
      );
      expect(whyCannotAgreePlan(atDecision())).toBe(
        'the Section 42 decision has not been made yet: a safeguarding plan belongs to an enquiry that is open',
      );
      expect(whyCannotAgreePlan(closed())).toBe(
        'the enquiry is closed: a safeguarding plan belongs to an enquiry that is open',
      );
    });

    it('records a review of the agreed plan, changing nothing but the version', () => {
      const withPlan = agreePlan(monitoring(), PLAN);
      expect(recordPlanReview(withPlan)).toEqual({ ...withPlan, version: withPlan.version + 1 });
    });

    it('refuses a review with no plan agreed, and once closed', () => {
      expect(whyCannotReviewPlan(monitoring())).toBe('no safeguarding plan has been agreed');
      expect(whyCannotReviewPlan(closeEnquiry(agreePlan(monitoring(), PLAN)))).toBe(
        'the enquiry is closed',
      );
      expect(conflictOf(() => recordPlanReview(awaitingLead())).reason).toBe(
        'no safeguarding plan has been agreed',
      );
    });
  });

  describe('pause and resume', () => {
    it('stops the clocks with the recorded reason, and resuming clears it', () => {
      const stopped = paused(awaitingLead());
      expect(stopped).toEqual({ ...awaitingLead(), pause: PAUSE, version: 5 });
      expect(resumeEnquiry(stopped)).toEqual({ ...awaitingLead(), pause: undefined, version: 6 });
    });

    it('may pause from the decision to the outcome, where the enquiry’s own clocks run', () => {
      for (const make of [
        atDecision,
        atStrategyDiscussion,
        awaitingLead,
        reportInReview,
        atOutcome,
      ]) {
        expect(whyCannotPause(make())).toBeUndefined();
      }
    });

    it('refuses where there are no enquiry clocks to pause', () => {
      expect(whyCannotPause(concern())).toBe(
        'the concern has not been acknowledged yet, so there are no enquiry clocks to pause',
      );
      expect(whyCannotPause(monitoring())).toBe(
        'the enquiry has concluded and its outcome is recorded, so there are no enquiry clocks to pause',
      );
      expect(whyCannotPause(closed())).toBe(
        'the enquiry is closed, so there are no enquiry clocks to pause',
      );
    });

    it('refuses a second pause, saying since when and why (with nothing to resume first)', () => {
      expect(whyCannotPause(paused(atDecision()))).toBe(
        'the enquiry has been paused since 2026-05-20T10:00:00.000Z (police-investigation)',
      );
    });

    it('refuses to resume an enquiry that is not paused', () => {
      expect(whyCannotResume(paused(atDecision()))).toBeUndefined();
      expect(whyCannotResume(atDecision())).toBe('the enquiry is not paused');
      expect(conflictOf(() => resumeEnquiry(resumeEnquiry(paused(atDecision())))).reason).toBe(
        'the enquiry is not paused',
      );
    });
  });

  describe('7. close', () => {
    it('closes a concluded enquiry once the outcome and MSP answers are in', () => {
      expect(closed()).toEqual({
        ...monitoring(),
        stage: 'closed',
        closure: 'concluded',
        step: undefined,
        version: 9,
      });
    });

    it('refuses without the outcome or the Making Safeguarding Personal answers, naming what is missing', () => {
      expect(whyCannotClose(atOutcome())).toBe(
        'it cannot be closed without the outcome (risk removed, reduced or remained) and the Making Safeguarding Personal answers',
      );
      const mspOnly = { outcomeId: 'outcome-1', riskOutcomeRecorded: false, mspRecorded: true };
      expect(whyCannotClose(recordOutcome(atOutcome(), mspOnly))).toBe(
        'it cannot be closed without the outcome (risk removed, reduced or remained)',
      );
      const riskOnly = { outcomeId: 'outcome-1', riskOutcomeRecorded: true, mspRecorded: false };
      expect(whyCannotClose(recordOutcome(monitoring(), riskOnly))).toBe(
        'it cannot be closed without the Making Safeguarding Personal answers',
      );
    });

    it('refuses before the enquiry has concluded, saying where it stands', () => {
      for (const [stage, make] of atEveryStage) {
        if (stage === 'outcome' || stage === 'monitoring') continue;
        expect(whyCannotClose(make())).toBe(`${STANDS[stage]}, so it cannot be closed`);
      }
    });

    it('refuses while paused at the outcome stage', () => {
      expect(whyCannotClose(paused(atOutcome()))).toBe(PAUSED);
    });
  });

  describe('a date a command sets', () => {
    const now = Date.parse('2026-05-20T10:00:00.000Z');

    it('must be readable and still to come', () => {
      expect(whyNotFuture('2026-05-20T10:00:00.001Z', now, 'report due date')).toBeUndefined();
      expect(whyNotFuture('2026-05-20T10:00:00.000Z', now, 'report due date')).toBe(
        'the report due date must be in the future',
      );
      expect(whyNotFuture('2026-05-19T10:00:00.000Z', now, 'report due date')).toBe(
        'the report due date must be in the future',
      );
      expect(whyNotFuture('next Tuesday', now, 'report due date')).toBe(
        'the report due date is not a date',
      );
    });
  });

  describe('every command', () => {
    /** The states the matrix below walks: each stage, each step of the enquiry, and a pause. */
    const states: Array<[string, () => EnquiryProcessState]> = [
      ...atEveryStage,
      ['enquiry: awaiting acceptance', awaitingAcceptance],
      ['enquiry: in progress', ledByAgency],
      ['enquiry: report in review', reportInReview],
      ['paused with a plan', () => paused(agreePlan(awaitingAcceptance(), PLAN))],
    ];

    it('is taken only where it fits, stage by stage', () => {
      const taken = Object.fromEntries(
        states.map(([name, make]) => [
          name,
          commands.filter(([, command]) => attempt(() => command(make()))).map(([what]) => what),
        ]),
      );
      expect(taken).toEqual({
        concern: ['acknowledge the concern'],
        decision: ['record the decision', 'pause'],
        'strategy-discussion': ['record the strategy discussion', 'agree a plan', 'pause'],
        enquiry: ['lead the enquiry', 'delegate the enquiry', 'agree a plan', 'pause'],
        outcome: ['record the outcome', 'agree a plan', 'pause'],
        monitoring: ['record the outcome', 'agree a plan', 'close'],
        closed: [],
        'enquiry: awaiting acceptance': ['answer the delegation', 'agree a plan', 'pause'],
        'enquiry: in progress': ['submit a report', 'agree a plan', 'pause'],
        'enquiry: report in review': ['review the report', 'agree a plan', 'pause'],
        'paused with a plan': ['agree a plan', 'review the plan', 'resume'],
      });
    });

    it('at a stage it does not fit, names the stage it belongs to and where the enquiry stands', () => {
      const belongsTo: Array<[EnquiryStage, (s: EnquiryProcessState) => unknown]> = [
        [
          'decision',
          (s) => recordDecision(s, { decisionId: 'd', dutyMet: true, otherEnquiry: false }),
        ],
        ['strategy-discussion', (s) => recordStrategyDiscussion(s, 'meeting-2')],
        ['enquiry', (s) => leadEnquiry(s, LA_ENQUIRER)],
      ];
      for (const [own, command] of belongsTo) {
        for (const [stage, make] of atEveryStage) {
          if (stage === own) continue;
          expect(conflictOf(() => command(make())).reason).toBe(
            `${STANDS[stage]}, so this is not the ${own} stage`,
          );
        }
      }
    });

    it('is refused on a closed enquiry, each saying why', () => {
      const notThe = (stage: EnquiryStage) =>
        `the enquiry is closed, so this is not the ${stage} stage`;
      const refusedWhenClosed: Record<string, string> = {
        'acknowledge the concern': 'the concern has already been acknowledged',
        'record the decision': notThe('decision'),
        'record the strategy discussion': notThe('strategy-discussion'),
        'lead the enquiry': notThe('enquiry'),
        'delegate the enquiry': notThe('enquiry'),
        'answer the delegation': notThe('enquiry'),
        'submit a report': notThe('enquiry'),
        'review the report': notThe('enquiry'),
        'record the outcome': notThe('outcome'),
        'agree a plan':
          'the enquiry is closed: a safeguarding plan belongs to an enquiry that is open',
        'review the plan': 'the enquiry is closed',
        pause: 'the enquiry is closed, so there are no enquiry clocks to pause',
        resume: 'the enquiry is not paused',
        close: 'the enquiry is closed, so it cannot be closed',
      };
      expect(commands.map(([name]) => name)).toEqual(Object.keys(refusedWhenClosed));
      for (const [name, command] of commands) {
        const conflict = conflictOf(() => command(closed()));
        expect(conflict.reason).toBe(refusedWhenClosed[name]);
        expect(conflict.message).toBe(conflict.reason);
        expect(conflict.name).toBe('EnquiryStageConflict');
      }
    });

    it('never changes the state it was given', () => {
      for (const [, make] of states) {
        const before = make();
        const copy = structuredClone(before);
        for (const [, command] of commands) attempt(() => command(before));
        expect(before).toEqual(copy);
      }
    });

    it('when taken, bumps the version by exactly one', () => {
      for (const [, make] of states) {
        const before = make();
        for (const [, command] of commands) {
          if (attempt(() => command(before))) {
            expect(command(before).version).toBe(before.version + 1);
          }
        }
      }
    });
  });
});
