import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChronologyLink } from '../chronology-hash';
import type { ChronologyKind } from '../chronology-terms';

/**
 * Append-only, tamper-evident record of everything that happened to an item, and of who read
 * it. A trigger refuses UPDATE and DELETE; each row carries the hash of the row before it in its
 * chain (one chain per partnership, plus the directory's), so an edit made with the trigger
 * disabled shows up as a broken link. Detail is the before/after summary: ids, statuses and
 * versions only, never personal data or free text.
 */
@Entity({ name: 'chronology' })
export class ChronologyEntryEntity implements ChronologyLink {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  chain: string;

  @Column({ type: 'bigint' })
  sequence: string;

  @Column({ name: 'previous_hash', type: 'text', nullable: true })
  previousHash: string | null;

  @Column({ type: 'text' })
  hash: string;

  @Column({ name: 'subject_type' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column()
  event: string;

  @Column({ type: 'text' })
  kind: ChronologyKind;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_agency_id', type: 'uuid', nullable: true })
  actorAgencyId: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: {} })
  detail: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
