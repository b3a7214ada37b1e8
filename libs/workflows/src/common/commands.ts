import { setHandler, ApplicationFailure } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';

/** Failure type an update validator raises for a command that does not fit the stage (HTTP 409). */
export const STAGE_CONFLICT = 'StageConflict';

export function refuseIf(reason: string | undefined): void {
  if (reason) throw ApplicationFailure.nonRetryable(reason, STAGE_CONFLICT);
}

/**
 * Registers a process's commands as Updates handled one at a time, after `first` (the process's
 * own opening steps). The validator refuses a command that does not fit at the door; the handler
 * asks again when its turn comes, because a command queued behind another may no longer fit.
 */
export function oneCommandAtATime(first: Promise<unknown>) {
  let queue = first;
  return function on<Result, Command>(
    update: UpdateDefinition<Result, [Command]>,
    why: (command: Command) => string | undefined,
    handle: (command: Command) => Promise<Result>,
  ): void {
    setHandler(
      update,
      (command: Command) => {
        const turn = queue.then(() => {
          refuseIf(why(command));
          return handle(command);
        });
        queue = turn.catch(() => undefined);
        return turn;
      },
      { validator: (command: Command) => refuseIf(why(command)) },
    );
  };
}
