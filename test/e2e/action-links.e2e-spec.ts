import { freePort, repoRoot } from '@safeguard/dev-stack';
import {
  EnvReader,
  readActionLinkSecret,
  signActionLink,
  type ActionLinkVerb,
} from '@safeguard/platform';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { apiUrl, stackAppEnv } from './support/e2e-env';
import { ExtraApps } from './support/extra-apps';
import {
  call,
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  postSucceeding,
  tokenFor,
  waitForEmail,
  type TestPerson,
} from './support/http';
import { eventually } from './support/waits';

/**
 * Every test here makes its own people, actions and links, so each runs alone (`-t`) or in any
 * order with the same result.
 */

/**
 * The path of the action link in an email (on the web service, whose pages ask the API on the
 * same path: this suite holds the API to its answers; web-practitioner the pages): the owner's
 * first, or the first with `subject`.
 */
async function emailedLinkPath(owner: TestPerson, subject?: string): Promise<string> {
  const email = await waitForEmail(
    (e) => e.to.includes(owner.email) && (subject === undefined || e.subject === subject),
  );
  const url = /https?:\/\/\S+\/links\/[\w.-]+/.exec(email.text)?.[0];
  if (!url) throw new Error(`no action link in:\n${email.text}`);
  expect(email.html).toContain(`href="${url}"`);
  return new URL(url).pathname;
}

/** An urgent action is reminded at once, whatever the time; resolves to it and its link. */
async function remindedAction(owner: TestPerson) {
  const created = await postAction(owner, { urgent: true, title: 'Visit Mrs Example at home' });
  expect(created.status).toBe(201);
  return { action: created.body, path: await emailedLinkPath(owner) };
}

/** A fresh recipient with an action reminded at once, and the complete link from that email. */
async function freshReminder() {
  const owner = await createPerson('Link Recipient');
  return { owner, ...(await remindedAction(owner)) };
}

/** An action due in three weeks: nothing is sent yet, so no email races the test. */
async function quietAction(owner: TestPerson): Promise<{ id: string; reference: string }> {
  const dueAt = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString();
  const created = await postAction(owner, { dueAt });
  expect(created.status).toBe(201);
  return created.body;
}

/** As the web service uses a link for its recipient: a POST with no body and no bearer token. */
async function submit(path: string, baseUrl = apiUrl()) {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST' });
  return {
    status: response.status,
    body: (await response.json()) as any,
    headers: response.headers,
  };
}

/** Which refusal a problem+json answer is: its type's last part, e.g. "link-used". */
const refusal = (body: { type?: string }) => body.type?.split(':').pop();
const statusOf = async (actionId: string) => (await get(`/actions/${actionId}`)).body.status;
const chronologyOf = async (actionId: string): Promise<any[]> =>
  (await get(`/audit/records/action/${actionId}`)).body;
/** The outcome of each use of a link on the action, in order. */
const linkOutcomes = async (actionId: string) =>
  (await chronologyOf(actionId))
    .filter((entry) => entry.event.startsWith('action-link.'))
    .map((entry) => entry.summary.outcome);

function stackSecret(): Uint8Array {
  const env = new EnvReader(stackAppEnv());
  const secret = readActionLinkSecret(env);
  env.assertValid();
  return secret;
}

/**
 * A link signed with the stack's secret, as the worker signs the ones it emails: for verbs and
 * actions that no email offers at the moment of the test (a closed action, an enquiry deadline).
 */
function signedLinkPath(
  actionId: string,
  recipientId: string,
  verb: ActionLinkVerb,
  expiresAt = new Date(Date.now() + 60 * 60 * 1000),
): string {
  const token = signActionLink(
    { linkId: randomUUID(), actionId, recipientId, verb, expiresAt },
    stackSecret(),
  );
  return `/links/${token}`;
}

describe('secure action links in reminder emails', () => {
  it('asks for confirmation on GET, with the reference only, and changes nothing', async () => {
    const { owner, action, path } = await freshReminder();
    for (let fetched = 0; fetched < 2; fetched += 1) {
      const response = await fetch(`${apiUrl()}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        reference: action.reference,
        verb: 'complete',
        done: false,
      });
      for (const personal of [owner.displayName, owner.email, action.title, 'Mrs Example']) {
        expect(text).not.toContain(personal);
      }
    }
    expect(await statusOf(action.id)).not.toBe('completed');
    expect(await linkOutcomes(action.id)).toEqual([]);
  });

  it('completes the action for its recipient on POST', async () => {
    const { action, path } = await freshReminder();
    const used = await submit(path);
    expect(used.status).toBe(200);
    expect(used.headers.get('cache-control')).toBe('no-store');
    expect(used.body).toEqual({ reference: action.reference, verb: 'complete', done: true });
    const read = (await get(`/actions/${action.id}`)).body;
    expect(read).toMatchObject({ status: 'completed' });
    expect(read.completedAt).not.toBeNull();
  });

  it('works once: a second use says so (410) and changes nothing', async () => {
    const { action, path } = await freshReminder();
    expect((await submit(path)).status).toBe(200);
    const completedAt = (await get(`/actions/${action.id}`)).body.completedAt;

    const again = await call('POST', path, undefined, null);
    expect(again.status).toBe(410);
    expect(refusal(again.body)).toBe('link-used');
    expect((await get(path, null)).status).toBe(410);
    expect((await get(`/actions/${action.id}`)).body).toMatchObject({
      status: 'completed',
      completedAt,
    });
  });

  it('refuses a token with a tampered signature as not valid (404)', async () => {
    const { action, path } = await freshReminder();
    const at = path.length - 10;
    const tampered = `${path.slice(0, at)}${path[at] === 'x' ? 'y' : 'x'}${path.slice(at + 1)}`;
    for (const response of [
      await get(tampered, null),
      await call('POST', tampered, undefined, null),
    ]) {
      expect(response.status).toBe(404);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(refusal(response.body)).toBe('link-invalid');
    }
    expect((await get('/links/not-a-token', null)).status).toBe(404);
    expect(await statusOf(action.id)).not.toBe('completed');
  });

  it('refuses an expired link (410), even one never used', async () => {
    const owner = await createPerson('Link Recipient');
    const action = await quietAction(owner);
    const expired = signedLinkPath(action.id, owner.id, 'complete', new Date(Date.now() - 1000));
    for (const response of [
      await get(expired, null),
      await call('POST', expired, undefined, null),
    ]) {
      expect(response.status).toBe(410);
      expect(refusal(response.body)).toBe('link-expired');
    }
    expect(await statusOf(action.id)).toBe('open');
  });

  it('records every use in the action’s chronology, by the recipient through a link', async () => {
    const { owner, action, path } = await freshReminder();
    expect((await submit(path)).status).toBe(200);
    expect((await submit(path)).status).toBe(410);
    const expired = signedLinkPath(action.id, owner.id, 'complete', new Date(Date.now() - 1000));
    expect((await submit(expired)).status).toBe(410);

    const entries = await chronologyOf(action.id);
    const actor = { personId: owner.id, agencyId: owner.agencyId, role: 'link' };
    const uses = entries.filter((entry) => entry.event.startsWith('action-link.'));
    expect(uses).toEqual([
      expect.objectContaining({
        event: 'action-link.used',
        kind: 'command',
        actor,
        summary: { linkId: expect.any(String), verb: 'complete', outcome: 'done' },
      }),
      expect.objectContaining({
        event: 'action-link.refused',
        actor,
        summary: expect.objectContaining({ outcome: 'already-used' }),
      }),
      expect.objectContaining({
        event: 'action-link.refused',
        actor,
        summary: expect.objectContaining({ outcome: 'expired' }),
      }),
    ]);
    expect(uses[1].summary.linkId).toBe(uses[0].summary.linkId);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: 'action.completed',
          actor: expect.objectContaining({ personId: owner.id }),
        }),
      ]),
    );
  });

  it('says an action completed some other way is already complete (409), and spends the link', async () => {
    const { action, path } = await freshReminder();
    expect((await post(`/actions/${action.id}/complete`)).status).toBe(200);
    expect((await get(path, null)).status).toBe(409);
    const used = await submit(path);
    expect(used.status).toBe(409);
    expect(refusal(used.body)).toBe('action-completed');
    expect((await submit(path)).status).toBe(410);
  });

  it('no longer acts for a recipient whose action has passed to someone else (410)', async () => {
    const manager = await createPerson('Manager');
    const leaver = await createPerson('Leaver', {
      agencyId: manager.agencyId,
      lineManagerId: manager.id,
    });
    const reminded = await remindedAction(leaver);
    expect((await post(`/people/${leaver.id}/deactivate`)).status).toBe(200);

    const refused = await submit(reminded.path);
    expect(refused.status).toBe(410);
    expect(refusal(refused.body)).toBe('link-not-yours');
    expect(await statusOf(reminded.action.id)).not.toBe('completed');
    // The refused use spent the link.
    expect(refusal((await submit(reminded.path)).body)).toBe('link-used');
    expect(await linkOutcomes(reminded.action.id)).toEqual(['not-owner', 'already-used']);
  });

  it('keeps link tokens out of the request log, however the path is spelt', async () => {
    const { path } = await freshReminder();
    const token = path.split('/').pop() as string;
    const log = join(repoRoot, 'tmp', 'e2e-logs', 'api.log');
    // The router matches paths in any letter case, so the redaction must too.
    for (const [spelt, logged] of [
      [path, '/links/[redacted]'],
      [path.replace('/links/', '/LINKS/'), '/LINKS/[redacted]'],
    ]) {
      const requestId = randomUUID();
      const response = await fetch(`${apiUrl()}${spelt}`, {
        headers: { 'x-request-id': requestId },
      });
      expect(response.ok).toBe(true);
      // The request is logged once it completes; find this request's own line.
      const line = await eventually('the request to be logged', async () =>
        readFileSync(log, 'utf8')
          .split('\n')
          .find((entry) => entry.includes(requestId)),
      );
      expect(JSON.parse(line).req).toMatchObject({ method: 'GET', url: logged });
    }
    expect(readFileSync(log, 'utf8')).not.toContain(token);
  });
});

describe('acknowledging an action from its "due soon" reminder', () => {
  it('asks on GET, acknowledges for the owner on POST, and works once', async () => {
    const owner = await createPerson('Link Recipient');
    // Due in two days, so the reminder three working days before is already past and goes at
    // once, as the catch-up message; urgent, so quiet hours do not hold it.
    const dueAt = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString();
    const created = await postAction(owner, { dueAt, urgent: true });
    expect(created.status).toBe(201);
    const action: { id: string; reference: string } = created.body;
    const path = await emailedLinkPath(owner, `Action due soon: ${action.reference}`);

    const confirm = await get(path, null);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({ reference: action.reference, verb: 'acknowledge', done: false });
    expect((await get(`/actions/${action.id}`)).body.acknowledged).toBe(false);

    const used = await submit(path);
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ reference: action.reference, verb: 'acknowledge', done: true });
    expect((await get(`/actions/${action.id}`)).body).toMatchObject({
      acknowledged: true,
      status: 'open',
    });

    const again = await submit(path);
    expect(again.status).toBe(410);
    expect(refusal(again.body)).toBe('link-used');

    const entries = await chronologyOf(action.id);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: 'action.acknowledged',
          actor: expect.objectContaining({ personId: owner.id }),
        }),
        expect.objectContaining({
          event: 'action-link.used',
          summary: expect.objectContaining({ verb: 'acknowledge', outcome: 'done' }),
        }),
      ]),
    );
  });
});

describe('links the stage refuses: spent, with the reason in plain words (409)', () => {
  it('says in plain words why the workflow refused, and spends the link', async () => {
    const owner = await createPerson('Link Recipient');
    const action = await quietAction(owner);
    expect((await submit(signedLinkPath(action.id, owner.id, 'acknowledge'))).status).toBe(200);

    // A second acknowledge link: the read model lets it through, the workflow's validator refuses.
    const second = signedLinkPath(action.id, owner.id, 'acknowledge');
    const refused = await submit(second);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: 'urn:safeguarding:problem:stage-conflict',
      detail: 'the action has already been acknowledged',
    });
    expect((await submit(second)).status).toBe(410);
    expect(await linkOutcomes(action.id)).toEqual(['done', 'stage-conflict', 'already-used']);
  });

  it.each([
    ['completed', 'action-completed'],
    ['cancelled', 'action-cancelled'],
  ] as const)('says a %s action is closed, whatever the verb', async (status, kind) => {
    const owner = await createPerson('Link Recipient');
    const action = await quietAction(owner);
    const closing =
      status === 'completed'
        ? await post(`/actions/${action.id}/complete`)
        : await post(`/actions/${action.id}/cancel`, { reason: 'No longer needed' });
    expect(closing.body.status).toBe(status);

    for (const verb of ['complete', 'acknowledge'] as const) {
      const path = signedLinkPath(action.id, owner.id, verb);
      for (const response of [await get(path, null), await call('POST', path, undefined, null)]) {
        expect({ status: response.status, refusal: refusal(response.body) }).toEqual({
          status: 409,
          refusal: kind,
        });
      }
    }
    expect(await linkOutcomes(action.id)).toEqual(['stage-conflict', 'stage-conflict']);
    const read = (await get(`/actions/${action.id}`)).body;
    expect(read).toMatchObject({ status, acknowledged: false });
  });
});

describe("links for a Section 42 enquiry's deadline", () => {
  /** A concern just raised: its acknowledgement is a deadline owned by the triage worker. */
  async function raisedConcern() {
    const partnershipId = (await createPartnership()).id;
    const council = await createAgency('local-authority', [partnershipId]);
    const triage = await createPerson('Triage Worker', { agencyId: council.id });
    const enquiry = await postSucceeding(
      '/enquiries',
      {
        partnershipId,
        receivedAt: new Date().toISOString(),
        source: 'health-staff',
        referrerAgencyId: council.id,
        adult: { fullName: 'Mrs Example Adult', dateOfBirth: '1941-03-09' },
        riskTypes: ['neglect-and-acts-of-omission'],
        riskLocation: 'own-home',
        riskSource: 'other-known-to-individual',
        urgency: 'routine',
        concernSummary: 'Neighbour says Mrs Example has had no heating for a week',
      },
      await tokenFor(triage.email),
      201,
    );
    const deadline = enquiry.openDeadlines.find(
      (item: any) => item.kind === 'concern-acknowledgement',
    );
    expect(deadline).toMatchObject({ ownerId: triage.id, status: 'open' });
    return { triage, enquiry, deadline: deadline as { id: string; reference: string } };
  }

  it('refuses to complete it, like the signed-in route, and spends the link', async () => {
    const { triage, enquiry, deadline } = await raisedConcern();
    const path = signedLinkPath(deadline.id, triage.id, 'complete');
    const why = {
      type: 'urn:safeguarding:problem:stage-conflict',
      detail: `${deadline.reference} is a deadline of enquiry ${enquiry.reference}: it closes when the enquiry records that step`,
    };

    const preview = await get(path, null);
    expect(preview.status).toBe(409);
    expect(preview.body).toMatchObject(why);

    const used = await submit(path);
    expect(used.status).toBe(409);
    expect(used.body).toMatchObject(why);
    expect((await submit(path)).status).toBe(410);
    expect(await linkOutcomes(deadline.id)).toEqual(['stage-conflict', 'already-used']);
    expect(await statusOf(deadline.id)).toBe('open');
  });

  it('still lets the owner acknowledge it by link', async () => {
    const { triage, deadline } = await raisedConcern();
    const path = signedLinkPath(deadline.id, triage.id, 'acknowledge');
    expect((await get(path, null)).body).toMatchObject({ verb: 'acknowledge', done: false });
    const used = await submit(path);
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ reference: deadline.reference, verb: 'acknowledge', done: true });
    expect((await get(`/actions/${deadline.id}`)).body).toMatchObject({
      acknowledged: true,
      status: 'open',
    });
  });
});

describe('a link used while the workflow service cannot be reached', () => {
  const extra = new ExtraApps();
  let db: Client;
  /** An API whose Temporal address nobody listens on: the database works, the update cannot. */
  let cutOff: string;

  beforeAll(async () => {
    db = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await db.connect();
    cutOff = await extra.api({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
  });

  afterAll(async () => {
    extra.stopAll();
    await db?.end();
  });

  /** What marks a link spent: its claim, which must not outlive a use that failed. */
  const claims = async (actionId: string) =>
    (await db.query('SELECT link_id FROM action_link_uses WHERE action_id = $1', [actionId])).rows;

  it('is not spent: the use is rolled back, and the same link then works exactly once', async () => {
    const { owner, action, path } = await freshReminder();

    const failed = await submit(path, cutOff);
    expect(failed.status).toBe(503);
    expect(refusal(failed.body)).toBe('unavailable');
    expect(await claims(action.id)).toEqual([]);
    expect(await linkOutcomes(action.id)).toEqual([]);
    expect(await statusOf(action.id)).not.toBe('completed');

    // The same link, once the workflow service is back (the stack's own API reaches it).
    expect((await get(path, null)).body).toMatchObject({ verb: 'complete', done: false });
    const retried = await submit(path);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ verb: 'complete', done: true });
    expect((await submit(path)).status).toBe(410);

    expect(await claims(action.id)).toHaveLength(1);
    expect(await linkOutcomes(action.id)).toEqual(['done', 'already-used']);
    const completions = (await chronologyOf(action.id)).filter(
      (entry) => entry.event === 'action.completed',
    );
    expect(completions).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ personId: owner.id }) }),
    ]);
  });
});
