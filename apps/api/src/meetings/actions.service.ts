import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { formatReference, ukLocalDate } from '@safeguard/domain';
import {
  ActionEntity,
  appendChronology,
  NotificationEntity,
  partnershipChain,
  PersonEntity,
} from '@safeguard/persistence';
import { ActionChaserInput, actionChaserWorkflow, actionWorkflowId } from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ProblemException } from '../common/problem';
import { seesWholePartnership } from '../auth/access-rules';
import { auditedBy, type Principal } from '../auth/principal';
import { PoliciesService } from '../policies/policies.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { ActionCompletionService } from './action-completion.service';
import { ActionView } from './dto/action.view';
import { CreateActionDto } from './dto/create-action.dto';

@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly policies: PoliciesService,
    private readonly completion: ActionCompletionService,
  ) {}

  /**
   * Records the action and starts its chaser in one transaction: if Temporal refuses the start,
   * nothing is committed and the caller gets an error, so no accepted action goes unchased.
   */
  async create(dto: CreateActionDto, principal: Principal): Promise<ActionView> {
    if (!principal.partnershipIds.includes(dto.partnershipId)) {
      throw ProblemException.unprocessable('partnershipId', 'no partnership with this id');
    }
    await this.assertOwnerCanTakeIt(dto.ownerId, dto.partnershipId);
    const id = randomUUID();
    const now = new Date();
    const workflowId = actionWorkflowId(id);
    const action = await this.dataSource.transaction(async (db) => {
      const policy = await this.policies.latest(db, dto.partnershipId);
      if (!policy) {
        throw ProblemException.unprocessable('partnershipId', 'no partnership with this id');
      }
      const policyVersion = policy.version;
      const urgent = dto.urgent ?? false;
      const [{ sequence }] = await db.query(`SELECT nextval('action_reference_seq') AS sequence`);
      const record = db.create(ActionEntity, {
        id,
        reference: formatReference('ACT', ukLocalDate(now).year, Number(sequence)),
        title: dto.title,
        ownerId: dto.ownerId,
        partnershipId: dto.partnershipId,
        policyVersion,
        urgent,
        dueAt: new Date(dto.dueAt),
        status: 'open',
        processVersion: 1,
        workflowId,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
      });
      await db.insert(ActionEntity, record);
      // Start before appending: the chronology append holds its chain's lock until commit,
      // and the Temporal round trip should not be inside that lock.
      await this.startChaser(workflowId, {
        actionId: id,
        dueAt: record.dueAt.toISOString(),
        policy: { partnershipId: dto.partnershipId, version: policyVersion },
        delivery: {
          nation: policy.document.nation,
          sendWindow: policy.document.sendWindow,
          urgent,
        },
      });
      await appendChronology(db, {
        subjectType: 'action',
        subjectId: id,
        event: 'action.created',
        chain: partnershipChain(dto.partnershipId),
        detail: {
          ownerId: dto.ownerId,
          dueAt: record.dueAt.toISOString(),
          policyVersion,
          urgent,
        },
        occurredAt: now,
        ...auditedBy(principal),
      });
      return record;
    });
    return ActionView.of(action, []);
  }

  /** Reading a case record is itself recorded: who looked at this adult's case, and when. */
  async get(id: string, principal: Principal): Promise<ActionView> {
    const view = await this.load(id, principal);
    await this.dataSource.transaction((db) =>
      appendChronology(db, {
        subjectType: 'action',
        subjectId: id,
        event: 'action.viewed',
        kind: 'read',
        chain: partnershipChain(view.partnershipId),
        ...auditedBy(principal),
      }),
    );
    return view;
  }

  private async load(id: string, principal: Principal): Promise<ActionView> {
    const action = await this.visibleTo(principal).andWhere('action.id = :id', { id }).getOne();
    if (!action) throw ProblemException.notFound('action');
    const reminders = await this.dataSource.manager.find(NotificationEntity, {
      where: { subjectType: 'action', subjectId: id },
      order: { createdAt: 'ASC' },
    });
    return ActionView.of(action, reminders);
  }

  /** The update writes the read model before it returns, so the reload shows `completed`. */
  async complete(id: string, principal: Principal): Promise<ActionView> {
    const action = await this.load(id, principal);
    await this.completion.complete(action.workflowId, principal.personId);
    return this.load(id, principal);
  }

  /**
   * Actions in the principal's partnerships that their agency is party to (its people own them),
   * or all of them for partnership-wide leads. The filter is in the query, so an action outside
   * it is simply not found.
   */
  private visibleTo(principal: Principal) {
    const query = this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'action')
      .innerJoin(PersonEntity, 'owner', 'owner.id = action.owner_id')
      .where('action.partnership_id = ANY(:partnershipIds)', {
        partnershipIds: principal.partnershipIds,
      });
    return seesWholePartnership(principal)
      ? query
      : query.andWhere('owner.agency_id = :agencyId', { agencyId: principal.agencyId });
  }

  /** The owner must be an active person of an agency in the action's partnership. */
  private async assertOwnerCanTakeIt(ownerId: string, partnershipId: string): Promise<void> {
    const [owner] = await this.dataSource.query(
      `SELECT p.active FROM people p
         JOIN agency_partnerships ap ON ap.agency_id = p.agency_id AND ap.partnership_id = $2
        WHERE p.id = $1`,
      [ownerId, partnershipId],
    );
    if (!owner) throw ProblemException.unprocessable('ownerId', 'no person with this id');
    if (!owner.active) {
      throw ProblemException.unprocessable('ownerId', 'this person has been deactivated');
    }
  }

  private async startChaser(workflowId: string, input: ActionChaserInput): Promise<void> {
    try {
      await this.temporal.workflow.start(actionChaserWorkflow, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId,
        args: [input],
      });
    } catch (error) {
      throw ProblemException.unavailable(
        `the workflow service did not accept the action (${error instanceof Error ? error.name : 'error'}); nothing was recorded`,
      );
    }
  }
}
