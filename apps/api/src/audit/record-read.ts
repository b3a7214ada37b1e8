import {
  appendChronology,
  partnershipChain,
  type ChronologySubjectType,
} from '@safeguard/persistence';
import type { DataSource } from 'typeorm';
import { auditedBy, type Principal } from '../auth/principal';

/** What was read: a case record, or a list of a partnership's cases. */
export interface CaseRead {
  subjectType: ChronologySubjectType;
  subjectId: string;
  /** e.g. "enquiry.viewed", "actions.overdue-listed". */
  event: string;
  /** Its partnership, whose chain it joins (none: the directory's). */
  partnershipId: string | null;
  /** The filter of a list; ids and categories only. */
  detail?: Record<string, unknown>;
}

/**
 * Reading a case record, or a list of a partnership's cases, is itself recorded in the
 * partnership's chain: who looked at what, and when (the "access" log of an audit record).
 */
export function recordRead(
  dataSource: DataSource,
  principal: Principal,
  read: CaseRead,
): Promise<void> {
  return dataSource.transaction((db) =>
    appendChronology(db, {
      subjectType: read.subjectType,
      subjectId: read.subjectId,
      event: read.event,
      kind: 'read',
      chain: partnershipChain(read.partnershipId),
      ...(read.detail ? { detail: read.detail } : {}),
      ...auditedBy(principal),
    }),
  );
}
