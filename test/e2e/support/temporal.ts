import { Client, Connection } from '@temporalio/client';
import type { DataConverter, Payload } from '@temporalio/common';
import { decode } from '@temporalio/common/lib/internal-non-workflow/codec-helpers';
import { historyToJSON, JSONToPayload, type History } from '@temporalio/common/lib/proto-utils';
import { EnvReader, readTemporalSettings, type TemporalSettings } from '@safeguard/platform';
import { stackAppEnv } from './e2e-env';

/** The stack's Temporal settings, payload keys included, read exactly as the apps read them. */
export function stackTemporalSettings(): TemporalSettings {
  const env = new EnvReader(stackAppEnv());
  const settings = readTemporalSettings(env);
  env.assertValid();
  return settings;
}

/**
 * Runs `use` with a client that has no codec: what it fetches is what the server stores.
 * Give it the stack's data converter to act as the apps do instead.
 */
export async function withClient<T>(
  use: (client: Client) => Promise<T>,
  dataConverter?: DataConverter,
): Promise<T> {
  const connection = await Connection.connect({ address: stackAppEnv().TEMPORAL_ADDRESS });
  try {
    return await use(new Client({ connection, dataConverter }));
  } finally {
    await connection.close();
  }
}

export const rawHistory = (workflowId: string): Promise<History> =>
  withClient((client) => client.workflow.getHandle(workflowId).fetchHistory());

/** A payload in a history, with where it sits (e.g. `events.4.…result.payloads.0`). */
export interface StoredPayload {
  path: string;
  payload: Payload;
}

/** Every payload in a history (inputs, results, update arguments, failure attributes, headers…). */
export function storedPayloads(history: History): StoredPayload[] {
  const found: StoredPayload[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const metadata = (node as { metadata?: Record<string, unknown> }).metadata;
    if (typeof metadata?.encoding === 'string') {
      found.push({ path, payload: JSONToPayload(node) });
      return;
    }
    for (const [key, child] of Object.entries(node)) visit(child, path ? `${path}.${key}` : key);
  };
  visit(JSON.parse(historyToJSON(history)), '');
  return found;
}

/** The history's payloads decrypted with the stack's keys, as the apps read them. */
export async function decodedPayloads(history: History): Promise<Payload[]> {
  const { payloadCodecs = [] } = stackTemporalSettings().dataConverter;
  return decode(
    payloadCodecs,
    storedPayloads(history).map(({ payload }) => payload),
  );
}

/** Every failure in a history, as stored. */
export function storedFailures(history: History): Array<{ path: string; failure: any }> {
  const found: Array<{ path: string; failure: any }> = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      const childPath = path ? `${path}.${key}` : key;
      // `cause` is also the name of an enum beside a failure; failures are objects.
      const isFailure = (key === 'failure' || key === 'cause') && typeof child === 'object';
      if (isFailure && child !== null) found.push({ path: childPath, failure: child });
      visit(child, childPath);
    }
  };
  visit(JSON.parse(historyToJSON(history)), '');
  return found;
}

export const utf8 = (bytes: Uint8Array | null | undefined): string =>
  Buffer.from(bytes ?? []).toString('utf8');
