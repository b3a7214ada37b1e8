import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AuditVerification,
  ChronologyEntryEntity,
  ChronologyKind,
  ChronologySubjectType,
  DIRECTORY_CHAIN,
  verifyAuditTrail,
} from '@safeguard/persistence';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** Leads audit their partnerships' records; admins also the directory's. */
function auditableChains(principal: Principal): string[] {
  const chains = principal.partnershipIds.map((id) => id.toLowerCase());
  return principal.roles.includes('admin') ? [...chains, DIRECTORY_CHAIN] : chains;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Verifies the chains the principal may audit (their partnerships' and the directory's, or
   * the one asked for), each against its last signed checkpoint, and whether checkpoints are
   * being signed at all.
   */
  async verify(principal: Principal, chain?: string): Promise<AuditVerification> {
    const allowed = auditableChains(principal);
    // Chains are named by lower-case ids: an id written in capitals names the same chain.
    const wanted = chain?.toLowerCase();
    if (wanted !== undefined && !allowed.includes(wanted)) {
      throw ProblemException.notFound('chain');
    }
    return verifyAuditTrail(
      this.dataSource.manager,
      this.config.auditCheckpoints,
      wanted === undefined ? allowed : [wanted],
    );
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
