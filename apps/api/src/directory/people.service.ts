import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { wouldCreateLineManagementCycle, type ActionStatus } from '@safeguard/domain';
import {
  ActionEntity,
  AgencyEntity,
  appendChronology,
  DIRECTORY_CHAIN,
  PersonEntity,
} from '@safeguard/persistence';
import { reassignActionUpdate } from '@safeguard/workflows';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { auditedBy, type Principal } from '../auth/principal';
import { uniqueOn } from '../common/database-errors';
import { agencyInPrincipalPartnerships, scopeParameters } from './directory-scope';
import { ProblemException } from '../common/problem';
import { ActionWorkflowGateway } from '../actions/action-workflow.gateway';
import { CreatePersonDto, UpdatePersonDto } from './dto/create-person.dto';
import { ListPeopleQuery } from './dto/list-people.query';

export interface Deactivation {
  person: PersonEntity;
  actionsRerouted: number;
  reportsRerouted: number;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ActionWorkflowGateway,
  ) {}

  async create(dto: CreatePersonDto, principal: Principal): Promise<PersonEntity> {
    return this.saving(async (db) => {
      await this.assertAgencyExists(db, dto.agencyId, principal);
      if (dto.lineManagerId) await this.assertCanManage(db, dto.lineManagerId, principal);
      const person = db.create(PersonEntity, {
        ...dto,
        lineManagerId: dto.lineManagerId ?? null,
        active: true,
        deactivatedAt: null,
      });
      const saved = await db.save(person);
      await this.recordChange(db, saved, 'person.created', Object.keys(dto), principal);
      return saved;
    });
  }

  async update(id: string, dto: UpdatePersonDto, principal: Principal): Promise<PersonEntity> {
    return this.saving(async (db) => {
      const person = await this.find(db, id, principal);
      if (dto.agencyId) await this.assertAgencyExists(db, dto.agencyId, principal);
      if (dto.lineManagerId) {
        await this.assertCanManage(db, dto.lineManagerId, principal);
        await this.assertNoCycle(db, id, dto.lineManagerId);
      }
      const saved = await db.save(PersonEntity, db.merge(PersonEntity, person, dto));
      await this.recordChange(db, saved, 'person.updated', Object.keys(dto), principal);
      return saved;
    });
  }

  /** Names the fields that changed and the non-personal values (agency, roles, manager). */
  private recordChange(
    db: EntityManager,
    person: PersonEntity,
    event: string,
    fields: string[],
    principal: Principal,
  ): Promise<void> {
    return appendChronology(db, {
      subjectType: 'person',
      subjectId: person.id,
      event,
      chain: DIRECTORY_CHAIN,
      detail: {
        fields: fields.sort(),
        agencyId: person.agencyId,
        roles: person.roles,
        lineManagerId: person.lineManagerId,
      },
      ...auditedBy(principal),
    });
  }

  list(query: ListPeopleQuery, principal: Principal): Promise<PersonEntity[]> {
    const builder = this.visible(this.dataSource.manager, principal).orderBy('person.displayName');
    if (query.email) builder.andWhere('person.email = :email', { email: query.email });
    if (query.agencyId)
      builder.andWhere('person.agencyId = :agencyId', { agencyId: query.agencyId });
    if (query.active !== undefined)
      builder.andWhere('person.active = :active', { active: query.active });
    return builder.getMany();
  }

  get(id: string, principal: Principal): Promise<PersonEntity> {
    return this.find(this.dataSource.manager, id, principal);
  }

  /**
   * People leave. Whoever they manage passes to their line manager in the same transaction, and
   * each open action they own is then reassigned to that manager through its workflow (which
   * tells the new owner), so nothing is dropped and no escalation dead-ends. Should this stop
   * half-way, the chaser's messages to a deactivated owner already go to their line manager.
   */
  async deactivate(id: string, principal: Principal): Promise<Deactivation> {
    const { deactivation, openActions, successor } = await this.dataSource.transaction(
      async (db) => {
        const person = await this.visible(db, principal)
          .andWhere('person.id = :id', { id })
          .setLock('pessimistic_write')
          .getOne();
        if (!person) throw ProblemException.notFound('person');
        if (!person.active) {
          throw ProblemException.stageConflict('the person is already deactivated');
        }

        const open = await db.find(ActionEntity, {
          where: { ownerId: id, status: Not(In<ActionStatus>(['completed', 'cancelled'])) },
          select: { id: true, workflowId: true, status: true },
        });
        const reports = await db.count(PersonEntity, {
          where: { lineManagerId: id, active: true },
        });
        const successor = person.lineManagerId;
        if (!successor && (open.length > 0 || reports > 0)) {
          throw ProblemException.stageConflict(
            `the person owns ${open.length} open action(s) and manages ${reports} active person(s) but has no line manager to take them over: set a line manager first`,
          );
        }
        if (successor) {
          await db.update(PersonEntity, { lineManagerId: id }, { lineManagerId: successor });
        }
        const now = new Date();
        await db.update(PersonEntity, id, { active: false, deactivatedAt: now });
        await appendChronology(db, {
          subjectType: 'person',
          subjectId: id,
          event: 'person.deactivated',
          chain: DIRECTORY_CHAIN,
          detail: {
            successorId: successor,
            actionsRerouted: open.length,
            reportsRerouted: reports,
          },
          occurredAt: now,
          ...auditedBy(principal),
        });
        return {
          deactivation: {
            person: { ...person, active: false, deactivatedAt: now },
            actionsRerouted: open.length,
            reportsRerouted: reports,
          },
          openActions: open,
          successor,
        };
      },
    );
    for (const action of successor ? openActions : []) {
      await this.workflow
        .execute(action, reassignActionUpdate, {
          actorId: principal.personId,
          newOwnerId: successor as string,
        })
        // Closed or already theirs in the meantime: nothing left to pass on.
        .catch((error: unknown) => {
          if (!(error instanceof ProblemException && error.getStatus() === 409)) throw error;
        });
    }
    return deactivation;
  }

  private saving(work: (db: EntityManager) => Promise<PersonEntity>): Promise<PersonEntity> {
    return uniqueOn('email', 'a person with this email already exists', () =>
      this.dataSource.transaction(work),
    );
  }

  /** People of agencies in the principal's partnerships; anyone else is as good as unknown. */
  private visible(db: EntityManager, principal: Principal) {
    return db
      .createQueryBuilder(PersonEntity, 'person')
      .where(agencyInPrincipalPartnerships('person.agency_id'), scopeParameters(principal));
  }

  private async find(db: EntityManager, id: string, principal: Principal): Promise<PersonEntity> {
    const person = await this.visible(db, principal).andWhere('person.id = :id', { id }).getOne();
    if (!person) throw ProblemException.notFound('person');
    return person;
  }

  private async assertAgencyExists(
    db: EntityManager,
    agencyId: string,
    principal: Principal,
  ): Promise<void> {
    const visible = await db
      .createQueryBuilder(AgencyEntity, 'agency')
      .where('agency.id = :agencyId', { agencyId })
      .andWhere(agencyInPrincipalPartnerships('agency.id'), scopeParameters(principal))
      .getExists();
    if (!visible) throw ProblemException.unprocessable('agencyId', 'no agency with this id');
  }

  private async assertCanManage(
    db: EntityManager,
    managerId: string,
    principal: Principal,
  ): Promise<void> {
    const manager = await this.visible(db, principal)
      .andWhere('person.id = :managerId', { managerId })
      .getOne();
    if (!manager) throw ProblemException.unprocessable('lineManagerId', 'no person with this id');
    if (!manager.active) {
      throw ProblemException.unprocessable('lineManagerId', 'this person has been deactivated');
    }
  }

  private async assertNoCycle(
    db: EntityManager,
    personId: string,
    managerId: string,
  ): Promise<void> {
    const chain: Array<{ id: string; line_manager_id: string | null }> = await db.query(
      `WITH RECURSIVE chain AS (
         SELECT id, line_manager_id FROM people WHERE id = $1
         UNION
         SELECT p.id, p.line_manager_id FROM people p JOIN chain c ON p.id = c.line_manager_id
       ) SELECT id, line_manager_id FROM chain`,
      [managerId],
    );
    const managerOf = new Map(chain.map((row) => [row.id, row.line_manager_id]));
    if (wouldCreateLineManagementCycle(personId, managerId, (id) => managerOf.get(id))) {
      throw ProblemException.unprocessable(
        'lineManagerId',
        'this would make a line-management cycle',
      );
    }
  }
}
