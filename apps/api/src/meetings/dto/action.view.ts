import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ActionStatus } from '@safeguard/domain';
import type { ActionEntity, NotificationEntity } from '@safeguard/persistence';

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

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiPropertyOptional({
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

export class ActionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ACT-2026-000042' })
  reference: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  partnershipId: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The policy version this action is chased under, fixed when it was created.',
  })
  policyVersion: number | null;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ description: 'Immediate risk: not held back by quiet hours.' })
  urgent: boolean;

  @ApiProperty({ enum: ['open', 'due', 'completed'] })
  status: ActionStatus;

  @ApiProperty({
    example: 'action-7f0c…',
    description: 'The Temporal workflow chasing this action.',
  })
  workflowId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiProperty({ type: [ReminderView] })
  reminders: ReminderView[];

  static of(action: ActionEntity, reminders: NotificationEntity[]): ActionView {
    return {
      id: action.id,
      reference: action.reference,
      title: action.title,
      ownerId: action.ownerId,
      partnershipId: action.partnershipId,
      policyVersion: action.policyVersion,
      dueAt: action.dueAt.toISOString(),
      urgent: action.urgent,
      status: action.status,
      workflowId: action.workflowId,
      createdAt: action.createdAt.toISOString(),
      completedAt: action.completedAt?.toISOString() ?? null,
      reminders: reminders.map(ReminderView.of),
    };
  }
}
