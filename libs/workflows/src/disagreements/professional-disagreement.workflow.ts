/**
 * Resolving a professional disagreement (practice primer §3), one workflow per disagreement.
 *
 *   1. The raiser's concern goes to the first stage: the two practitioners (immediate risk of
 *      harm starts at the designated leads, the same working day).
 *   2. At each stage the participants are asked to acknowledge, and reminded at the policy's
 *      offsets while they have not. Everyone involved may add written contributions.
 *   3. The stage ends one of three ways: resolved (the outcome and agreed actions are recorded,
 *      each action chased by its own chaser, and both sides are told); escalated by a
 *      participant with a reason; or escalated automatically when its timescale passes. An
 *      escalation tells both sides and the next stage.
 *   4. At stage 4 the board's business manager informs the independent chair (acknowledging
 *      the stage), then the board decides; the decision is the last word. Its timescales are
 *      chased, and the board told, like any overdue item.
 *   5. The raiser may withdraw it at any stage, with a reason.
 *
 * Participants are resolved from the directory as each stage begins. Every command is an Update
 * whose validator refuses it when it does not fit (the API answers 409 with the reason); the read
 * model is written before it returns. What people wrote stays in Postgres: commands carry ids.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  startChild,
  uuid4,
  ParentClosePolicy,
} from '@temporalio/workflow';
import {
  acknowledgeStage,
  chaseDelivery,
  chasePlan,
  dueAfter,
  enterStage,
  firstStage,
  nextStage,
  openDisagreement,
  PARTICIPANTS_OF,
  recordContribution,
  resolveDisagreement,
  sendingTimeFrom,
  stageNumber,
  timescaleFor,
  urgencyVariant,
  whyCannotAcknowledgeStage,
  whyCannotContribute,
  whyCannotEscalate,
  whyCannotResolve,
  whyCannotMarkImmediateRisk,
  whyCannotWithdraw,
  withdrawDisagreement,
  markImmediateRisk,
  type DisagreementProcessState,
  type DisagreementStageKey,
  type Touch,
} from '@safeguard/domain';
import { oneCommandAtATime } from '../common/commands';
import { actionChaserWorkflow } from '../chasing/action-chaser.workflow';
import { actionWorkflowId, ONE_COMMAND_AT_A_TIME } from '../chasing/action-chaser.contract';
import type {
  DisagreementActivities,
  DisagreementMessageEvent,
  DisagreementStateSnapshot,
  RecipientGroup,
} from './disagreement-activities';
import {
  DEFAULT_ACTIVITY_OPTIONS,
  historyIsLong as historyTooLong,
  waitUntil,
} from '../common/plumbing';
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
  type ProfessionalDisagreementInput,
} from './professional-disagreement.contract';

const { resolveParticipants, sendDisagreementMessage, recordDisagreementState, openAgreedAction } =
  proxyActivities<DisagreementActivities>(DEFAULT_ACTIVITY_OPTIONS);

export async function professionalDisagreementWorkflow(
  input: ProfessionalDisagreementInput,
): Promise<DisagreementProcessState> {
  const { disagreementId, policy } = input;
  const calendar = { nation: policy.nation, workingDay: policy.workingDay };
  // Raised as an immediate risk, or found to be one later (markImmediateRisk).
  let immediateRisk = input.resume?.state.immediateRisk ?? input.immediateRisk;
  let delivery = chaseDelivery(policy, immediateRisk);
  const now = () => new Date().toISOString();

  // ---- The current stage: its participants, its timescale and its reminders ----

  let state = input.resume?.state;
  let done: string[] = input.resume?.done ?? [];
  /** Moves on whenever the stage changes, so a wait for the old stage's timer gives up. */
  let stageGeneration = 0;
  const current = () => state as DisagreementProcessState;

  const planOf = (stage: DisagreementProcessState): Touch[] =>
    chasePlan(policy.stages[stage.stageKey], new Date(stage.stageDueAt), delivery).filter(
      (touch) => !done.includes(touch.key),
    );

  async function stageEntry(stageKey: DisagreementStageKey) {
    const participants = await resolveParticipants({
      disagreementId,
      group: PARTICIPANTS_OF[stageKey],
    });
    // Immediate risk starts at the first stage of its ladder on that stage's urgent timescale.
    const timescale = timescaleFor(
      policy.stages[stageKey],
      urgencyVariant(immediateRisk && stageKey === firstStage(true)),
    );
    const startedAt = now();
    const dueAt = dueAfter(timescale, new Date(startedAt), calendar).toISOString();
    return { stageKey, startedAt, dueAt, participants };
  }

  /** Into a stage: its people are asked to acknowledge; reminders already past are not sent. */
  async function moveTo(
    stageKey: DisagreementStageKey,
    event: string,
    actorId?: string,
    detail?: DisagreementStateSnapshot['detail'],
  ): Promise<void> {
    const entry = await stageEntry(stageKey);
    const escalated =
      state !== undefined && stageNumber(stageKey) > stageNumber(current().stageKey);
    state = state ? enterStage(state, entry) : openDisagreement(immediateRisk, entry);
    done = chasePlan(policy.stages[stageKey], new Date(entry.dueAt), delivery)
      .filter((touch) => touch.at <= Date.now())
      .map((touch) => touch.key);
    stageGeneration += 1;
    await record(event, actorId, detail);
    tell('stage-started', entry.participants);
    // Both sides hear that it has gone up a stage, and to whom.
    if (escalated) tell('escalated', 'both-sides');
  }

  // ---- Messages go out in the background, so a command answers at once ----

  const outbox: Promise<unknown>[] = [];
  function tell(
    event: DisagreementMessageEvent,
    to: string[] | RecipientGroup,
    occasion: string | number = current().version,
  ): void {
    const stage = current();
    const key = `${disagreementWorkflowId(disagreementId)}:${occasion}:${event}`;
    outbox.push(
      (async () => {
        const recipientIds = Array.isArray(to)
          ? to
          : await resolveParticipants({ disagreementId, group: to });
        if (recipientIds.length === 0) return;
        await sendDisagreementMessage({
          disagreementId,
          event,
          recipientIds,
          stage: stageNumber(stage.stageKey),
          dueAt: stage.stageDueAt,
          idempotencyKey: key,
        });
      })(),
    );
  }

  async function record(
    event: string,
    actorId?: string,
    detail?: DisagreementStateSnapshot['detail'],
  ): Promise<DisagreementProcessState> {
    const stage = current();
    await recordDisagreementState({
      disagreementId,
      version: stage.version,
      changedAt: now(),
      event,
      actorId,
      status: stage.status,
      immediateRisk: stage.immediateRisk,
      stageKey: stage.stageKey,
      stage: stageNumber(stage.stageKey),
      highestStage: stage.highestStage,
      stageStartedAt: stage.stageStartedAt,
      stageDueAt: stage.stageDueAt,
      participants: [...stage.participants],
      acknowledgedBy: [...stage.acknowledgedBy],
      outcomeId: stage.outcomeId,
      withdrawalId: stage.withdrawalId,
      detail,
    });
    return stage;
  }

  // ---- Commands ----

  const opening = input.resume
    ? Promise.resolve()
    : moveTo(firstStage(immediateRisk), 'disagreement.ladder-started', undefined, {
        immediateRisk,
      });
  const on = oneCommandAtATime(opening);
  setHandler(disagreementStateQuery, current);
  setHandler(disagreementStartedUpdate, async () => {
    await opening;
    return current();
  });

  on(
    acknowledgeStageUpdate,
    ({ actorId }) => whyCannotAcknowledgeStage(current(), actorId),
    async ({ actorId }) => {
      state = acknowledgeStage(current(), actorId);
      await record('disagreement.acknowledged', actorId, { stage: stageNumber(state.stageKey) });
      // At stage 4, the business manager's acknowledgement is the chair informed: now the board
      // has its own time to decide.
      if (state.stageKey === 'disagreement.stage-4-inform') {
        await moveTo('disagreement.stage-4-decide', 'disagreement.chair-informed', actorId);
      }
      return current();
    },
  );

  on(
    contributeUpdate,
    () => whyCannotContribute(current()),
    async ({ actorId, contributionId }) => {
      state = recordContribution(current());
      return record('disagreement.contribution', actorId, {
        contributionId,
        stage: stageNumber(state.stageKey),
      });
    },
  );

  on(
    resolveDisagreementUpdate,
    ({ actorId }) => whyCannotResolve(current(), actorId),
    async ({ actorId, outcomeId, agreedActions }) => {
      const decidedBy = stageNumber(current().stageKey) === 4 ? 'board' : 'participants';
      state = resolveDisagreement(current(), actorId, outcomeId);
      for (let index = 0; index < agreedActions; index += 1) {
        await startAgreedAction(outcomeId, index);
      }
      await record('disagreement.resolved', actorId, { outcomeId, agreedActions, decidedBy });
      tell('resolved', [...current().participants]);
      tell('resolved', 'both-sides');
      return current();
    },
  );

  on(
    escalateDisagreementUpdate,
    ({ actorId }) =>
      whyCannotEscalate(current(), actorId, nextStage(current().stageKey, policy.stages)),
    async ({ actorId, reasonId }) => {
      const from = stageNumber(current().stageKey);
      const next = nextStage(current().stageKey, policy.stages) as DisagreementStageKey;
      await moveTo(next, 'disagreement.escalated', actorId, { reasonId, from });
      return current();
    },
  );

  on(
    markImmediateRiskUpdate,
    () => whyCannotMarkImmediateRisk(current()),
    async ({ actorId, reasonId }) => {
      const from = stageNumber(current().stageKey);
      state = markImmediateRisk(current());
      immediateRisk = true;
      delivery = chaseDelivery(policy, true);
      // The designated leads' stage, entered afresh on its same-day timescale.
      await moveTo(firstStage(true), 'disagreement.marked-immediate-risk', actorId, {
        reasonId,
        from,
      });
      return current();
    },
  );

  on(
    withdrawDisagreementUpdate,
    () => whyCannotWithdraw(current()),
    async ({ actorId, withdrawalId }) => {
      state = withdrawDisagreement(current(), withdrawalId);
      await record('disagreement.withdrawn', actorId, { withdrawalId });
      tell('withdrawn', [...current().participants]);
      tell('withdrawn', 'both-sides');
      return current();
    },
  );

  /** Each agreed action is chased like any other, by its own chaser that outlives this one. */
  async function startAgreedAction(outcomeId: string, index: number): Promise<void> {
    const actionId = uuid4();
    const action = await openAgreedAction({ disagreementId, outcomeId, index, actionId });
    await startChild(actionChaserWorkflow, {
      workflowId: actionWorkflowId(actionId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          actionId,
          dueAt: action.dueAt,
          ownerId: action.ownerId,
          policy: policy.pin,
          delivery: chaseDelivery(policy, action.urgent),
          timetable: policy.actionTimetable,
          commands: ONE_COMMAND_AT_A_TIME,
        },
      ],
    });
  }

  // ---- The stage clock: reminders, then the hand-over when the timescale passes ----

  await opening;
  const historyIsLong = historyTooLong(input.historyLimit);
  const isOpen = () => current().status === 'open';

  while (isOpen()) {
    if (historyIsLong()) {
      await condition(allHandlersFinished);
      await Promise.all(outbox);
      if (!isOpen()) break;
      await continueAsNew<typeof professionalDisagreementWorkflow>({
        ...input,
        resume: { state: current(), done },
      });
    }
    const generation = stageGeneration;
    const interrupted = () => !isOpen() || stageGeneration !== generation;
    const stage = current();
    const touch = planOf(stage)[0];
    const handOver = policy.stages[stage.stageKey].autoEscalateTo
      ? nextStage(stage.stageKey, policy.stages)
      : undefined;
    const dueMs = Date.parse(stage.stageDueAt);

    // The timescale has passed before anything else is due: up to the next stage.
    if (handOver && (!touch || touch.at >= dueMs)) {
      await waitUntil(dueMs, interrupted);
      if (interrupted()) continue;
      await moveTo(handOver, 'disagreement.escalated-automatically', undefined, {
        from: stageNumber(stage.stageKey),
      });
      continue;
    }
    if (!touch) {
      await condition(() => interrupted() || historyIsLong());
      continue;
    }
    await waitUntil(touch.at, interrupted);
    await waitUntil(sendingTimeFrom(touch.at, Date.now(), delivery), interrupted);
    if (interrupted()) continue;
    done = [...done, touch.key];
    deliver(touch);
  }

  await condition(allHandlersFinished);
  await Promise.all(outbox);
  return current();

  /** A reminder goes to those yet to acknowledge; past the timescale, the whole stage is told. */
  function deliver(touch: Touch): void {
    const stage = current();
    const occasion = `${stage.stageDueAt}:${touch.key}`;
    if (touch.kind === 'reminder' || touch.kind === 'due') {
      const waiting = stage.participants.filter((id) => !stage.acknowledgedBy.includes(id));
      if (waiting.length > 0) tell('reminder', waiting, occasion);
    } else {
      tell('overdue', [...stage.participants], occasion);
    }
  }
}
