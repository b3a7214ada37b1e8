import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createDefaultPolicy, PolicyDocument, validatePolicy } from '@safeguard/domain';
import {
  appendChronology,
  partnershipChain,
  PartnershipEntity,
  PolicyVersionEntity,
} from '@safeguard/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { auditedBy, type Principal } from '../auth/principal';
import { ExpiringCache } from '../common/expiring-cache';
import { ProblemException } from '../common/problem';

/** Who is behind a publication, when a person is (bootstrap has none). */
type ChronologyAudit = Partial<ReturnType<typeof auditedBy>>;

/**
 * How long a process reuses a partnership's current version for new items. Versions are
 * immutable and publishing clears this process's entry once it commits, so the only staleness is
 * on other API replicas: for up to this long after a publication they may still start items
 * under the version before it.
 */
export const CURRENT_POLICY_TTL_MS = 5_000;
const PARTNERSHIPS_KEPT = 1_000;
/** Immutable rows: kept for an hour only so that a process's memory turns over. */
const PUBLISHED_VERSION_TTL_MS = 60 * 60 * 1000;

/**
 * Policy is data: each partnership has numbered, immutable versions. Items started under a
 * version keep it; publishing a new version only affects items created afterwards.
 */
@Injectable()
export class PoliciesService {
  /** Frozen rows, shared by every request that reads them. */
  private readonly currentVersions = new ExpiringCache<string, PolicyVersionEntity>(
    PARTNERSHIPS_KEPT,
  );

  /**
   * Published versions never change, so a version read once serves every later view of the items
   * pinned to it (each item page lays out its chase plan from its version).
   */
  private readonly publishedVersions = new ExpiringCache<string, PolicyVersionEntity>(
    PARTNERSHIPS_KEPT * 4,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(partnershipId: string): Promise<PolicyVersionEntity> {
    const latest = await this.latest(this.dataSource.manager, partnershipId);
    if (!latest) throw ProblemException.notFound('partnership');
    return latest;
  }

  /**
   * The version new items start under; null if the partnership does not exist. Read through a
   * short per-process cache (CURRENT_POLICY_TTL_MS): every new item asks, and it rarely changes.
   * The row is frozen and shared, so treat it as read-only.
   */
  async latest(db: EntityManager, partnershipId: string): Promise<PolicyVersionEntity | null> {
    const row = await this.currentVersions.through(
      partnershipId,
      CURRENT_POLICY_TTL_MS,
      async () => {
        const newest = await this.newest(db, partnershipId);
        return newest ? deepFreeze(newest) : undefined;
      },
    );
    return row ?? null;
  }

  /** One published version; the row is frozen and shared, so treat it as read-only. */
  async version(partnershipId: string, version: number): Promise<PolicyVersionEntity> {
    const row = await this.publishedVersions.through(
      `${partnershipId}:${version}`,
      PUBLISHED_VERSION_TTL_MS,
      async () => {
        const found = await this.dataSource.manager.findOneBy(PolicyVersionEntity, {
          partnershipId,
          version,
        });
        return found ? deepFreeze(found) : undefined;
      },
    );
    if (!row) throw ProblemException.notFound('policy version');
    return row;
  }

  /** A dry run: the same checks as publishing, and nothing is stored. */
  async validateDraft(partnershipId: string, draft: unknown): Promise<PolicyDocument> {
    return this.validFor(await this.partnership(this.dataSource.manager, partnershipId), draft);
  }

  async publish(
    partnershipId: string,
    draft: unknown,
    principal: Principal,
  ): Promise<PolicyVersionEntity> {
    const published = await this.dataSource.transaction(async (db) => {
      // Locking the partnership serialises publications, so version numbers never collide.
      const partnership = await this.partnership(db, partnershipId, true);
      const document = this.validFor(partnership, draft);
      const latest = (await this.newest(db, partnershipId))?.version ?? 0;
      return this.store(db, partnershipId, latest + 1, document, auditedBy(principal));
    });
    this.currentVersions.delete(partnershipId);
    return published;
  }

  /** Version 1 of a new partnership: the shipped defaults, for its nation. */
  publishDefault(
    db: EntityManager,
    partnership: PartnershipEntity,
    audit: ChronologyAudit = {},
  ): Promise<PolicyVersionEntity> {
    const document = { ...createDefaultPolicy(), nation: partnership.nation };
    return this.store(db, partnership.id, 1, document, audit);
  }

  private async store(
    db: EntityManager,
    partnershipId: string,
    version: number,
    document: PolicyDocument,
    audit: ChronologyAudit,
  ): Promise<PolicyVersionEntity> {
    const row = db.create(PolicyVersionEntity, {
      partnershipId,
      version,
      document,
      publishedAt: new Date(),
    });
    await db.insert(PolicyVersionEntity, row);
    await appendChronology(db, {
      subjectType: 'policy',
      subjectId: partnershipId,
      event: 'policy.published',
      chain: partnershipChain(partnershipId),
      detail: { version },
      occurredAt: row.publishedAt,
      ...audit,
    });
    return row;
  }

  private newest(db: EntityManager, partnershipId: string): Promise<PolicyVersionEntity | null> {
    return db.findOne(PolicyVersionEntity, {
      where: { partnershipId },
      order: { version: 'DESC' },
    });
  }

  private validFor(partnership: PartnershipEntity, draft: unknown): PolicyDocument {
    const result = validatePolicy(draft);
    if (!result.ok) {
      throw ProblemException.invalid([...result.errors], HttpStatus.UNPROCESSABLE_ENTITY);
    }
    if (result.policy.nation !== partnership.nation) {
      throw ProblemException.unprocessable(
        'nation',
        `must be ${partnership.nation}, the nation of this partnership`,
      );
    }
    return result.policy;
  }

  private async partnership(
    db: EntityManager,
    id: string,
    lock = false,
  ): Promise<PartnershipEntity> {
    const partnership = await db.findOne(PartnershipEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!partnership) throw ProblemException.notFound('partnership');
    return partnership;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
