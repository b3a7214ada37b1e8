/* global console, fetch, performance, setTimeout */
/**
 * Throughput of creating actions through the API, against starting no-op workflows directly on
 * the same Temporal server in the same run, and the lag from each due instant to SMTP acceptance.
 * Target (developers' guide): API creation at >= 70% of the bare Temporal rate; due-to-SMTP p99 <= 2 s.
 *
 * It starts its own stack (embedded Postgres, Temporal dev server, mail catcher, API, worker), so
 * build first:   npm run build && node bench/action-throughput.bench.js
 *
 * Phases, in this order:
 *   1. with the worker running: warm-up, the due -> SMTP lag of urgent actions all falling due at
 *      one instant, then actions created at full concurrency (each one's chaser runs its first
 *      workflow task in the worker straight away, competing for the same cores);
 *   2. with the worker stopped, so that neither kind of workflow runs (as in production, where
 *      workers have machines of their own): bare starts and API creates one at a time (latency
 *      without queueing), then at full concurrency in alternating rounds, so that drift (a
 *      growing Temporal store, JIT, autovacuum) falls on both alike.
 *
 *   BENCH_ACTIONS       actions created through the API in phase 2, and as many bare starts (10000)
 *   BENCH_CONCURRENCY   requests in flight in the loaded phases (32)
 *   BENCH_ROUNDS        alternating bare/API rounds in phase 2 (5)
 *   BENCH_WARMUP        uncounted requests of each kind first (200)
 *   BENCH_UNLOADED      requests of each kind one at a time (200)
 *   BENCH_WITH_WORKER   actions created with the worker running, in phase 1 (2000)
 *   BENCH_LAG_ACTIONS   urgent actions in each lag measurement: all due at one instant, then (500)
 *   BENCH_LAG_RATE      due instants a second in the steady lag measurement (20)
 *
 * CPU per item (Linux) is the CPU time the stack's processes used in a phase, over its items:
 * it says which process the time goes to, whatever else the machine was doing.
 */
const { randomUUID } = require('node:crypto');
const { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client, Connection } = require('@temporalio/client');
const {
  bootstrapAdmin,
  devToken,
  freePort,
  startApp,
  startStack,
  stopChild,
  waitFor,
} = require('@safeguard/dev-stack');
const { EnvReader, readTemporalSettings } = require('@safeguard/platform');

const count = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
const ACTIONS = count('BENCH_ACTIONS', 10000);
const CONCURRENCY = Math.max(1, count('BENCH_CONCURRENCY', 32));
const ROUNDS = Math.max(1, Math.min(count('BENCH_ROUNDS', 5), ACTIONS || 1));
const WARMUP = count('BENCH_WARMUP', 200);
const UNLOADED = count('BENCH_UNLOADED', 200);
const WITH_WORKER = count('BENCH_WITH_WORKER', 2000);
const LAG_ACTIONS = count('BENCH_LAG_ACTIONS', 500);
const LAG_RATE = Math.max(1, count('BENCH_LAG_RATE', 20));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * CPU seconds used so far by this process and each process of the stack it started, by pid
 * (Postgres backends come and go with the pool, so phases are compared process by process).
 */
const CPU_KINDS = ['api', 'postgres', 'temporal', 'worker', 'client'];
function cpuSeconds() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const processes = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(pid), {
        parent: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / 100,
        command: readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
      });
    } catch {
      // gone since the listing
    }
  }
  const ours = (pid) => {
    for (let at = pid, depth = 0; at > 1 && depth < 8; at = processes.get(at)?.parent, depth++) {
      if (at === process.pid) return true;
    }
    return false;
  };
  const usage = new Map();
  for (const [pid, { seconds, command }] of processes) {
    if (!ours(pid)) continue;
    const kind =
      pid === process.pid
        ? 'client'
        : /apps\/api\/dist/.test(command)
          ? 'api'
          : /apps\/worker\/dist/.test(command)
            ? 'worker'
            : /temporal/.test(command)
              ? 'temporal'
              : /postgres/.test(command)
                ? 'postgres'
                : undefined;
    if (kind) usage.set(pid, { kind, seconds });
  }
  return usage;
}

/** Latencies, busy time and CPU of one kind of request, added up over the rounds it ran in. */
class Tally {
  latencies = [];
  seconds = 0;
  cpu = undefined;
  add(run) {
    this.latencies.push(...run.latencies);
    this.seconds += run.seconds;
  }
  addCpu(before, after) {
    if (!before || !after) return;
    this.cpu ??= Object.fromEntries(CPU_KINDS.map((kind) => [kind, 0]));
    for (const [pid, { kind, seconds }] of after) {
      this.cpu[kind] += seconds - (before.get(pid)?.seconds ?? 0);
    }
  }
  summary() {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      count: sorted.length,
      perSecond: sorted.length / this.seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpu:
        this.cpu &&
        CPU_KINDS.filter((kind) => this.cpu[kind] * 1000 >= 0.05 * sorted.length)
          .map((kind) => `${kind} ${((this.cpu[kind] * 1000) / sorted.length).toFixed(1)}`)
          .join(', '),
    };
  }
}

/** Runs `task()` `count` times with at most `concurrency` in flight; returns each latency. */
async function drive(count, concurrency, task) {
  const latencies = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next++ < count) {
        const start = performance.now();
        await task();
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - began) / 1000 };
}

/** `total` split into `parts` near-equal whole numbers. */
function split(total, parts) {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts),
  );
}

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '-');
const ratio = (a, b) => (Number.isFinite(a / b) ? `x${(a / b).toFixed(1)}` : '-');

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'safeguarding-bench-'));
  chmodSync(dataDir, 0o755);
  process.env.RATE_LIMIT_PER_MINUTE = '100000000';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  const ports = {};
  for (const name of ['postgres', 'temporal', 'smtp', 'mailWeb', 'api', 'identity', 'web'])
    ports[name] = await freePort();
  const stack = await startStack({
    ports,
    dataDir,
    persistent: false,
    logDir: dataDir,
    apps: ['api'],
  });
  let worker = startApp('worker', stack.appEnv, { logDir: dataDir });
  let connection;
  try {
    await waitFor(
      'the worker to poll',
      async () => ((await fetch(`${stack.apiUrl}/ready`)).ok ? true : undefined),
      180_000,
    );
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
    connection = await Connection.connect(settings.connection);
    const client = new Client({
      connection,
      namespace: settings.namespace,
      dataConverter: settings.dataConverter,
    });
    const farFuture = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

    // Bare Temporal: start a workflow nobody runs, with a payload of the same shape and the same
    // (encrypting) data converter as the API's.
    const bareStart = () =>
      client.workflow.start('benchNoop', {
        taskQueue: 'bench-no-worker',
        workflowId: `bench-noop-${randomUUID()}`,
        args: [
          {
            actionId: randomUUID(),
            dueAt: farFuture,
            policy: { partnershipId: partnership.id, version: 1 },
            delivery: {
              nation: 'england-and-wales',
              sendWindow: {
                days: 'working-days',
                start: '08:30',
                end: '17:30',
                urgentExempt: true,
              },
              urgent: false,
            },
          },
        ],
      });
    let lastWorkflowId;
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
        const action = await response.json();
        lastWorkflowId = action.workflowId;
        return action;
      });
    const apiCreate = () => create(farFuture, false);
    /** Waits until the worker has run the first workflow task of the last action created. */
    const settle = async () => {
      if (!lastWorkflowId) return;
      const handle = client.workflow.getHandle(lastWorkflowId);
      const until = Date.now() + 600_000;
      while ((await handle.describe()).historyLength < 4 && Date.now() < until) await sleep(200);
    };

    // Phase 1, worker running.
    await drive(WARMUP, CONCURRENCY, bareStart);
    await drive(WARMUP, CONCURRENCY, apiCreate);
    await settle();

    // Due -> SMTP lag of urgent actions (quiet hours never hold them), each created before its
    // due instant; the lag counts from that instant. Once in a burst (all due at one instant),
    // once at a steady rate (due instants LAG_RATE a second apart).
    const measureLag = async (spacingMs) => {
      await fetch(`${stack.mailWebUrl}/api/messages`, { method: 'DELETE' });
      const probe = await drive(Math.min(LAG_ACTIONS, 50), CONCURRENCY, apiCreate);
      const createSeconds = (LAG_ACTIONS * probe.seconds) / Math.max(1, probe.latencies.length);
      const firstDue = Date.now() + 3000 + Math.ceil(createSeconds * 2000);
      const dueOf = new Map();
      let next = 0;
      let createdLate = 0;
      await drive(LAG_ACTIONS, CONCURRENCY, async () => {
        const dueAt = firstDue + spacingMs * next++;
        const action = await create(new Date(dueAt).toISOString(), true);
        if (Date.now() >= dueAt) createdLate += 1;
        dueOf.set(action.reference, dueAt);
      });
      const lags = [];
      const deadline = firstDue + spacingMs * LAG_ACTIONS + 180_000;
      while (lags.length < dueOf.size && Date.now() < deadline) {
        await sleep(250);
        lags.length = 0;
        for (const message of await (await fetch(`${stack.mailWebUrl}/api/messages`)).json()) {
          // Only the due reminder: an action created this close to its date has already had its
          // "due soon" reminder (the -3 WD one, sent at once when the item is recorded late).
          const [title, reference] = message.subject.split(': ');
          if (title === 'Action due' && dueOf.has(reference))
            lags.push(Date.parse(message.receivedAt) - dueOf.get(reference));
        }
      }
      lags.sort((a, b) => a - b);
      return { lags, count: dueOf.size, createdLate };
    };
    const burst = await measureLag(0);
    const steady = await measureLag(1000 / LAG_RATE);

    const withWorker = new Tally();
    let cpu = cpuSeconds();
    withWorker.add(await drive(WITH_WORKER, CONCURRENCY, apiCreate));
    // The chasers' first tasks are part of what creating an action costs the machine.
    const began = performance.now();
    await settle();
    const catchUp = (performance.now() - began) / 1000;
    withWorker.addCpu(cpu, cpuSeconds());

    // Phase 2, worker stopped.
    await stopChild(worker);
    worker = undefined;
    const unloadedBare = new Tally();
    const unloadedApi = new Tally();
    unloadedBare.add(await drive(UNLOADED, 1, bareStart));
    unloadedApi.add(await drive(UNLOADED, 1, apiCreate));

    const bare = new Tally();
    const api = new Tally();
    for (const size of split(ACTIONS, ROUNDS)) {
      cpu = cpuSeconds();
      bare.add(await drive(size, CONCURRENCY, bareStart));
      bare.addCpu(cpu, (cpu = cpuSeconds()));
      api.add(await drive(size, CONCURRENCY, apiCreate));
      api.addCpu(cpu, cpuSeconds());
    }

    const b = bare.summary();
    const a = api.summary();
    const w = withWorker.summary();
    const ub = unloadedBare.summary();
    const ua = unloadedApi.summary();
    const share = (x) => `${((x.perSecond / b.perSecond) * 100).toFixed(0)}%`;
    const rows = [
      ['', 'bare Temporal', 'POST /actions', 'API / bare'],
      [
        `rate (c=${CONCURRENCY}, n=${a.count})`,
        `${b.perSecond.toFixed(0)}/s`,
        `${a.perSecond.toFixed(0)}/s`,
        `${share(a)} (target >= 70%)`,
      ],
      ['p50', ms(b.p50), ms(a.p50), ratio(a.p50, b.p50)],
      ['p99', ms(b.p99), ms(a.p99), ratio(a.p99, b.p99)],
      [`unloaded p50 (c=1, n=${ua.count})`, ms(ub.p50), ms(ua.p50), ratio(ua.p50, ub.p50)],
      ['unloaded p99', ms(ub.p99), ms(ua.p99), ratio(ua.p99, ub.p99)],
      [
        `worker running: rate (n=${w.count})`,
        '',
        `${w.perSecond.toFixed(0)}/s`,
        `${share(w)} (same cores)`,
      ],
      ['worker running: p50 / p99', '', `${ms(w.p50)} / ${ms(w.p99)}`, ''],
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const line = (row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd();
    console.log(
      `\nactions: ${ACTIONS} each way, worker stopped (neither kind of workflow runs), ` +
        `${ROUNDS} alternating rounds after a warm-up of ${WARMUP}`,
    );
    for (const row of rows) console.log(line(row));
    if (b.cpu) {
      console.log(`CPU ms per item: bare ${b.cpu} | API ${a.cpu}`);
      console.log(
        `  worker running, the chasers' first tasks included (caught up ${catchUp.toFixed(1)} s ` +
          `after the last response): ${w.cpu}`,
      );
    }
    const lagLine = (label, { lags, count, createdLate }) =>
      console.log(
        `due -> SMTP accepted, ${label}: ${lags.length}/${count} delivered` +
          `${createdLate ? ` (${createdLate} created after their due instant)` : ''}; ` +
          `p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${lags.at(-1)} ms ` +
          '(target p99 <= 2000 ms)',
      );
    lagLine(`${LAG_ACTIONS} urgent due at one instant`, burst);
    lagLine(`${LAG_ACTIONS} urgent due ${LAG_RATE} a second`, steady);
  } finally {
    await connection?.close();
    if (worker) await stopChild(worker);
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
