import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ChainVerification,
  ChronologyEntryEntity,
  ChronologyKind,
  ChronologySubjectType,
  DIRECTORY_CHAIN,
  verifyChronology,
} from '@safeguard/persistence';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';

/** Leads audit their partnerships' records; admins also the directory's. */
function auditableChains(principal: Principal): string[] {
  const chains = principal.partnershipIds.map((id) => id.toLowerCase());
  return principal.roles.includes('admin') ? [...chains, DIRECTORY_CHAIN] : chains;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Verifies the chains the principal may audit: their partnerships' and the directory's. */
  async verify(principal: Principal, chain?: string): Promise<ChainVerification[]> {
    const allowed = auditableChains(principal);
    // Chains are named by lower-case ids: an id written in capitals names the same chain.
    const wanted = chain?.toLowerCase();
    if (wanted !== undefined && !allowed.includes(wanted)) {
      throw ProblemException.notFound('chain');
    }
    const results: ChainVerification[] = [];
    for (const each of wanted === undefined ? allowed : [wanted]) {
      results.push(...(await verifyChronology(this.dataSource.manager, each)));
    }
    return results;
  }

  /** A record's chronology in the order it was written (all of it, or one kind). */
  async chronology(
    subjectType: ChronologySubjectType,
    subjectId: string,
    principal: Principal,
    kind?: ChronologyKind,
  ): Promise<ChronologyEntryEntity[]> {
    const db = this.dataSource.manager;
    // A record is visible when its chronology lies in a chain the principal may audit.
    const visible = { subjectType, subjectId, chain: In(auditableChains(principal)) };
    if (!(await db.existsBy(ChronologyEntryEntity, visible))) {
      throw ProblemException.notFound(subjectType);
    }
    return db.find(ChronologyEntryEntity, {
      where: { ...visible, ...(kind ? { kind } : {}) },
      order: { id: 'ASC' },
    });
  }
}
