import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type UpdateDefinition } from '@temporalio/client';
import { whyDisagreementClosed, type DisagreementProcessState } from '@safeguard/domain';
import {
  DisagreementRecordEntity,
  type DisagreementEntity,
  type DisagreementRecordKind,
} from '@safeguard/persistence';
import {
  acknowledgeStageUpdate,
  contributeUpdate,
  escalateDisagreementUpdate,
  markImmediateRiskUpdate,
  resolveDisagreementUpdate,
  withdrawDisagreementUpdate,
  type DisagreementCommand,
} from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { NamedPeople } from '../directory/named-people';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { executeUpdateOrConflict, storedFirst } from '../temporal/workflow-updates';
import { DisagreementAccess } from './disagreement-access';
import { DisagreementsService } from './disagreements.service';
import {
  ContributeDto,
  DisagreementReasonDto,
  ResolveDisagreementDto,
} from './dto/disagreement-commands.dto';
import { DisagreementView } from './dto/disagreement.view';

const NOT_STARTED =
  'the disagreement’s workflow has not begun its first stage yet: try again shortly';
const NOT_RUNNING = 'the disagreement is no longer being followed';

/** What a command says in writing, stored before the workflow hears of it. */
interface RecordContent {
  kind: DisagreementRecordKind;
  text: string;
  facts?: Record<string, unknown>;
}

/**
 * The commands of a professional disagreement. Each is checked (input, then who may see it, and
 * for a withdrawal who may give it), stores what it says first, then goes to the workflow as an
 * Update with ids only. The workflow refuses a command that does not fit (not a participant of
 * the stage, already acknowledged, nowhere to escalate to, closed): 409 with its reason, and what
 * was stored goes. It writes the read model before it answers, so the view returned shows the
 * change.
 */
@Injectable()
export class DisagreementCommandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly access: DisagreementAccess,
    private readonly people: NamedPeople,
    private readonly disagreements: DisagreementsService,
  ) {}

  async acknowledge(id: string, principal: Principal): Promise<DisagreementView> {
    const disagreement = await this.access.visible(id, principal);
    await this.update(disagreement, acknowledgeStageUpdate, { actorId: principal.personId });
    return this.answer(disagreement, principal);
  }

  async contribute(
    id: string,
    dto: ContributeDto,
    principal: Principal,
  ): Promise<DisagreementView> {
    const disagreement = await this.access.visible(id, principal);
    await this.withRecord(
      disagreement,
      principal,
      { kind: 'contribution', text: dto.text },
      (contributionId) =>
        this.update(disagreement, contributeUpdate, {
          actorId: principal.personId,
          contributionId,
        }),
    );
    return this.answer(disagreement, principal);
  }

  /** The agreed actions are kept in the outcome record, where the worker opens each from. */
  async resolve(
    id: string,
    dto: ResolveDisagreementDto,
    principal: Principal,
  ): Promise<DisagreementView> {
    const disagreement = await this.access.visible(id, principal);
    const agreedActions = dto.agreedActions ?? [];
    const now = Date.now();
    agreedActions.forEach((action, index) => {
      if (Date.parse(action.dueAt) <= now) {
        throw ProblemException.invalid([
          { field: `agreedActions.${index}.dueAt`, message: 'must be in the future' },
        ]);
      }
    });
    await this.people.assertAllNamed(
      agreedActions.map(({ ownerId }, index) => ({
        personId: ownerId,
        field: `agreedActions.${index}.ownerId`,
      })),
      { partnership: disagreement.partnershipId },
    );
    const facts = {
      agreedActions: agreedActions.map(({ title, ownerId, dueAt }) => ({
        title,
        ownerId,
        dueAt: new Date(dueAt).toISOString(),
      })),
    };
    await this.withRecord(
      disagreement,
      principal,
      { kind: 'outcome', text: dto.outcome, facts },
      (outcomeId) =>
        this.update(disagreement, resolveDisagreementUpdate, {
          actorId: principal.personId,
          outcomeId,
          agreedActions: agreedActions.length,
        }),
    );
    return this.answer(disagreement, principal);
  }

  async escalate(
    id: string,
    dto: DisagreementReasonDto,
    principal: Principal,
  ): Promise<DisagreementView> {
    const disagreement = await this.access.visible(id, principal);
    await this.withRecord(
      disagreement,
      principal,
      { kind: 'escalation', text: dto.reason },
      (reasonId) =>
        this.update(disagreement, escalateDisagreementUpdate, {
          actorId: principal.personId,
          reasonId,
        }),
    );
    return this.answer(disagreement, principal);
  }

  /**
   * Found to be an immediate risk after it was raised: anyone who may see it says so, with the
   * reason, and it goes to the designated leads at once (the workflow refuses it at stage 4, when
   * closed, or twice). The reason is kept as an escalation record.
   */
  async markImmediateRisk(
    id: string,
    dto: DisagreementReasonDto,
    principal: Principal,
  ): Promise<DisagreementView> {
    const disagreement = await this.access.visible(id, principal);
    await this.withRecord(
      disagreement,
      principal,
      { kind: 'escalation', text: dto.reason, facts: { immediateRisk: true } },
      (reasonId) =>
        this.update(disagreement, markImmediateRiskUpdate, {
          actorId: principal.personId,
          reasonId,
        }),
    );
    return this.answer(disagreement, principal);
  }

  async withdraw(
    id: string,
    dto: DisagreementReasonDto,
    principal: Principal,
  ): Promise<DisagreementView> {
    const disagreement = await this.access.visible(id, principal);
    this.access.assertMayWithdraw(disagreement, principal);
    await this.withRecord(
      disagreement,
      principal,
      { kind: 'withdrawal', text: dto.reason },
      (withdrawalId) =>
        this.update(disagreement, withdrawDisagreementUpdate, {
          actorId: principal.personId,
          withdrawalId,
        }),
    );
    return this.answer(disagreement, principal);
  }

  /** Words never enter the workflow: the record is stored first, at the stage it was made. */
  private async withRecord(
    disagreement: DisagreementEntity,
    principal: Principal,
    content: RecordContent,
    command: (recordId: string) => Promise<unknown>,
  ): Promise<void> {
    const record = {
      id: randomUUID(),
      disagreementId: disagreement.id,
      kind: content.kind,
      stage: disagreement.stage,
      text: content.text,
      facts: content.facts ?? {},
      authorId: principal.personId,
      createdAt: new Date(),
    };
    await storedFirst(this.dataSource.manager, DisagreementRecordEntity, record, command);
  }

  private async update<Command extends DisagreementCommand>(
    disagreement: DisagreementEntity,
    update: UpdateDefinition<DisagreementProcessState, [Command]>,
    command: Command,
  ): Promise<void> {
    this.assertRunning(disagreement);
    await executeUpdateOrConflict(
      this.temporal,
      disagreement.workflowId,
      update,
      command,
      NOT_RUNNING,
    );
  }

  /**
   * A resolved or withdrawn disagreement's workflow has finished, so the read model gives the
   * domain's own reason; one whose workflow has not begun has no stage to act on yet.
   */
  private assertRunning(disagreement: DisagreementEntity): void {
    if (disagreement.stageKey === null) throw ProblemException.stageConflict(NOT_STARTED);
    const closed = whyDisagreementClosed(disagreement.status);
    if (closed) throw ProblemException.stageConflict(closed);
  }

  private async answer(
    disagreement: DisagreementEntity,
    principal: Principal,
  ): Promise<DisagreementView> {
    return this.disagreements.view(await this.access.reloaded(disagreement), principal);
  }
}
