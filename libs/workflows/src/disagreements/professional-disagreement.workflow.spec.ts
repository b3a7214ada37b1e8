import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  eventually,
  LondonDay,
  londonIso,
  londonReading,
  plainWeeks,
  refusalOf,
  serverToday,
  sleepUntilLondon,
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
} from '@safeguard/dev-stack';
import {
  createDefaultPolicy,
  defaultPolicy,
  validatePolicy,
  type PolicyDocument,
} from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import { STAGE_CONFLICT } from '../common/commands';
import type { ActionActivities } from '../chasing/action-activities';
import { actionStateQuery, actionWorkflowId } from '../chasing/action-chaser.contract';
import type {
  DisagreementActivities,
  DisagreementStateSnapshot,
  OpenAgreedAction,
  RecipientGroup,
  SendDisagreementMessage,
} from './disagreement-activities';
import { disagreementPolicyOf } from './disagreement-policy';
import {
  acknowledgeStageUpdate,
  contributeUpdate,
  disagreementStartedUpdate,
  disagreementStateQuery,
  disagreementWorkflowId,
  escalateDisagreementUpdate,
  resolveDisagreementUpdate,
  markImmediateRiskUpdate,
  withdrawDisagreementUpdate,
} from './professional-disagreement.contract';
import { professionalDisagreementWorkflow } from './professional-disagreement.workflow';

/** Every path of the escalation ladder, on the time-skipping server. */
jest.setTimeout(180_000);

const RAISER = 'raiser';
const OTHER = 'other-practitioner';
const PEOPLE: Record<RecipientGroup, string[]> = {
  practitioners: [RAISER, OTHER],
  'line-managers': ['raiser-manager', 'other-manager'],
  'designated-leads': ['raiser-dsl', 'other-dsl'],
  board: ['business-manager', 'independent-chair'],
  'both-sides': [RAISER, OTHER],
};
const ACTION_OWNER = randomUUID();

/** 'YYYY-MM-DD HH:MM' in Europe/London, to the nearest minute. */
const minuteOf = (ms: number) => londonReading(Math.round(ms / 60_000) * 60_000).slice(0, 16);

describe('professional disagreement workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: WorkflowTestRig;
  /** Reads results without unlocking time skipping (see the action chaser spec). */
  let plain: Client;
  const taskQueue = 'professional-disagreement-test';
  const messages: Array<{ at: string; message: SendDisagreementMessage }> = [];
  const snapshots: DisagreementStateSnapshot[] = [];
  const agreed: OpenAgreedAction[] = [];

  beforeAll(async () => {
    rig = await startWorkflowTestRig(
      taskQueue,
      (testEnv): ActionActivities & DisagreementActivities => ({
        resolveParticipants: async ({ group }) => PEOPLE[group],
        sendDisagreementMessage: async (message) => {
          messages.push({ at: minuteOf(await testEnv.currentTimeMs()), message });
        },
        recordDisagreementState: async (snapshot) => void snapshots.push(snapshot),
        openAgreedAction: async (command) => {
          agreed.push(command);
          // Four weeks on from whenever it is agreed, so the action is still open when checked.
          const today = LondonDay.containing(await testEnv.currentTimeMs());
          return {
            ownerId: ACTION_OWNER,
            dueAt: londonIso(today.plus(28).at('17:30')),
            urgent: false,
          };
        },
        sendActionReminder: async () => 'sent',
        recordActionState: async () => undefined,
      }),
    );
    env = rig.env;
    plain = new Client({ connection: env.connection, namespace: env.namespace });
  });

  afterAll(() => rig?.stop());

  const sleepUntil = (reading: string) => sleepUntilLondon(env, reading);
  const refusal = (update: Promise<unknown>) => refusalOf(update, STAGE_CONFLICT);
  const as = (actorId: string) => ({ actorId });

  async function raise(immediateRisk = false, document: PolicyDocument = defaultPolicy) {
    const disagreementId = randomUUID();
    const handle = await env.client.workflow.start(professionalDisagreementWorkflow, {
      taskQueue,
      workflowId: disagreementWorkflowId(disagreementId),
      args: [
        {
          disagreementId,
          immediateRisk,
          policy: disagreementPolicyOf(document, { partnershipId: randomUUID(), version: 1 }),
        },
      ],
    });
    return { disagreementId, handle, state: await handle.executeUpdate(disagreementStartedUpdate) };
  }

  /** Messages about one disagreement as [when, what, to whom, stage]. */
  /**
   * Messages sent at one instant go out from concurrent activities, in no fixed order: within an
   * instant they are listed the new stage's people first, then what the others are told.
   */
  const SAME_INSTANT_ORDER = ['stage-started', 'escalated'];
  const rank = (event: string) => {
    const index = SAME_INSTANT_ORDER.indexOf(event);
    return index < 0 ? SAME_INSTANT_ORDER.length : index;
  };
  const sentFor = (disagreementId: string) =>
    messages
      .filter(({ message }) => message.disagreementId === disagreementId)
      .map(({ at, message }) => [at, message.event, message.recipientIds, message.stage] as const)
      .sort((a, b) => a[0].localeCompare(b[0]) || rank(a[1]) - rank(b[1]));
  const eventsOf = (disagreementId: string) =>
    snapshots.filter((s) => s.disagreementId === disagreementId).map((s) => s.event);
  const finished = (workflowId: string) =>
    plain.workflow.getHandle<typeof professionalDisagreementWorkflow>(workflowId).result();

  it('climbs by hand to stage 2, by the clock to the board, and the board decides', async () => {
    // Raised on a Monday between two practitioners; routine. Three weeks without a bank holiday
    // or a clock change, so every weekday counts and nothing here is about the calendar.
    const monday = plainWeeks(await serverToday(env), 3);
    const day = (n: number, time: string) => monday.plus(n).at(time);
    await sleepUntil(day(0, '10:00'));
    const { disagreementId, handle, state } = await raise();
    expect(state).toMatchObject({
      stageKey: 'disagreement.stage-1',
      participants: [RAISER, OTHER],
      highestStage: 1,
    });
    // 5 WD: Tuesday to the next Monday.
    expect(minuteOf(Date.parse(state.stageDueAt))).toBe(day(7, '17:30'));

    // Everything in writing: a contribution is recorded at the stage it was made.
    await handle.executeUpdate(contributeUpdate, {
      args: [{ ...as(OTHER), contributionId: randomUUID() }],
    });

    // The raiser escalates with a reason the next day: the line managers take over, 5 WD.
    await sleepUntil(day(1, '11:00'));
    let now = await handle.executeUpdate(escalateDisagreementUpdate, {
      args: [{ ...as(RAISER), reasonId: randomUUID() }],
    });
    expect(now).toMatchObject({
      stageKey: 'disagreement.stage-2',
      participants: PEOPLE['line-managers'],
      acknowledgedBy: [],
      highestStage: 2,
    });
    // 5 WD from Tuesday: Wednesday to the next Tuesday.
    expect(minuteOf(Date.parse(now.stageDueAt))).toBe(day(8, '17:30'));
    expect(
      await refusal(
        handle.executeUpdate(resolveDisagreementUpdate, {
          args: [{ ...as(RAISER), outcomeId: randomUUID(), agreedActions: 0 }],
        }),
      ),
    ).toBe('only the people taking part at stage 2 can do this');
    await handle.executeUpdate(acknowledgeStageUpdate, { args: [as('raiser-manager')] });

    // Nobody resolves it: stage 2 hands over to the designated leads when its 5 WD pass (the
    // second Tuesday, 17:30), and stage 3 to the board when its 2 WD pass, counted from the next
    // morning because it began at 17:30 (Thursday, Friday): the second Friday at 17:30.
    await sleepUntil(day(14, '09:00'));
    now = await handle.query(disagreementStateQuery);
    expect(now).toMatchObject({
      stageKey: 'disagreement.stage-4-inform',
      participants: PEOPLE.board,
      highestStage: 4,
    });
    expect(minuteOf(Date.parse(now.stageStartedAt))).toBe(day(11, '17:30'));
    expect(sentFor(disagreementId)).toEqual([
      [day(0, '10:00'), 'stage-started', [RAISER, OTHER], 1],
      [day(1, '11:00'), 'stage-started', PEOPLE['line-managers'], 2],
      [day(1, '11:00'), 'escalated', [RAISER, OTHER], 2],
      // Only the manager yet to acknowledge is reminded, the day before and on the due day.
      [day(7, '08:30'), 'reminder', ['other-manager'], 2],
      [day(8, '08:30'), 'reminder', ['other-manager'], 2],
      [day(8, '17:30'), 'stage-started', PEOPLE['designated-leads'], 3],
      [day(8, '17:30'), 'escalated', [RAISER, OTHER], 3],
      [day(10, '08:30'), 'reminder', PEOPLE['designated-leads'], 3],
      [day(11, '08:30'), 'reminder', PEOPLE['designated-leads'], 3],
      [day(11, '17:30'), 'stage-started', PEOPLE.board, 4],
      [day(11, '17:30'), 'escalated', [RAISER, OTHER], 4],
    ]);

    // The business manager informs the independent chair; the board then has 1 WD to decide.
    expect(
      await refusal(
        handle.executeUpdate(resolveDisagreementUpdate, {
          args: [{ ...as('independent-chair'), outcomeId: randomUUID(), agreedActions: 0 }],
        }),
      ),
    ).toBe('the independent chair must be informed before the board decides');
    now = await handle.executeUpdate(acknowledgeStageUpdate, { args: [as('business-manager')] });
    expect(now.stageKey).toBe('disagreement.stage-4-decide');
    // 1 WD from the third Monday: the Tuesday.
    expect(minuteOf(Date.parse(now.stageDueAt))).toBe(day(15, '17:30'));
    expect(
      await refusal(
        handle.executeUpdate(escalateDisagreementUpdate, {
          args: [{ ...as('independent-chair'), reasonId: randomUUID() }],
        }),
      ),
    ).toBe('stage 4 is the last stage: the board decides');

    const decisionId = randomUUID();
    await handle.executeUpdate(resolveDisagreementUpdate, {
      args: [{ ...as('independent-chair'), outcomeId: decisionId, agreedActions: 0 }],
    });
    const result = await finished(handle.workflowId);
    expect(result).toMatchObject({ status: 'resolved', outcomeId: decisionId, highestStage: 4 });
    expect(eventsOf(disagreementId)).toEqual([
      'disagreement.ladder-started',
      'disagreement.contribution',
      'disagreement.escalated',
      'disagreement.acknowledged',
      'disagreement.escalated-automatically',
      'disagreement.escalated-automatically',
      'disagreement.acknowledged',
      'disagreement.chair-informed',
      'disagreement.resolved',
    ]);
    expect(snapshots.filter((s) => s.disagreementId === disagreementId).at(-1)?.detail).toEqual({
      outcomeId: decisionId,
      agreedActions: 0,
      decidedBy: 'board',
    });
    storeHistoryFixture('professional-disagreement-board-decides', await handle.fetchHistory());
  });

  it('starts an immediate risk at the designated leads the same day, until withdrawn', async () => {
    // A Wednesday in a week where every weekday is a working day.
    const wednesday = plainWeeks(await serverToday(env), 1).plus(2);
    const thursday = wednesday.plus(1);
    await sleepUntil(wednesday.at('10:00'));
    const { disagreementId, handle, state } = await raise(true);
    expect(state).toMatchObject({
      stageKey: 'disagreement.stage-3',
      participants: PEOPLE['designated-leads'],
      highestStage: 3,
      immediateRisk: true,
    });
    expect(minuteOf(Date.parse(state.stageDueAt))).toBe(wednesday.at('17:30'));

    await sleepUntil(thursday.at('09:00'));
    expect((await handle.query(disagreementStateQuery)).stageKey).toBe(
      'disagreement.stage-4-inform',
    );
    await handle.executeUpdate(withdrawDisagreementUpdate, {
      args: [{ ...as(RAISER), withdrawalId: randomUUID() }],
    });
    expect(await finished(handle.workflowId)).toMatchObject({ status: 'withdrawn' });
    expect(sentFor(disagreementId)).toEqual([
      // Reminders already past when the stage began are not sent: the stage-started is enough.
      [wednesday.at('10:00'), 'stage-started', PEOPLE['designated-leads'], 3],
      [wednesday.at('17:30'), 'stage-started', PEOPLE.board, 4],
      [wednesday.at('17:30'), 'escalated', [RAISER, OTHER], 4],
      [thursday.at('09:00'), 'withdrawn', PEOPLE.board, 4],
      [thursday.at('09:00'), 'withdrawn', [RAISER, OTHER], 4],
    ]);
  });

  it('goes to the designated leads the same day when found to be an immediate risk after it was raised', async () => {
    const wednesday = plainWeeks(await serverToday(env), 1).plus(2);
    await sleepUntil(wednesday.at('09:00'));
    const { disagreementId, handle, state } = await raise(false);
    expect(state).toMatchObject({ stageKey: 'disagreement.stage-1', immediateRisk: false });

    await sleepUntil(wednesday.at('11:00'));
    const marked = await handle.executeUpdate(markImmediateRiskUpdate, {
      args: [{ ...as(OTHER), reasonId: randomUUID() }],
    });
    expect(marked).toMatchObject({
      stageKey: 'disagreement.stage-3',
      participants: PEOPLE['designated-leads'],
      highestStage: 3,
      immediateRisk: true,
    });
    // The same-day timescale of immediate risk, from when it was marked.
    expect(minuteOf(Date.parse(marked.stageDueAt))).toBe(wednesday.at('17:30'));
    expect(eventsOf(disagreementId)).toContain('disagreement.marked-immediate-risk');
    // Not twice.
    expect(
      await refusal(
        handle.executeUpdate(markImmediateRiskUpdate, {
          args: [{ ...as(OTHER), reasonId: randomUUID() }],
        }),
      ),
    ).toBe('it is already treated as an immediate risk');

    await handle.executeUpdate(withdrawDisagreementUpdate, {
      args: [{ ...as(RAISER), withdrawalId: randomUUID() }],
    });
    expect(await finished(handle.workflowId)).toMatchObject({ status: 'withdrawn' });
    expect(sentFor(disagreementId).slice(0, 3)).toEqual([
      [wednesday.at('09:00'), 'stage-started', [RAISER, OTHER], 1],
      [wednesday.at('11:00'), 'stage-started', PEOPLE['designated-leads'], 3],
      [wednesday.at('11:00'), 'escalated', [RAISER, OTHER], 3],
    ]);
  });

  it('holds a routine stage’s chase over quiet hours until the send window opens; an immediate risk’s goes at once', async () => {
    // A partnership may chase in elapsed time: here the board is chased two hours after the
    // stage 4 notification falls due at 17:30, so at 19:30, outside the send window (08:30 to
    // 17:30 on working days). No board tier, so that chase is the only overdue message.
    const policy = createDefaultPolicy();
    policy.stages['disagreement.stage-4-inform'].overdueChases = [{ duration: 'PT2H' }];
    policy.stages['disagreement.stage-4-inform'].escalation = [];
    expect(validatePolicy(policy)).toMatchObject({ ok: true });

    // Both reach stage 4 due on a Friday at 17:30, so the chase falls on Friday evening and the
    // next working day is the Monday after the weekend. The immediate risk is raised on the
    // Wednesday: its stage 3 hands over at 17:30, so its 1 WD counts from Thursday.
    const monday = plainWeeks(await serverToday(env), 2);
    const wednesday = monday.plus(2);
    const thursday = monday.plus(3);
    const friday = monday.plus(4);
    const nextMonday = monday.plus(7);
    await sleepUntil(wednesday.at('10:00'));
    const immediate = await raise(true, policy);
    await sleepUntil(thursday.at('10:00'));
    const routine = await raise(false, policy);

    // The routine one is taken up to the board by hand on the Thursday, a stage every ten
    // minutes: 1 WD from Thursday is Friday.
    const escalate = (actorId: string) =>
      routine.handle.executeUpdate(escalateDisagreementUpdate, {
        args: [{ ...as(actorId), reasonId: randomUUID() }],
      });
    await sleepUntil(thursday.at('10:10'));
    await escalate(RAISER);
    await sleepUntil(thursday.at('10:20'));
    await escalate('raiser-manager');
    await sleepUntil(thursday.at('10:30'));
    const atBoard = await escalate('raiser-dsl');
    expect(atBoard.stageKey).toBe('disagreement.stage-4-inform');
    expect(minuteOf(Date.parse(atBoard.stageDueAt))).toBe(friday.at('17:30'));

    await sleepUntil(nextMonday.at('09:00'));
    expect((await immediate.handle.query(disagreementStateQuery)).stageDueAt).toBe(
      atBoard.stageDueAt,
    );
    expect(sentFor(routine.disagreementId)).toEqual([
      [thursday.at('10:00'), 'stage-started', [RAISER, OTHER], 1],
      [thursday.at('10:10'), 'stage-started', PEOPLE['line-managers'], 2],
      [thursday.at('10:10'), 'escalated', [RAISER, OTHER], 2],
      [thursday.at('10:20'), 'stage-started', PEOPLE['designated-leads'], 3],
      [thursday.at('10:20'), 'escalated', [RAISER, OTHER], 3],
      [thursday.at('10:30'), 'stage-started', PEOPLE.board, 4],
      [thursday.at('10:30'), 'escalated', [RAISER, OTHER], 4],
      [friday.at('08:30'), 'reminder', PEOPLE.board, 4],
      // Planned for Friday 19:30: held over the evening and the weekend until the window opens.
      [nextMonday.at('08:30'), 'overdue', PEOPLE.board, 4],
    ]);
    expect(sentFor(immediate.disagreementId)).toEqual([
      [wednesday.at('10:00'), 'stage-started', PEOPLE['designated-leads'], 3],
      [wednesday.at('17:30'), 'stage-started', PEOPLE.board, 4],
      [wednesday.at('17:30'), 'escalated', [RAISER, OTHER], 4],
      [friday.at('08:30'), 'reminder', PEOPLE.board, 4],
      // Immediate risk of harm is exempt from quiet hours: the chase goes when it is planned.
      [friday.at('19:30'), 'overdue', PEOPLE.board, 4],
    ]);

    for (const { handle } of [routine, immediate]) {
      await handle.executeUpdate(withdrawDisagreementUpdate, {
        args: [{ ...as(RAISER), withdrawalId: randomUUID() }],
      });
      expect(await finished(handle.workflowId)).toMatchObject({ status: 'withdrawn' });
    }
  });

  it('resolves at stage 1 with an agreed action, chased by its own child', async () => {
    // Raised on a Monday: stage 1 is due the next Monday (5 WD), both weeks plain working weeks.
    const monday = plainWeeks(await serverToday(env), 2);
    const friday = monday.plus(4);
    await sleepUntil(monday.at('10:00'));
    const { disagreementId, handle } = await raise();
    await handle.executeUpdate(acknowledgeStageUpdate, { args: [as(RAISER)] });
    expect(
      await refusal(handle.executeUpdate(acknowledgeStageUpdate, { args: [as(RAISER)] })),
    ).toBe('you have already acknowledged stage 1');

    await sleepUntil(friday.at('12:00'));
    const outcomeId = randomUUID();
    await handle.executeUpdate(resolveDisagreementUpdate, {
      args: [{ ...as(OTHER), outcomeId, agreedActions: 1 }],
    });
    expect(await finished(handle.workflowId)).toMatchObject({
      status: 'resolved',
      outcomeId,
      highestStage: 1,
    });
    expect(sentFor(disagreementId)).toEqual([
      [monday.at('10:00'), 'stage-started', [RAISER, OTHER], 1],
      // −1 WD before the due Monday: the Friday, to the one who has not acknowledged.
      [friday.at('08:30'), 'reminder', [OTHER], 1],
      [friday.at('12:00'), 'resolved', [RAISER, OTHER], 1],
      [friday.at('12:00'), 'resolved', [RAISER, OTHER], 1],
    ]);
    const [action] = agreed.filter((command) => command.disagreementId === disagreementId);
    expect(action).toMatchObject({ outcomeId, index: 0 });
    await eventually(async () =>
      expect(
        await env.client.workflow
          .getHandle(actionWorkflowId(action.actionId))
          .query(actionStateQuery),
      ).toMatchObject({ status: 'open', ownerId: ACTION_OWNER }),
    );
    storeHistoryFixture(
      'professional-disagreement-resolved-at-stage-1',
      await handle.fetchHistory(),
    );
  });
});
