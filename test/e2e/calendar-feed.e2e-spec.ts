import { Client } from 'pg';
import { apiUrl, stackAppEnv } from './support/e2e-env';
import {
  call,
  createPerson,
  get,
  post,
  postAction,
  tokenFor,
  type TestPerson,
  unique,
} from './support/http';

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

/** The feed path of a URL the API handed out (the stack's PUBLIC_BASE_URL is its own origin). */
const feedPath = (url: string) => new URL(url).pathname;
const fetchFeed = (url: string) => get(feedPath(url), null);

describe('calendar feed of a person’s deadlines', () => {
  let person: TestPerson;
  let token: string;
  const titles = [unique('Send the GP summary'), unique('Book the strategy meeting')];
  const actionIds: string[] = [];
  let completedId: string;

  beforeAll(async () => {
    person = await createPerson(unique('Feed Owner'));
    token = await tokenFor(person.email);
    for (const [index, title] of titles.entries()) {
      const created = await postAction(person, { title, dueAt: inDays(20 + index) });
      expect(created.status).toBe(201);
      actionIds.push(created.body.id);
    }
    const done = await postAction(person, { title: unique('Already done'), dueAt: inDays(25) });
    completedId = done.body.id;
    expect((await post(`/actions/${completedId}/complete`, undefined, token)).status).toBe(200);
  });

  it('serves the owner’s open actions as iCalendar, by reference only, without a bearer token', async () => {
    const created = await post('/me/calendar-feed', undefined, token);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[\w-]{43}\.ics$/);

    const response = await fetch(created.body.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const ics = await response.text();

    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.slice(-2)).toEqual(['END:VCALENDAR', '']);
    expect(lines).toEqual(
      expect.arrayContaining(['VERSION:2.0', 'X-WR-CALNAME:Safeguarding deadlines']),
    );
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((line) => line === 'END:VEVENT')).toHaveLength(2);
    for (const id of actionIds) {
      const action = (await get(`/actions/${id}`)).body;
      expect(lines).toContain(`UID:${id}@safeguarding`);
      expect(lines).toContain(`SUMMARY:Action due: ${action.reference}`);
      expect(lines).toContain(`URL:${apiUrl()}/actions/${id}`);
    }
    expect(ics).not.toContain(completedId);
    for (const secret of [...titles, person.displayName, person.email]) {
      expect(ics).not.toContain(secret);
    }
  });

  it('records each fetch as a read of the person’s records, with the count only', async () => {
    const { url } = (await post('/me/calendar-feed', undefined, token)).body;
    expect((await fetchFeed(url)).status).toBe(200);
    const reads = (await get(`/audit/records/person/${person.id}/access`)).body;
    expect(reads.at(-1)).toMatchObject({
      event: 'calendar-feed.read',
      kind: 'read',
      actor: { personId: person.id },
      summary: { actions: 2 },
    });
  });

  it('kills the old URL at once when rotated, and every URL when revoked', async () => {
    const first = (await post('/me/calendar-feed', undefined, token)).body.url;
    const second = (await post('/me/calendar-feed', undefined, token)).body.url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    expect((await call('DELETE', '/me/calendar-feed', undefined, token)).status).toBe(204);
    const revoked = await fetchFeed(second);
    expect(revoked.status).toBe(404);
    expect(revoked.contentType).toContain('application/problem+json');
    expect((await call('DELETE', '/me/calendar-feed', undefined, token)).status).toBe(204);
  });

  it('stores only a hash of the token', async () => {
    const { url } = (await post('/me/calendar-feed', undefined, token)).body;
    const secret = /\/calendar\/([\w-]+)\.ics$/.exec(url)?.[1] ?? '';
    const sql = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await sql.connect();
    try {
      const { rows } = await sql.query(
        `SELECT token_hash FROM calendar_feeds WHERE person_id = $1`,
        [person.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].token_hash).not.toContain(secret);
    } finally {
      await sql.end();
    }
  });

  it('answers an unknown or malformed token with the same bare 404', async () => {
    const unknown = await get(`/calendar/${'A'.repeat(43)}.ics`, null);
    const malformed = await get('/calendar/not-a-token.ics', null);
    for (const response of [unknown, malformed]) {
      expect(response.status).toBe(404);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.detail).toBe(unknown.body.detail);
    }
  });

  it('offers no way to reach another person’s feed', async () => {
    const mine = (await post('/me/calendar-feed', undefined, token)).body.url;
    const other = await createPerson(unique('Someone Else'));
    const otherToken = await tokenFor(other.email);

    const theirs = await post('/me/calendar-feed', { personId: person.id }, otherToken);
    expect(theirs.status).toBe(201);
    expect((await fetchFeed(mine)).status).toBe(200);
    expect((await fetchFeed(theirs.body.url)).body).not.toContain('BEGIN:VEVENT');
    expect((await call('DELETE', '/me/calendar-feed', undefined, otherToken)).status).toBe(204);
    expect((await fetchFeed(mine)).status).toBe(200);
    expect((await post(`/people/${person.id}/calendar-feed`, undefined, otherToken)).status).toBe(
      404,
    );
  });

  it('needs a bearer token to create or revoke a feed', async () => {
    expect((await post('/me/calendar-feed', undefined, null)).status).toBe(401);
    expect((await call('DELETE', '/me/calendar-feed', undefined, null)).status).toBe(401);
  });

  it('stops serving a deactivated person’s feed', async () => {
    const leaver = await createPerson(unique('Leaver'));
    const { url } = (await post('/me/calendar-feed', undefined, await tokenFor(leaver.email))).body;
    expect((await fetchFeed(url)).status).toBe(200);
    expect((await post(`/people/${leaver.id}/deactivate`)).status).toBe(200);
    expect((await fetchFeed(url)).status).toBe(404);
  });
});
