/**
 * The contract of a meeting's follow-up (meeting-follow-up.workflow.ts): what the API starts it
 * with, what it can be asked, and its workflow id. The procedure lives beside it.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActionChaserInput } from '../chasing/action-chaser.contract';

export interface MeetingFollowUpInput {
  meetingId: string;
  actionLog: ActionChaserInput;
  fullMinutes: ActionChaserInput;
  actions: ActionChaserInput[];
  review?: ActionChaserInput;
}

export interface MeetingProgress {
  items: number;
  closed: number;
}

export const meetingProgressQuery = defineQuery<MeetingProgress>('meetingProgress');
/**
 * Returns once every item's chaser is running, so the API can answer the recording of a meeting
 * only when each item already takes commands.
 */
export const itemsStartedUpdate = defineUpdate<MeetingProgress>('itemsStarted');

export function meetingWorkflowId(meetingId: string): string {
  return `meeting-${meetingId}`;
}
