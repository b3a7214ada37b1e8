import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
  sleepUntilLondon,
  eventually,
  refusalOf,
  londonIso,
  londonReading,
  plainWeeks,
  serverToday,
  nextLoneBankHoliday,
  MONDAY,
  type LondonDay,
} from '@safeguard/dev-stack';
import { defaultPolicy, type EnquiryItemKind, type Nation, type Urgency } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import { STAGE_CONFLICT } from '../common/commands';
import type { ActionActivities, SendActionReminder } from '../chasing/action-activities';
import { actionStateQuery, actionWorkflowId } from '../chasing/action-chaser.contract';
import type {
  EnquiryActivities,
  EnquiryStateSnapshot,
  OpenEnquiryItem,
} from './enquiry-activities';
import { enquiryPolicyOf } from './enquiry-policy';
import {
  acknowledgeConcernUpdate,
  agreePlanUpdate,
  closeEnquiryUpdate,
  delegateEnquiryUpdate,
  enquiryStartedUpdate,
  enquiryViewQuery,
  enquiryWorkflowId,
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
} from './section42-enquiry.contract';
import { section42EnquiryWorkflow } from './section42-enquiry.workflow';

/** A concern followed to closure, on the time-skipping server, with every deadline a child. */
jest.setTimeout(180_000);

const TRIAGE = randomUUID();
const MANAGER = randomUUID();
const CONTACT = randomUUID();
const ENQUIRER = randomUUID();
const PLAN_LEAD = randomUUID();
const AGENCY = randomUUID();

/** 'YYYY-MM-DD HH:MM' in Europe/London. */
const londonMinute = (ms: number) => londonReading(ms).slice(0, 16);
/**
 * To the nearest minute: the test server's clock runs on by milliseconds between a sleep and a
 * command, and a resumed deadline moves by the exact working time the pause took.
 */
const minuteOf = (iso: string) => londonMinute(Math.round(Date.parse(iso) / 60_000) * 60_000);

let env: TestWorkflowEnvironment;
let rig: WorkflowTestRig;
/** Reads results without unlocking time skipping (see the action chaser spec). */
let plain: Client;
let taskQueue: string;
const sent: Array<{ at: string; command: SendActionReminder }> = [];
const opened: OpenEnquiryItem[] = [];
const snapshots: EnquiryStateSnapshot[] = [];

/**
 * One time-skipping server per describe block. Once an enquiry has closed, its deadlines'
 * chasers (abandoned children) finish after it, and the test server then never skips time
 * again (temporalio/sdk-typescript#1101): a test that closes an enquiry sleeps no more on
 * its server.
 */
async function startRig(queue: string): Promise<void> {
  taskQueue = queue;
  rig = await startWorkflowTestRig(taskQueue, (testEnv): ActionActivities & EnquiryActivities => ({
    sendActionReminder: async (command) => {
      sent.push({ at: londonMinute(await testEnv.currentTimeMs()), command });
      return 'sent';
    },
    recordActionState: async () => undefined,
    openEnquiryItem: async (command) => void opened.push(command),
    recordEnquiryState: async (snapshot) => void snapshots.push(snapshot),
  }));
  env = rig.env;
  plain = new Client({ connection: env.connection, namespace: env.namespace });
}

const sleepUntil = (reading: string) => sleepUntilLondon(env, reading);

async function raise(
  receivedReading: string,
  options: { urgency?: Urgency; historyLimit?: number } = {},
): Promise<{ enquiryId: string; handle: WorkflowHandle<typeof section42EnquiryWorkflow> }> {
  const enquiryId = randomUUID();
  const handle = await env.client.workflow.start(section42EnquiryWorkflow, {
    taskQueue,
    workflowId: enquiryWorkflowId(enquiryId),
    args: [
      {
        enquiryId,
        receivedAt: londonIso(receivedReading),
        urgency: options.urgency ?? 'routine',
        triageWorkerId: TRIAGE,
        policy: enquiryPolicyOf(defaultPolicy, { partnershipId: randomUUID(), version: 1 }),
        ...(options.historyLimit ? { historyLimit: options.historyLimit } : {}),
      },
    ],
  });
  return { enquiryId, handle };
}

/** Open deadlines as [kind, owner, due in London time]. */
const deadlines = ({ items }: EnquiryWorkflowState) =>
  items.map((item) => [item.kind, item.ownerId, minuteOf(item.dueAt)]);
const itemOf = (view: EnquiryWorkflowState, kind: EnquiryItemKind) => {
  const item = view.items.find((candidate) => candidate.kind === kind);
  if (!item) throw new Error(`no open ${kind} deadline`);
  return item;
};
/** Each message about an item as [London minute, event, recipient], those after `after` only. */
const messagesTo = (actionId: string, after = '') =>
  sent
    .filter(({ at, command }) => command.actionId === actionId && at > after)
    .map(({ at, command }) => [at, command.event, command.recipient]);
const chaserOf = (actionId: string) => env.client.workflow.getHandle(actionWorkflowId(actionId));
const statusOf = async (actionId: string) =>
  (await chaserOf(actionId).query(actionStateQuery)).status;

/** The reason of a command the workflow refused (its update validator's STAGE_CONFLICT). */
const refusal = (update: Promise<unknown>) => refusalOf(update, STAGE_CONFLICT);

const as = (actorId: string) => ({ actorId });

/**
 * Where each timeline starts, found from the server's clock so no test depends on the day it
 * runs. Every instant a test expects is its start plus calendar days, at a London wall-clock
 * time; the working days between are counted in the comments, never by the clock under test.
 */
const POLICY_NATION: readonly Nation[] = [defaultPolicy.nation];
/**
 * A Good Friday whose enquiry (from the Monday eleven days before it to eleven days after) meets
 * no bank holiday but Good Friday and Easter Monday: not a year when Easter is so late that the
 * early May bank holiday follows within the fortnight.
 */
const easterWithNoOtherHoliday = (from: LondonDay) =>
  nextLoneBankHoliday(from, 'Good Friday', { before: 11, after: 11, alongside: [3] });

/** A spring bank holiday on a Monday, alone from 20 days before it to 22 days after. */
const springBankHolidayAlone = (from: LondonDay) =>
  nextLoneBankHoliday(from, 'Spring bank holiday', { before: 20, after: 22, weekday: MONDAY });

describe('a Section 42 enquiry delegated to another agency (time-skipping server)', () => {
  beforeAll(() => startRig('section42-enquiry-delegated'));
  afterAll(() => rig?.stop());

  it('follows a concern through a delegated enquiry and a returned report to closure', async () => {
    // A routine concern reaches the local authority on a Monday (day 0) that begins twelve weeks
    // with no bank holiday and no change of the clocks: every weekday below is a working day.
    const monday = plainWeeks(await serverToday(env), 12, POLICY_NATION);
    const day = (n: number) => monday.plus(n);
    await sleepUntil(day(0).at('09:00'));
    const { enquiryId, handle } = await raise(day(0).at('09:00'));

    // 1. Acknowledge the same working day.
    let view = await handle.executeUpdate(enquiryStartedUpdate);
    expect(deadlines(view)).toEqual([['concern-acknowledgement', TRIAGE, day(0).at('17:30')]]);
    const acknowledgement = itemOf(view, 'concern-acknowledgement');
    expect(opened.find((item) => item.actionId === acknowledgement.actionId)).toEqual({
      ...acknowledgement,
      enquiryId,
      urgent: false,
    });
    view = await handle.executeUpdate(acknowledgeConcernUpdate, {
      args: [{ ...as(TRIAGE), enquiryManagerId: MANAGER }],
    });
    const acknowledgedAt = londonMinute(await env.currentTimeMs());
    // 2. The decision is due by the end of the next working day after the concern arrived.
    expect(view.state.stage).toBe('decision');
    expect(deadlines(view)).toEqual([['s42-decision', MANAGER, day(1).at('17:30')]]);
    const decision = itemOf(view, 's42-decision');
    await eventually(async () =>
      expect(await statusOf(acknowledgement.actionId)).toBe('completed'),
    );

    view = await handle.executeUpdate(recordDecisionUpdate, {
      args: [{ ...as(MANAGER), decisionId: randomUUID(), dutyMet: true, otherEnquiry: false }],
    });
    // 3. The strategy discussion within 5 working days: Tuesday to Friday, then Monday.
    expect(view.state).toMatchObject({ stage: 'strategy-discussion', enquiryType: 'section-42' });
    expect(deadlines(view)).toEqual([['strategy-discussion', MANAGER, day(7).at('17:30')]]);
    const discussion = itemOf(view, 'strategy-discussion');
    expect(
      await refusal(
        handle.executeUpdate(leadEnquiryUpdate, {
          args: [{ ...as(MANAGER), enquirerId: MANAGER }],
        }),
      ),
    ).toBe('the strategy discussion has not been recorded yet, so this is not the enquiry stage');

    // 4. The enquiry starts: its report is due in 20 working days, the manager's until delegated.
    const meetingId = randomUUID();
    view = await handle.executeUpdate(recordStrategyDiscussionUpdate, {
      args: [{ ...as(MANAGER), meetingId }],
    });
    expect(view.state).toMatchObject({
      stage: 'enquiry',
      step: 'awaiting-lead',
      strategyMeetingId: meetingId,
    });
    // Four working weeks: the Monday four weeks on.
    expect(deadlines(view)).toEqual([['enquiry-report', MANAGER, day(28).at('17:30')]]);
    const managersReport = itemOf(view, 'enquiry-report');

    const delegationId = randomUUID();
    view = await handle.executeUpdate(delegateEnquiryUpdate, {
      args: [{ ...as(MANAGER), delegationId, agencyId: AGENCY, contactId: CONTACT }],
    });
    expect(view.state.step).toBe('awaiting-acceptance');
    expect(deadlines(view)).toEqual([
      ['enquiry-report', MANAGER, day(28).at('17:30')],
      // 2 working days: Wednesday.
      ['delegation-response', CONTACT, day(2).at('17:30')],
    ]);
    const response = itemOf(view, 'delegation-response');
    expect(
      await refusal(
        handle.executeUpdate(submitReportUpdate, {
          args: [{ ...as(CONTACT), reportId: randomUUID() }],
        }),
      ),
    ).toBe('the delegated enquiry is waiting for the agency to accept or decline it');

    // The agency does not answer within 2 working days: chased, then its designated lead is told.
    await sleepUntil(day(3).at('12:00'));
    const chasedResponse = [
      [day(2).at('08:30'), 'due', 'owner'],
      [day(3).at('08:30'), 'overdue', 'owner'],
      [day(3).at('08:30'), 'escalated', 'agency-designated-lead'],
    ];
    expect(messagesTo(response.actionId)).toEqual(chasedResponse);

    view = await handle.executeUpdate(respondToDelegationUpdate, {
      args: [{ ...as(CONTACT), recordId: randomUUID(), accepted: true, enquirerId: ENQUIRER }],
    });
    // The report's deadline passes to the agency's enquirer, on the date the local authority set.
    expect(view.state).toMatchObject({
      step: 'in-progress',
      ledBy: 'delegated',
      enquirerId: ENQUIRER,
    });
    expect(deadlines(view)).toEqual([['enquiry-report', ENQUIRER, day(28).at('17:30')]]);
    await eventually(async () => {
      expect(await statusOf(response.actionId)).toBe('completed');
      expect(await statusOf(managersReport.actionId)).toBe('cancelled');
    });

    // Three weeks on, items the enquiry settled have been chased no more. Every touch their
    // timetables planned has passed: the last, the strategy discussion's head-of-service tier,
    // 3 WD after its Monday (day 7) on Thursday (day 10); the delegation response's local
    // authority tier, 3 WD after its Wednesday on Monday (day 7); the decision's head of service
    // on Friday (day 4); the acknowledgement's line manager on Tuesday (day 1). None was sent.
    // (The acknowledgement's due-day message, already late when the concern arrived at 09:00,
    // may go out at once, before it is acknowledged.)
    await sleepUntil(day(21).at('10:00'));
    expect(messagesTo(acknowledgement.actionId, acknowledgedAt)).toEqual([]);
    expect(messagesTo(decision.actionId)).toEqual([]);
    expect(messagesTo(discussion.actionId)).toEqual([]);
    expect(messagesTo(response.actionId)).toEqual(chasedResponse);

    // The first report comes back with questions and a new date.
    view = await handle.executeUpdate(submitReportUpdate, {
      args: [{ ...as(ENQUIRER), reportId: randomUUID() }],
    });
    // Review within 5 working days: the Monday after.
    expect(deadlines(view)).toEqual([['report-review', MANAGER, day(28).at('17:30')]]);
    view = await handle.executeUpdate(reviewReportUpdate, {
      args: [
        {
          ...as(MANAGER),
          reviewId: randomUUID(),
          accepted: false,
          newDueAt: londonIso(day(35).at('17:30')),
        },
      ],
    });
    expect(view.state).toMatchObject({ step: 'in-progress', reportRound: 2 });
    expect(deadlines(view)).toEqual([['enquiry-report', ENQUIRER, day(35).at('17:30')]]);
    expect(
      await refusal(
        handle.executeUpdate(reviewReportUpdate, {
          args: [{ ...as(MANAGER), reviewId: randomUUID(), accepted: false }],
        }),
      ),
    ).toBe('the enquiry report has not been submitted yet');

    // The Wednesday after. The manager's report deadline, cancelled when the agency took the
    // enquiry on, has been sent nothing, though its reminder (day 21), due day (day 28), first
    // chase and first tier (day 29) have passed.
    await sleepUntil(day(30).at('10:00'));
    expect(messagesTo(managersReport.actionId)).toEqual([]);
    await handle.executeUpdate(submitReportUpdate, {
      args: [{ ...as(ENQUIRER), reportId: randomUUID() }],
    });
    view = await handle.executeUpdate(reviewReportUpdate, {
      args: [{ ...as(MANAGER), reviewId: randomUUID(), accepted: true }],
    });
    // 5. Concluded: the outcome and plan are due 20 working days after the enquiry ends, on the
    // Wednesday four weeks on.
    expect(view.state.stage).toBe('outcome');
    expect(deadlines(view)).toEqual([['outcome-and-plan', MANAGER, day(58).at('17:30')]]);

    // 6. A plan, first reviewed within six weeks: 42 calendar days, a Wednesday.
    view = await handle.executeUpdate(agreePlanUpdate, {
      args: [{ ...as(MANAGER), planId: randomUUID(), leadId: PLAN_LEAD }],
    });
    expect(deadlines(view)).toEqual([
      ['outcome-and-plan', MANAGER, day(58).at('17:30')],
      ['plan-review', PLAN_LEAD, day(72).at('17:30')],
    ]);
    expect(
      await refusal(
        handle.executeUpdate(recordPlanReviewUpdate, {
          args: [
            {
              ...as(PLAN_LEAD),
              reviewId: randomUUID(),
              // Eight days past the six weeks.
              nextReviewAt: londonIso(day(80).at('17:30')),
            },
          ],
        }),
      ),
    ).toMatch(/^a safeguarding plan must be reviewed by /);

    // 7. Closure waits for the Making Safeguarding Personal answers.
    view = await handle.executeUpdate(recordOutcomeUpdate, {
      args: [
        { ...as(MANAGER), outcomeId: randomUUID(), riskOutcomeRecorded: true, mspRecorded: false },
      ],
    });
    expect(view.state.stage).toBe('outcome');
    expect(
      await refusal(
        handle.executeUpdate(closeEnquiryUpdate, {
          args: [{ ...as(MANAGER), recordId: randomUUID() }],
        }),
      ),
    ).toBe('it cannot be closed without the Making Safeguarding Personal answers');
    const outcomeItem = itemOf(view, 'outcome-and-plan');
    view = await handle.executeUpdate(recordOutcomeUpdate, {
      args: [
        { ...as(MANAGER), outcomeId: randomUUID(), riskOutcomeRecorded: true, mspRecorded: true },
      ],
    });
    expect(view.state.stage).toBe('monitoring');
    expect(deadlines(view)).toEqual([['plan-review', PLAN_LEAD, day(72).at('17:30')]]);
    const review = itemOf(view, 'plan-review');

    await handle.executeUpdate(closeEnquiryUpdate, {
      args: [{ ...as(MANAGER), recordId: randomUUID() }],
    });
    const result = await plain.workflow
      .getHandle<typeof section42EnquiryWorkflow>(handle.workflowId)
      .result();
    expect(result.state).toMatchObject({ stage: 'closed', closure: 'concluded' });
    expect(result.items).toEqual([]);
    await eventually(async () => {
      expect(await statusOf(outcomeItem.actionId)).toBe('completed');
      expect(await statusOf(review.actionId)).toBe('cancelled');
    });

    // The read model heard every step, in order, with who did it.
    const mine = snapshots.filter((snapshot) => snapshot.enquiryId === enquiryId);
    expect(mine.map(({ event }) => event)).toEqual([
      'enquiry.timetable-started',
      'enquiry.acknowledged',
      'enquiry.decision-recorded',
      'enquiry.strategy-discussion-recorded',
      'enquiry.delegated',
      'enquiry.delegation-accepted',
      'enquiry.report-submitted',
      'enquiry.report-returned',
      'enquiry.report-submitted',
      'enquiry.report-accepted',
      'enquiry.plan-agreed',
      'enquiry.outcome-recorded',
      'enquiry.outcome-recorded',
      'enquiry.closed',
    ]);
    expect(mine.map(({ version }) => version)).toEqual([...mine.keys()].map((index) => index + 1));
    expect(mine.at(-1)?.settledItems).toEqual([
      { actionId: review.actionId, settlement: 'cancelled' },
    ]);
    storeHistoryFixture('section42-enquiry-delegated-to-closure', await handle.fetchHistory());
  });
});

describe('a Section 42 enquiry paused, or continued as new (time-skipping server)', () => {
  beforeAll(() => startRig('section42-enquiry-clocks'));
  afterAll(() => rig?.stop());

  it('pauses the enquiry clocks over Easter and gives back exactly the working time left', async () => {
    // Day 0 is Good Friday and day 3 Easter Monday, the only bank holidays in these weeks. The
    // concern arrives on the Monday of the week before Holy Week.
    const goodFriday = easterWithNoOtherHoliday(await serverToday(env));
    const day = (n: number) => goodFriday.plus(n);
    await sleepUntil(day(-11).at('10:00'));
    const { handle } = await raise(day(-11).at('10:00'));
    await handle.executeUpdate(acknowledgeConcernUpdate, {
      args: [{ ...as(TRIAGE), enquiryManagerId: MANAGER }],
    });
    await handle.executeUpdate(recordDecisionUpdate, {
      args: [{ ...as(MANAGER), decisionId: randomUUID(), dutyMet: true, otherEnquiry: false }],
    });
    await handle.executeUpdate(recordStrategyDiscussionUpdate, {
      args: [{ ...as(MANAGER), meetingId: randomUUID() }],
    });
    await handle.executeUpdate(leadEnquiryUpdate, {
      // The Wednesday after Easter.
      args: [{ ...as(MANAGER), enquirerId: ENQUIRER, reportDueAt: londonIso(day(5).at('17:30')) }],
    });
    let view = await handle.executeUpdate(agreePlanUpdate, {
      args: [
        {
          ...as(MANAGER),
          planId: randomUUID(),
          leadId: PLAN_LEAD,
          firstReviewAt: londonIso(day(4).at('17:30')), // the Tuesday after Easter
        },
      ],
    });
    expect(deadlines(view)).toEqual([
      ['enquiry-report', ENQUIRER, day(5).at('17:30')],
      ['plan-review', PLAN_LEAD, day(4).at('17:30')],
    ]);
    const report = itemOf(view, 'enquiry-report');
    const review = itemOf(view, 'plan-review');

    // A police investigation takes precedence from Thursday noon, before Good Friday.
    await sleepUntil(day(-1).at('12:00'));
    view = await handle.executeUpdate(pauseEnquiryUpdate, {
      args: [{ ...as(MANAGER), recordId: randomUUID(), reason: 'police-investigation' }],
    });
    expect(minuteOf(view.state.pause?.since ?? '')).toBe(day(-1).at('12:00'));
    // The refusal names the instant in UTC: 12:00 or 11:00, as Easter falls before or after the
    // clocks go forward.
    const pausedMinuteUtc = londonIso(day(-1).at('12:00')).slice(0, 'YYYY-MM-DDTHH:MM:'.length);
    expect(
      await refusal(
        handle.executeUpdate(submitReportUpdate, {
          args: [{ ...as(ENQUIRER), reportId: randomUUID() }],
        }),
      ),
    ).toMatch(
      new RegExp(
        `^the enquiry has been paused since ${pausedMinuteUtc}\\d\\d\\.\\d{3}Z \\(police-investigation\\): resume it first$`,
      ),
    );

    // The report's due-day reminder is held; the adult's plan is never paused, so its review is
    // chased and escalated as usual. The report's −5 WD from Wednesday after Easter skips Easter
    // Monday and Good Friday: Tuesday, Thursday, Wednesday, Tuesday, Monday of Holy Week. The
    // review's −5 WD from the Tuesday after Easter: Thursday to Monday of Holy Week, then the
    // Friday before.
    await sleepUntil(day(5).at('13:00'));
    expect(messagesTo(report.actionId)).toEqual([[day(-4).at('08:30'), 'reminder', 'owner']]);
    expect(messagesTo(review.actionId)).toEqual([
      [day(-7).at('08:30'), 'reminder', 'owner'],
      [day(4).at('08:30'), 'due', 'owner'],
      [day(5).at('08:30'), 'overdue', 'owner'],
      [day(5).at('08:30'), 'escalated', 'local-authority-lead'],
    ]);

    // Thursday 12:00 to Wednesday 13:00 over Good Friday and Easter Monday is 19 working hours,
    // two working days and an hour: the report falls due at 09:30 on the Monday a week after
    // Easter Monday instead of 17:30 on the Wednesday after Easter.
    view = await handle.executeUpdate(resumeEnquiryUpdate, { args: [as(MANAGER)] });
    expect(view.state.pause).toBeUndefined();
    expect(deadlines(view)).toEqual([
      ['enquiry-report', ENQUIRER, day(10).at('09:30')],
      ['plan-review', PLAN_LEAD, day(4).at('17:30')],
    ]);
    await eventually(async () =>
      expect(minuteOf((await chaserOf(report.actionId).query(actionStateQuery)).dueAt ?? '')).toBe(
        day(10).at('09:30'),
      ),
    );

    // The timetable runs on from the moved date; what was sent before the pause is not repeated.
    await sleepUntil(day(11).at('12:00'));
    expect(messagesTo(report.actionId)).toEqual([
      [day(-4).at('08:30'), 'reminder', 'owner'],
      [day(10).at('08:30'), 'due', 'owner'],
      [day(11).at('08:30'), 'overdue', 'owner'],
      [day(11).at('08:30'), 'escalated', 'agency-designated-lead'],
    ]);
    storeHistoryFixture('section42-enquiry-paused-over-easter', await handle.fetchHistory());
    storeHistoryFixture(
      'action-chaser-held-and-released',
      await chaserOf(report.actionId).fetchHistory(),
    );
  });

  it('keeps reviewing the plan of an other enquiry after continuing as new', async () => {
    // Day 0 is the spring bank holiday, a Monday; the concern arrives on the Tuesday three weeks
    // before, after the early May bank holiday, so the enquiry's 20 working days run over it.
    const springBankHoliday = springBankHolidayAlone(await serverToday(env));
    const day = (n: number) => springBankHoliday.plus(n);
    await sleepUntil(day(-20).at('10:00'));
    const { handle } = await raise(day(-20).at('10:00'), { historyLimit: 40 });
    await handle.executeUpdate(acknowledgeConcernUpdate, {
      args: [{ ...as(TRIAGE), enquiryManagerId: MANAGER }],
    });
    let view = await handle.executeUpdate(recordDecisionUpdate, {
      args: [{ ...as(MANAGER), decisionId: randomUUID(), dutyMet: false, otherEnquiry: true }],
    });
    // A non-statutory enquiry goes straight to the enquiry stage, with no strategy discussion.
    expect(view.state).toMatchObject({
      stage: 'enquiry',
      step: 'awaiting-lead',
      enquiryType: 'other',
    });
    await handle.executeUpdate(agreePlanUpdate, {
      args: [{ ...as(MANAGER), planId: randomUUID(), leadId: PLAN_LEAD }],
    });

    // Each review opens the next, six weeks on at most (sleeping on this server after a
    // continue-as-new never returns: temporalio/sdk-java#1540, so these follow one another).
    const runs = new Set<string>();
    for (let review = 0; review < 4; review += 1) {
      view = await handle.executeUpdate(recordPlanReviewUpdate, {
        args: [{ ...as(PLAN_LEAD), reviewId: randomUUID() }],
      });
      expect(deadlines(view)).toEqual([
        // 20 working days over the spring bank holiday: four weeks on is a Tuesday (day 8),
        // and the holiday puts it a day later.
        ['enquiry-report', MANAGER, day(9).at('17:30')],
        // Six weeks (42 calendar days) from the review, whatever the holiday.
        ['plan-review', PLAN_LEAD, day(22).at('17:30')],
      ]);
      runs.add((await handle.describe()).runId);
    }
    expect(runs.size).toBeGreaterThan(1);

    const { events } = await handle.fetchHistory();
    expect(
      events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId,
    ).toBeTruthy();
    expect(await handle.query(enquiryViewQuery)).toMatchObject({
      state: { stage: 'enquiry', enquiryType: 'other', plan: { leadId: PLAN_LEAD } },
    });
    // Reviews opened by the run before the continue-as-new are settled by the runs after it.
    const reviews = opened.filter((item) => item.kind === 'plan-review').slice(-5);
    await eventually(async () => {
      for (const item of reviews.slice(0, -1)) {
        expect(await statusOf(item.actionId)).toBe('completed');
      }
      expect(await statusOf(reviews[4].actionId)).toBe('open');
    });
    storeHistoryFixture('section42-enquiry-continued-as-new', await handle.fetchHistory());
  });
});

describe('a concern whose Section 42 duty is not met (time-skipping server)', () => {
  beforeAll(() => startRig('section42-enquiry-no-duty'));
  afterAll(() => rig?.stop());

  it('closes a concern whose Section 42 duty is not met, with nothing left to chase', async () => {
    // A Monday (day 0) in a week with no bank holiday.
    const monday = plainWeeks(await serverToday(env), 1);
    const day = (n: number) => monday.plus(n);
    await sleepUntil(day(0).at('09:00'));
    const { enquiryId, handle } = await raise(day(0).at('09:00'), { urgency: 'urgent' });
    const view = await handle.executeUpdate(acknowledgeConcernUpdate, {
      args: [{ ...as(TRIAGE), enquiryManagerId: MANAGER }],
    });
    // Urgent: the decision is due the same working day, and never held back by quiet hours.
    expect(deadlines(view)).toEqual([['s42-decision', MANAGER, day(0).at('17:30')]]);
    const decision = itemOf(view, 's42-decision');
    expect(opened.find((item) => item.actionId === decision.actionId)?.urgent).toBe(true);

    await handle.executeUpdate(recordDecisionUpdate, {
      args: [{ ...as(MANAGER), decisionId: randomUUID(), dutyMet: false, otherEnquiry: false }],
    });
    const result = await plain.workflow
      .getHandle<typeof section42EnquiryWorkflow>(handle.workflowId)
      .result();
    expect(result).toMatchObject({ state: { stage: 'closed', closure: 'no-enquiry' }, items: [] });
    await eventually(async () => expect(await statusOf(decision.actionId)).toBe('completed'));
    expect(snapshots.filter((s) => s.enquiryId === enquiryId).at(-1)).toMatchObject({
      event: 'enquiry.decision-recorded',
      stage: 'closed',
      closure: 'no-enquiry',
      settledItems: [{ actionId: decision.actionId, settlement: 'completed' }],
    });
  });
});
