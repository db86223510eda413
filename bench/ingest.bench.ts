/**
 * `npm run bench:ingest`: mail over SMTP into the running product.
 *
 * Runs the built product as its own process (all roles, fresh database
 * `okienko_bench_ingest`) and, from this process, sends 4 KB mails over
 * parallel SMTP connections with a lean pipelining client. Beside it, in the same run, a
 * null baseline: an smtp-server that only drains each message. After a warm-up of
 * BENCH_WARMUP_MAILS mails (every process up, its code compiled; not measured), prints:
 *   1. accepted mails/s (250 after the durable commit) and mails/s turned into tickets, at C connections:
 *      the median of BENCH_BURSTS bursts of BENCH_MAILS mails, each burst's figures beside it, and the
 *      CPU time per mail the bursts took in the client, each product process and PostgreSQL;
 *   2. accept → ticket latency p50/p95 at a steady 100 mails/s;
 *   3. the product's RSS while it ingests BENCH_MEMORY_MAILS mails, and the CPU time that took per
 *      mail in the product and in its PostgreSQL backends (a figure that, unlike mails/s, changes
 *      little when other work shares the machine: what an A/B comparison on a busy VM can rely on).
 * With BENCH_SPLIT=1 the product runs as two processes, api+smtp and the worker (which lowers its
 * own CPU priority, WORKER_NICENESS). With BENCH_RULES=N, N enabled routing rules (the set `bench:rules` measures, their
 * actions pointed at the seeded queues, categories and templates) run on every mail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { makeRule } from './rule-corpus.js';
import { BENCH_SERVER_URL, benchDatabaseUrl, percentile } from './bench-database.js';

const DATABASE = 'okienko_bench_ingest';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const THROUGHPUT_MAILS = Number(process.env.BENCH_MAILS ?? 5_000);
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 100);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 30);
const MEMORY_MAILS = Number(process.env.BENCH_MEMORY_MAILS ?? 50_000);
const HTTP_PORT = 3411;
const SMTP_PORT = 2611;
const NULL_PORT = 2612;
const ADDRESS = 'biuro@bench.okienko.test';
const SPLIT = process.env.BENCH_SPLIT === '1';
const RULES = Number(process.env.BENCH_RULES ?? 0);
const WARMUP_MAILS = Number(process.env.BENCH_WARMUP_MAILS ?? 1_000);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);
const CLOCK_TICKS = 100; // USER_HZ on Linux

const BODY = `Dzień dobry,\n\n${'proszę o informację, kiedy zamówienie zostanie wysłane; płatność była blikiem.\n'.repeat(48)}\nPozdrawiam\n`;

/**
 * A lean SMTP client: one connection, one mail after another (EHLO once, then
 * MAIL/RCPT/DATA per mail), messages rendered up front, so the client costs
 * little of the machine the server runs on.
 */
class SmtpConnection {
  private socket!: net.Socket;
  private buffer = '';
  private waiting: ((line: string) => void)[] = [];

  async open(port: number): Promise<void> {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setEncoding('utf8');
    this.socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\r\n')) >= 0) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        // Only the last line of a multi-line reply ("250 ", not "250-") completes it.
        if (/^\d{3} /.test(line)) this.waiting.shift()?.(line);
      }
    });
    await this.expect(220);
    this.socket.write('EHLO bench.example.pl\r\n');
    await this.expect(250);
  }

  private expect(code: number): Promise<string> {
    return new Promise((resolve, reject) =>
      this.waiting.push((line) => (line.startsWith(String(code)) ? resolve(line) : reject(new Error(`expected ${code}, got: ${line}`)))),
    );
  }

  async send(from: string, to: string, data: string): Promise<void> {
    // Pipelined: the three commands go out together, their answers are read in order.
    const answers = [this.expect(250), this.expect(250), this.expect(354)];
    this.socket.write(`MAIL FROM:<${from}>\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
    await Promise.all(answers);
    const done = this.expect(250);
    this.socket.write(`${data}\r\n.\r\n`);
    await done;
  }

  close(): void {
    this.socket.end('QUIT\r\n');
  }
}

function render(tag: string, i: number): { from: string; data: string } {
  const from = `klient.${tag}.${i}@example.pl`;
  const data = [
    `From: Klient ${i} <${from}>`,
    `To: ${ADDRESS}`,
    `Subject: Zamowienie ${tag}-${i}`,
    `Message-ID: <${tag}.${i}@bench.example.pl>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    BODY.replace(/\n/g, '\r\n'),
  ].join('\r\n');
  return { from, data };
}

/** Sends `count` mails over `connections` SMTP connections; answers mails/s accepted. */
async function blast(port: number, count: number, connections: number, tag: string): Promise<number> {
  const mails = Array.from({ length: count }, (_, i) => render(tag, i));
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new SmtpConnection();
      await c.open(port);
      return c;
    }),
  );
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < count) {
        const mail = mails[next++];
        await client.send(mail.from, ADDRESS, mail.data);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const c of clients) c.close();
  return count / seconds;
}

async function nullBaseline(): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => callback());
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(NULL_PORT, '127.0.0.1', () => resolve()));
  const rate = await blast(NULL_PORT, THROUGHPUT_MAILS, CONNECTIONS, 'null');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return rate;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

/** CPU seconds (user + system) each of the given processes has used so far; a process that has ended is left out. */
function cpuSecondsOf(pids: number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS); // utime, stime
    } catch {
      // Ended since it was listed (or PostgreSQL runs on another machine).
    }
  }
  return seconds;
}

/**
 * CPU seconds a changing set of processes uses from now on: read at each
 * sample; a process first seen later counts from its start (the pool opens
 * and closes PostgreSQL connections as it needs them).
 */
function cpuTracker(listPids: () => Promise<number[]>): { sample(): Promise<void>; seconds(): number } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let started = false;
  const read = async (initial: boolean) => {
    for (const [pid, seconds] of cpuSecondsOf(await listPids())) {
      if (!first.has(pid)) first.set(pid, initial ? seconds : 0);
      last.set(pid, seconds);
    }
  };
  return {
    sample: () => {
      const initial = !started;
      started = true;
      return read(initial);
    },
    seconds: () => [...last].reduce((sum, [pid, seconds]) => sum + seconds - first.get(pid)!, 0),
  };
}

/** The server processes of the product's database connections. */
async function backendPids(db: pg.Client): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [DATABASE]);
  return rows.map((r) => r.pid);
}

/** Stored mails processed (or failed) so far. */
async function countProcessed(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM inbound_mails WHERE state IN ('processed', 'failed')`);
  return Number(rows[0].n);
}

async function waitProcessed(db: pg.Client, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await countProcessed(db);
    if (done >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${done} of ${count} mails processed in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The product as `npm start` runs it (one process, every role), or with
 * BENCH_SPLIT=1 as two processes: api+smtp and a separate worker.
 */
async function startProduct(): Promise<ChildProcess[]> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const run = (roles: string) =>
    spawn(process.execPath, [...nodeArgs, 'dist/apps/api/src/main.js'], {
      env: {
        ...process.env,
        OKIENKO_ROLES: roles,
        DATABASE_URL: benchDatabaseUrl(DATABASE),
        HTTP_PORT: String(HTTP_PORT),
        HTTP_HOST: '127.0.0.1',
        SMTP_PORT: String(SMTP_PORT),
        SMTP_HOST: '127.0.0.1',
        ADMIN_EMAIL: 'admin@bench.test',
        ADMIN_PASSWORD: 'bench-password',
        REDIS_PREFIX: `okienko-bench-ingest-${process.pid}`,
        LOG_LEVEL: 'warn',
        SMTP_MAX_MESSAGES_PER_IP_PER_MINUTE: '10000000',
        SMTP_MAX_CONNECTIONS_PER_IP: '1000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const processes = [run(SPLIT ? 'api,smtp' : 'api,smtp,worker')];
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${HTTP_PORT}/api/health`).then((r) => r.ok, () => false);
    if (ok) {
      if (SPLIT) processes.push(run('worker'));
      return processes;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the product did not start');
}

/** Saves `count` enabled rules through the API, their actions pointed at the installation's queues, categories and templates. */
async function createRules(base: string, token: string, count: number): Promise<void> {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<{ items: { id: string }[] } & Record<string, unknown>>;
  };
  const [queues, categories, templates] = await Promise.all(['/queues', '/categories', '/templates'].map((path) => call('GET', path).then((r) => r.items)));
  const ids = {
    queue: (i: number) => queues[i % queues.length].id,
    category: (i: number) => categories[i % categories.length].id,
    template: (i: number) => templates[i % templates.length].id,
  };
  for (let i = 0; i < count; i++) {
    const { id: _placeholder, ...rule } = makeRule(i, ids);
    await call('POST', '/rules', rule);
  }
}

interface Burst {
  /** Mails/s answered 250, and mails/s turned into tickets (first send → last ticket). */
  accepted: number;
  processed: number;
  /** Mails processed when the last one was accepted. */
  doneWhenAccepted: number;
  /** CPU seconds the burst took: this benchmark's client, each product process, the product's PostgreSQL backends. */
  clientSeconds: number;
  productSeconds: number[];
  databaseSeconds: number;
}

/** One burst of THROUGHPUT_MAILS mails over CONNECTIONS connections, timed until the last is a ticket. */
async function measureBurst(db: pg.Client, product: ChildProcess[], tag: string): Promise<Burst> {
  const productCpu = product.map((p) => cpuTracker(async () => [p.pid!]));
  const databaseCpu = cpuTracker(() => backendPids(db));
  await Promise.all([...productCpu, databaseCpu].map((t) => t.sample()));
  const databaseSampler = setInterval(() => void databaseCpu.sample(), 250);
  const before = await countProcessed(db);
  const clientCpuStart = process.cpuUsage();
  const t0 = performance.now();
  const accepted = await blast(SMTP_PORT, THROUGHPUT_MAILS, CONNECTIONS, tag);
  const doneWhenAccepted = (await countProcessed(db)) - before;
  await waitProcessed(db, before + THROUGHPUT_MAILS, 600_000);
  const processed = THROUGHPUT_MAILS / ((performance.now() - t0) / 1000);
  const clientCpu = process.cpuUsage(clientCpuStart);
  clearInterval(databaseSampler);
  await Promise.all([...productCpu, databaseCpu].map((t) => t.sample()));
  return {
    accepted, processed, doneWhenAccepted,
    clientSeconds: (clientCpu.user + clientCpu.system) / 1e6,
    productSeconds: productCpu.map((t) => t.seconds()),
    databaseSeconds: databaseCpu.seconds(),
  };
}

async function main(): Promise<void> {
  const baseline = await nullBaseline();
  const product = await startProduct();
  const db = new pg.Client({ connectionString: benchDatabaseUrl(DATABASE) });
  try {
    const base = `http://127.0.0.1:${HTTP_PORT}/api/v1`;
    const { accessToken } = (await (
      await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' }) })
    ).json()) as { accessToken: string };
    // Acknowledgements are off: this measures ingest, not the outbound relay.
    const created = await fetch(`${base}/inbound-addresses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ address: ADDRESS, autoAcknowledge: false }),
    });
    if (created.status !== 201) throw new Error(`creating the inbound address answered ${created.status}`);
    if (RULES > 0) await createRules(base, accessToken, RULES);
    await db.connect();

    // 0. Warm-up, not measured: every process of the product up and ready (the worker
    // starts after the API answers), its code compiled, its statements planned, as on
    // a server that has been running.
    if (WARMUP_MAILS > 0) {
      await blast(SMTP_PORT, WARMUP_MAILS, CONNECTIONS, 'warmup');
      await waitProcessed(db, WARMUP_MAILS, 600_000);
    }

    // 1. Throughput: BENCH_BURSTS bursts; the median of each figure is the result (one burst moves with the VM's neighbours).
    const bursts: Burst[] = [];
    // The mails of the warm-up and of earlier bursts stay, as they would on a server (no mass delete between bursts).
    for (let round = 0; round < BURSTS; round++) bursts.push(await measureBurst(db, product, `burst${round}`));
    const median = (pick: (b: Burst) => number) => percentile(bursts.map(pick).sort((a, b) => a - b), 50);
    const accepted = median((b) => b.accepted);
    const processed = median((b) => b.processed);
    const burstCpuMs = (pick: (b: Burst) => number) => ((bursts.reduce((sum, b) => sum + pick(b), 0) * 1000) / (BURSTS * THROUGHPUT_MAILS)).toFixed(2);

    // 2. Latency at a steady rate.
    await db.query(`DELETE FROM inbound_mails`);
    const steadyCount = STEADY_RATE * STEADY_SECONDS;
    const steadyClients = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = new SmtpConnection();
        await c.open(SMTP_PORT);
        return c;
      }),
    );
    const steadyStart = performance.now();
    const sends: Promise<unknown>[] = [];
    const lanes: Promise<void>[] = steadyClients.map(() => Promise.resolve());
    for (let i = 0; i < steadyCount; i++) {
      const due = steadyStart + (i * 1000) / STEADY_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const lane = i % steadyClients.length;
      const mail = render('steady', i);
      lanes[lane] = lanes[lane].then(() => steadyClients[lane].send(mail.from, ADDRESS, mail.data));
      sends.push(lanes[lane]);
    }
    await Promise.all(sends);
    for (const c of steadyClients) c.close();
    await waitProcessed(db, steadyCount, 120_000);
    const { rows } = await db.query<{ ms: number }>(
      `SELECT extract(epoch FROM (processed_at - received_at)) * 1000 AS ms FROM inbound_mails ORDER BY 1`,
    );
    const latencies = rows.map((r) => Number(r.ms));

    // 3. Memory while ingesting many mails.
    await db.query(`DELETE FROM inbound_mails`);
    const rss = () => product.reduce((sum, p) => sum + rssMb(p.pid!), 0);
    const rssStart = rss();
    let rssMax = rssStart;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rss())), 500);
    const productCpu = cpuTracker(async () => product.map((p) => p.pid!));
    const databaseCpu = cpuTracker(() => backendPids(db));
    await Promise.all([productCpu.sample(), databaseCpu.sample()]);
    const cpuSampler = setInterval(() => void databaseCpu.sample(), 250);
    const memoryStarted = performance.now();
    await blast(SMTP_PORT, MEMORY_MAILS, CONNECTIONS, 'memory');
    await waitProcessed(db, MEMORY_MAILS, 1_800_000);
    clearInterval(sampler);
    clearInterval(cpuSampler);
    await Promise.all([productCpu.sample(), databaseCpu.sample()]);
    const cpuMs = (seconds: number) => ((seconds * 1000) / MEMORY_MAILS).toFixed(2);
    const rssEnd = rss();
    const { rows: failed } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM inbound_mails WHERE state = 'failed'`);

    console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    console.log(`4 KB mails, ${CONNECTIONS} SMTP connections, client and server on this machine; product: ${SPLIT ? 'api+smtp and worker as two processes' : 'one process, all roles (npm start)'}; ${RULES} enabled rules\n`);
    console.log('| measurement | result |\n| --- | ---: |');
    console.log(`| null baseline (smtp-server draining), accepted mails/s | ${baseline.toFixed(0)} |`);
    const each = (pick: (b: Burst) => number) => bursts.map((b) => pick(b).toFixed(0)).join(', ');
    console.log(`| Okienko: accepted durably (250 after commit), mails/s, ${THROUGHPUT_MAILS} mails, median of ${BURSTS} bursts (each) | ${accepted.toFixed(0)} (${each((b) => b.accepted)}) |`);
    console.log(`| Okienko: turned into tickets, mails/s (first send → last ticket), median (each) | ${processed.toFixed(0)} (${each((b) => b.processed)}) |`);
    console.log(`| of a burst's mails, turned into tickets by the time its last was accepted (each) | ${each((b) => b.doneWhenAccepted)} |`);
    console.log(
      `| CPU time per mail in the bursts: benchmark client / product${SPLIT ? ' (api+smtp, worker)' : ''} / PostgreSQL backends, ms | ` +
        `${burstCpuMs((b) => b.clientSeconds)} / ${product.map((_, i) => burstCpuMs((b) => b.productSeconds[i])).join(', ')} / ${burstCpuMs((b) => b.databaseSeconds)} |`,
    );
    console.log(`| ratio accepted / null baseline | ${(accepted / baseline).toFixed(2)} |`);
    console.log(`| accept → ticket latency at ${STEADY_RATE} mails/s for ${STEADY_SECONDS} s: p50 / p95 / max ms | ${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} / ${latencies.at(-1)!.toFixed(0)} |`);
    console.log(`| RSS while ingesting ${MEMORY_MAILS} mails: start / max / end MB | ${rssStart.toFixed(0)} / ${rssMax.toFixed(0)} / ${rssEnd.toFixed(0)} |`);
    console.log(`| ${MEMORY_MAILS} mails ingested in, s (all processed) | ${((performance.now() - memoryStarted) / 1000).toFixed(0)} |`);
    console.log(`| CPU time per mail over those ${MEMORY_MAILS} mails: product / its PostgreSQL backends, ms | ${cpuMs(productCpu.seconds())} / ${cpuMs(databaseCpu.seconds())} |`);
    console.log(`| failed mails | ${failed[0].n} |`);
  } finally {
    await db.end().catch(() => undefined);
    for (const p of product) p.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
