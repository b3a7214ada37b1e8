import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_STATUSES,
  DISAGREEMENT_STAGE_KEYS,
  DISAGREEMENT_THEMES,
  type ActionStatus,
  type DisagreementStageKey,
  type DisagreementStatus,
  type DisagreementTheme,
} from '@safeguard/domain';
import { DISAGREEMENT_RECORD_KINDS, type DisagreementRecordKind } from '@safeguard/persistence';
import { TimelineEntryView } from '../../actions/case-timeline';
import { DISAGREEMENT_STATUSES } from './list-disagreements.query';

/**
 * A disagreement as lists show it: references, stages, dates, agencies and themes; never a
 * person, the case or anything anyone wrote.
 */
/** Who reads a disagreement: someone taking part (or a lead), or the board. */
export type Reader = 'participant' | 'board';

export class DisagreementSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'DIS-2026-000042' })
  reference: string;

  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ enum: DISAGREEMENT_STATUSES })
  status: DisagreementStatus;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 4,
    nullable: true,
    description: 'The current (or last) stage; null until its workflow has begun.',
  })
  stage: number | null;

  @ApiPropertyOptional({ enum: DISAGREEMENT_STAGE_KEYS, nullable: true })
  stageKey: DisagreementStageKey | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 4, nullable: true })
  highestStage: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "When the stage's timescale runs out (then it goes up a stage).",
  })
  stageDueAt: string | null;

  @ApiProperty({ description: 'Open, and past the timescale of its stage.' })
  overdue: boolean;

  @ApiProperty()
  immediateRisk: boolean;

  @ApiProperty({ enum: DISAGREEMENT_THEMES, isArray: true })
  themes: DisagreementTheme[];

  @ApiProperty({ format: 'uuid', description: "The raiser's agency when it was raised." })
  raiserAgencyId: string;

  @ApiProperty({ format: 'uuid' })
  otherAgencyId: string;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was resolved or withdrawn.',
  })
  closedAt: string | null;
}

/** Someone named in the disagreement, for those who may see it. */
export class PersonRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null for the board, which sees no one’s personal details.',
  })
  displayName: string | null;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;
}

export class ParticipantView extends PersonRefView {
  @ApiProperty({ description: 'They have acknowledged the current stage.' })
  acknowledged: boolean;
}

/** Everything in writing: who said what, when, at which stage. */
export class DisagreementRecordView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: DISAGREEMENT_RECORD_KINDS,
    description:
      'concern: as raised; outcome: what was agreed (at stage 4, the board’s decision), with its agreed actions in facts.',
  })
  kind: DisagreementRecordKind;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 4, nullable: true })
  stage: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null for the board: the words stay with the participants.',
  })
  text: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Empty for the board.',
    example: { agreedActions: [{ title: '…', ownerId: '…', dueAt: '2026-12-04T17:30:00.000Z' }] },
  })
  facts: Record<string, unknown>;

  @ApiProperty({ type: PersonRefView })
  author: PersonRefView;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** An action agreed when it was resolved, chased like any other (GET /actions/{id}). */
export class AgreedActionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ACT-2026-000042' })
  reference: string;

  @ApiProperty({ type: String, nullable: true, description: 'null for the board.' })
  title: string | null;

  @ApiProperty({ type: PersonRefView })
  owner: PersonRefView;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ enum: ACTION_STATUSES })
  status: ActionStatus;
}

export class DisagreementView extends DisagreementSummaryView {
  @ApiProperty({ description: 'The policy version its timescales come from.' })
  policyVersion: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'S42-2026-000123',
    description: 'null for the board.',
  })
  caseReference: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The heading the raiser gave it (null for the board).',
  })
  subject: string | null;

  @ApiProperty({ type: PersonRefView })
  raisedBy: PersonRefView;

  @ApiPropertyOptional({
    type: PersonRefView,
    nullable: true,
    description: 'The person disagreed with, if one was named (else their agency only).',
  })
  otherPerson: PersonRefView | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  stageStartedAt: string | null;

  @ApiProperty({ type: [ParticipantView], description: 'Who takes part at the current stage.' })
  participants: ParticipantView[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Who has acknowledged the current stage.',
  })
  acknowledgedBy: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The outcome record (at stage 4: the board’s decision).',
  })
  outcomeId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  withdrawalId: string | null;

  @ApiProperty({ type: [DisagreementRecordView], description: 'Oldest first.' })
  records: DisagreementRecordView[];

  @ApiProperty({ type: [AgreedActionView], description: 'Earliest due first.' })
  agreedActions: AgreedActionView[];

  @ApiProperty({ type: [TimelineEntryView] })
  timeline: TimelineEntryView[];
}
