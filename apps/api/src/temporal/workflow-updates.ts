import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type UpdateDefinition,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { STAGE_CONFLICT } from '@safeguard/workflows';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ProblemException, ProblemType } from '../common/problem';

/**
 * Gives a command to a running workflow as an Update. The workflow's validator refuses one that
 * does not fit the stage, synchronously, and the refusal becomes 409 with the workflow's own
 * reason; a workflow that has finished (or has not started) becomes 409 with `notRunning`.
 */
export async function executeUpdateOrConflict<Result, Command>(
  temporal: Client,
  workflowId: string,
  update: UpdateDefinition<Result, [Command]>,
  command: Command,
  notRunning: string,
): Promise<Result> {
  try {
    return await temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [command] });
  } catch (error) {
    if (
      error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === STAGE_CONFLICT
    ) {
      throw ProblemException.stageConflict(error.cause.message);
    }
    if (error instanceof WorkflowNotFoundError) throw ProblemException.stageConflict(notRunning);
    throw error;
  }
}

/**
 * Words never enter a workflow: what a command says is stored first and the command carries its
 * id. If the workflow refuses the command, what was stored goes too, so a refusal changes nothing;
 * after any other failure the command may still have been accepted, so it stays.
 */
export async function undoneIfRefused<T>(
  command: () => Promise<T>,
  undo: () => Promise<unknown>,
): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof ProblemException && error.problem.type === ProblemType.stageConflict) {
      await undo();
    }
    throw error;
  }
}

/**
 * The usual shape of a command with words: the row holding them is stored first, the command
 * (given the row's id) goes to the workflow, and a refused command takes the row with it.
 */
export async function storedFirst<Row extends { id: string }>(
  db: EntityManager,
  target: EntityTarget<Row>,
  row: Row,
  command: (id: string) => Promise<unknown>,
): Promise<void> {
  await db.insert(target, row as QueryDeepPartialEntity<Row>);
  await undoneIfRefused(
    () => command(row.id),
    () => db.delete(target, row.id),
  );
}

const START_PATIENCE_MS = 10_000;

/**
 * Waits (briefly) for a workflow's "started" Update, so what it opens takes commands as soon as we
 * answer. The work is recorded and its workflow accepted either way: with no worker running, it
 * starts when one comes back, and we do not hold the caller until then.
 */
export async function startedWithin(
  temporal: Client,
  workflowId: string,
  started: UpdateDefinition<unknown, []>,
  patienceMs = START_PATIENCE_MS,
): Promise<void> {
  const update = temporal.workflow.getHandle(workflowId).executeUpdate(started);
  let timer: NodeJS.Timeout | undefined;
  const patience = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, patienceMs);
  });
  await Promise.race([update.catch(() => undefined), patience]).finally(() => clearTimeout(timer));
}
