import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AuditVerification,
  BrokenLinkReason,
  CheckpointBreachReason,
  CheckpointState,
} from '@safeguard/persistence';

const REASONS: BrokenLinkReason[] = ['hash mismatch', 'previous hash mismatch', 'sequence gap'];
const BREACHES: CheckpointBreachReason[] = [
  'chain deleted',
  'rows deleted from the tail',
  'recomputed since signed',
];
const STATES: CheckpointState[] = [
  'current',
  'not yet due',
  'missing',
  'stale',
  'invalid signature',
];

export class BrokenLinkView {
  @ApiProperty({ example: '1042', description: 'Row id of the first row that does not fit.' })
  id: string;

  @ApiProperty({ example: '17' })
  sequence: string;

  @ApiProperty({ enum: REASONS })
  reason: BrokenLinkReason;
}

export class CheckpointBreachView {
  @ApiProperty({ enum: BREACHES })
  reason: CheckpointBreachReason;

  @ApiProperty({ example: '17', description: 'The last sequence the signed checkpoint recorded.' })
  signedSequence: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '12',
    description: 'The last sequence now (null: the chain has no rows).',
  })
  lastSequence: string | null;
}

export class ChainVerificationView {
  @ApiProperty({ description: 'The partnership id, or "directory".' })
  chain: string;

  @ApiProperty()
  ok: boolean;

  @ApiPropertyOptional({ description: 'Rows checked; only when the chain is intact.' })
  rows?: number;

  @ApiPropertyOptional({
    type: BrokenLinkView,
    description: 'When a row no longer fits the rows around it (edited, removed).',
  })
  firstBrokenLink?: BrokenLinkView;

  @ApiPropertyOptional({
    type: CheckpointBreachView,
    description:
      'When every link fits but the chain no longer reaches the head its last signed checkpoint recorded.',
  })
  checkpointBreach?: CheckpointBreachView;
}

export class CheckpointVerdictView {
  @ApiProperty({
    enum: STATES,
    description:
      'current: signed by a trusted key within two intervals; not yet due: none yet, and nothing older than two intervals; missing, stale (older than two intervals) and invalid signature are findings.',
  })
  state: CheckpointState;

  @ApiProperty()
  ok: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;
}

export class AuditVerificationView {
  @ApiProperty({
    description: 'true when every chain checked is intact and checkpoints are current.',
  })
  ok: boolean;

  @ApiProperty({ type: CheckpointVerdictView })
  checkpoint: CheckpointVerdictView;

  @ApiProperty({
    description: 'Every row is gone while the last signed checkpoint knows of chains.',
  })
  chronologyEmptied: boolean;

  @ApiProperty({ type: [ChainVerificationView] })
  chains: ChainVerificationView[];

  static of(verification: AuditVerification): AuditVerificationView {
    return verification;
  }
}
