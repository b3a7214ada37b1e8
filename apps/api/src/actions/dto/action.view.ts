import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_STATUSES,
  CHASED_ITEM_KINDS,
  ESCALATION_TARGETS,
  type ActionStatus,
  type ChasedItemKind,
  type EscalationTarget,
  type TouchKind,
} from '@safeguard/domain';
import {
  ACTION_NOTE_KINDS,
  type ActionEntity,
  type ActionNoteEntity,
  type ActionNoteKind,
  type NotificationEntity,
} from '@safeguard/persistence';
import { ACTION_COMMANDS, type ActionCommand } from '../action-access';
import type { ChaseStep } from '../chaser-input';

export class ReminderView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'due' })
  event: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty({
    enum: ['sending', 'sent', 'failed'],
    description: 'failed: the mail server refused it for good (see failureCode).',
  })
  status: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 550,
    nullable: true,
    description: 'SMTP reply code of a refusal.',
  })
  failureCode: number | null;

  static of(n: NotificationEntity): ReminderView {
    return {
      id: n.id,
      event: n.event,
      recipientId: n.recipientId,
      status: n.status,
      sentAt: n.sentAt?.toISOString() ?? null,
      failureCode: n.failureCode,
    };
  }
}

export class ActionNoteView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ACTION_NOTE_KINDS })
  kind: ActionNoteKind;

  @ApiProperty()
  text: string;

  @ApiProperty({ format: 'uuid' })
  authorId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static of(note: ActionNoteEntity): ActionNoteView {
    return {
      id: note.id,
      kind: note.kind,
      text: note.text,
      authorId: note.authorId,
      createdAt: note.createdAt.toISOString(),
    };
  }
}

/** One chased item as lists show it: where it stands and when the chaser next acts. */
export class ActionSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ACT-2026-000042' })
  reference: string;

  @ApiProperty()
  title: string;

  @ApiProperty({
    enum: CHASED_ITEM_KINDS,
    description: "An agreed action, or a meeting's action log, full minutes or review.",
  })
  kind: ChasedItemKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  meetingId: string | null;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  partnershipId: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'The policy version this action is chased under, fixed when it was created.',
  })
  policyVersion: number | null;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ description: 'Immediate risk: not held back by quiet hours.' })
  urgent: boolean;

  @ApiProperty({ enum: ACTION_STATUSES })
  status: ActionStatus;

  @ApiProperty({ description: 'Past its due date and not closed.' })
  overdue: boolean;

  @ApiProperty({ description: 'The owner has seen it; reminders before the due day stop.' })
  acknowledged: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The due date the owner asked for, while the request waits for a decision.',
  })
  proposedDueAt: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next reminder, chase or escalation goes; null when none is left.',
  })
  nextReminderAt: string | null;

  @ApiProperty({
    example: 'action-7f0c…',
    description: 'The Temporal workflow chasing this action.',
  })
  workflowId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;

  static of(action: ActionEntity, now = new Date()): ActionSummaryView {
    const closed = action.status === 'completed' || action.status === 'cancelled';
    return {
      id: action.id,
      reference: action.reference,
      title: action.title,
      kind: action.kind,
      meetingId: action.meetingId,
      ownerId: action.ownerId,
      partnershipId: action.partnershipId,
      policyVersion: action.policyVersion,
      dueAt: action.dueAt.toISOString(),
      urgent: action.urgent,
      status: action.status,
      overdue: !closed && action.dueAt < now,
      acknowledged: action.acknowledged,
      proposedDueAt: action.proposedDueAt?.toISOString() ?? null,
      nextReminderAt: action.nextReminderAt?.toISOString() ?? null,
      workflowId: action.workflowId,
      createdAt: action.createdAt.toISOString(),
      completedAt: action.completedAt?.toISOString() ?? null,
      cancelledAt: action.cancelledAt?.toISOString() ?? null,
    };
  }
}

/** Someone else's overdue item, for the person who oversees them: whose it is, by name. */
export class OverseenActionView extends ActionSummaryView {
  @ApiProperty({ example: 'Sam Example', description: "The owner's name in the directory." })
  ownerName: string;

  /** `action` with its owner loaded (joined in the same query). */
  static ofOwned(action: ActionEntity, now = new Date()): OverseenActionView {
    if (!action.owner) throw new Error('OverseenActionView: the owner was not loaded');
    return { ...ActionSummaryView.of(action, now), ownerName: action.owner.displayName };
  }
}

/** One step of an item's chase plan: who is told, and when. */
export class ChaseStepView {
  @ApiProperty({ format: 'date-time', description: 'When it goes, quiet hours applied.' })
  at: string;

  @ApiProperty({
    enum: ['reminder', 'due', 'chase', 'escalation'],
    description:
      'reminder: before the due day; due: on the due day; chase: overdue, to the owner; escalation: a tier of the ladder.',
  })
  kind: TouchKind;

  @ApiProperty({
    enum: ESCALATION_TARGETS,
    description: 'Who is told, as a role: the directory names the person when it goes.',
  })
  notify: EscalationTarget;

  @ApiProperty({ description: 'Its moment has passed (the history says what was sent).' })
  passed: boolean;

  static of(step: ChaseStep): ChaseStepView {
    return { ...step, at: step.at.toISOString() };
  }
}

/** One item in full: with why it was agreed, what people wrote, and every message sent. */
export class ActionView extends ActionSummaryView {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the meeting agreed it.' })
  rationale: string | null;

  @ApiProperty({ type: [ActionNoteView] })
  notes: ActionNoteView[];

  @ApiProperty({ type: [ReminderView] })
  reminders: ReminderView[];

  @ApiProperty({
    enum: ACTION_COMMANDS,
    isArray: true,
    description:
      'The commands the reader may give on it: who may, not whether it can be done now, which the workflow decides (409 with the reason).',
  })
  yourCommands: ActionCommand[];

  @ApiProperty({
    type: [ChaseStepView],
    description:
      'While it is open: its reminders, chases and escalation ladder from its pinned policy, earliest first. Empty once closed.',
  })
  chasePlan: ChaseStepView[];

  static full(
    action: ActionEntity,
    notes: ActionNoteEntity[],
    reminders: NotificationEntity[],
    yourCommands: ActionCommand[],
    chasePlan: ChaseStep[] = [],
  ): ActionView {
    return {
      ...ActionSummaryView.of(action),
      yourCommands,
      chasePlan: chasePlan.map(ChaseStepView.of),
      rationale: action.rationale,
      notes: notes.map(ActionNoteView.of),
      reminders: reminders.map(ReminderView.of),
    };
  }
}
