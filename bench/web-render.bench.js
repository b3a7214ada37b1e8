/* global console, fetch, performance, setTimeout, URL, URLSearchParams */
/**
 * Server-side render time of two pages of the web service, as a signed-in person's browser
 * sees it: Your work (GET /) and an item page (GET /actions/:id), p50/p95/max, for a person with
 * 50 open items in a partnership with 10,000 open items. Target (requirement): p95 <= 200 ms on
 * this machine, for each page.
 *
 * It starts its own stack on free ports, as `npm start` does (embedded Postgres, Temporal dev
 * server, mail catcher, the dev identity provider, API, worker and web app), so build first:
 *   npm run build && node bench/web-render.bench.js
 *
 * The data. One partnership; a bench lead (admin, safeguarding lead) records everything. The
 * reader is a practitioner whose line manager is the lead; other owners are practitioners spread
 * over ten agencies. Directory records go through the API. The reader's items are created
 * through POST /actions with the worker running, and the bench waits until the worker has run
 * their chasers' first steps, so their pages show what a real item's do (a few are overdue and
 * get chased, if the send window is open). The rest of the partnership's open items are written
 * straight into Postgres by default (BENCH_BULK=sql, about a second): through the API each one
 * is a Temporal workflow start and its chaser's first task, about four minutes for 10,000 on
 * 2 cores (75 a second, then the worker's backlog), and the pages read only Postgres. The
 * rows are those POST /actions writes in its transaction, built with the API's own code: the
 * `actions` row (reference from action_reference_seq, next_reminder_at from the API's
 * chaser-input module and the partnership's current policy) and the `action.created` link of
 * the partnership's audit chain (chronologyHash, appended under the chain's advisory lock as
 * appendChronology does, with the lead as actor); the chain is verified afterwards. What they
 * lack is a chaser in Temporal, so a past-due one stays `open`, as the API left it. Its due dates
 * run from 10 working days ago to 60 ahead, so about one in seven is overdue, as the leads'
 * overdue lists need. BENCH_BULK=api creates them all through the API instead (slow), to check
 * that the shortcut changes nothing. Then ANALYZE, as autovacuum would in time.
 *
 * Signing in: the reader signs in as a browser would, with fetch, a cookie jar and redirects
 * followed by hand: the web app's OIDC code flow with PKCE against the dev identity provider,
 * whose page lets you choose who you are. Nothing in the apps knows a benchmark is running.
 *
 * Measuring: after a warm-up, each page is requested BENCH_REQUESTS times, one request at a
 * time, timed from the client from sending the request to the end of the body: the web app's
 * session lookup, its API calls (which check the token, read Postgres and, for an item, write
 * the audit record of the read) and the Nunjucks render. The API calls each page makes are
 * then timed alone, with a development token for the reader, to show what the web app adds.
 * Every response is checked: 200, Your work lists every open item of the reader, the item page
 * shows its reference.
 *
 *   BENCH_REQUESTS           timed requests of each page (200)
 *   BENCH_WARMUP             uncounted requests of each page first (20)
 *   BENCH_READER_ITEMS       the reader's open items (50)
 *   BENCH_PARTNERSHIP_ITEMS  the partnership's open items, the reader's included (10000)
 *   BENCH_OWNERS             other people owning the rest (200)
 *   BENCH_ITEM_PAGES         distinct items of the reader the item page rotates over (10)
 *   BENCH_BULK               sql (default) or api: how the other people's items are created
 */
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const { chmodSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client: TemporalClient, Connection } = require('@temporalio/client');
const { Client: PgClient } = require('pg');
const { DataSource } = require('typeorm');
const { bootstrapAdmin, devToken, freePort, startStack, waitFor } = require('@safeguard/dev-stack');
const { formatReference, shiftWorkingDays, ukLocalDate } = require('@safeguard/domain');
const { EnvReader, readTemporalSettings } = require('@safeguard/platform');
const {
  chronologyHash,
  dataSourceOptions,
  partnershipChain,
  verifyChronology,
} = require('@safeguard/persistence');
const { chaserInput, firstReminderAt } = require('../apps/api/dist/meetings/chaser-input');

const count = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
const REQUESTS = Math.max(1, count('BENCH_REQUESTS', 200));
const WARMUP = count('BENCH_WARMUP', 20);
const READER_ITEMS = Math.max(1, count('BENCH_READER_ITEMS', 50));
const PARTNERSHIP_ITEMS = Math.max(READER_ITEMS, count('BENCH_PARTNERSHIP_ITEMS', 10000));
const OWNERS = Math.max(1, count('BENCH_OWNERS', 200));
const ITEM_PAGES = Math.max(1, Math.min(count('BENCH_ITEM_PAGES', 10), READER_ITEMS));
const BULK = process.env.BENCH_BULK ?? 'sql';
if (!['sql', 'api'].includes(BULK)) throw new Error('BENCH_BULK must be sql or api');

const TARGET_P95_MS = 200;
const NATION = 'england-and-wales';
const AGENCY_TYPES = [
  'local-authority',
  'police',
  'nhs-trust',
  'gp-practice-or-icb',
  'ambulance',
  'care-provider',
  'housing',
  'probation',
  'education',
  'voluntary-sector',
];
const FIRST_NAMES = ['Alex', 'Bea', 'Cal', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo'];
const LAST_NAMES = ['Ames', 'Birch', 'Cole', 'Dale', 'Eden', 'Frost', 'Gray', 'Hart', 'Irwin'];
const TITLES = [
  'Share the GP summary with the enquiry manager',
  'Confirm whether a crime report has been recorded',
  'Review the care plan and medication records',
  'Arrange a joint visit with the community nurse',
  'Send the hospital discharge summary to the social worker',
  'Check the care home staffing rota for the nights in question',
];
/** Chronology chain locks' key space (libs/persistence/src/chronology.ts). */
const CHAIN_LOCK_SPACE = 4242_0002;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `task(i)` for i < `total` with at most `concurrency` in flight. */
async function inParallel(total, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

/** The due instant of the `index`-th of `total` items spread from `from` to `to` working days. */
function dueAtOf(now, index, total, from, to) {
  const span = to - from + 1;
  const offset = from + Math.floor((index * span) / total);
  // No item falls due today: whether it is overdue would depend on the hour of the run.
  return shiftWorkingDays(now, offset >= 0 ? offset + 1 : offset, NATION, { at: '17:30' });
}

/**
 * Cookies as a browser keeps them, for these plain-http local servers: by host (not port), with
 * their path, gone when the server expires them.
 */
class CookieJar {
  cookies = new Map();

  store(url, response) {
    const { hostname, pathname } = new URL(url);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      let path = pathname.slice(0, pathname.lastIndexOf('/')) || '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key, setting = ''] = attribute.split('=');
        const lower = key.trim().toLowerCase();
        if (lower === 'path' && setting.trim().startsWith('/')) path = setting.trim();
        if (lower === 'max-age' && Number(setting) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(setting) <= Date.now()) expired = true;
      }
      const key = `${hostname}\n${path}\n${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { hostname, path, name, value });
    }
  }

  header(url) {
    const { hostname, pathname } = new URL(url);
    const within = (path) =>
      pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
    return [...this.cookies.values()]
      .filter((cookie) => cookie.hostname === hostname && within(cookie.path))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }
}

/** One request with the jar's cookies, redirects followed by hand as a browser does. */
async function browse(jar, url, init = {}) {
  for (let hops = 0; hops < 20; hops++) {
    const cookie = jar.header(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    });
    jar.store(url, response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url };
    await response.arrayBuffer();
    url = new URL(location, url).href;
    init = {};
  }
  throw new Error(`too many redirects, last to ${url}`);
}

/**
 * Signs `email` in to the web app through the identity provider's page, as a person would: open
 * the service, be sent to sign in, choose yourself, come back signed in. The jar then holds the
 * web session's cookie.
 */
async function signIn(jar, webUrl, email) {
  let { response, url } = await browse(jar, `${webUrl}/`);
  const chooser = await response.text();
  const form = /<form method="post" action="([^"]+)">/.exec(chooser);
  const button = new RegExp(
    `<button name="accountId" value="([^"]+)">[^<]*\\(${email.replace(/[.+]/g, '\\$&')}\\)</button>`,
  ).exec(chooser);
  if (!/\/interaction\//.test(url) || !form || !button) {
    throw new Error(`expected the identity provider's chooser at ${url}, got ${response.status}`);
  }
  ({ response, url } = await browse(jar, new URL(form[1], url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ accountId: button[1] }).toString(),
  }));
  const page = await response.text();
  if (response.status !== 200 || url !== `${webUrl}/` || !/Sign out/.test(page)) {
    throw new Error(`sign-in ended at ${url} with ${response.status}`);
  }
}

/** The API as the bench lead or the reader, with a development token. */
function apiAs(apiUrl, token) {
  return async (method, path, body) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Waits until these chasers have run their first steps and nothing of theirs is in flight. */
async function settle(client, workflowIds, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  let previous = -1;
  while (Date.now() < until) {
    const descriptions = await Promise.all(
      workflowIds.map((id) => client.workflow.getHandle(id).describe()),
    );
    const total = descriptions.reduce((sum, each) => sum + each.historyLength, 0);
    const busy = descriptions.some(
      (each) => each.historyLength < 4 || (each.raw.pendingActivities ?? []).length > 0,
    );
    if (!busy && total === previous) return;
    previous = total;
    await sleep(1000);
  }
  throw new Error('the chasers did not settle');
}

/**
 * Writes `dueDates.length` open items into Postgres as POST /actions would (see the header),
 * in one transaction that holds the partnership chain's lock.
 */
async function insertItems(ownerUrl, { partnershipId, ownerIds, dueDates, creator }) {
  const db = new PgClient({ connectionString: ownerUrl });
  await db.connect();
  try {
    const [policyRow] = (
      await db.query(
        `SELECT partnership_id, version, document FROM policy_versions
          WHERE partnership_id = $1 ORDER BY version DESC LIMIT 1`,
        [partnershipId],
      )
    ).rows;
    const policy = {
      partnershipId: policyRow.partnership_id,
      version: policyRow.version,
      document: policyRow.document,
    };
    const chain = partnershipChain(partnershipId);
    await db.query('BEGIN');
    const references = (
      await db.query(
        `SELECT nextval('action_reference_seq') AS sequence FROM generate_series(1, $1::int)`,
        [dueDates.length],
      )
    ).rows.map((row) => Number(row.sequence));
    await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CHAIN_LOCK_SPACE, chain]);
    const [last] = (
      await db.query(
        `SELECT sequence::text AS last, hash FROM chronology WHERE chain = $1
          ORDER BY chronology.sequence DESC LIMIT 1`,
        [chain],
      )
    ).rows;
    let sequence = BigInt(last?.last ?? 0);
    let previousHash = last?.hash ?? null;
    const BATCH = 2000;
    for (let start = 0; start < dueDates.length; start += BATCH) {
      const actions = [];
      const links = [];
      for (let i = start; i < Math.min(start + BATCH, dueDates.length); i++) {
        const now = new Date();
        const id = randomUUID();
        const ownerId = ownerIds[i % ownerIds.length];
        const dueAt = dueDates[i];
        const input = chaserInput(
          { actionId: id, kind: 'action', ownerId, dueAt, urgent: false },
          policy,
        );
        actions.push({
          id,
          reference: formatReference('ACT', ukLocalDate(now).year, references[i]),
          title: TITLES[i % TITLES.length],
          ownerId,
          dueAt,
          nextReminderAt: firstReminderAt(input, now),
          now,
        });
        sequence += 1n;
        const link = {
          chain,
          sequence: String(sequence),
          previousHash,
          subjectType: 'action',
          subjectId: id,
          event: 'action.created',
          kind: 'command',
          actorId: creator.personId,
          actorAgencyId: creator.agencyId,
          actorRole: creator.role,
          requestId: randomUUID(),
          detail: {
            dueAt: dueAt.toISOString(),
            ownerId,
            policyVersion: policy.version,
            urgent: false,
          },
          occurredAt: now,
        };
        link.hash = chronologyHash(link);
        previousHash = link.hash;
        links.push(link);
      }
      const column = (rows, pick) => rows.map(pick);
      await db.query(
        `INSERT INTO actions (id, reference, title, kind, meeting_id, enquiry_id, disagreement_id,
                              rationale, owner_id, partnership_id, policy_version, urgent, due_at,
                              status, process_version, workflow_id, created_at, updated_at,
                              completed_at, cancelled_at, acknowledged, proposed_due_at,
                              next_reminder_at)
         SELECT id, reference, title, 'action', NULL, NULL, NULL, NULL, owner_id, $6, $7, false,
                due_at, 'open', 1, 'action-' || id, created_at, created_at, NULL, NULL, false,
                NULL, next_reminder_at
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[],
                       $8::timestamptz[], $9::timestamptz[])
             AS t(id, reference, title, owner_id, due_at, created_at, next_reminder_at)`,
        [
          column(actions, (row) => row.id),
          column(actions, (row) => row.reference),
          column(actions, (row) => row.title),
          column(actions, (row) => row.ownerId),
          column(actions, (row) => row.dueAt.toISOString()),
          partnershipId,
          policy.version,
          column(actions, (row) => row.now.toISOString()),
          column(actions, (row) => row.nextReminderAt?.toISOString() ?? null),
        ],
      );
      await db.query(
        `INSERT INTO chronology (chain, sequence, previous_hash, hash, subject_type, subject_id,
                                 event, kind, actor_id, actor_agency_id, actor_role, request_id,
                                 detail, occurred_at)
         SELECT $1, sequence, previous_hash, hash, 'action', subject_id, 'action.created',
                'command', $2, $3, $4, request_id, detail, occurred_at
           FROM unnest($5::bigint[], $6::text[], $7::text[], $8::uuid[], $9::text[],
                       $10::jsonb[], $11::timestamptz[])
             AS t(sequence, previous_hash, hash, subject_id, request_id, detail, occurred_at)`,
        [
          chain,
          creator.personId,
          creator.agencyId,
          creator.role,
          column(links, (link) => link.sequence),
          column(links, (link) => link.previousHash),
          column(links, (link) => link.hash),
          column(links, (link) => link.subjectId),
          column(links, (link) => link.requestId),
          column(links, (link) => JSON.stringify(link.detail)),
          column(links, (link) => link.occurredAt.toISOString()),
        ],
      );
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/** Times `total` requests made one at a time; each `request(i)` resolves once its body is read. */
async function timed(total, request) {
  const latencies = [];
  for (let i = 0; i < total; i++) {
    const start = performance.now();
    await request(i);
    latencies.push(performance.now() - start);
  }
  return latencies.sort((a, b) => a - b);
}

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '-');

async function main() {
  const began = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'safeguarding-bench-'));
  chmodSync(dataDir, 0o755);
  process.env.RATE_LIMIT_PER_MINUTE = '100000000';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  const ports = {};
  for (const name of ['postgres', 'temporal', 'smtp', 'mailWeb', 'api', 'identity', 'web'])
    ports[name] = await freePort();
  const stack = await startStack({ ports, dataDir, persistent: false, logDir: dataDir });
  let connection;
  try {
    await waitFor(
      'the worker to poll',
      async () => ((await fetch(`${stack.apiUrl}/ready`)).ok ? true : undefined),
      180_000,
    );
    const settings = readTemporalSettings(new EnvReader(stack.appEnv));
    connection = await Connection.connect(settings.connection);
    const temporal = new TemporalClient({
      connection,
      namespace: settings.namespace,
      dataConverter: settings.dataConverter,
    });

    // The directory, through the API.
    const leadEmail = 'bench.lead@bench-council.example';
    await bootstrapAdmin(stack.databaseUrl, {
      partnership: 'Bench Safeguarding Board',
      nation: NATION,
      agency: 'Bench County Council',
      agencyType: 'local-authority',
      name: 'Bench Lead',
      email: leadEmail,
      roles: ['admin', 'safeguarding-lead', 'line-manager'],
    });
    const asLead = apiAs(stack.apiUrl, await devToken(stack.apiUrl, leadEmail));
    const [partnership] = await asLead('GET', '/partnerships');
    const [lead] = await asLead('GET', `/people?email=${leadEmail}`);
    const agencies = [lead.agencyId];
    for (const [i, type] of AGENCY_TYPES.slice(1).entries()) {
      const agency = await asLead('POST', '/agencies', {
        name: `Bench Agency ${FIRST_NAMES[i]}`,
        type,
        partnershipIds: [partnership.id],
      });
      agencies.push(agency.id);
    }
    const readerEmail = 'bench.reader@bench-council.example';
    const reader = await asLead('POST', '/people', {
      displayName: 'Bench Reader',
      email: readerEmail,
      agencyId: lead.agencyId,
      roles: ['practitioner'],
      lineManagerId: lead.id,
    });
    const ownerIds = new Array(OWNERS);
    await inParallel(OWNERS, 8, async (i) => {
      const first = FIRST_NAMES[i % FIRST_NAMES.length];
      const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
      const person = await asLead('POST', '/people', {
        displayName: `${first} ${last}`,
        email: `owner.${i}@bench-agency-${i % agencies.length}.example`,
        agencyId: agencies[i % agencies.length],
        roles: ['practitioner'],
      });
      ownerIds[i] = person.id;
    });

    // The reader's items, through the API with the worker running: a few overdue, the rest due
    // over the next ten weeks.
    const dataBegan = performance.now();
    const now = new Date();
    const create = (ownerId, dueAt, title) =>
      asLead('POST', '/actions', {
        title,
        ownerId,
        partnershipId: partnership.id,
        dueAt: dueAt.toISOString(),
      });
    const readerItems = new Array(READER_ITEMS);
    await inParallel(READER_ITEMS, 8, async (i) => {
      const dueAt = dueAtOf(now, i, READER_ITEMS, -5, 44);
      readerItems[i] = await create(reader.id, dueAt, TITLES[i % TITLES.length]);
    });
    const readerSeconds = (performance.now() - dataBegan) / 1000;
    await settle(
      temporal,
      readerItems.map((item) => item.workflowId),
    );

    // Everyone else's, up to the partnership's total.
    const bulkBegan = performance.now();
    const others = PARTNERSHIP_ITEMS - READER_ITEMS;
    const dueDates = Array.from({ length: others }, (_, i) => dueAtOf(now, i, others, -10, 59));
    if (BULK === 'sql') {
      const owner = new PgClient({ connectionString: stack.databaseUrl });
      await owner.connect();
      const [template] = (
        await owner.query(
          `SELECT actor_id, actor_agency_id, actor_role FROM chronology
            WHERE event = 'action.created' AND subject_id = $1`,
          [readerItems[0].id],
        )
      ).rows;
      await owner.end();
      // Spread over the owners in a shuffled order of due dates, as they would come.
      const shuffled = dueDates.map((dueAt, i) => ({ dueAt, key: (i * 7919) % others }));
      shuffled.sort((a, b) => a.key - b.key);
      await insertItems(stack.databaseUrl, {
        partnershipId: partnership.id,
        ownerIds,
        dueDates: shuffled.map((each) => each.dueAt),
        creator: {
          personId: template.actor_id,
          agencyId: template.actor_agency_id,
          role: template.actor_role,
        },
      });
    } else {
      let last;
      await inParallel(others, 16, async (i) => {
        last = await create(ownerIds[i % OWNERS], dueDates[i], TITLES[i % TITLES.length]);
      });
      if (last) await settle(temporal, [last.workflowId], 1_800_000);
    }
    const bulkSeconds = (performance.now() - bulkBegan) / 1000;

    const owner = new PgClient({ connectionString: stack.databaseUrl });
    await owner.connect();
    await owner.query('ANALYZE');
    const sizes = (
      await owner.query(
        `SELECT count(*) FILTER (WHERE owner_id = $2)::int AS reader,
                count(*)::int AS partnership,
                count(*) FILTER (WHERE due_at < now())::int AS overdue
           FROM actions WHERE partnership_id = $1 AND status NOT IN ('completed', 'cancelled')`,
        [partnership.id, reader.id],
      )
    ).rows[0];
    await owner.end();
    let chainVerdict = 'not checked';
    if (BULK === 'sql') {
      const dataSource = await new DataSource(dataSourceOptions(stack.databaseUrl)).initialize();
      try {
        const [verdict] = await verifyChronology(dataSource.manager, partnership.id);
        if (!verdict.ok) throw new Error(`the audit chain is broken: ${JSON.stringify(verdict)}`);
        chainVerdict = `intact, ${verdict.rows} links`;
      } finally {
        await dataSource.destroy();
      }
    }

    // Sign in as the reader, as a browser would.
    const jar = new CookieJar();
    await signIn(jar, stack.webUrl, readerEmail);

    const itemIds = Array.from(
      { length: ITEM_PAGES },
      (_, i) => readerItems[Math.floor((i * READER_ITEMS) / ITEM_PAGES)],
    );
    const serverTimings = new Set();
    let listed = -1;
    const get = async (path, check) => {
      const url = `${stack.webUrl}${path}`;
      const cookie = jar.header(url);
      const response = await fetch(url, { redirect: 'manual', headers: { cookie } });
      const html = await response.text();
      jar.store(url, response);
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
      const timing = response.headers.get('server-timing');
      if (timing) serverTimings.add(timing.replace(/dur=[\d.]+/g, 'dur=…'));
      check(html);
    };
    const yourWork = () =>
      get('/', (html) => {
        listed = new Set(html.match(/href="\/actions\/[0-9a-f-]{36}"/g) ?? []).size;
        if (listed !== READER_ITEMS) {
          throw new Error(`Your work lists ${listed} items, not ${READER_ITEMS}`);
        }
      });
    const itemPage = (i) => {
      const item = itemIds[i % itemIds.length];
      return get(`/actions/${item.id}`, (html) => {
        if (!html.includes(item.reference)) throw new Error(`${item.reference} is not on its page`);
      });
    };
    await timed(WARMUP, yourWork);
    await timed(WARMUP, itemPage);
    const yourWorkTimes = await timed(REQUESTS, yourWork);
    const itemTimes = await timed(REQUESTS, itemPage);

    // The same API calls alone, as the pages make them (apps/web/src/routes/your-work.ts and
    // item-pages.ts: all of a page's at once).
    const asReader = apiAs(stack.apiUrl, await devToken(stack.apiUrl, readerEmail));
    const yourWorkApi = () =>
      Promise.all([
        asReader('GET', '/me/actions'),
        asReader('GET', '/me/disagreements'),
        asReader('GET', '/me/overseen-overdue-actions'),
      ]);
    const itemApi = (i) => {
      const { id } = itemIds[i % itemIds.length];
      return Promise.all([
        asReader('GET', `/actions/${id}`),
        asReader('GET', `/actions/${id}/chronology`),
      ]);
    };
    await timed(WARMUP, yourWorkApi);
    await timed(WARMUP, itemApi);
    const yourWorkApiTimes = await timed(REQUESTS, yourWorkApi);
    const itemApiTimes = await timed(REQUESTS, itemApi);

    const rows = [
      ['', 'Your work (GET /)', 'item (GET /actions/:id)'],
      ...[
        ['p50', 50],
        ['p95', 95],
      ].map(([label, p]) => [
        label,
        ms(percentile(yourWorkTimes, p)),
        ms(percentile(itemTimes, p)),
      ]),
      ['max', ms(yourWorkTimes.at(-1)), ms(itemTimes.at(-1))],
      [
        `p95 target <= ${TARGET_P95_MS} ms`,
        percentile(yourWorkTimes, 95) <= TARGET_P95_MS ? 'met' : 'MISSED',
        percentile(itemTimes, 95) <= TARGET_P95_MS ? 'met' : 'MISSED',
      ],
      [
        'API calls alone p50 / p95',
        `${ms(percentile(yourWorkApiTimes, 50))} / ${ms(percentile(yourWorkApiTimes, 95))}`,
        `${ms(percentile(itemApiTimes, 50))} / ${ms(percentile(itemApiTimes, 95))}`,
      ],
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const line = (row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd();
    console.log(
      `\nreader's open items: ${sizes.reader} (Your work lists ${listed}); partnership's open ` +
        `items: ${sizes.partnership} (${sizes.overdue} overdue), owned by ${OWNERS + 1} people`,
    );
    console.log(
      `data: ${READER_ITEMS} through POST /actions in ${readerSeconds.toFixed(1)} s ` +
        `(${(READER_ITEMS / readerSeconds).toFixed(0)}/s), ${others} ` +
        (BULK === 'sql'
          ? `written to Postgres in ${bulkSeconds.toFixed(1)} s; audit chain ${chainVerdict}`
          : `through POST /actions in ${bulkSeconds.toFixed(1)} s`),
    );
    console.log(
      `${REQUESTS} requests of each page one at a time after ${WARMUP} to warm up; item pages ` +
        `rotate over ${itemIds.length} of the reader's items; times from the client, ` +
        'request sent to body read\n',
    );
    for (const row of rows) console.log(line(row));
    console.log(
      serverTimings.size
        ? `Server-Timing: ${[...serverTimings].join(' | ')}`
        : 'Server-Timing: none sent by the web app',
    );
    console.log(`run took ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await connection?.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
