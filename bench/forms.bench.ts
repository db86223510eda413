/**
 * `npm run bench:forms`: web form submissions into tickets.
 *
 * Starts the product (API and worker roles) on a fresh database
 * `okienko_bench_forms` and a contact form, and measures:
 * - submissions per second into tickets with BENCH_FORMS_CLIENTS concurrent
 *   clients (default 16) sending BENCH_FORMS_SUBMISSIONS JSON submissions
 *   (default 2000), each filed as a ticket with its status link and
 *   confirmation mail (the client runs on the same machine); and per second
 *   until every confirmation was delivered (to a local SMTP server that
 *   accepts everything), so the worker's sending counts too;
 * - the latency of submissions at a steady BENCH_FORMS_RATE per second
 *   (default 50) for BENCH_FORMS_STEADY_SECONDS (default 20): p50, p95, p99;
 * - the embed script's size, gzipped;
 * - what one submission costs: SQL statements and Redis commands per
 *   submission from the first submission until the last confirmation was
 *   delivered (the worker's included), and the
 *   CPU time of this process (API, worker and client) per submission, which a
 *   busy machine changes far less than the rates.
 * The proof of work (BENCH_FORMS_DIFFICULTY, default 8; the server checks any
 * difficulty with one hash) is solved for every token before the clock starts:
 * it is the browser's work, not the server's.
 */
import 'reflect-metadata';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../apps/api/src/core/config/load-config.js';
import { startOkienko } from '../apps/api/src/core/startup/start-okienko.js';
import { meetsDifficulty } from '@okienko/domain';
import { deriveFormKey, proofDigest, signFormToken } from '../apps/api/src/modules/web-forms/form-token.js';
import { benchDatabaseUrl, percentile, recreateBenchDatabase } from './bench-database.js';

const CLIENTS = Number(process.env.BENCH_FORMS_CLIENTS ?? 16);
const SUBMISSIONS = Number(process.env.BENCH_FORMS_SUBMISSIONS ?? 2000);
const RATE = Number(process.env.BENCH_FORMS_RATE ?? 50);
const STEADY_SECONDS = Number(process.env.BENCH_FORMS_STEADY_SECONDS ?? 20);
/** The proof of work's difficulty the tokens are signed with: the server checks any with one hash; solving is the browser's work. */
const DIFFICULTY = Number(process.env.BENCH_FORMS_DIFFICULTY ?? 8);
const DATABASE = 'okienko_bench_forms';
const SECRET = 'bench-forms-secret-of-at-least-thirty-two-characters';

/** The browser's proof of work: the first nonce the product's own check accepts. */
function solve(token: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) if (meetsDifficulty(proofDigest(token, String(nonce)), difficulty)) return String(nonce);
}

/** Counts the SQL statements and Redis commands the product sends (every pool and connection of this process). */
function countRoundTrips(): { sql: number; redis: number } {
  const counts = { sql: 0, redis: 0 };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    counts.sql += 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  const sendCommand = Redis.prototype.sendCommand as (...args: unknown[]) => unknown;
  Redis.prototype.sendCommand = function (this: Redis, ...args: unknown[]) {
    counts.redis += 1;
    return sendCommand.apply(this, args);
  } as typeof Redis.prototype.sendCommand;
  return counts;
}

/** An SMTP server that accepts every mail (the confirmations' relay), counting them. */
async function startMailSink(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const roundTrips = countRoundTrips();
  await recreateBenchDatabase(DATABASE);
  const sink = await startMailSink();
  const product = await startOkienko(
    loadConfig({
      DATABASE_URL: benchDatabaseUrl(DATABASE), HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', OKIENKO_ROLES: 'api,worker', LOG_LEVEL: 'error',
      ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench-password', REDIS_PREFIX: `okienko-bench-forms-${process.pid}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', JWT_SECRET: SECRET,
      FORMS_CHECK_EMAIL_DOMAIN: 'off', FORMS_SUBMISSIONS_PER_IP: '1000000', FORMS_SUBMISSIONS_PER_EMAIL: '1000000',
      FORMS_SUBMISSIONS_PER_FORM_PER_MINUTE: '10000000', FORMS_FLOOD_STEP_PER_MINUTE: '1000000', AUTO_REPLY_PER_SENDER_PER_HOUR: '100000',
      AUTO_REPLY_GLOBAL_PER_MINUTE: '1000000', OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    }, []),
  );
  const base = product.httpUrl!;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const created = await fetch(`${base}/api/v1/channels`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'web_form', name: 'Kontakt', settings: { kind: 'contact' } }),
    });
    const form = (await created.json()) as { id: string; key: string };

    const script = await (await fetch(`${base}/f/${form.key}.js`)).text();
    const key = deriveFormKey(SECRET);
    const total = SUBMISSIONS + RATE * STEADY_SECONDS;
    const solvingStarted = Date.now();
    const bodies = Array.from({ length: total }, (_, i) => {
      const formToken = signFormToken(key, form.id, new Date(Date.now() - 60_000), DIFFICULTY);
      return JSON.stringify({
        name: `Klient ${i}`, email: `klient${i}@example.pl`, subject: `Pytanie ${i}`, message: `Dzień dobry, pytanie numer ${i} o zamówienie.`,
        token: formToken, nonce: solve(formToken, DIFFICULTY),
      });
    });
    console.log(`solved ${total} proofs of work (difficulty ${DIFFICULTY}) in ${((Date.now() - solvingStarted) / 1000).toFixed(1)} s, before the clock`);

    let next = 0;
    const send = async (i: number): Promise<number> => {
      const started = performance.now();
      const res = await fetch(`${base}/api/public/forms/${form.key}/submissions`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }, body: bodies[i],
      });
      const answer = (await res.json()) as { ticketNumber?: string | null };
      if (res.status !== 201 || !answer.ticketNumber) throw new Error(`submission ${i}: ${res.status} ${JSON.stringify(answer)}`);
      return performance.now() - started;
    };

    // Throughput: CLIENTS clients, each sending its next submission as soon as the previous one is answered.
    const before = { ...roundTrips };
    const cpuBefore = process.cpuUsage();
    const burstStarted = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < SUBMISSIONS) await send(next++);
      }),
    );
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    // Until the worker has sent every confirmation of the burst (or a minute more has passed).
    const confirmDeadline = performance.now() + 60_000;
    while (sink.received() < SUBMISSIONS && performance.now() < confirmDeadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const confirmedSeconds = (performance.now() - burstStarted) / 1000;
    const confirmed = sink.received();
    const cpu = process.cpuUsage(cpuBefore);
    const perSubmission = {
      sql: (roundTrips.sql - before.sql) / SUBMISSIONS, redis: (roundTrips.redis - before.redis) / SUBMISSIONS, cpuMs: (cpu.user + cpu.system) / 1000 / SUBMISSIONS,
    };

    // Latency at a steady rate.
    const latencies: number[] = [];
    const steadyStarted = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < RATE * STEADY_SECONDS; i++) {
      const due = steadyStarted + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const index = next++;
      pending.push(send(index).then((ms) => void latencies.push(ms)));
    }
    await Promise.all(pending);
    latencies.sort((a, b) => a - b);

    console.log(`\nweb forms (${CLIENTS} clients, ${SUBMISSIONS} submissions; then ${RATE}/s for ${STEADY_SECONDS} s)`);
    console.log(`  throughput:        ${(SUBMISSIONS / burstSeconds).toFixed(0)} submissions/s into tickets (${burstSeconds.toFixed(1)} s)`);
    console.log(`  with confirmations: ${(confirmed / confirmedSeconds).toFixed(0)} submissions/s filed and confirmed (${confirmed} of ${SUBMISSIONS} confirmations delivered in ${confirmedSeconds.toFixed(1)} s)`);
    console.log(`  latency at ${RATE}/s:   p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    console.log(`  per submission:    ${perSubmission.sql.toFixed(1)} SQL statements, ${perSubmission.redis.toFixed(1)} Redis commands (API and worker)`);
    console.log(`  CPU per submission: ${perSubmission.cpuMs.toFixed(1)} ms of this process (API, worker and client; PostgreSQL and Redis not included)`);
    console.log(`  embed script:      ${script.length} bytes, ${gzipSync(script).length} bytes gzipped`);
  } finally {
    await product.stop();
    await sink.close();
    await recreateBenchDatabase(DATABASE, { dropOnly: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
