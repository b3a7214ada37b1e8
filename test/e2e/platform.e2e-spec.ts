import { freePort, repoRoot } from '@safeguard/dev-stack';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiUrl } from './support/e2e-env';
import { ExtraApps } from './support/extra-apps';
import { get } from './support/http';

describe('liveness, readiness and the API description', () => {
  it('is live and ready when the database, Temporal and a polling worker are there', async () => {
    expect((await get('/health')).body).toEqual({ status: 'ok' });
    const ready = await get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      database: { status: 'up' },
      temporal: { status: 'up' },
      worker: { status: 'up' },
    });
  });

  it('serves the same OpenAPI document that is committed in docs/openapi.json', async () => {
    const served = (await get('/docs-json')).body;
    const committed = JSON.parse(readFileSync(join(repoRoot, 'docs', 'openapi.json'), 'utf8'));
    // If this fails, the API changed: run `npm run openapi` and commit docs/openapi.json.
    expect(served).toEqual(committed);
    expect((await get('/docs')).contentType).toContain('text/html');
  });

  it('returns the caller’s request id, or a new one', async () => {
    const response = await fetch(`${apiUrl()}/health`, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect((await fetch(`${apiUrl()}/health`)).headers.get('x-request-id')).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });
});

describe('processes that cannot do their job say so', () => {
  const extra = new ExtraApps();
  afterAll(() => extra.stopAll());

  it('reports not ready while no worker polls its task queue', async () => {
    const url = await extra.api({ TEMPORAL_TASK_QUEUE: 'nobody-polls-this-queue' });
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).checks.worker).toEqual({
      status: 'down',
      detail: 'no worker is polling task queue nobody-polls-this-queue',
    });
  });

  it('stops a worker whose first connection to Temporal fails, with an error', async () => {
    const deadPort = await freePort();
    const worker = extra.run('worker', { TEMPORAL_ADDRESS: `127.0.0.1:${deadPort}` });
    expect(await worker.exitCode).toBe(1);
    expect(worker.output()).toContain('worker stopped');
  });

  it('refuses to start with bad configuration, naming each bad variable', async () => {
    const api = extra.run('api', { DATABASE_URL: 'mysql://elsewhere/db', PORT: 'eighty' });
    expect(await api.exitCode).toBe(1);
    expect(api.output()).toContain('DATABASE_URL must be a URL using postgres or postgresql');
    expect(api.output()).toContain('PORT must be a port number');
  });
});
