import {
  EnvReader,
  readActionLinkSecret,
  signActionLink,
  type ActionLinkVerb,
} from '@safeguard/platform';
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { Client } from 'pg';
import { adminToken, apiUrl, stackAppEnv } from './support/e2e-env';
import {
  createAgency,
  createPartnership,
  created,
  createPerson,
  get,
  tokenFor,
  unique,
  type TestPerson,
} from './support/http';

/**
 * Races run for real: the same request sent on several connections at once, against the real
 * stack. Each test works in a partnership of its own (its own audit chain) and asserts only on it.
 */

/** How many copies of a request race each other: enough to overlap, within the API's db pool. */
const COPIES = 8;

interface RacedRequest {
  path: string;
  /** A JSON body; without one, an empty form post, as a browser submits a link's form. */
  body?: unknown;
  /** Bearer token: the e2e operator's unless another (or none: null) is given. */
  token?: string | null;
  headers?: Record<string, string>;
}

interface RacedResponse<T = any> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

interface HeldRequest {
  request: ClientRequest;
  sent: Promise<unknown>;
  response: Promise<RacedResponse>;
}

/**
 * Opens one connection per request (no keep-alive pool that could queue them one after another)
 * and sends each request whole except the final chunk of its body. Only when every request has
 * reached that point are the final chunks sent, all in the same tick: the server cannot start on
 * any of them (bodies are parsed before anything else runs) until all of them are waiting.
 */
async function atOnce(requests: RacedRequest[]): Promise<RacedResponse[]> {
  const held = requests.map(holdBack);
  try {
    await Promise.all(held.map((each) => each.sent));
  } catch (error) {
    for (const each of held) each.request.destroy();
    throw error;
  }
  for (const each of held) each.request.end();
  return Promise.all(held.map((each) => each.response));
}

function holdBack({ path, body, token = adminToken(), headers = {} }: RacedRequest): HeldRequest {
  const api = new URL(apiUrl());
  const request = httpRequest({
    host: api.hostname,
    port: api.port,
    method: 'POST',
    path,
    agent: false,
    headers: {
      'content-type': body === undefined ? 'application/x-www-form-urlencoded' : 'application/json',
      // No length given: the body ends with the final chunk, which is what is held back.
      'transfer-encoding': 'chunked',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  });
  const response = new Promise<RacedResponse>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.once('error', reject);
      incoming.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = (incoming.headers['content-type'] ?? '').includes('json');
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: json && text ? JSON.parse(text) : text,
        });
      });
    });
  });
  // Awaited only after the barrier; a failure before it is reported through `sent`.
  response.catch(() => undefined);
  const connected = new Promise<void>((resolve, reject) => {
    request.once('error', reject);
    request.once('socket', (socket) => {
      if (socket.connecting) socket.once('connect', () => resolve());
      else resolve();
    });
  });
  request.flushHeaders();
  const bodySent =
    body === undefined
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) =>
          request.write(JSON.stringify(body), (error) => (error ? reject(error) : resolve())),
        );
  return { request, sent: Promise.all([connected, bodySent]), response };
}

const copiesOf = <T>(item: T, copies = COPIES): T[] => Array.from({ length: copies }, () => item);

const STAGE_CONFLICT = 'urn:safeguarding:problem:stage-conflict';
const STILL_IN_PROGRESS = 'A request with this Idempotency-Key is still in progress';

/** What a copy of an idempotent request got, in one word, so a failure shows every outcome. */
function idempotentOutcome(response: RacedResponse): string {
  if (response.status === 201) {
    return response.headers['idempotent-replayed'] === 'true' ? 'replayed' : 'created';
  }
  const problem = (response.headers['content-type'] ?? '').includes('application/problem+json');
  if (response.status === 409 && problem && response.body.title === STILL_IN_PROGRESS) {
    return 'in-progress';
  }
  return `${response.status} ${JSON.stringify(response.body)}`;
}

/** A command's outcome in one word: accepted, refused for its stage (409), or what went wrong. */
function commandOutcome(response: RacedResponse): string {
  if (response.status === 200) return 'accepted';
  const problem = (response.headers['content-type'] ?? '').includes('application/problem+json');
  if (response.status === 409 && problem && response.body.type === STAGE_CONFLICT) {
    return 'refused';
  }
  return `${response.status} ${JSON.stringify(response.body)}`;
}

/** The items, the first `by` of them moved to the end: so each goes first to some item. */
const rotated = <T>(by: number, items: T[]): T[] => {
  const at = by % items.length;
  return [...items.slice(at), ...items.slice(0, at)];
};

const count = <T>(items: T[], wanted: T) => items.filter((item) => item === wanted).length;
const in30Days = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
const in40Days = () => new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString();

/** An owner in an agency of the partnership. */
async function ownerIn(partnershipId: string): Promise<TestPerson> {
  const agency = await createAgency('police', [partnershipId]);
  return createPerson('Race Owner', { agencyId: agency.id });
}

/**
 * The body of an action due in 30 days and not urgent, so no reminder falls due during the test:
 * whatever lands in its chronology comes from the commands raced.
 */
const actionBody = (owner: TestPerson, partnershipId: string) => ({
  title: unique('Share the case notes'),
  ownerId: owner.id,
  partnershipId,
  dueAt: in30Days(),
});

function newAction(owner: TestPerson, partnershipId: string) {
  return created<{ id: string; reference: string }>('/actions', actionBody(owner, partnershipId));
}

/**
 * The action's own events (its creation, then what its process recorded), in the order the
 * process made them: by its version, as concurrent writes may land in either order.
 */
async function actionEvents(actionId: string): Promise<string[]> {
  const entries: Array<{ event: string; summary: { version?: number } }> = (
    await get(`/actions/${actionId}/chronology`)
  ).body;
  return entries
    .filter((entry) => entry.event.startsWith('action.'))
    .sort((a, b) => (a.summary.version ?? 0) - (b.summary.version ?? 0))
    .map((entry) => entry.event);
}

async function verifiedChain(partnershipId: string) {
  const verified = await get(`/audit/verify?chain=${partnershipId}`);
  expect(verified.status).toBe(200);
  return verified.body as { ok: boolean; chains: Array<{ ok: boolean; rows?: number }> };
}

function stackSecret(): Uint8Array {
  const env = new EnvReader(stackAppEnv());
  const secret = readActionLinkSecret(env);
  env.assertValid();
  return secret;
}

/** The backends that wait for a lock `holder` holds, once there are any. */
async function waitingFor(holder: Client): Promise<number[]> {
  const {
    rows: [{ pid }],
  } = await holder.query('SELECT pg_backend_pid() AS pid');
  const watcher = new Client({ connectionString: stackAppEnv().DATABASE_URL });
  await watcher.connect();
  try {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const { rows } = await watcher.query(
        `SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`,
        [pid],
      );
      if (rows.length > 0) return rows.map((row: { pid: number }) => row.pid);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('nothing reached the lock held for it');
  } finally {
    await watcher.end();
  }
}

describe('the same Idempotency-Key on several connections at once', () => {
  let sql: Client;
  beforeAll(async () => {
    sql = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await sql.connect();
  });
  afterAll(() => sql.end());

  it('records one action and one chronology entry; every copy gets that answer or 409', async () => {
    const partnership = await createPartnership();
    const owner = await ownerIn(partnership.id);
    const request = {
      path: '/actions',
      body: actionBody(owner, partnership.id),
      headers: { 'idempotency-key': randomUUID() },
    };

    const raced = await atOnce(copiesOf(request));

    const outcomes = raced.map(idempotentOutcome);
    expect(count(outcomes, 'created')).toBe(1);
    expect(
      outcomes.filter((o) => o !== 'created' && o !== 'replayed' && o !== 'in-progress'),
    ).toEqual([]);
    const first = raced[outcomes.indexOf('created')].body;
    for (const replay of raced.filter((_, i) => outcomes[i] === 'replayed')) {
      expect(replay.body).toEqual(first);
    }
    // Once the dust settles, a retry is answered with the first result.
    const [retried] = await atOnce([request]);
    expect(idempotentOutcome(retried)).toBe('replayed');
    expect(retried.body).toEqual(first);

    const { rows: actions } = await sql.query(`SELECT id FROM actions WHERE partnership_id = $1`, [
      partnership.id,
    ]);
    expect(actions).toEqual([{ id: first.id }]);
    const { rows: created } = await sql.query(
      `SELECT subject_id FROM chronology WHERE chain = $1 AND event = 'action.created'`,
      [partnership.id],
    );
    expect(created).toEqual([{ subject_id: first.id }]);
    expect((await verifiedChain(partnership.id)).ok).toBe(true);
  });

  it('answers 409 to every copy while the first is still being processed, then its result', async () => {
    const agency = await createAgency();
    const body = {
      displayName: 'Retry Tester',
      email: `retry-${randomUUID()}@agency.example`,
      agencyId: agency.id,
      roles: ['practitioner'],
    };
    const request = { path: '/people', body, headers: { 'idempotency-key': randomUUID() } };
    const holder = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await holder.connect();
    try {
      // A person's agency key is checked on insert (FOR KEY SHARE), which waits for this lock:
      // the first request is then truly under way, holding its key, until the lock goes.
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM agencies WHERE id = $1 FOR UPDATE`, [agency.id]);
      const firstAttempt = atOnce([request]);
      await waitingFor(holder);

      const copies = await atOnce(copiesOf(request));
      expect(copies.map(idempotentOutcome)).toEqual(copiesOf('in-progress'));

      await holder.query('ROLLBACK');
      const [first] = await firstAttempt;
      expect(idempotentOutcome(first)).toBe('created');
      const [retried] = await atOnce([request]);
      expect(idempotentOutcome(retried)).toBe('replayed');
      expect(retried.body).toEqual(first.body);
      expect((await get(`/people?email=${body.email}`)).body).toHaveLength(1);
    } finally {
      await holder.end();
    }
  });
});

describe('one single-use action link posted several times at once', () => {
  /** What a use that does the link's work says, what it does to the item, and what it records. */
  const LINKS: Record<ActionLinkVerb, { after: Record<string, unknown>; effect: string }> = {
    complete: {
      after: { status: 'completed' },
      effect: 'action.completed',
    },
    acknowledge: {
      after: { status: 'open', acknowledged: true },
      effect: 'action.acknowledged',
    },
  };

  it.each(Object.keys(LINKS) as ActionLinkVerb[])(
    'lets one use of a %s link do its work; every other is told it was used (410)',
    async (verb) => {
      const partnership = await createPartnership();
      const owner = await ownerIn(partnership.id);
      const action = await newAction(owner, partnership.id);
      const token = signActionLink(
        {
          linkId: randomUUID(),
          actionId: action.id,
          recipientId: owner.id,
          verb,
          expiresAt: new Date(Date.now() + 60 * 60 * 1000),
        },
        stackSecret(),
      );

      const raced = await atOnce(copiesOf({ path: `/links/${token}`, token: null }));

      const answers = raced.map(
        ({ status, body }) =>
          `${status} ${body.done ? `${body.reference} ${body.verb}` : body.type?.split(':').pop()}`,
      );
      expect(answers.sort()).toEqual([
        `200 ${action.reference} ${verb}`,
        ...copiesOf('410 link-used', COPIES - 1),
      ]);
      expect((await get(`/actions/${action.id}`)).body).toMatchObject(LINKS[verb].after);
      const entries: Array<{ event: string; summary: Record<string, unknown> }> = (
        await get(`/audit/records/action/${action.id}`)
      ).body;
      const uses = entries.filter((entry) => entry.event.startsWith('action-link.'));
      expect(uses.map((use) => `${use.event} ${String(use.summary.outcome)}`).sort()).toEqual([
        ...copiesOf('action-link.refused already-used', COPIES - 1),
        'action-link.used done',
      ]);
      expect(await actionEvents(action.id)).toEqual(['action.created', LINKS[verb].effect]);
      expect((await verifiedChain(partnership.id)).ok).toBe(true);
    },
  );
});

describe('commands on one item at once', () => {
  /** What each command writes to the item's chronology when it is accepted. */
  const EFFECT = {
    complete: 'action.completed',
    cancel: 'action.cancelled',
    'extension-request': 'action.extension-requested',
  } as const;
  const NOTE_KIND = {
    complete: 'completion',
    cancel: 'cancellation',
    'extension-request': 'extension-request',
  } as const;
  type Command = keyof typeof EFFECT;

  it('ends each item in one state, refuses the rest with 409, and records only what was done', async () => {
    const partnership = await createPartnership();
    const owner = await ownerIn(partnership.id);
    const asOwner = await tokenFor(owner.email);
    // Several items raced at once, so the winner differs from item to item.
    const actions = await Promise.all([1, 2, 3].map(() => newAction(owner, partnership.id)));
    const commands: Array<{ actionId: string; command: Command; request: RacedRequest }> =
      actions.flatMap(({ id }, index) =>
        rotated(index, [
          {
            actionId: id,
            command: 'complete' as const,
            request: { path: `/actions/${id}/complete`, body: { note: 'Shared on the day' } },
          },
          {
            actionId: id,
            command: 'cancel' as const,
            request: { path: `/actions/${id}/cancel`, body: { reason: 'Agreed elsewhere' } },
          },
          {
            actionId: id,
            command: 'extension-request' as const,
            request: {
              path: `/actions/${id}/extension-request`,
              body: { proposedDueAt: in40Days(), reason: 'Waiting for a report' },
              token: asOwner,
            },
          },
        ]),
      );

    const raced = await atOnce(commands.map((each) => each.request));

    const outcomes = raced.map(commandOutcome);
    expect(outcomes.filter((o) => o !== 'accepted' && o !== 'refused')).toEqual([]);
    for (const { id } of actions) {
      const accepted = commands
        .filter((each, i) => each.actionId === id && outcomes[i] === 'accepted')
        .map((each) => each.command);
      const closedBy = accepted.filter((command) => command !== 'extension-request');
      expect(closedBy).toHaveLength(1);

      const read = (await get(`/actions/${id}`)).body;
      expect(read.status).toBe(closedBy[0] === 'complete' ? 'completed' : 'cancelled');
      // A refused command takes its note with it.
      expect(read.notes.map((note: { kind: string }) => note.kind).sort()).toEqual(
        accepted.map((command) => NOTE_KIND[command]).sort(),
      );
      const events = await actionEvents(id);
      expect(events[0]).toBe('action.created');
      expect(events.slice(1).sort()).toEqual(accepted.map((command) => EFFECT[command]).sort());
      // Whatever else was accepted, the process took it before the command that closed the item.
      expect(events.at(-1)).toBe(EFFECT[closedBy[0]]);
    }
  });

  it('accepts one of several identical acknowledgements, refusing the others with 409', async () => {
    const partnership = await createPartnership();
    const owner = await ownerIn(partnership.id);
    const action = await newAction(owner, partnership.id);
    const asOwner = await tokenFor(owner.email);

    const raced = await atOnce(
      copiesOf({ path: `/actions/${action.id}/acknowledge`, body: {}, token: asOwner }),
    );

    const outcomes = raced.map(commandOutcome);
    expect(count(outcomes, 'accepted')).toBe(1);
    expect(count(outcomes, 'refused')).toBe(COPIES - 1);
    for (const refused of raced.filter((_, i) => outcomes[i] === 'refused')) {
      expect(refused.body.detail).toBe('the action has already been acknowledged');
    }
    expect((await get(`/actions/${action.id}`)).body).toMatchObject({
      status: 'open',
      acknowledged: true,
    });
    expect(await actionEvents(action.id)).toEqual(['action.created', 'action.acknowledged']);
  });
});

describe('a command whose write lands after a later command’s', () => {
  it('is still recorded, and the read model keeps the later state', async () => {
    const partnership = await createPartnership();
    const owner = await ownerIn(partnership.id);
    const action = await newAction(owner, partnership.id);
    const asOwner = await tokenFor(owner.email);
    const holder = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await holder.connect();
    try {
      // Every write of the action's read model waits for this row lock.
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM actions WHERE id = $1 FOR UPDATE`, [action.id]);
      const acknowledging = atOnce([
        { path: `/actions/${action.id}/acknowledge`, body: {}, token: asOwner },
      ]);
      // The acknowledgement's write loses its connection, as when a database fails over, and is
      // retried after the activity's retry interval; meanwhile the completion is accepted and its
      // write (a later version) goes first.
      const [acknowledgementWrite] = await waitingFor(holder);
      await holder.query('SELECT pg_terminate_backend($1)', [acknowledgementWrite]);
      const completing = atOnce([{ path: `/actions/${action.id}/complete`, body: {} }]);
      await waitingFor(holder);
      await holder.query('COMMIT');

      expect((await completing).map(commandOutcome)).toEqual(['accepted']);
      expect((await acknowledging).map(commandOutcome)).toEqual(['accepted']);
    } finally {
      await holder.end();
    }
    expect((await get(`/actions/${action.id}`)).body).toMatchObject({
      status: 'completed',
      acknowledged: true,
    });
    // In the order the process took them, though the acknowledgement was written last.
    expect(await actionEvents(action.id)).toEqual([
      'action.created',
      'action.acknowledged',
      'action.completed',
    ]);
    expect((await verifiedChain(partnership.id)).ok).toBe(true);
  });
});

describe('appends to one audit chain at once', () => {
  it('keeps the chain whole: it verifies, with one entry per accepted command', async () => {
    const partnership = await createPartnership();
    const owner = await ownerIn(partnership.id);
    const asOwner = await tokenFor(owner.email);
    const before = (await verifiedChain(partnership.id)).chains[0]?.rows ?? 0;

    // The API appends each creation; the worker appends each command's effect.
    const creations = await atOnce(
      copiesOf({ path: '/actions', body: actionBody(owner, partnership.id) }),
    );
    expect(creations.map((response) => response.status)).toEqual(copiesOf(201));
    const commands = creations.flatMap(({ body: { id } }, index) =>
      rotated(index, [
        {
          actionId: id,
          effect: 'action.acknowledged',
          request: { path: `/actions/${id}/acknowledge`, body: {}, token: asOwner },
        },
        {
          actionId: id,
          effect: 'action.completed',
          request: { path: `/actions/${id}/complete`, body: {} },
        },
      ]),
    );
    const raced = await atOnce(commands.map((each) => each.request));

    const outcomes = raced.map(commandOutcome);
    expect(outcomes.filter((o) => o !== 'accepted' && o !== 'refused')).toEqual([]);
    for (const { body: action } of creations) {
      const accepted = commands
        .filter((each, i) => each.actionId === action.id && outcomes[i] === 'accepted')
        .map((each) => each.effect);
      expect((await actionEvents(action.id)).sort()).toEqual(
        ['action.created', ...accepted].sort(),
      );
    }
    const verified = await verifiedChain(partnership.id);
    expect(verified).toMatchObject({
      ok: true,
      chains: [
        {
          chain: partnership.id,
          ok: true,
          rows: before + creations.length + count(outcomes, 'accepted'),
        },
      ],
    });
  });
});
