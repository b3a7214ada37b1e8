import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeetingType, OtherVoice } from '@safeguard/domain';

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

  // The adult's voice and the risk plan (seed 002). Null only on meetings recorded before the
  // service asked for them; free text, so it stays in Postgres.
  @Column({ name: 'adult_attended', type: 'boolean', nullable: true })
  adultAttended: boolean | null;

  @Column({ name: 'adult_views', type: 'text', nullable: true })
  adultViews: string | null;

  @Column({ name: 'adult_views_response', type: 'text', nullable: true })
  adultViewsResponse: string | null;

  @Column({ name: 'adult_not_discussed_reason', type: 'text', nullable: true })
  adultNotDiscussedReason: string | null;

  /** Who leads on risk management and safety planning. */
  @Column({ name: 'risk_lead_id', type: 'uuid', nullable: true })
  riskLeadId: string | null;

  @Column({ name: 'capacity_concerns', type: 'boolean', nullable: true })
  capacityConcerns: boolean | null;

  @Column({ name: 'capacity_addressed', type: 'text', nullable: true })
  capacityAddressed: string | null;

  @Column({ name: 'risk_shared_with_adult', type: 'text', nullable: true })
  riskSharedWithAdult: string | null;

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

/** The views of family, carers, friends or an advocate, as the meeting recorded them. */
@Entity({ name: 'meeting_other_views' })
export class MeetingOtherViewEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  voice: OtherVoice;

  @Column({ type: 'text' })
  views: string;
}

/** The risks the meeting identified, one per row. */
@Entity({ name: 'meeting_risks' })
export class MeetingRiskEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  text: string;
}

/** Who received the action log or the minutes, and when (need to know). */
@Entity({ name: 'meeting_circulation' })
export class MeetingCirculationEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'text' })
  item: 'action-log' | 'minutes';

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'circulated_at', type: 'timestamptz' })
  circulatedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;
}
