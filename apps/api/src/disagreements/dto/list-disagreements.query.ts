import { ApiPropertyOptional } from '@nestjs/swagger';
import type { DisagreementStatus } from '@safeguard/domain';
import { IsIn, IsOptional } from 'class-validator';

export const DISAGREEMENT_STATUSES: readonly DisagreementStatus[] = [
  'open',
  'resolved',
  'withdrawn',
];

export class ListDisagreementsQuery {
  @ApiPropertyOptional({
    enum: DISAGREEMENT_STATUSES,
    description: 'Only disagreements with this status. Default: all, open ones first.',
  })
  @IsOptional()
  @IsIn(DISAGREEMENT_STATUSES)
  status?: DisagreementStatus;
}
