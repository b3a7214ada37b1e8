/* global console, fetch, performance, setTimeout */
/**
 * Throughput of creating actions through the API, against starting no-op workflows directly on
 * the same Temporal server in the same run, and the lag from each due instant to SMTP acceptance.
 * Target (developers' guide): API creation at >= 70% of the bare Temporal rate; due-to-SMTP p99 <= 2 s.
 *
 * It starts its own stack (embedded Postgres, Temporal dev server, mail catcher, API, worker), so
 * build first:   npm run build && node bench/action-throughput.bench.js
 * BENCH_ACTIONS (default 2000; the issue's figure is 10000) and BENCH_CONCURRENCY (default 32).
 */
const { randomUUID } = require('node:crypto');
const { mkdtempSync, chmodSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client, Connection } = require('@temporalio/client');
const { bootstrapAdmin, devToken, freePort, startStack } = require('../tools/dev-stack/dist');
const { EnvReader, readTemporalSettings } = require('../libs/platform/dist');

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const LAG_SAMPLE = Math.min(200, ACTIONS);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `task(i)` for i < count with at most `concurrency` in flight; returns per-task latencies. */
async function drive(count, concurrency, task) {
  const latencies = new Array(count);
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const start = performance.now();
        await task(i);
        latencies[i] = performance.now() - start;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'safeguarding-bench-'));
  chmodSync(dataDir, 0o755);
  process.env.RATE_LIMIT_PER_MINUTE = '100000000';
  process.env.LOG_LEVEL = 'warn';
  const ports = {};
  for (const name of ['postgres', 'temporal', 'smtp', 'mailWeb', 'api'])
    ports[name] = await freePort();
  const stack = await startStack({ ports, dataDir, persistent: false, logDir: dataDir });
  try {
    const email = 'bench.lead@bench-council.example';
    await bootstrapAdmin(stack.databaseUrl, {
      partnership: 'Bench Safeguarding Board',
      nation: 'england-and-wales',
      agency: 'Bench County Council',
      agencyType: 'local-authority',
      name: 'Bench Lead',
      email,
      roles: ['admin', 'safeguarding-lead'],
    });
    const token = await devToken(stack.apiUrl, email);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const [partnership] = await (await fetch(`${stack.apiUrl}/partnerships`, { headers })).json();
    const [owner] = await (
      await fetch(`${stack.apiUrl}/people?email=${email}`, { headers })
    ).json();

    const settings = readTemporalSettings(new EnvReader(stack.appEnv));
    const connection = await Connection.connect(settings.connection);
    const client = new Client({
      connection,
      namespace: settings.namespace,
      dataConverter: settings.dataConverter,
    });
    const farFuture = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

    // Bare Temporal: start a workflow nobody runs, with a payload of the same shape.
    const bare = await drive(ACTIONS, CONCURRENCY, (i) =>
      client.workflow.start('benchNoop', {
        taskQueue: 'bench-no-worker',
        workflowId: `bench-noop-${i}-${randomUUID()}`,
        args: [{ actionId: randomUUID(), dueAt: farFuture }],
      }),
    );

    const create = (dueAt, urgent) =>
      fetch(`${stack.apiUrl}/actions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: 'Bench action',
          ownerId: owner.id,
          partnershipId: partnership.id,
          dueAt,
          urgent,
        }),
      }).then(async (response) => {
        if (response.status !== 201)
          throw new Error(`POST /actions: ${response.status} ${await response.text()}`);
        return response.json();
      });
    const api = await drive(ACTIONS, CONCURRENCY, () => create(farFuture, false));

    // Due-to-SMTP lag: urgent actions due a few seconds ahead (urgent, so quiet hours never apply).
    const dueAt = Date.now() + 5000;
    const references = new Map();
    await drive(LAG_SAMPLE, CONCURRENCY, async () => {
      const action = await create(new Date(dueAt).toISOString(), true);
      references.set(action.reference, Date.parse(action.dueAt));
    });
    const lags = [];
    const deadline = Date.now() + 120_000;
    while (lags.length < references.size && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      lags.length = 0;
      for (const message of await (await fetch(`${stack.mailWebUrl}/api/messages`)).json()) {
        const reference = message.subject.split(': ')[1];
        if (references.has(reference))
          lags.push(Date.parse(message.receivedAt) - references.get(reference));
      }
    }
    lags.sort((a, b) => a - b);
    await connection.close();

    const ratio = (api.perSecond / bare.perSecond) * 100;
    console.log(`actions: ${ACTIONS}, concurrency ${CONCURRENCY}`);
    console.log(
      `bare Temporal starts: ${bare.perSecond.toFixed(0)}/s  p50 ${bare.p50.toFixed(1)} ms  p99 ${bare.p99.toFixed(1)} ms`,
    );
    console.log(
      `POST /actions:        ${api.perSecond.toFixed(0)}/s  p50 ${api.p50.toFixed(1)} ms  p99 ${api.p99.toFixed(1)} ms`,
    );
    console.log(`API / bare Temporal:  ${ratio.toFixed(0)}% (target >= 70%)`);
    console.log(
      `due -> SMTP accepted: ${lags.length}/${references.size} delivered; ` +
        `p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms (target p99 <= 2000 ms)`,
    );
  } finally {
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
