/**
 * `npm run bench:sla`: the SLA at scale.
 *
 * Seeds BENCH_TICKETS open tickets (default 100,000) into a fresh database
 * `okienko_bench_sla`, starts the product (API and worker roles) on it, and measures:
 * - the recount of every open ticket's deadlines after an SLA policy change,
 *   from the change through the API to the last page written, while agents keep
 *   creating and changing tickets (their latency is compared with the same load
 *   without a recount: the recount must not block them);
 * - what the SLA costs when nothing is due: CPU of the product process and of
 *   its PostgreSQL backends over BENCH_IDLE_SECONDS with every ticket open.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../apps/api/src/core/config/load-config.js';
import { startOkienko } from '../apps/api/src/core/startup/start-okienko.js';
import { SlaRecountService, type RecountSummary } from '../apps/api/src/modules/sla/sla-recount.service.js';
import { benchDatabaseUrl, percentile, recreateBenchDatabase } from './bench-database.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
/** Agents' requests per second during the load phases (half new tickets, half changes). */
const LOAD_PER_SECOND = Number(process.env.BENCH_LOAD_PER_SECOND ?? 20);
const DATABASE = 'okienko_bench_sla';
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** Open tickets of the last two hours across the seeded queues, categories (a sixth are complaints) and priorities. */
async function seed(db: pg.Client): Promise<void> {
  const started = Date.now();
  await db.query(`
    INSERT INTO customers (email, name, tags)
    SELECT 'klient' || i || '@example.pl', 'Klient ' || i, CASE WHEN i % 20 = 0 THEN ARRAY['vip'] ELSE '{}'::text[] END
    FROM generate_series(1, ${Math.ceil(TICKETS / 4)}) i`);
  await db.query(`ALTER TABLE tickets DISABLE TRIGGER tickets_search_own`);
  await db.query(`
    WITH q AS (SELECT array_agg(id ORDER BY slug) ids FROM queues), c AS (SELECT array_agg(id ORDER BY slug) ids FROM categories),
         cu AS (SELECT array_agg(id) ids FROM customers)
    INSERT INTO tickets (number, subject, status, priority, channel, queue_id, category_id, customer_id, created_at, updated_at,
                         status_changed_at, last_inbound_at)
    SELECT '2026-' || lpad(i::text, 7, '0'), 'Zgłoszenie ' || i,
           (ARRAY['new','new','open','open','waiting_customer'])[1 + i % 5],
           (ARRAY['low','normal','normal','normal','high','urgent'])[1 + (i / 7) % 6],
           (ARRAY['email','email','email','web_form','phone','chat'])[1 + i % 6],
           q.ids[1 + i % array_length(q.ids, 1)], c.ids[1 + (i / 3) % array_length(c.ids, 1)],
           cu.ids[1 + i % array_length(cu.ids, 1)],
           now() - ((i % 7200) * interval '1 second'), now(), now() - ((i % 7200) * interval '1 second'), now() - ((i % 7200) * interval '1 second')
    FROM generate_series(1, ${TICKETS}) i, q, c, cu`);
  await db.query(`ALTER TABLE tickets ENABLE TRIGGER tickets_search_own`);
  await db.query('VACUUM ANALYZE');
  console.log(`seeded ${TICKETS} open tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** CPU seconds (user + system) each of the given processes has used so far; a process that has ended is left out. */
function cpuSecondsOf(pids: number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS); // utime, stime
    } catch {
      // The backend ended since it was listed.
    }
  }
  return seconds;
}

/** CPU seconds used between two readings by the processes present at both. */
function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, end] of after) if (before.has(pid)) total += end - before.get(pid)!;
  return total;
}

interface Api {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

function apiClient(base: string, token: string): Api {
  return {
    async request(method, path, body) {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}

/** Agents at work: new tickets and priority changes on random open ones, at a steady rate, until stopped. */
function agentLoad(api: Api, openIds: string[]): { stop(): Promise<{ create: number[]; change: number[]; errors: number }> } {
  const create: number[] = [];
  const change: number[] = [];
  let errors = 0;
  let running = true;
  const inFlight = new Set<Promise<void>>();
  let n = 0;
  const timer = setInterval(() => {
    if (!running) return;
    n += 1;
    const started = performance.now();
    const work = n % 2
      ? api.request('POST', '/tickets', { subject: `Obciążenie ${n}`, customer: { email: `obciazenie${n % 500}@example.pl` }, message: { body: 'Dzień dobry' } })
        .then((r) => (r.status === 201 ? create.push(performance.now() - started) : (errors += 1)))
      : api.request('PATCH', `/tickets/${openIds[Math.floor(Math.random() * openIds.length)]}`, { priority: n % 4 ? 'high' : 'normal' })
        .then((r) => (r.status === 200 ? change.push(performance.now() - started) : (errors += 1)));
    const tracked = work.then(() => undefined, () => void (errors += 1));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  }, 1000 / LOAD_PER_SECOND);
  return {
    async stop() {
      running = false;
      clearInterval(timer);
      await Promise.all([...inFlight]);
      return { create, change, errors };
    },
  };
}

function latencyRow(name: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `| ${name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${sorted.at(-1)?.toFixed(1) ?? '-'} |`;
}

async function main(): Promise<void> {
  await recreateBenchDatabase(DATABASE);
  const url = benchDatabaseUrl(DATABASE);
  const product = await startOkienko(
    loadConfig({
      DATABASE_URL: url, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', OKIENKO_ROLES: 'api,worker', LOG_LEVEL: 'error',
      ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench-password', REDIS_PREFIX: `okienko-bench-sla-${process.pid}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    }, []),
  );
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await seed(db);
    const login = await fetch(`${product.httpUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' }),
    });
    const api = apiClient(product.httpUrl!, ((await login.json()) as { accessToken: string }).accessToken);

    // Every recount the policy changes below start is reported here when it finishes.
    const recounter = product.app.get(SlaRecountService);
    const finished: RecountSummary[] = [];
    const recountAll = recounter.recountAll.bind(recounter);
    recounter.recountAll = async () => {
      const summary = await recountAll();
      finished.push(summary);
      return summary;
    };
    const policies = (await api.request('GET', '/sla-policies')).body as { items: { id: string; name: string; firstResponse: { minutes: number } | null }[] };
    const standard = policies.items.find((p) => p.name === 'Domyślna')!;
    const changePolicy = async (minutes: number): Promise<{ summary: RecountSummary; seconds: number }> => {
      const before = finished.length;
      const started = performance.now();
      const res = await api.request('PATCH', `/sla-policies/${standard.id}`, { firstResponse: { minutes, mode: 'business' } });
      if (res.status !== 200) throw new Error(`the policy change answered ${res.status}: ${JSON.stringify(res.body)}`);
      while (finished.length === before) await new Promise((r) => setTimeout(r, 20));
      return { summary: finished[before], seconds: (performance.now() - started) / 1000 };
    };

    // The seeded tickets have no deadlines yet: the first recount gives them theirs.
    const first = await changePolicy(standard.firstResponse!.minutes);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM tickets WHERE status IN ('new', 'open') ORDER BY random() LIMIT 2000`);
    const openIds = rows.map((r) => r.id);

    const quietLoad = agentLoad(api, openIds);
    await new Promise((r) => setTimeout(r, 15_000));
    const quiet = await quietLoad.stop();

    const busyLoad = agentLoad(api, openIds);
    const second = await changePolicy(240);
    const busy = await busyLoad.stop();
    const moved = await db.query<{ n: string }>(`SELECT count(*) AS n FROM tickets WHERE sla_policy_id = $1 AND status NOT IN ('resolved', 'closed')`, [standard.id]);

    // Idle: every ticket open, nothing due; the sweep keeps looking every SLA_SWEEP_INTERVAL_MS (default 30 s).
    await new Promise((r) => setTimeout(r, 5_000));
    const backends = (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [DATABASE])).rows.map((r) => r.pid);
    const nodeBefore = process.cpuUsage();
    const pgBefore = cpuSecondsOf(backends);
    const idleStarted = performance.now();
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const wall = (performance.now() - idleStarted) / 1000;
    const nodeCpu = process.cpuUsage(nodeBefore);
    const nodeSeconds = (nodeCpu.user + nodeCpu.system) / 1e6;
    const pgSeconds = cpuSecondsBetween(pgBefore, cpuSecondsOf(backends));

    console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    console.log(`${TICKETS} open tickets; agents' load ${LOAD_PER_SECOND} requests/s\n`);
    console.log('| recount | tickets | deadlines moved | recount ms | change → done s |\n| --- | ---: | ---: | ---: | ---: |');
    console.log(`| first (no deadlines yet) | ${first.summary.tickets} | ${first.summary.changed} | ${first.summary.milliseconds} | ${first.seconds.toFixed(1)} |`);
    console.log(`| first response 8 h → 4 h (business), under load | ${second.summary.tickets} | ${second.summary.changed} | ${second.summary.milliseconds} | ${second.seconds.toFixed(1)} |`);
    console.log(`(open tickets under the changed policy: ${moved.rows[0].n})\n`);
    console.log('| agents\' requests | count | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |');
    console.log(latencyRow('new ticket, no recount', quiet.create));
    console.log(latencyRow('new ticket, during the recount', busy.create));
    console.log(latencyRow('change priority, no recount', quiet.change));
    console.log(latencyRow('change priority, during the recount', busy.change));
    console.log(`(failed requests: ${quiet.errors + busy.errors})\n`);
    console.log(`Idle ${wall.toFixed(0)} s with ${TICKETS} open tickets: product process ${(100 * nodeSeconds / wall).toFixed(2)} % of one core, ` +
      `its ${backends.length} PostgreSQL backends ${(100 * pgSeconds / wall).toFixed(2)} %`);
  } finally {
    await db.end();
    await product.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
