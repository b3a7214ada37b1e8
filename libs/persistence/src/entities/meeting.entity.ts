import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeetingType } from '@safeguard/domain';

/** A multi-agency meeting and the read model of its follow-up workflow. */
@Entity({ name: 'meetings' })
export class MeetingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ unique: true })
  reference: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  /** The policy version its items are chased under. */
  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;

  @Column({ type: 'text' })
  type: MeetingType;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Column({ name: 'chair_id', type: 'uuid' })
  chairId: string;

  @Column({ name: 'minute_taker_id', type: 'uuid' })
  minuteTakerId: string;

  /** The case it belongs to, in the case-holding agency's own reference; optional. */
  @Column({ name: 'case_reference', type: 'text', nullable: true })
  caseReference: string | null;

  @Column({ name: 'review_at', type: 'timestamptz', nullable: true })
  reviewAt: Date | null;

  @Column({ type: 'text' })
  status: 'open' | 'closed';

  @Column({ name: 'workflow_id', unique: true })
  workflowId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

@Entity({ name: 'meeting_attendees' })
export class MeetingAttendeeEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The agency they attended for, kept as it was on the day. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;
}

/** Free text: stays in Postgres, shown only to people who can see the meeting. */
@Entity({ name: 'meeting_decisions' })
export class MeetingDecisionEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  text: string;
}
