import { setHandler, ApplicationFailure } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';

/** Failure type an update validator raises for a command that does not fit the stage (HTTP 409). */
export const STAGE_CONFLICT = 'StageConflict';

export function refuseIf(reason: string | undefined): void {
  if (reason) throw ApplicationFailure.nonRetryable(reason, STAGE_CONFLICT);
}

/**
 * Registers one command of a process as an Update: `why` says why it does not fit the stage now
 * (undefined when it does), `handle` carries it out and answers.
 */
export type CommandHandlers = <Result, Command>(
  update: UpdateDefinition<Result, [Command]>,
  why: (command: Command) => string | undefined,
  handle: (command: Command) => Promise<Result>,
) => void;

/**
 * Registers a process's commands as Updates handled one at a time, after `first` (the process's
 * own opening steps). The validator refuses a command that does not fit at the door; the handler
 * asks again when its turn comes, because a command queued behind another may no longer fit.
 */
export function oneCommandAtATime(first: Promise<unknown>): CommandHandlers {
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

/**
 * The older pattern, kept only so runs started under it replay unchanged (their histories have
 * no patch marker for oneCommandAtATime): the validator refuses a command that does not fit at
 * the door, and handlers then run as they come, concurrently, without asking again. New runs of
 * every process use oneCommandAtATime.
 */
export function eachCommandAsItComes(): CommandHandlers {
  return function on<Result, Command>(
    update: UpdateDefinition<Result, [Command]>,
    why: (command: Command) => string | undefined,
    handle: (command: Command) => Promise<Result>,
  ): void {
    setHandler(update, handle, { validator: (command: Command) => refuseIf(why(command)) });
  };
}
