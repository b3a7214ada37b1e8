import { EntityManager } from 'typeorm';
import { ChronologyEntryEntity } from './entities/chronology-entry.entity';

export interface ChronologyFact {
  subjectType: 'action' | 'person' | 'agency' | 'partnership' | 'policy';
  subjectId: string;
  event: string;
  actorId?: string | null;
  detail?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Every change lands here, inside the same transaction as the change itself. */
export async function appendChronology(db: EntityManager, fact: ChronologyFact): Promise<void> {
  const entry = db.create(ChronologyEntryEntity, {
    subjectType: fact.subjectType,
    subjectId: fact.subjectId,
    event: fact.event,
    actorId: fact.actorId ?? null,
    detail: fact.detail ?? {},
    occurredAt: fact.occurredAt ?? new Date(),
  });
  await db.save(entry);
}
