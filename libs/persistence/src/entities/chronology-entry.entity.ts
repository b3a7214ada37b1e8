import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of everything that happened to an item (a trigger refuses UPDATE and
 * DELETE). Detail holds ids and process facts only, never personal data or free text.
 */
@Entity({ name: 'chronology' })
export class ChronologyEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'subject_type' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column()
  event: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'jsonb', default: {} })
  detail: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
