import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { EnvReader } from './env-reader';
import { encryptingDataConverter, readPayloadKeyring } from './payload-codec';

/**
 * Where Temporal is and how to reach it. The same settings serve a local dev server,
 * a self-hosted cluster with mTLS and Temporal Cloud with an API key.
 */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  /** Shared by the client and the worker's native connection. */
  connection: { address: string; tls: TLSConfig | false; apiKey?: string };
  /** Encrypts payloads and failure messages; the client and the worker must share it. */
  dataConverter: DataConverter;
}

export const DEFAULT_TASK_QUEUE = 'safeguarding';

export function readTemporalSettings(env: EnvReader): TemporalSettings {
  const address = env.string('TEMPORAL_ADDRESS', 'localhost:7233');
  const namespace = env.string('TEMPORAL_NAMESPACE', 'default');
  const taskQueue = env.string('TEMPORAL_TASK_QUEUE', DEFAULT_TASK_QUEUE);
  const apiKey = env.optional('TEMPORAL_API_KEY');
  const certPath = env.optional('TEMPORAL_TLS_CERT_PATH');
  const keyPath = env.optional('TEMPORAL_TLS_KEY_PATH');
  const caPath = env.optional('TEMPORAL_TLS_CA_PATH');
  const serverName = env.optional('TEMPORAL_TLS_SERVER_NAME');
  const tlsWanted = env.boolean('TEMPORAL_TLS', Boolean(apiKey || certPath || caPath));
  if (Boolean(certPath) !== Boolean(keyPath)) {
    env.string(certPath ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH');
  }
  const tls: TLSConfig | false = tlsWanted
    ? {
        serverNameOverride: serverName,
        serverRootCACertificate: caPath ? readFileSync(caPath) : undefined,
        clientCertPair:
          certPath && keyPath
            ? { crt: readFileSync(certPath), key: readFileSync(keyPath) }
            : undefined,
      }
    : false;
  const dataConverter = encryptingDataConverter(readPayloadKeyring(env));
  return { address, namespace, taskQueue, connection: { address, tls, apiKey }, dataConverter };
}
