import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendChronology, PartnershipEntity, partnershipChain } from '@safeguard/persistence';
import { DataSource, In } from 'typeorm';
import { auditedBy, type Principal } from '../auth/principal';
import { uniqueOn } from '../common/database-errors';
import { ProblemException } from '../common/problem';
import { PoliciesService } from '../policies/policies.service';
import { CreatePartnershipDto } from './dto/partnership.dto';

@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PoliciesService,
  ) {}

  /**
   * A new partnership starts on the default policy (version 1) for its nation, with the
   * creating admin's agency as its first member so someone can go on to manage it.
   */
  create(dto: CreatePartnershipDto, creator: Principal): Promise<PartnershipEntity> {
    return uniqueOn('name', 'a partnership with this name already exists', () =>
      this.dataSource.transaction(async (db) => {
        const partnership = await db.save(
          db.create(PartnershipEntity, { ...dto, timeZone: 'Europe/London' }),
        );
        await db.query(
          'INSERT INTO agency_partnerships (agency_id, partnership_id) VALUES ($1, $2)',
          [creator.agencyId, partnership.id],
        );
        await appendChronology(db, {
          subjectType: 'partnership',
          subjectId: partnership.id,
          event: 'partnership.created',
          chain: partnershipChain(partnership.id),
          detail: { nation: partnership.nation, firstAgencyId: creator.agencyId },
          ...auditedBy(creator),
        });
        await this.policies.publishDefault(db, partnership, auditedBy(creator));
        return partnership;
      }),
    );
  }

  list(principal: Principal): Promise<PartnershipEntity[]> {
    return this.dataSource.manager.find(PartnershipEntity, {
      where: { id: In(principal.partnershipIds) },
      order: { name: 'ASC' },
    });
  }

  async get(id: string, principal: Principal): Promise<PartnershipEntity> {
    const partnership = principal.partnershipIds.includes(id)
      ? await this.dataSource.manager.findOneBy(PartnershipEntity, { id })
      : null;
    if (!partnership) throw ProblemException.notFound('partnership');
    return partnership;
  }
}
