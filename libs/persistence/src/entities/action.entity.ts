import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ActionStatus, ChasedItemKind } from '@safeguard/domain';
import { PersonEntity } from './person.entity';

/**
 * An agreed action and the read model of its chaser workflow. The workflow is the authority on
 * status; activities write it here (guarded by process_version) so reads never call Temporal.
 */
@Entity({ name: 'actions' })
export class ActionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ unique: true })
  reference: string;

  @Column()
  title: string;

  /** An agreed action, or the meeting's action log, full minutes or review, chased alike. */
  @Column({ type: 'text' })
  kind: ChasedItemKind;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId: string | null;

  /** A deadline of a Section 42 enquiry; only the enquiry's own commands close it. */
  @Column({ name: 'enquiry_id', type: 'uuid', nullable: true })
  enquiryId: string | null;

  /** An action agreed when a professional disagreement was resolved. */
  @Column({ name: 'disagreement_id', type: 'uuid', nullable: true })
  disagreementId: string | null;

  /** Why the meeting agreed it; free text, so it never leaves Postgres. */
  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'owner_id' })
  owner?: PersonEntity;

  @Column({ name: 'partnership_id', type: 'uuid', nullable: true })
  partnershipId: string | null;

  /** The policy version the chaser started under; later versions never change it. */
  @Column({ name: 'policy_version', type: 'int', nullable: true })
  policyVersion: number | null;

  /** Immediate risk: reminders are not held back by quiet hours (if the policy says so). */
  @Column()
  urgent: boolean;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  status: ActionStatus;

  @Column({ name: 'process_version', type: 'int' })
  processVersion: number;

  @Column({ name: 'workflow_id', unique: true })
  workflowId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** The owner has seen it; reminders before the due day stop. */
  @Column()
  acknowledged: boolean;

  /** The date the owner asked for, while an extension request waits for a decision. */
  @Column({ name: 'proposed_due_at', type: 'timestamptz', nullable: true })
  proposedDueAt: Date | null;

  /** When the chaser next sends a reminder, chase or escalation; null when none is left. */
  @Column({ name: 'next_reminder_at', type: 'timestamptz', nullable: true })
  nextReminderAt: Date | null;
}
