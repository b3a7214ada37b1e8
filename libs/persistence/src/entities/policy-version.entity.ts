import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PolicyDocument } from '@safeguard/domain';

/**
 * One published version of a partnership's policy. Versions are never changed: running
 * workflows keep the version they started with, and new items take the latest.
 */
@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  document: PolicyDocument;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
