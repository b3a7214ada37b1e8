import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AgencyEntity, PartnershipEntity, PersonEntity } from '@safeguard/persistence';
import { DataSource, EntityManager, In } from 'typeorm';
import { uniqueOn } from '../common/database-errors';
import { ProblemException } from '../common/problem';
import { AgencyView, CreateAgencyDto, ListAgenciesQuery, UpdateAgencyDto } from './dto/agency.dto';

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(dto: CreateAgencyDto): Promise<AgencyView> {
    const id = await this.saving(async (db) => {
      const partnerships = await this.partnerships(db, dto.partnershipIds);
      return (await db.save(db.create(AgencyEntity, { ...dto, partnerships }))).id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    await this.saving(async (db) => {
      const agency = await this.find(db, id);
      const { partnershipIds, ...fields } = dto;
      if (partnershipIds) agency.partnerships = await this.partnerships(db, partnershipIds);
      return (await db.save(AgencyEntity, db.merge(AgencyEntity, agency, fields))).id;
    });
    return this.get(id);
  }

  async list(query: ListAgenciesQuery): Promise<AgencyView[]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(AgencyEntity, 'agency')
      .leftJoinAndSelect('agency.partnerships', 'partnership')
      .orderBy('agency.name', 'ASC');
    if (query.partnershipId) {
      builder.where(
        'agency.id IN (SELECT agency_id FROM agency_partnerships WHERE partnership_id = :partnershipId)',
        { partnershipId: query.partnershipId },
      );
    }
    return this.withDesignatedLeads(await builder.getMany());
  }

  async get(id: string): Promise<AgencyView> {
    const [view] = await this.withDesignatedLeads([await this.find(this.dataSource.manager, id)]);
    return view;
  }

  private async withDesignatedLeads(agencies: AgencyEntity[]): Promise<AgencyView[]> {
    const leads = agencies.length
      ? await this.dataSource.manager
          .createQueryBuilder(PersonEntity, 'person')
          .select(['person.id', 'person.agencyId'])
          .where('person.agency_id IN (:...ids)', { ids: agencies.map((a) => a.id) })
          .andWhere('person.active')
          .andWhere(`'designated-safeguarding-lead' = ANY(person.roles)`)
          .orderBy('person.id')
          .getMany()
      : [];
    return agencies.map((agency) =>
      AgencyView.of(
        agency,
        leads.filter((lead) => lead.agencyId === agency.id).map((lead) => lead.id),
      ),
    );
  }

  private async find(db: EntityManager, id: string): Promise<AgencyEntity> {
    const agency = await db.findOne(AgencyEntity, {
      where: { id },
      relations: { partnerships: true },
    });
    if (!agency) throw ProblemException.notFound('agency');
    return agency;
  }

  private async partnerships(db: EntityManager, ids: string[]): Promise<PartnershipEntity[]> {
    const found = await db.findBy(PartnershipEntity, { id: In(ids) });
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) {
      throw ProblemException.unprocessable(
        'partnershipIds',
        `no partnership with id ${missing.join(', ')}`,
      );
    }
    return found;
  }

  private saving(work: (db: EntityManager) => Promise<string>): Promise<string> {
    return uniqueOn('name', 'an agency with this name already exists', () =>
      this.dataSource.transaction(work),
    );
  }
}
