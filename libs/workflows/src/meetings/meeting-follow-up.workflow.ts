/**
 * Following up a multi-agency meeting (practice primer §2): strategy discussions, case
 * conferences, outcome and professionals' meetings must produce a clear plan, and the plan must
 * be carried out.
 *
 *   1. The minute-taker circulates the action log (default 1 WD) and the full minutes (10 WD),
 *      and is chased until each is recorded as circulated.
 *   2. Every agreed action is chased with its owner by its own child workflow.
 *   3. The agreed review date becomes a deadline chased with the chair.
 *   4. The meeting's follow-up is complete when every one of these is closed.
 *
 * Each item is an action chaser, timed by its own stage of the pinned policy; the API sends the
 * items in, so this workflow holds ids and process data only.
 */
import {
  condition,
  proxyActivities,
  setHandler,
  startChild,
  ParentClosePolicy,
} from '@temporalio/workflow';
import { actionChaserWorkflow } from '../chasing/action-chaser.workflow';
import { actionWorkflowId } from '../chasing/action-chaser.contract';
import type { MeetingActivities } from './meeting-activities';
import { DEFAULT_ACTIVITY_OPTIONS } from '../common/plumbing';
import {
  itemsStartedUpdate,
  meetingProgressQuery,
  type MeetingFollowUpInput,
} from './meeting-follow-up.contract';

const { recordMeetingClosed } = proxyActivities<MeetingActivities>(DEFAULT_ACTIVITY_OPTIONS);

export async function meetingFollowUpWorkflow(input: MeetingFollowUpInput): Promise<void> {
  const items = [
    input.actionLog,
    input.fullMinutes,
    ...input.actions,
    ...(input.review ? [input.review] : []),
  ];
  let started = false;
  let closed = 0;
  const progress = () => ({ items: items.length, closed });
  setHandler(meetingProgressQuery, progress);
  setHandler(itemsStartedUpdate, async () => {
    await condition(() => started);
    return progress();
  });

  const children = await Promise.all(
    items.map((item) =>
      startChild(actionChaserWorkflow, {
        workflowId: actionWorkflowId(item.actionId),
        args: [item],
        // An item outlives its meeting's workflow if that is ever terminated: nothing goes unchased.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  started = true;
  await Promise.all(
    children.map(async (child) => {
      await child.result();
      closed += 1;
    }),
  );

  await recordMeetingClosed({ meetingId: input.meetingId, closedAt: new Date().toISOString() });
}
