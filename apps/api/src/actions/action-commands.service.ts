import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_WORKING_HOURS } from '@safeguard/domain';
import { ActionEntity, ActionNoteEntity, type ActionNoteKind } from '@safeguard/persistence';
import {
  acknowledgeActionUpdate,
  cancelActionUpdate,
  decideExtensionUpdate,
  reassignActionUpdate,
  requestExtensionUpdate,
} from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { NamedPeople } from '../directory/named-people';
import { dueInstant } from '../common/validation';
import { PoliciesService } from '../policies/policies.service';
import { storedFirst } from '../temporal/workflow-updates';
import { ActionAccess } from './action-access';
import { ActionWorkflowGateway } from './action-workflow.gateway';
import { ActionsService } from './actions.service';
import {
  CancelActionDto,
  CompleteActionDto,
  DecideExtensionDto,
  ReassignActionDto,
  RequestExtensionDto,
} from './dto/action-commands.dto';
import { ActionView } from './dto/action.view';

/**
 * The owner's and the chair's commands on an action. Each is an Update of the action's workflow,
 * which refuses one that does not fit the stage (409) and writes the read model before it returns,
 * so the view returned afterwards already shows the change.
 */
@Injectable()
export class ActionCommandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ActionAccess,
    private readonly workflow: ActionWorkflowGateway,
    private readonly actions: ActionsService,
    private readonly people: NamedPeople,
    private readonly policies: PoliciesService,
  ) {}

  async acknowledge(id: string, principal: Principal): Promise<ActionView> {
    const target = await this.access.visible(id, principal);
    this.access.assertMay('acknowledge', target, principal);
    await this.workflow.execute(target.action, acknowledgeActionUpdate, {
      actorId: principal.personId,
    });
    return this.actions.load(id, principal);
  }

  async complete(id: string, dto: CompleteActionDto, principal: Principal): Promise<ActionView> {
    const target = await this.access.visible(id, principal);
    // Who may never do it hears 403 first; 409 is for those who may, but not now or not here.
    this.access.assertMay('complete', target, principal);
    await this.withNote(id, 'completion', dto.note, principal, (noteId) =>
      this.workflow.complete(target.action, principal.personId, noteId),
    );
    return this.actions.load(id, principal);
  }

  async requestExtension(
    id: string,
    dto: RequestExtensionDto,
    principal: Principal,
  ): Promise<ActionView> {
    const target = await this.access.visible(id, principal);
    this.access.assertMay('extension-request', target, principal);
    const proposedDueAt = (await this.dueInstant(target.action, dto.proposedDueAt)).toISOString();
    await this.withNote(id, 'extension-request', dto.reason, principal, (noteId) =>
      this.workflow.execute(target.action, requestExtensionUpdate, {
        actorId: principal.personId,
        proposedDueAt,
        noteId,
      }),
    );
    return this.actions.load(id, principal);
  }

  async decideExtension(
    id: string,
    dto: DecideExtensionDto,
    principal: Principal,
  ): Promise<ActionView> {
    const target = await this.access.visible(id, principal);
    this.access.assertMay('extension-decision', target, principal);
    const approved = dto.decision === 'approve';
    const newDueAt =
      approved && dto.newDueAt
        ? (await this.dueInstant(target.action, dto.newDueAt)).toISOString()
        : undefined;
    await this.withNote(id, 'extension-decision', dto.note, principal, (noteId) =>
      this.workflow.execute(target.action, decideExtensionUpdate, {
        actorId: principal.personId,
        approved,
        newDueAt,
        noteId,
      }),
    );
    return this.actions.load(id, principal);
  }

  async reassign(id: string, dto: ReassignActionDto, principal: Principal): Promise<ActionView> {
    const target = await this.access.visible(id, principal);
    this.access.assertMay('reassign', target, principal);
    await this.people.assertNamed(dto.newOwnerId, 'newOwnerId', {
      partnership: target.action.partnershipId ?? '',
    });
    await this.workflow.execute(target.action, reassignActionUpdate, {
      actorId: principal.personId,
      newOwnerId: dto.newOwnerId,
    });
    return this.actions.load(id, principal);
  }

  async cancel(id: string, dto: CancelActionDto, principal: Principal): Promise<ActionView> {
    const target = await this.access.visible(id, principal);
    this.access.assertMay('cancel', target, principal);
    await this.withNote(id, 'cancellation', dto.reason, principal, (noteId) =>
      this.workflow.execute(target.action, cancelActionUpdate, {
        actorId: principal.personId,
        noteId,
      }),
    );
    return this.actions.load(id, principal);
  }

  /** A due date as typed: a day ends when the working day ends under the item's own policy. */
  private async dueInstant(action: ActionEntity, value: string): Promise<Date> {
    const policy =
      action.partnershipId && action.policyVersion !== null
        ? await this.policies.version(action.partnershipId, action.policyVersion)
        : undefined;
    return dueInstant(value, policy?.document.workingDay ?? DEFAULT_WORKING_HOURS);
  }

  /** Free text never enters a workflow: the note is stored first and the command carries its id. */
  private async withNote(
    actionId: string,
    kind: ActionNoteKind,
    text: string | undefined,
    principal: Principal,
    command: (noteId: string | undefined) => Promise<void>,
  ): Promise<void> {
    if (text === undefined) return command(undefined);
    const note = this.dataSource.manager.create(ActionNoteEntity, {
      id: randomUUID(),
      actionId,
      kind,
      text,
      authorId: principal.personId,
      createdAt: new Date(),
    });
    await storedFirst(this.dataSource.manager, ActionNoteEntity, note, command);
  }
}
