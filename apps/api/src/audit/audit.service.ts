import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ActionEntity,
  AgencyEntity,
  ChainVerification,
  ChronologyEntryEntity,
  ChronologyKind,
  ChronologySubjectType,
  PartnershipEntity,
  PersonEntity,
  verifyChronology,
} from '@safeguard/persistence';
import { DataSource, EntityTarget } from 'typeorm';
import { ProblemException } from '../common/problem';

/** Where each kind of subject lives; a policy's chronology is keyed by its partnership. */
const SUBJECT_TABLES: Record<ChronologySubjectType, EntityTarget<{ id: string }>> = {
  action: ActionEntity,
  person: PersonEntity,
  agency: AgencyEntity,
  partnership: PartnershipEntity,
  policy: PartnershipEntity,
};

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  verify(chain?: string): Promise<ChainVerification[]> {
    return verifyChronology(this.dataSource.manager, chain);
  }

  /** A record's chronology in the order it was written (all of it, or one kind). */
  async chronology(
    subjectType: ChronologySubjectType,
    subjectId: string,
    kind?: ChronologyKind,
  ): Promise<ChronologyEntryEntity[]> {
    const db = this.dataSource.manager;
    if (!(await db.existsBy(SUBJECT_TABLES[subjectType], { id: subjectId }))) {
      throw ProblemException.notFound(subjectType);
    }
    return db.find(ChronologyEntryEntity, {
      where: { subjectType, subjectId, ...(kind ? { kind } : {}) },
      order: { id: 'ASC' },
    });
  }
}
