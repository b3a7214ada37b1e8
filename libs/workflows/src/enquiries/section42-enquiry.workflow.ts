/**
 * A Section 42 enquiry (Care Act 2014; practice primer §1), from the concern to closure. One
 * workflow per concern; every deadline on the way is a chased item with its own action chaser,
 * timed by its stage of the pinned policy, so reminders and escalations follow the policy's
 * ladder (enquiry manager, team manager, head of service) without this file holding a timer.
 *
 *   1. Concern received: the triage worker acknowledges it and names the enquiry manager.
 *   2. Section 42 decision: duty met, or not (closed with the route taken, or an other enquiry).
 *   3. Strategy discussion, recorded as a meeting.
 *   4. Enquiry: led by the local authority, or caused to another agency, which accepts (naming
 *      its enquirer) or declines; the enquirer reports; the local authority quality-assures the
 *      report and accepts it or returns it with questions and a new date, as often as it takes.
 *   5. Outcome and Making Safeguarding Personal answers.
 *   6. Safeguarding plan, agreed at any point after the decision, reviewed within six weeks and
 *      then at most every six weeks, each review a chased deadline.
 *   7. Closure, refused while the outcome or the Making Safeguarding Personal answers are missing.
 *
 * A police investigation can take precedence: pausing stops the enquiry's own clocks with a
 * recorded reason, never the plan's reviews; resuming gives each clock back the working time it
 * had left. Delegation never moves accountability: until an enquirer is named, the report's
 * deadline is the enquiry manager's.
 *
 * Every command is an Update whose validator refuses it at the wrong stage (the API answers 409
 * with the reason); the read model is written before it returns. Words and categories live in
 * Postgres: commands carry the ids of the records the API stored first.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  uuid4,
  ParentClosePolicy,
} from '@temporalio/workflow';
import {
  acknowledgeConcern,
  agreePlan,
  chaseDelivery,
  chaseTimetable,
  closeEnquiry,
  delegateEnquiry,
  dueAfter,
  dueAfterPause,
  initialEnquiryState,
  isEnquiryClosed,
  isPausedWithEnquiry,
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
  timescaleFor,
  urgencyVariant,
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
  type EnquiryItemKind,
  type TimescaleVariant,
  type WorkingCalendar,
} from '@safeguard/domain';
import { actionChaserWorkflow } from '../chasing/action-chaser.workflow';
import {
  actionWorkflowId,
  holdChaseSignal,
  ONE_COMMAND_AT_A_TIME,
  releaseChaseSignal,
  settleChaseSignal,
} from '../chasing/action-chaser.contract';
import { oneCommandAtATime } from '../common/commands';
import type {
  EnquiryActivities,
  EnquiryItemRef,
  EnquiryStateSnapshot,
  ItemSettlement,
} from './enquiry-activities';
import { DEFAULT_ACTIVITY_OPTIONS, historyIsLong as historyTooLong } from '../common/plumbing';
import {
  acknowledgeConcernUpdate,
  agreePlanUpdate,
  closeEnquiryUpdate,
  delegateEnquiryUpdate,
  enquiryStartedUpdate,
  enquiryViewQuery,
  leadEnquiryUpdate,
  pauseEnquiryUpdate,
  recordDecisionUpdate,
  recordOutcomeUpdate,
  recordPlanReviewUpdate,
  recordStrategyDiscussionUpdate,
  respondToDelegationUpdate,
  resumeEnquiryUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  type EnquiryWorkflowState,
  type ReportDate,
  type Section42EnquiryInput,
} from './section42-enquiry.contract';

const { openEnquiryItem, recordEnquiryState } =
  proxyActivities<EnquiryActivities>(DEFAULT_ACTIVITY_OPTIONS);

export async function section42EnquiryWorkflow(
  input: Section42EnquiryInput,
): Promise<EnquiryWorkflowState> {
  const { policy, enquiryId } = input;
  const calendar: WorkingCalendar = { nation: policy.nation, workingDay: policy.workingDay };
  let state = input.resume?.state ?? initialEnquiryState(input.triageWorkerId, input.urgency);
  let items: EnquiryItemRef[] = input.resume?.items ?? [];
  let enquiryStartedAt = input.resume?.enquiryStartedAt;
  let started = input.resume !== undefined;
  const view = (): EnquiryWorkflowState => ({ state, items });
  const now = () => new Date().toISOString();

  // ---- Deadlines: each one a chased item with its own action chaser ----

  const dueFrom = (kind: EnquiryItemKind, start: string, variant?: TimescaleVariant) =>
    dueAfter(timescaleFor(policy.stages[kind], variant), new Date(start), calendar).toISOString();
  const timescaleVariant = urgencyVariant(input.urgency === 'urgent');

  async function open(kind: EnquiryItemKind, ownerId: string, dueAt: string): Promise<void> {
    const item: EnquiryItemRef = { actionId: uuid4(), kind, ownerId, dueAt };
    // Immediate risk is not held back by quiet hours; the plan's reviews are routine.
    const urgent = input.urgency === 'urgent' && kind !== 'plan-review';
    await openEnquiryItem({ ...item, enquiryId, urgent });
    await startChild(actionChaserWorkflow, {
      workflowId: actionWorkflowId(item.actionId),
      // A deadline outlives this workflow if it is ever terminated: nothing goes unchased.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          actionId: item.actionId,
          dueAt,
          ownerId,
          policy: policy.pin,
          delivery: chaseDelivery(policy, urgent),
          timetable: chaseTimetable(policy.stages[kind]),
          commands: ONE_COMMAND_AT_A_TIME,
        },
      ],
    });
    items = [...items, item];
  }

  /** Items closed by the command being handled, for its read-model write. */
  let settled: Array<{ actionId: string; settlement: ItemSettlement }> = [];
  const signals: Promise<unknown>[] = [];
  const itemOf = (kind: EnquiryItemKind) => items.find((item) => item.kind === kind);

  function settle(kind: EnquiryItemKind, settlement: ItemSettlement, actorId: string): void {
    const item = itemOf(kind);
    if (!item) return;
    items = items.filter((other) => other !== item);
    settled = [...settled, { actionId: item.actionId, settlement }];
    signal(item, (handle) => handle.signal(settleChaseSignal, { actorId, settlement }));
  }

  function signal(
    item: EnquiryItemRef,
    send: (handle: ReturnType<typeof getExternalWorkflowHandle>) => Promise<void>,
  ): void {
    // A chaser that has already finished has nothing left to be told.
    signals.push(send(getExternalWorkflowHandle(actionWorkflowId(item.actionId))).catch(() => {}));
  }

  /** The report's deadline, moved to a new owner or date when either changes. */
  async function reportDeadline(ownerId: string, dueAt: string, actorId: string): Promise<void> {
    const current = itemOf('enquiry-report');
    if (current && current.ownerId === ownerId && current.dueAt === dueAt) return;
    settle('enquiry-report', 'cancelled', actorId);
    await open('enquiry-report', ownerId, dueAt);
  }

  function reportDueAt({ reportDueAt, complex }: ReportDate): string {
    if (reportDueAt) return reportDueAt;
    if (complex) return dueFrom('enquiry-report', enquiryStartedAt ?? now(), 'complex');
    return itemOf('enquiry-report')?.dueAt ?? dueFrom('enquiry-report', now());
  }

  /** The enquiry begins: its report is due, and the enquiry manager answers for it until then. */
  async function beginEnquiry(): Promise<void> {
    enquiryStartedAt = now();
    await open('enquiry-report', managerId(), dueFrom('enquiry-report', enquiryStartedAt));
  }

  const managerId = () => state.enquiryManagerId ?? state.triageWorkerId;

  /** The latest a plan review may be: the policy's interval (six weeks) from now. */
  const latestReview = () => dueFrom('plan-review', now());
  function whyNotReviewDate(at: string | undefined): string | undefined {
    if (at === undefined) return undefined;
    const why = whyNotFuture(at, Date.now(), 'review date');
    if (why) return why;
    return Date.parse(at) > Date.parse(latestReview())
      ? `a safeguarding plan must be reviewed by ${latestReview()} at the latest`
      : undefined;
  }

  // ---- Read model ----

  async function record(
    event: string,
    actorId?: string,
    detail?: EnquiryStateSnapshot['detail'],
  ): Promise<EnquiryWorkflowState> {
    const snapshot: EnquiryStateSnapshot = {
      enquiryId,
      version: state.version,
      changedAt: now(),
      event,
      actorId,
      stage: state.stage,
      step: state.step,
      enquiryType: state.enquiryType,
      ledBy: state.ledBy,
      enquiryManagerId: state.enquiryManagerId,
      enquirerId: state.enquirerId,
      delegationId: state.delegation?.delegationId,
      delegatedAgencyId: state.delegation?.agencyId,
      delegationStatus: state.delegation?.status,
      delegationReportDueAt: state.delegation?.reportDueAt,
      decisionId: state.decisionId,
      strategyMeetingId: state.strategyMeetingId,
      reportId: state.reportId,
      outcomeId: state.outcomeId,
      planId: state.plan?.planId,
      planLeadId: state.plan?.leadId,
      pausedSince: state.pause?.since,
      closure: state.closure,
      openItems: items,
      settledItems: settled,
      detail,
    };
    settled = [];
    await recordEnquiryState(snapshot);
    return view();
  }

  // ---- Commands: one at a time, each checked again when its turn comes ----

  // The concern's first deadline is opened before any command is handled.
  const opening = input.resume
    ? Promise.resolve()
    : (async () => {
        await open(
          'concern-acknowledgement',
          input.triageWorkerId,
          dueFrom('concern-acknowledgement', input.receivedAt),
        );
        await record('enquiry.timetable-started');
      })();
  const on = oneCommandAtATime(
    opening.then(() => {
      started = true;
    }),
  );

  setHandler(enquiryViewQuery, view);
  setHandler(enquiryStartedUpdate, async () => {
    await condition(() => started);
    return view();
  });

  // 1. Concern received → acknowledged.
  on(
    acknowledgeConcernUpdate,
    () => whyCannotAcknowledgeConcern(state),
    async ({ actorId, enquiryManagerId }) => {
      state = acknowledgeConcern(state, enquiryManagerId);
      settle('concern-acknowledgement', 'completed', actorId);
      await open(
        's42-decision',
        enquiryManagerId,
        dueFrom('s42-decision', input.receivedAt, timescaleVariant),
      );
      return record('enquiry.acknowledged', actorId);
    },
  );

  // 2. Section 42 decision.
  on(
    recordDecisionUpdate,
    (decision) => whyCannotRecordDecision(state, decision),
    async ({ actorId, ...decision }) => {
      state = recordDecision(state, decision);
      settle('s42-decision', 'completed', actorId);
      if (state.stage === 'strategy-discussion') {
        await open(
          'strategy-discussion',
          managerId(),
          dueFrom('strategy-discussion', now(), timescaleVariant),
        );
      } else if (state.stage === 'enquiry') {
        await beginEnquiry();
      }
      return record('enquiry.decision-recorded', actorId, {
        decisionId: decision.decisionId,
        dutyMet: decision.dutyMet,
        otherEnquiry: decision.otherEnquiry,
      });
    },
  );

  // 3. Strategy discussion.
  on(
    recordStrategyDiscussionUpdate,
    () => whyCannotRecordStrategyDiscussion(state),
    async ({ actorId, meetingId }) => {
      state = recordStrategyDiscussion(state, meetingId);
      settle('strategy-discussion', 'completed', actorId);
      await beginEnquiry();
      return record('enquiry.strategy-discussion-recorded', actorId, { meetingId });
    },
  );

  // 4. The enquiry: led by the local authority…
  on(
    leadEnquiryUpdate,
    (lead) => whyCannotLeadEnquiry(state) ?? whyNotGivenDate(lead),
    async ({ actorId, enquirerId, ...date }) => {
      const dueAt = reportDueAt(date);
      state = leadEnquiry(state, enquirerId);
      await reportDeadline(enquirerId, dueAt, actorId);
      return record('enquiry.led-by-local-authority', actorId, { enquirerId, reportDueAt: dueAt });
    },
  );

  // …or caused to another agency, which accepts or declines within the policy's time.
  on(
    delegateEnquiryUpdate,
    (request) => whyCannotDelegateEnquiry(state) ?? whyNotGivenDate(request),
    async ({ actorId, delegationId, agencyId, contactId, ...date }) => {
      const dueAt = reportDueAt(date);
      state = delegateEnquiry(state, { delegationId, agencyId, contactId, reportDueAt: dueAt });
      await open('delegation-response', contactId, dueFrom('delegation-response', now()));
      await reportDeadline(managerId(), dueAt, actorId);
      return record('enquiry.delegated', actorId, { delegationId, agencyId, reportDueAt: dueAt });
    },
  );

  on(
    respondToDelegationUpdate,
    (response) => whyCannotRespondToDelegation(state, response),
    async ({ actorId, recordId, accepted, enquirerId }) => {
      state = respondToDelegation(state, { accepted, enquirerId });
      settle('delegation-response', 'completed', actorId);
      const delegation = state.delegation;
      if (accepted && enquirerId && delegation) {
        await reportDeadline(enquirerId, delegation.reportDueAt, actorId);
      }
      return record(
        accepted ? 'enquiry.delegation-accepted' : 'enquiry.delegation-declined',
        actorId,
        { recordId, ...(delegation ? { delegationId: delegation.delegationId } : {}) },
      );
    },
  );

  on(
    submitReportUpdate,
    () => whyCannotSubmitReport(state),
    async ({ actorId, reportId }) => {
      state = submitReport(state, reportId);
      settle('enquiry-report', 'completed', actorId);
      await open('report-review', managerId(), dueFrom('report-review', now()));
      return record('enquiry.report-submitted', actorId, { reportId, round: state.reportRound });
    },
  );

  on(
    reviewReportUpdate,
    (review) =>
      whyCannotReviewReport(state) ??
      (review.accepted
        ? undefined
        : review.newDueAt === undefined
          ? 'a report returned with questions needs the date its answers are due'
          : whyNotFuture(review.newDueAt, Date.now(), 'new due date')),
    async ({ actorId, reviewId, accepted, newDueAt }) => {
      const reportId = state.reportId;
      state = reviewReport(state, accepted);
      settle('report-review', 'completed', actorId);
      if (accepted) {
        // 5. The enquiry has concluded: the outcome and plan are due.
        await open('outcome-and-plan', managerId(), dueFrom('outcome-and-plan', now()));
      } else {
        await open('enquiry-report', state.enquirerId ?? managerId(), newDueAt as string);
      }
      return record(accepted ? 'enquiry.report-accepted' : 'enquiry.report-returned', actorId, {
        reviewId,
        ...(reportId ? { reportId } : {}),
        ...(newDueAt ? { newDueAt } : {}),
      });
    },
  );

  on(
    recordOutcomeUpdate,
    () => whyCannotRecordOutcome(state),
    async ({ actorId, ...outcome }) => {
      state = recordOutcome(state, outcome);
      if (state.stage === 'monitoring') settle('outcome-and-plan', 'completed', actorId);
      return record('enquiry.outcome-recorded', actorId, outcome);
    },
  );

  // 6. The safeguarding plan and its reviews, which no pause stops.
  on(
    agreePlanUpdate,
    ({ firstReviewAt }) => whyCannotAgreePlan(state) ?? whyNotReviewDate(firstReviewAt),
    async ({ actorId, planId, leadId, firstReviewAt }) => {
      state = agreePlan(state, { planId, leadId });
      settle('plan-review', 'cancelled', actorId);
      await open('plan-review', leadId, firstReviewAt ?? latestReview());
      return record('enquiry.plan-agreed', actorId, { planId, leadId });
    },
  );

  on(
    recordPlanReviewUpdate,
    ({ nextReviewAt }) => whyCannotReviewPlan(state) ?? whyNotReviewDate(nextReviewAt),
    async ({ actorId, reviewId, nextReviewAt }) => {
      state = recordPlanReview(state);
      settle('plan-review', 'completed', actorId);
      await open('plan-review', state.plan?.leadId ?? managerId(), nextReviewAt ?? latestReview());
      return record('enquiry.plan-reviewed', actorId, { reviewId });
    },
  );

  // Pause and resume: the enquiry's clocks stop; the plan's reviews carry on.
  on(
    pauseEnquiryUpdate,
    () => whyCannotPause(state),
    async ({ actorId, recordId, reason }) => {
      const at = now();
      state = pauseEnquiry(state, { since: at, reason, recordId });
      for (const item of items.filter((item) => isPausedWithEnquiry(item.kind))) {
        signal(item, (handle) => handle.signal(holdChaseSignal, { at }));
      }
      return record('enquiry.paused', actorId, { recordId, reason });
    },
  );

  on(
    resumeEnquiryUpdate,
    () => whyCannotResume(state),
    async ({ actorId }) => {
      const at = now();
      const since = state.pause?.since ?? at;
      // Each clock gets back exactly the working time it had left when the pause began.
      const resumed = (due: string) =>
        dueAfterPause(new Date(due), new Date(since), new Date(at), calendar).toISOString();
      items = items.map((item) => {
        if (!isPausedWithEnquiry(item.kind)) return item;
        signal(item, (handle) => handle.signal(releaseChaseSignal, { at, calendar }));
        return { ...item, dueAt: resumed(item.dueAt) };
      });
      state = resumeEnquiry(state);
      const delegation = state.delegation;
      if (delegation?.status === 'requested') {
        state = {
          ...state,
          delegation: { ...delegation, reportDueAt: resumed(delegation.reportDueAt) },
        };
      }
      return record('enquiry.resumed', actorId, { pausedSince: since });
    },
  );

  // 7. Closure.
  on(
    closeEnquiryUpdate,
    () => whyCannotClose(state),
    async ({ actorId, recordId }) => {
      state = closeEnquiry(state);
      for (const item of items) settle(item.kind, 'cancelled', actorId);
      return record('enquiry.closed', actorId, { recordId });
    },
  );

  await opening;

  const historyIsLong = historyTooLong(input.historyLimit);
  while (!isEnquiryClosed(state)) {
    await condition(() => isEnquiryClosed(state) || historyIsLong());
    if (isEnquiryClosed(state)) break;
    await condition(allHandlersFinished);
    await Promise.all(signals);
    if (isEnquiryClosed(state)) break;
    await continueAsNew<typeof section42EnquiryWorkflow>({
      ...input,
      resume: { state, items, ...(enquiryStartedAt ? { enquiryStartedAt } : {}) },
    });
  }

  // Let the closing command write the read model and answer, and its signals go, before ending.
  await condition(allHandlersFinished);
  await Promise.all(signals);
  return view();
}

function whyNotGivenDate({ reportDueAt }: ReportDate): string | undefined {
  return reportDueAt === undefined
    ? undefined
    : whyNotFuture(reportDueAt, Date.now(), 'report due date');
}
