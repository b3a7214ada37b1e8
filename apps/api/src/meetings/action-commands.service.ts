import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { completeActionUpdate, STAGE_CONFLICT } from '@safeguard/workflows';
import { ProblemException } from '../common/problem';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/**
 * Completion goes through the action's workflow, which refuses it synchronously if the stage is
 * wrong, whoever asks: a signed-in person or the recipient of an action link.
 */
@Injectable()
export class ActionCompletionService {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** Throws a 409 ProblemException if the action cannot be completed (already done or closed). */
  async complete(workflowId: string, completedById: string): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(workflowId)
        .executeUpdate(completeActionUpdate, { args: [{ completedById }] });
    } catch (error) {
      throw translateUpdateFailure(error);
    }
  }
}

function translateUpdateFailure(error: unknown): unknown {
  if (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === STAGE_CONFLICT
  ) {
    return ProblemException.stageConflict(error.cause.message);
  }
  if (error instanceof WorkflowNotFoundError) {
    return ProblemException.stageConflict('the action is already closed');
  }
  return error;
}
