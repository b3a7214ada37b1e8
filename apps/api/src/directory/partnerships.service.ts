import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PartnershipEntity } from '@safeguard/persistence';
import { DataSource } from 'typeorm';
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

  /** A new partnership starts on the default policy (version 1) for its nation. */
  create(dto: CreatePartnershipDto): Promise<PartnershipEntity> {
    return uniqueOn('name', 'a partnership with this name already exists', () =>
      this.dataSource.transaction(async (db) => {
        const partnership = await db.save(
          db.create(PartnershipEntity, { ...dto, timeZone: 'Europe/London' }),
        );
        await this.policies.publishDefault(db, partnership);
        return partnership;
      }),
    );
  }

  list(): Promise<PartnershipEntity[]> {
    return this.dataSource.manager.find(PartnershipEntity, { order: { name: 'ASC' } });
  }

  async get(id: string): Promise<PartnershipEntity> {
    const partnership = await this.dataSource.manager.findOneBy(PartnershipEntity, { id });
    if (!partnership) throw ProblemException.notFound('partnership');
    return partnership;
  }
}
