import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChronologyEntryEntity, partnershipChain } from '@safeguard/persistence';
import type { EntityManager } from 'typeorm';

/** A case process whose deadlines are rows of `actions` pointing back at it (`<type>_id`). */
export type CaseSubjectType = 'enquiry' | 'disagreement';

const ACTION_COLUMN: Readonly<Record<CaseSubjectType, string>> = {
  enquiry: 'enquiry_id',
  disagreement: 'disagreement_id',
};

/**
 * What happened to a case and to each of the actions it opened, in the order it happened (reads
 * are not listed). Ordered by when it happened, not by chain position: a workflow's write can
 * land just after one it preceded.
 */
export function caseTimeline(
  db: EntityManager,
  subject: { type: CaseSubjectType; id: string; partnershipId: string },
): Promise<ChronologyEntryEntity[]> {
  return db
    .createQueryBuilder(ChronologyEntryEntity, 'entry')
    .where('entry.chain = :chain', { chain: partnershipChain(subject.partnershipId) })
    .andWhere("entry.kind <> 'read'")
    .andWhere(
      `((entry.subject_type = :type AND entry.subject_id = :id)
        OR (entry.subject_type = 'action'
            AND entry.subject_id IN (SELECT id FROM actions WHERE ${ACTION_COLUMN[subject.type]} = :id)))`,
      { type: subject.type, id: subject.id },
    )
    .orderBy('entry.occurred_at', 'ASC')
    .addOrderBy('entry.id', 'ASC')
    .getMany();
}

/** What happened, to a case or to one of its actions (reads are not listed). */
export class TimelineEntryView {
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ example: 'enquiry.decision-recorded' })
  event: string;

  @ApiProperty({ enum: ['enquiry', 'disagreement', 'action'] })
  subjectType: string;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Ids, categories and times only, never personal data.',
  })
  detail: Record<string, unknown>;

  static of(row: ChronologyEntryEntity): TimelineEntryView {
    return {
      occurredAt: row.occurredAt.toISOString(),
      event: row.event,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      actorId: row.actorId,
      detail: row.detail,
    };
  }
}
