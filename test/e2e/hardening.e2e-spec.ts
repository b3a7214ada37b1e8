import { randomUUID } from 'node:crypto';
import { adminToken, apiUrl } from './support/e2e-env';
import { ExtraApps } from './support/extra-apps';
import { createAgency, get } from './support/http';

async function send(path: string, init: RequestInit & { url?: string } = {}) {
  const response = await fetch(`${init.url ?? apiUrl()}${path}`, init);
  const text = await response.text();
  return { response, body: text && text.startsWith('{') ? JSON.parse(text) : text };
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return send(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${adminToken()}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe('HTTP hardening', () => {
  const extra = new ExtraApps();
  afterAll(() => extra.stopAll());

  it('sends security headers', async () => {
    const { response } = await send('/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps CORS closed unless origins are configured', async () => {
    const { response } = await send('/health', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an oversized body with 413 problem+json', async () => {
    const { response, body } = await postJson('/partnerships', {
      name: 'x'.repeat(200_000),
      nation: 'scotland',
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    // Refused before Nest's own middleware runs, and still with its type and request id.
    expect(body).toMatchObject({
      status: 413,
      type: 'urn:safeguarding:problem:too-large',
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('limits requests per client with 429 problem+json, but never the probes', async () => {
    const url = await extra.api({ RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await send('/partnerships', { url })).response.status);
    // Counted before authentication, so a flood of bad tokens is limited too.
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await send('/partnerships', { url });
    expect(limited.response.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await send('/health', { url })).response.status).toBe(200);
    expect(limited.body).toMatchObject({
      status: 429,
      type: 'urn:safeguarding:problem:rate-limited',
      requestId: expect.any(String),
    });
  });

  it('counts one budget per client across every route, not one per route', async () => {
    const url = await extra.api({ RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (const path of ['/partnerships', '/people', '/agencies', '/me/actions'])
      statuses.push((await send(path, { url })).response.status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('gives routes whose path is a credential a tighter budget of their own', async () => {
    const url = await extra.api({
      RATE_LIMIT_PER_MINUTE: '100',
      CREDENTIAL_RATE_LIMIT_PER_MINUTE: '2',
    });
    const guesses: number[] = [];
    for (const path of ['/links/guess-1', '/calendar/guess-2.ics', '/LINKS/guess-3'])
      guesses.push((await send(path, { url })).response.status);
    expect(guesses.slice(0, 2)).not.toContain(429);
    expect(guesses[2]).toBe(429);
    // The rest of the API still answers that client.
    expect((await send('/partnerships', { url })).response.status).toBe(401);
  });
});

describe('Idempotency-Key on creating POSTs', () => {
  async function newPersonBody() {
    const agency = await createAgency();
    return {
      displayName: 'Retry Tester',
      email: `retry-${randomUUID()}@agency.example`,
      agencyId: agency.id,
      roles: ['practitioner'],
    };
  }

  it('returns the stored result for the same key and body, creating once', async () => {
    const body = await newPersonBody();
    const key = randomUUID();
    const first = await postJson('/people', body, { 'idempotency-key': key });
    const second = await postJson('/people', body, { 'idempotency-key': key });

    expect(first.response.status).toBe(201);
    expect(second.response.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get('idempotent-replayed')).toBe('true');
    expect((await get(`/people?email=${body.email}`)).body).toHaveLength(1);
  });

  it('answers 422 when the same key comes with a different body', async () => {
    const body = await newPersonBody();
    const key = randomUUID();
    await postJson('/people', body, { 'idempotency-key': key });
    const changed = await postJson(
      '/people',
      { ...body, displayName: 'Someone Else' },
      { 'idempotency-key': key },
    );
    expect(changed.response.status).toBe(422);
    expect(changed.body.errors).toEqual([
      { field: 'Idempotency-Key', message: 'already used with a different request' },
    ]);
  });

  // 409 while the first request is still in progress: raced for real, with the first request
  // held inside its transaction, in races.e2e-spec.ts.

  it('lets a retry through after a failed attempt, which stores nothing', async () => {
    const key = randomUUID();
    const failed = await postJson('/people', { displayName: 'x' }, { 'idempotency-key': key });
    expect(failed.response.status).toBe(400);
    const body = await newPersonBody();
    const retried = await postJson('/people', body, { 'idempotency-key': key });
    expect(retried.response.status).toBe(201);
  });
});
