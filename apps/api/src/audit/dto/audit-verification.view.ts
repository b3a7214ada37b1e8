import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BrokenLinkReason, ChainVerification } from '@safeguard/persistence';

const REASONS: BrokenLinkReason[] = ['hash mismatch', 'previous hash mismatch', 'sequence gap'];

export class BrokenLinkView {
  @ApiProperty({ example: '1042', description: 'Row id of the first row that does not fit.' })
  id: string;

  @ApiProperty({ example: '17' })
  sequence: string;

  @ApiProperty({ enum: REASONS })
  reason: BrokenLinkReason;
}

export class ChainVerificationView {
  @ApiProperty({ description: 'The partnership id, or "directory".' })
  chain: string;

  @ApiProperty()
  ok: boolean;

  @ApiPropertyOptional({ description: 'Rows checked; only when the chain is intact.' })
  rows?: number;

  @ApiPropertyOptional({ type: BrokenLinkView, description: 'Only when the chain is broken.' })
  firstBrokenLink?: BrokenLinkView;
}

export class AuditVerificationView {
  @ApiProperty({ description: 'true when every chain checked is intact.' })
  ok: boolean;

  @ApiProperty({ type: [ChainVerificationView] })
  chains: ChainVerificationView[];

  static of(chains: ChainVerification[]): AuditVerificationView {
    return { ok: chains.every((chain) => chain.ok), chains };
  }
}
