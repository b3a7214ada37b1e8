import { repoRoot } from '@safeguard/dev-stack';
import { EnvReader, readActionLinkSecret, signActionLink } from '@safeguard/platform';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiUrl, stackAppEnv } from './support/e2e-env';
import {
  call,
  createPerson,
  get,
  post,
  postAction,
  waitForEmail,
  type TestPerson,
} from './support/http';

/**
 * The path of the action link in an email (the stack's PUBLIC_BASE_URL is its own origin): the
 * owner's first, or the first with `subject`.
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

/** As a browser submits the confirmation form: an empty form body, no bearer token. */
async function submit(path: string) {
  const response = await fetch(`${apiUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
const statusOf = async (actionId: string) => (await get(`/actions/${actionId}`)).body.status;

function stackSecret(): Uint8Array {
  const env = new EnvReader(stackAppEnv());
  const secret = readActionLinkSecret(env);
  env.assertValid();
  return secret;
}

describe('secure action links in reminder emails', () => {
  let owner: TestPerson;
  let action: { id: string; reference: string; title: string };
  let path: string;

  beforeAll(async () => {
    owner = await createPerson('Link Recipient');
    ({ action, path } = await remindedAction(owner));
  });

  it('asks for confirmation on GET, with the reference only, and changes nothing', async () => {
    for (let fetched = 0; fetched < 2; fetched += 1) {
      const response = await fetch(`${apiUrl()}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(heading(html)).toBe(`Mark ${action.reference} as complete?`);
      expect(html).toContain(
        '<form method="post"><button type="submit">Mark as complete</button></form>',
      );
      expect(html).not.toContain('<script');
      for (const personal of [owner.displayName, owner.email, action.title, 'Mrs Example']) {
        expect(html).not.toContain(personal);
      }
    }
    expect(await statusOf(action.id)).not.toBe('completed');
  });

  it('completes the action for its recipient on POST', async () => {
    const used = await submit(path);
    expect(used.status).toBe(200);
    expect(used.headers.get('cache-control')).toBe('no-store');
    expect(heading(used.html)).toBe(`${action.reference} is marked complete`);
    const read = (await get(`/actions/${action.id}`)).body;
    expect(read).toMatchObject({ status: 'completed' });
    expect(read.completedAt).not.toBeNull();
  });

  it('works once: a second use says so (410) and changes nothing', async () => {
    const again = await call('POST', path, undefined, null);
    expect(again.status).toBe(410);
    expect(heading(again.body)).toBe('This link has already been used');
    expect((await get(path, null)).status).toBe(410);
    expect(await statusOf(action.id)).toBe('completed');
  });

  it('refuses a token with a tampered signature as not valid (404)', async () => {
    const at = path.length - 10;
    const tampered = `${path.slice(0, at)}${path[at] === 'x' ? 'y' : 'x'}${path.slice(at + 1)}`;
    for (const response of [
      await get(tampered, null),
      await call('POST', tampered, undefined, null),
    ]) {
      expect(response.status).toBe(404);
      expect(response.contentType).toBe('text/html; charset=utf-8');
      expect(heading(response.body)).toBe('This link is not valid');
    }
    expect((await get('/links/not-a-token', null)).status).toBe(404);
  });

  it('refuses an expired link (410), even one never used', async () => {
    const expired = signActionLink(
      {
        linkId: randomUUID(),
        actionId: action.id,
        recipientId: owner.id,
        verb: 'complete',
        expiresAt: new Date(Date.now() - 1000),
      },
      stackSecret(),
    );
    for (const response of [
      await get(`/links/${expired}`, null),
      await call('POST', `/links/${expired}`, undefined, null),
    ]) {
      expect(response.status).toBe(410);
      expect(heading(response.body)).toBe('This link has expired');
    }
  });

  it('records every use in the action’s chronology, by the recipient through a link', async () => {
    const entries: any[] = (await get(`/audit/records/action/${action.id}`)).body;
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
    const other = await createPerson('Link Recipient');
    const reminded = await remindedAction(other);
    expect((await post(`/actions/${reminded.action.id}/complete`)).status).toBe(200);
    expect((await get(reminded.path, null)).status).toBe(409);
    const used = await submit(reminded.path);
    expect(used.status).toBe(409);
    expect(heading(used.html)).toBe('This action is already complete');
    expect((await submit(reminded.path)).status).toBe(410);
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
    expect(heading(refused.html)).toBe('This action is no longer yours');
    expect(await statusOf(reminded.action.id)).not.toBe('completed');
    // The refused use spent the link.
    expect(heading((await submit(reminded.path)).html)).toBe('This link has already been used');
    const entries: any[] = (await get(`/audit/records/action/${reminded.action.id}`)).body;
    expect(entries.map((entry) => entry.summary.outcome).filter(Boolean)).toEqual([
      'not-owner',
      'already-used',
    ]);
  });

  it('keeps link tokens out of the request log', async () => {
    const token = path.split('/').pop() as string;
    const log = join(repoRoot, 'tmp', 'e2e-logs', 'api.log');
    const deadline = Date.now() + 10_000;
    while (!readFileSync(log, 'utf8').includes('/links/[redacted]') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const logged = readFileSync(log, 'utf8');
    expect(logged).toContain('/links/[redacted]');
    expect(logged).not.toContain(token);
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
    expect(heading(confirm.body)).toBe(`Acknowledge ${action.reference}?`);
    expect(confirm.body).toContain(
      '<form method="post"><button type="submit">Acknowledge</button></form>',
    );
    expect((await get(`/actions/${action.id}`)).body.acknowledged).toBe(false);

    const used = await submit(path);
    expect(used.status).toBe(200);
    expect(heading(used.html)).toBe(`${action.reference} is acknowledged`);
    expect((await get(`/actions/${action.id}`)).body).toMatchObject({
      acknowledged: true,
      status: 'open',
    });

    const again = await submit(path);
    expect(again.status).toBe(410);
    expect(heading(again.html)).toBe('This link has already been used');

    const entries: any[] = (await get(`/audit/records/action/${action.id}`)).body;
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
