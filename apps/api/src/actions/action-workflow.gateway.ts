import { Inject, Injectable } from '@nestjs/common';
import { Client, type UpdateDefinition } from '@temporalio/client';
import type { ActionStatus } from '@safeguard/domain';
import { completeActionUpdate } from '@safeguard/workflows';
import { ProblemException } from '../common/problem';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { executeUpdateOrConflict } from '../temporal/workflow-updates';

/** The action a command is for, as the read model has it. */
export interface CommandTarget {
  workflowId: string;
  status: ActionStatus;
}

/**
 * The gateway to an action's workflow: commands on an action go through it as Temporal Updates,
 * whoever gives them: a signed-in person (ActionCommandsService, which decides who may), the
 * recipient of an action link, a meeting's minute-taker, or the directory passing on a leaver's
 * actions. The workflow's validator refuses one that
 * does not fit the stage, synchronously, and the read model is written before the update returns.
 */
@Injectable()
export class ActionWorkflowGateway {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /**
   * Throws a 409 ProblemException with the workflow's reason if the stage is wrong. A closed
   * item's workflow has finished, so the read model (written before its last update returned)
   * gives the reason instead.
   */
  async execute<Command>(
    action: CommandTarget,
    update: UpdateDefinition<unknown, [Command]>,
    command: Command,
  ): Promise<void> {
    if (action.status === 'completed' || action.status === 'cancelled') {
      throw ProblemException.stageConflict(`the action is already ${action.status}`);
    }
    await executeUpdateOrConflict(
      this.temporal,
      action.workflowId,
      update,
      command,
      'the action is not being chased: it is closed, or its chaser has not started yet',
    );
  }

  complete(action: CommandTarget, actorId: string, noteId?: string): Promise<void> {
    return this.execute(action, completeActionUpdate, { actorId, noteId });
  }
}
