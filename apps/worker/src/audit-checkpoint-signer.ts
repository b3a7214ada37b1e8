import { signCheckpoint } from '@safeguard/persistence';
import { type CheckpointSigningKey, loggableError } from '@safeguard/platform';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

export interface CheckpointSigner {
  stop(): void;
}

/**
 * Signs the head of every chronology chain now and then every interval (audit trail, "Signed
 * checkpoints" in docs/architecture.md). Every worker replica runs one; signCheckpoint lets only
 * one of them sign in each half interval. A timer in the worker rather than a Temporal schedule:
 * the audit trail's guard must not stop when the workflow service does. A failed attempt is
 * logged and tried again at the next tick; if signing stops altogether, the verifier reports the
 * checkpoint as stale after two intervals.
 */
export function startCheckpointSigner(options: {
  dataSource: DataSource;
  key: CheckpointSigningKey;
  intervalMs: number;
  log: Logger;
}): CheckpointSigner {
  const { dataSource, key, intervalMs, log } = options;
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= signCheckpoint(dataSource, key, { unlessSignedWithinMs: intervalMs / 2 })
      .then((checkpoint) => {
        if (checkpoint) {
          log.info(
            { checkpointId: checkpoint.id, chains: checkpoint.heads.length, keyId: key.keyId },
            'audit checkpoint signed',
          );
        }
      })
      .catch((error: unknown) =>
        log.warn({ err: loggableError(error) }, 'audit checkpoint not signed; trying again'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return { stop: () => clearInterval(timer) };
}
