import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AgencyEntity,
  appendChronology,
  DIRECTORY_CHAIN,
  PartnershipEntity,
  PersonEntity,
} from '@safeguard/persistence';
import { DataSource, EntityManager, In } from 'typeorm';
import { auditedBy, type Principal } from '../auth/principal';
import { uniqueOn } from '../common/database-errors';
import { agencyInPrincipalPartnerships, scopeParameters } from './directory-scope';
import { ProblemException } from '../common/problem';
import { AgencyView, CreateAgencyDto, ListAgenciesQuery, UpdateAgencyDto } from './dto/agency.dto';

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(dto: CreateAgencyDto, principal: Principal): Promise<AgencyView> {
    const id = await this.saving(async (db) => {
      const partnerships = await this.partnerships(db, dto.partnershipIds, principal);
      const agency = await db.save(db.create(AgencyEntity, { ...dto, partnerships }));
      await this.recordChange(db, agency, 'agency.created', Object.keys(dto), principal);
      return agency.id;
    });
    return this.get(id, principal);
  }

  async update(id: string, dto: UpdateAgencyDto, principal: Principal): Promise<AgencyView> {
    await this.saving(async (db) => {
      const agency = await this.find(db, id, principal);
      const { partnershipIds, ...fields } = dto;
      if (partnershipIds) {
        // Memberships of partnerships this admin cannot see are not theirs to remove.
        const hidden: Array<{ id: string }> = await db.query(
          `SELECT partnership_id AS id FROM agency_partnerships
            WHERE agency_id = $1 AND NOT (partnership_id = ANY($2))`,
          [id, principal.partnershipIds],
        );
        agency.partnerships = [
          ...(await this.partnerships(db, partnershipIds, principal)),
          ...hidden.map(({ id: partnershipId }) =>
            db.create(PartnershipEntity, { id: partnershipId }),
          ),
        ];
      }
      const saved = await db.save(AgencyEntity, db.merge(AgencyEntity, agency, fields));
      await this.recordChange(db, saved, 'agency.updated', Object.keys(dto), principal);
      return saved.id;
    });
    return this.get(id, principal);
  }

  async list(query: ListAgenciesQuery, principal: Principal): Promise<AgencyView[]> {
    const builder = this.visible(this.dataSource.manager, principal).orderBy('agency.name', 'ASC');
    if (query.partnershipId) {
      builder.andWhere(
        'agency.id IN (SELECT agency_id FROM agency_partnerships WHERE partnership_id = :partnershipId)',
        { partnershipId: query.partnershipId },
      );
    }
    return this.withDesignatedLeads(await builder.getMany());
  }

  async get(id: string, principal: Principal): Promise<AgencyView> {
    const agency = await this.find(this.dataSource.manager, id, principal);
    const [view] = await this.withDesignatedLeads([agency]);
    return view;
  }

  /** Agencies sharing a partnership with the principal, listing only those shared partnerships. */
  private visible(db: EntityManager, principal: Principal) {
    return db
      .createQueryBuilder(AgencyEntity, 'agency')
      .leftJoinAndSelect(
        'agency.partnerships',
        'partnership',
        'partnership.id = ANY(:partnershipIds)',
      )
      .where(agencyInPrincipalPartnerships('agency.id'), scopeParameters(principal));
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

  private async find(db: EntityManager, id: string, principal: Principal): Promise<AgencyEntity> {
    const agency = await this.visible(db, principal).andWhere('agency.id = :id', { id }).getOne();
    if (!agency) throw ProblemException.notFound('agency');
    return agency;
  }

  /** Only the principal's own partnerships can be named; any other is as good as unknown. */
  private async partnerships(
    db: EntityManager,
    ids: string[],
    principal: Principal,
  ): Promise<PartnershipEntity[]> {
    const found = await db.findBy(PartnershipEntity, {
      id: In(ids.filter((id) => principal.partnershipIds.includes(id))),
    });
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) {
      throw ProblemException.unprocessable(
        'partnershipIds',
        `no partnership with id ${missing.join(', ')}`,
      );
    }
    return found;
  }

  private recordChange(
    db: EntityManager,
    agency: AgencyEntity,
    event: string,
    fields: string[],
    principal: Principal,
  ): Promise<void> {
    return appendChronology(db, {
      subjectType: 'agency',
      subjectId: agency.id,
      event,
      chain: DIRECTORY_CHAIN,
      detail: {
        fields: fields.sort(),
        type: agency.type,
        partnershipIds: agency.partnerships.map((p) => p.id).sort(),
      },
      ...auditedBy(principal),
    });
  }

  private saving(work: (db: EntityManager) => Promise<string>): Promise<string> {
    return uniqueOn('name', 'an agency with this name already exists', () =>
      this.dataSource.transaction(work),
    );
  }
}
