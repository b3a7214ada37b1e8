import { startApp } from '@safeguard/dev-stack';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA } from '@safeguard/platform';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow/data-converter-helpers';
import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow/codec-helpers';
import type { History } from '@temporalio/common/lib/proto-utils';
import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { stackAppEnv } from './support/e2e-env';
import { createPerson, get, post, postAction } from './support/http';
import {
  decodedPayloads,
  rawHistory,
  stackTemporalSettings,
  storedFailures,
  storedPayloads,
  utf8,
  withClient,
} from './support/temporal';
import { E2E_WAIT_MS } from './support/waits';

/** Histories at rest hold nothing readable: every payload and failure message is encrypted. */
describe('workflow histories are encrypted at rest', () => {
  const keyIds = stackAppEnv()
    .TEMPORAL_PAYLOAD_KEYS.split(',')
    .map((entry) => entry.split(':')[0].trim());

  it('stores every payload of an action’s workflow encrypted under a named key', async () => {
    const owner = await createPerson('Priya Shah');
    const created = await postAction(owner, {
      title: 'Share the GP summary about Mrs Example',
      urgent: true,
    });
    expect(created.status).toBe(201);
    const { id: actionId, workflowId } = created.body;
    await until(async () => {
      const action = (await get(`/actions/${actionId}`)).body;
      return action.reminders[0]?.status === 'sent' && action.status === 'due';
    });
    expect((await post(`/actions/${actionId}/complete`)).status).toBe(200);
    const { dataConverter } = stackTemporalSettings();
    // The apps' converter reads the result back; the raw client below sees only ciphertext.
    const result = await withClient(
      (client) => client.workflow.getHandle(workflowId).result(),
      dataConverter,
    );
    expect(result).toMatchObject({ status: 'completed' });

    const history = await rawHistory(workflowId);
    const stored = storedPayloads(history);
    const where = stored.map(({ path }) => path).join('\n');
    for (const place of [
      'workflowExecutionStartedEventAttributes.input',
      'activityTaskScheduledEventAttributes.input',
      'activityTaskCompletedEventAttributes.result',
      'workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest.input.args',
      'workflowExecutionUpdateCompletedEventAttributes.outcome.success',
      'workflowExecutionCompletedEventAttributes.result',
    ]) {
      expect(where).toContain(place);
    }
    for (const { path, payload } of stored) {
      const metadata = payload.metadata ?? {};
      expect({ path, encoding: utf8(metadata.encoding) }).toEqual({
        path,
        encoding: ENCRYPTED_ENCODING,
      });
      expect(keyIds).toContain(utf8(metadata[KEY_ID_METADATA]));
      expect(Object.keys(metadata).sort()).toEqual(['encoding', KEY_ID_METADATA]);
      for (const readable of [actionId, 'json/plain', 'Priya', 'Mrs Example']) {
        expect({ path, readable: utf8(payload.data).includes(readable) }).toEqual({
          path,
          readable: false,
        });
      }
    }
    // The same bytes, decrypted with the stack's key, do hold the action id.
    const decoded = (await decodedPayloads(history)).map(({ data }) => utf8(data)).join('\n');
    expect(decoded).toContain(actionId);
  });

  it('stores failure messages and stack traces encrypted, and the apps still read them', async () => {
    const settings = stackTemporalSettings();
    const workflowId = `e2e-failing-${randomUUID()}`;
    // Started without its input, the chaser's code throws on its first task: a real failure
    // raised by the worker, recorded in history as a failed workflow task.
    await withClient(
      (client) =>
        client.workflow.start('actionChaserWorkflow', {
          taskQueue: settings.taskQueue,
          workflowId,
          args: [],
        }),
      settings.dataConverter,
    );
    try {
      const history = await until(async () => {
        const fetched = await rawHistory(workflowId);
        return failedTask(fetched) ? fetched : undefined;
      });
      const failure = failedTask(history)!;

      expect(failure.message).toBe('Encoded failure');
      expect(failure.stackTrace ?? '').toBe('');
      expect(utf8(failure.encodedAttributes?.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
      for (const { path, failure: stored } of storedFailures(history)) {
        expect({ path, message: stored.message }).toEqual({ path, message: 'Encoded failure' });
      }
      expect(utf8(failure.encodedAttributes?.data)).not.toContain('timetable');

      const error = await decodeOptionalFailureToOptionalError(
        loadDataConverter(settings.dataConverter),
        failure,
      );
      expect(error?.message).toContain("reading 'timetable'");
    } finally {
      await withClient((client) => client.workflow.getHandle(workflowId).terminate('e2e cleanup'));
    }
  });

  describe('the apps refuse to run without keys', () => {
    const started: ChildProcess[] = [];
    afterAll(() => started.forEach((child) => child.kill('SIGKILL')));

    async function exitOf(app: 'api' | 'worker', keys: string) {
      const child = startApp(app, {
        ...process.env,
        ...stackAppEnv(),
        TEMPORAL_PAYLOAD_KEYS: keys,
      });
      started.push(child);
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { code, output };
    }

    it('names TEMPORAL_PAYLOAD_KEYS when it is missing', async () => {
      const api = await exitOf('api', '');
      expect(api.code).toBe(1);
      expect(api.output).toContain('TEMPORAL_PAYLOAD_KEYS is required');
    });

    it('names a bad key by its id and never prints the key', async () => {
      const short = randomBytes(16).toString('base64');
      const worker = await exitOf('worker', `k1:${short}`);
      expect(worker.code).toBe(1);
      expect(worker.output).toContain('TEMPORAL_PAYLOAD_KEYS key k1 must be standard base64');
      expect(worker.output).not.toContain(short);
    });
  });
});

function failedTask(history: History) {
  return history.events?.find((event) => event.workflowTaskFailedEventAttributes)
    ?.workflowTaskFailedEventAttributes?.failure;
}

async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs = E2E_WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await probe();
    if (result !== undefined && result !== false) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('condition not met in time');
}
