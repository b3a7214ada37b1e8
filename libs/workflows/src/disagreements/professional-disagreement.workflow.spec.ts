import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  eventually,
  londonReading,
  refusalOf,
  sleepUntilLondon,
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
} from '@safeguard/dev-stack';
import { defaultPolicy } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import { STAGE_CONFLICT } from '../common/commands';
import type { ActionActivities } from '../meetings/action-activities';
import { actionStateQuery, actionWorkflowId } from '../meetings/action-chaser.workflow';
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
  professionalDisagreementWorkflow,
  resolveDisagreementUpdate,
  withdrawDisagreementUpdate,
} from './professional-disagreement.workflow';

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
          return { ownerId: ACTION_OWNER, dueAt: '2027-12-31T17:30:00.000Z', urgent: false };
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

  async function raise(immediateRisk = false) {
    const disagreementId = randomUUID();
    const handle = await env.client.workflow.start(professionalDisagreementWorkflow, {
      taskQueue,
      workflowId: disagreementWorkflowId(disagreementId),
      args: [
        {
          disagreementId,
          immediateRisk,
          policy: disagreementPolicyOf(defaultPolicy, { partnershipId: randomUUID(), version: 1 }),
        },
      ],
    });
    return { disagreementId, handle, state: await handle.executeUpdate(disagreementStartedUpdate) };
  }

  /** Messages about one disagreement as [when, what, to whom, stage]. */
  const sentFor = (disagreementId: string) =>
    messages
      .filter(({ message }) => message.disagreementId === disagreementId)
      .map(({ at, message }) => [at, message.event, message.recipientIds, message.stage]);
  const eventsOf = (disagreementId: string) =>
    snapshots.filter((s) => s.disagreementId === disagreementId).map((s) => s.event);
  const finished = (workflowId: string) =>
    plain.workflow.getHandle<typeof professionalDisagreementWorkflow>(workflowId).result();

  it('climbs by hand to stage 2, by the clock to the board, and the board decides', async () => {
    // Raised on Monday 1 February 2027 between two practitioners; routine.
    await sleepUntil('2027-02-01 10:00');
    const { disagreementId, handle, state } = await raise();
    expect(state).toMatchObject({
      stageKey: 'disagreement.stage-1',
      participants: [RAISER, OTHER],
      highestStage: 1,
    });
    expect(minuteOf(Date.parse(state.stageDueAt))).toBe('2027-02-08 17:30');

    // Everything in writing: a contribution is recorded at the stage it was made.
    await handle.executeUpdate(contributeUpdate, {
      args: [{ ...as(OTHER), contributionId: randomUUID() }],
    });

    // The raiser escalates with a reason the next day: the line managers take over, 5 WD.
    await sleepUntil('2027-02-02 11:00');
    let now = await handle.executeUpdate(escalateDisagreementUpdate, {
      args: [{ ...as(RAISER), reasonId: randomUUID() }],
    });
    expect(now).toMatchObject({
      stageKey: 'disagreement.stage-2',
      participants: PEOPLE['line-managers'],
      acknowledgedBy: [],
      highestStage: 2,
    });
    expect(minuteOf(Date.parse(now.stageDueAt))).toBe('2027-02-09 17:30');
    expect(
      await refusal(
        handle.executeUpdate(resolveDisagreementUpdate, {
          args: [{ ...as(RAISER), outcomeId: randomUUID(), agreedActions: 0 }],
        }),
      ),
    ).toBe('only the people taking part at stage 2 can do this');
    await handle.executeUpdate(acknowledgeStageUpdate, { args: [as('raiser-manager')] });

    // Nobody resolves it: stage 2 hands over to the designated leads when its 5 WD pass, and
    // stage 3 to the board when its 2 WD pass (counted from the next morning: it began at 17:30).
    await sleepUntil('2027-02-15 09:00');
    now = await handle.query(disagreementStateQuery);
    expect(now).toMatchObject({
      stageKey: 'disagreement.stage-4-inform',
      participants: PEOPLE.board,
      highestStage: 4,
    });
    expect(minuteOf(Date.parse(now.stageStartedAt))).toBe('2027-02-12 17:30');
    expect(sentFor(disagreementId)).toEqual([
      ['2027-02-01 10:00', 'stage-started', [RAISER, OTHER], 1],
      ['2027-02-02 11:00', 'stage-started', PEOPLE['line-managers'], 2],
      ['2027-02-02 11:00', 'escalated', [RAISER, OTHER], 2],
      // Only the manager yet to acknowledge is reminded, the day before and on the due day.
      ['2027-02-08 08:30', 'reminder', ['other-manager'], 2],
      ['2027-02-09 08:30', 'reminder', ['other-manager'], 2],
      ['2027-02-09 17:30', 'stage-started', PEOPLE['designated-leads'], 3],
      ['2027-02-09 17:30', 'escalated', [RAISER, OTHER], 3],
      ['2027-02-11 08:30', 'reminder', PEOPLE['designated-leads'], 3],
      ['2027-02-12 08:30', 'reminder', PEOPLE['designated-leads'], 3],
      ['2027-02-12 17:30', 'stage-started', PEOPLE.board, 4],
      ['2027-02-12 17:30', 'escalated', [RAISER, OTHER], 4],
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
    expect(minuteOf(Date.parse(now.stageDueAt))).toBe('2027-02-16 17:30');
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
    await sleepUntil('2027-03-03 10:00');
    const { disagreementId, handle, state } = await raise(true);
    expect(state).toMatchObject({
      stageKey: 'disagreement.stage-3',
      participants: PEOPLE['designated-leads'],
      highestStage: 3,
      immediateRisk: true,
    });
    expect(minuteOf(Date.parse(state.stageDueAt))).toBe('2027-03-03 17:30');

    await sleepUntil('2027-03-04 09:00');
    expect((await handle.query(disagreementStateQuery)).stageKey).toBe(
      'disagreement.stage-4-inform',
    );
    await handle.executeUpdate(withdrawDisagreementUpdate, {
      args: [{ ...as(RAISER), withdrawalId: randomUUID() }],
    });
    expect(await finished(handle.workflowId)).toMatchObject({ status: 'withdrawn' });
    expect(sentFor(disagreementId)).toEqual([
      // Reminders already past when the stage began are not sent: the stage-started is enough.
      ['2027-03-03 10:00', 'stage-started', PEOPLE['designated-leads'], 3],
      ['2027-03-03 17:30', 'stage-started', PEOPLE.board, 4],
      ['2027-03-03 17:30', 'escalated', [RAISER, OTHER], 4],
      ['2027-03-04 09:00', 'withdrawn', PEOPLE.board, 4],
      ['2027-03-04 09:00', 'withdrawn', [RAISER, OTHER], 4],
    ]);
  });

  it('resolves at stage 1 with an agreed action, chased by its own child', async () => {
    await sleepUntil('2027-04-05 10:00');
    const { disagreementId, handle } = await raise();
    await handle.executeUpdate(acknowledgeStageUpdate, { args: [as(RAISER)] });
    expect(
      await refusal(handle.executeUpdate(acknowledgeStageUpdate, { args: [as(RAISER)] })),
    ).toBe('you have already acknowledged stage 1');

    await sleepUntil('2027-04-09 12:00');
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
      ['2027-04-05 10:00', 'stage-started', [RAISER, OTHER], 1],
      ['2027-04-09 08:30', 'reminder', [OTHER], 1],
      ['2027-04-09 12:00', 'resolved', [RAISER, OTHER], 1],
      ['2027-04-09 12:00', 'resolved', [RAISER, OTHER], 1],
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
