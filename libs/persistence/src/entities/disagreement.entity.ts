import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  DisagreementStageKey,
  DisagreementStatus,
  DisagreementTheme,
} from '@safeguard/domain';

/**
 * A professional disagreement as raised, and the read model of its workflow. The workflow is the
 * authority on stage; activities write the read-model columns (guarded by process_version).
 */
@Entity({ name: 'disagreements' })
export class DisagreementEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ unique: true })
  reference: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;

  @Column({ name: 'raised_by_id', type: 'uuid' })
  raisedById: string;

  /** The raiser's agency as it was on the day. */
  @Column({ name: 'raiser_agency_id', type: 'uuid' })
  raiserAgencyId: string;

  /** The other party: a person, or only their agency. */
  @Column({ name: 'other_person_id', type: 'uuid', nullable: true })
  otherPersonId: string | null;

  @Column({ name: 'other_agency_id', type: 'uuid' })
  otherAgencyId: string;

  /** The case it concerns, in the case-holding agency's own reference; optional. */
  @Column({ name: 'case_reference', type: 'text', nullable: true })
  caseReference: string | null;

  @Column({ type: 'text', array: true })
  themes: DisagreementTheme[];

  @Column({ name: 'immediate_risk' })
  immediateRisk: boolean;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'text' })
  status: DisagreementStatus;

  @Column({ name: 'stage_key', type: 'text', nullable: true })
  stageKey: DisagreementStageKey | null;

  @Column({ type: 'int', nullable: true })
  stage: number | null;

  @Column({ name: 'highest_stage', type: 'int', nullable: true })
  highestStage: number | null;

  @Column({ name: 'stage_started_at', type: 'timestamptz', nullable: true })
  stageStartedAt: Date | null;

  @Column({ name: 'stage_due_at', type: 'timestamptz', nullable: true })
  stageDueAt: Date | null;

  @Column({ name: 'participant_ids', type: 'uuid', array: true })
  participantIds: string[];

  @Column({ name: 'acknowledged_by_ids', type: 'uuid', array: true })
  acknowledgedByIds: string[];

  @Column({ name: 'outcome_id', type: 'uuid', nullable: true })
  outcomeId: string | null;

  @Column({ name: 'withdrawal_id', type: 'uuid', nullable: true })
  withdrawalId: string | null;

  /** When it was resolved or withdrawn. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'process_version', type: 'int' })
  processVersion: number;

  @Column({ name: 'workflow_id', unique: true })
  workflowId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const DISAGREEMENT_RECORD_KINDS = [
  'concern',
  'contribution',
  'escalation',
  'outcome',
  'withdrawal',
] as const;
export type DisagreementRecordKind = (typeof DISAGREEMENT_RECORD_KINDS)[number];

/**
 * Everything in writing: who said what, when, at which stage. An outcome's `facts` hold the
 * actions agreed ({ agreedActions: [{ title, ownerId, dueAt }] }); the board's decision is the
 * outcome recorded at stage 4. Stored before the command reaches the workflow; a refused command
 * takes its record with it.
 */
@Entity({ name: 'disagreement_records' })
export class DisagreementRecordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'disagreement_id', type: 'uuid' })
  disagreementId: string;

  @Column({ type: 'text' })
  kind: DisagreementRecordKind;

  @Column({ type: 'int', nullable: true })
  stage: number | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb' })
  facts: Record<string, unknown>;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
