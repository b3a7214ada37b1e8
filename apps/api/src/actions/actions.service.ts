import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ActionEntity,
  ActionNoteEntity,
  newChasedItemRow,
  nextReference,
  NotificationEntity,
  partnershipChain,
} from '@safeguard/persistence';
import { actionChaserWorkflow, actionWorkflowId } from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NamedPeople } from '../directory/named-people';
import { auditedBy, type Principal, assertOwnPartnership } from '../auth/principal';
import { PoliciesService } from '../policies/policies.service';
import { processStart, ProcessStarter } from '../temporal/process-starter';
import { ActionAccess } from './action-access';
import { chaseLadder, chaserInput, type ChaseStep } from './chaser-input';
import { ActionView } from './dto/action.view';
import { CreateActionDto } from './dto/create-action.dto';
import { recordRead } from '../audit/record-read';

@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processes: ProcessStarter,
    private readonly policies: PoliciesService,
    private readonly access: ActionAccess,
    private readonly people: NamedPeople,
  ) {}

  /**
   * Records the action and starts its chaser in one transaction: if Temporal refuses the start,
   * nothing is committed and the caller gets an error, so no accepted action goes unchased.
   */
  async create(dto: CreateActionDto, principal: Principal): Promise<ActionView> {
    assertOwnPartnership(principal, dto.partnershipId);
    await this.people.assertNamed(dto.ownerId, 'ownerId', { partnership: dto.partnershipId });
    const id = randomUUID();
    const now = new Date();
    const workflowId = actionWorkflowId(id);
    const { action } = await this.processes.recordAndStart(
      dto.partnershipId,
      async (db, policy) => {
        const urgent = dto.urgent ?? false;
        const action = db.create(
          ActionEntity,
          newChasedItemRow(
            {
              id,
              reference: await nextReference(db, 'ACT', now),
              workflowId,
              kind: 'action',
              title: dto.title,
              ownerId: dto.ownerId,
              dueAt: new Date(dto.dueAt),
              urgent,
              partnershipId: dto.partnershipId,
              policy,
            },
            now,
          ),
        );
        await db.insert(ActionEntity, action);
        return {
          action,
          ...processStart({
            workflow: actionChaserWorkflow,
            workflowId,
            args: [chaserInput({ ...action, actionId: id }, policy)],
            what: 'action',
            chronology: [
              {
                subjectType: 'action',
                subjectId: id,
                event: 'action.created',
                chain: partnershipChain(dto.partnershipId),
                detail: {
                  ownerId: dto.ownerId,
                  dueAt: action.dueAt.toISOString(),
                  policyVersion: policy.version,
                  urgent,
                },
                occurredAt: now,
                ...auditedBy(principal),
              },
            ],
          }),
        };
      },
    );
    // An action agreed outside a meeting or an enquiry: nobody else answers for it.
    const created = { action, accountableId: null, enquiryReference: null };
    const commands = this.access.commandsFor(created, principal);
    return ActionView.full(action, [], [], commands, await this.ladder(action));
  }

  /** Reading a case record is itself recorded: who looked at this adult's case, and when. */
  async get(id: string, principal: Principal): Promise<ActionView> {
    const view = await this.load(id, principal);
    await recordRead(this.dataSource, principal, {
      subjectType: 'action',
      subjectId: id,
      event: 'action.viewed',
      partnershipId: view.partnershipId,
    });
    return view;
  }

  async load(id: string, principal: Principal): Promise<ActionView> {
    const target = await this.access.visible(id, principal);
    const { action } = target;
    const [notes, reminders, ladder] = await Promise.all([
      this.dataSource.manager.find(ActionNoteEntity, {
        where: { actionId: id },
        order: { createdAt: 'ASC' },
      }),
      this.dataSource.manager.find(NotificationEntity, {
        where: { subjectType: 'action', subjectId: id },
        order: { createdAt: 'ASC' },
      }),
      this.ladder(action),
    ]);
    const commands = this.access.commandsFor(target, principal);
    return ActionView.full(action, notes, reminders, commands, ladder);
  }

  /** Its chase plan while open, from the policy version it is chased under. */
  private async ladder(action: ActionEntity): Promise<ChaseStep[]> {
    const open = action.status !== 'completed' && action.status !== 'cancelled';
    if (!open || !action.partnershipId || action.policyVersion === null) return [];
    const policy = await this.policies.version(action.partnershipId, action.policyVersion);
    return chaseLadder({ ...action, actionId: action.id }, policy, new Date());
  }
}
