import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { appendChronology, partnershipChain, type ChronologyFact } from '@safeguard/persistence';

/**
 * One process's state written to its read model row, and the change appended to its
 * partnership's chronology, in one transaction. The write is guarded by the process version:
 * a retried or out-of-order snapshot (not a higher version) never moves the row backwards.
 */
export interface VersionedStateWrite<Entity extends ObjectLiteral> {
  /** The read model's table; its row has the subject's id, `process_version` and `partnership_id`. */
  entity: EntityTarget<Entity>;
  subjectId: string;
  version: number;
  changedAt: Date;
  /** The row's columns from the snapshot; the version and `updatedAt` are set here. A column
   * set by SQL may use the `:changedAt` parameter. */
  columns: QueryDeepPartialEntity<Entity>;
  /** What the chronology says of the change (its subject, chain and time are filled in). */
  chronology: Omit<ChronologyFact, 'subjectId' | 'chain' | 'occurredAt'>;
  /** More writes that belong with the change, in its transaction, once the row has moved. */
  alongside?: (db: EntityManager) => Promise<void>;
  /**
   * When the version guard refused the write: the partnership to record the change under all
   * the same, or undefined to record nothing (the default: a repeat changes nothing at all).
   */
  whenStale?: (db: EntityManager) => Promise<{ partnershipId: string | null } | undefined>;
}

export async function writeVersionedState<Entity extends ObjectLiteral>(
  dataSource: DataSource,
  write: VersionedStateWrite<Entity>,
): Promise<void> {
  const { subjectId, version, changedAt } = write;
  await dataSource.transaction(async (db) => {
    const result = await db
      .createQueryBuilder()
      .update(write.entity)
      .set({ ...write.columns, processVersion: version, updatedAt: changedAt })
      .where('id = :id AND process_version < :version', { id: subjectId, version, changedAt })
      .returning('partnership_id')
      .execute();
    const recordUnder = result.affected
      ? { partnershipId: (result.raw[0]?.partnership_id as string | undefined) ?? null }
      : await write.whenStale?.(db);
    if (!recordUnder) return;
    if (result.affected) await write.alongside?.(db);
    await appendChronology(db, {
      ...write.chronology,
      subjectId,
      chain: partnershipChain(recordUnder.partnershipId),
      occurredAt: changedAt,
    });
  });
}
