/**
 * `npm run bench:chat`: live chat on one process.
 *
 * Starts the product (API and worker roles) on a fresh database
 * `okienko_bench_chat`, opens BENCH_CHAT_SESSIONS visitor sessions (default
 * 500) with their event streams held open, each with a first message (its
 * ticket) accepted by the agent, then for BENCH_CHAT_SECONDS (default 20)
 * sends BENCH_CHAT_RATE messages per second each way (default 20): visitors'
 * messages timed until the agent's live stream carries them, the agent's
 * replies until the visitor's stream does (client included, same machine).
 * Also: memory per open session (heap and RSS growth over the open streams,
 * client side included), the widget's gzipped sizes, and the database
 * statements each message costs (BENCH_CHAT_CALIBRATE messages each way sent
 * one after another before the steady phase, all of the process's statements
 * counted, the outbound jobs included): the per-message work, which the load
 * of a shared machine does not change.
 */
import 'reflect-metadata';
import { gzipSync } from 'node:zlib';
import { ServerSentEventsReader } from '@okienko/domain';
import pg from 'pg';
import { loadConfig } from '../apps/api/src/core/config/load-config.js';
import { startOkienko } from '../apps/api/src/core/startup/start-okienko.js';
import { benchDatabaseUrl, percentile, recreateBenchDatabase } from './bench-database.js';

const SESSIONS = Number(process.env.BENCH_CHAT_SESSIONS ?? 500);
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 20);
const CALIBRATE = Number(process.env.BENCH_CHAT_CALIBRATE ?? 50);
const DATABASE = 'okienko_bench_chat';

/** Every statement the process sends to PostgreSQL (the product's pool included), counted. */
let statements = 0;
const clientPrototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = clientPrototype.query;
/** BENCH_CHAT_TRACE=1: prints each statement of the per-message measurement (run it with BENCH_CHAT_CALIBRATE=1). */
let tracing = false;
clientPrototype.query = function (this: unknown, ...args: unknown[]) {
  statements += 1;
  if (tracing) console.log(`    sql: ${String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text).replace(/\s+/g, ' ').slice(0, 140)}`);
  return originalQuery.apply(this, args);
};

type Handler = (event: string, data: unknown) => void;

/** Reads a Server-Sent Events stream with fetch, calling `onEvent` for each event. */
async function stream(url: string, headers: Record<string, string>, onEvent: Handler, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { headers, signal });
  if (!response.ok || !response.body) throw new Error(`stream ${url}: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events = new ServerSentEventsReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const block of events.feed(value)) if (block.data !== null) onEvent(block.event, JSON.parse(block.data));
      }
    } catch {
      // Closed at the end.
    }
  })();
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);

async function main(): Promise<void> {
  await recreateBenchDatabase(DATABASE);
  const product = await startOkienko(
    loadConfig({
      DATABASE_URL: benchDatabaseUrl(DATABASE), HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', OKIENKO_ROLES: 'api,worker', LOG_LEVEL: 'error',
      ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench-password', REDIS_PREFIX: `okienko-bench-chat-${process.pid}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      CHAT_SESSIONS_PER_IP_PER_MINUTE: '10000000', CHAT_REQUESTS_PER_IP_PER_MINUTE: '100000000', CHAT_MESSAGES_PER_SESSION_PER_MINUTE: '100000',
    }, []),
  );
  const base = product.httpUrl!;
  const abort = new AbortController();
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const agent = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const channel = (await (await fetch(`${base}/api/v1/channels`, { method: 'POST', headers: agent, body: JSON.stringify({ type: 'chat', name: 'Czat' }) })).json()) as { key: string };
    await fetch(`${base}/api/v1/chats/availability`, { method: 'PUT', headers: agent, body: JSON.stringify({ available: true }) });

    const loader = await (await fetch(`${base}/w/${channel.key}.js`)).text();
    const chat = await (await fetch(`${base}/w/chat.js`)).text();

    // Who is waiting for which text: the agent's stream and the visitors' streams resolve them.
    const pending = new Map<string, number>();
    const toAgent: number[] = [];
    const toVisitor: number[] = [];
    const seen = (text: unknown, into: number[]) => {
      const started = typeof text === 'string' ? pending.get(text) : undefined;
      if (started === undefined) return;
      pending.delete(text as string);
      into.push(performance.now() - started);
    };
    await stream(`${base}/api/v1/live`, { authorization: `Bearer ${token}` }, (event, data) => {
      const told = (data as { event?: { text: string; author: string } }).event;
      if ((event === 'chat.message' || event === 'chat.waiting') && told?.author === 'visitor') seen(told.text, toAgent);
    }, abort.signal);

    global.gc?.();
    const before = process.memoryUsage();
    const sessions: { id: string; token: string }[] = [];
    const setupStarted = performance.now();
    await inBatches(Array.from({ length: SESSIONS }, (_, i) => i), 25, async (i) => {
      const created = (await (await fetch(`${base}/api/public/chat/${channel.key}/sessions`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Gość ${i}` }),
      })).json()) as { sessionId: string; token: string };
      sessions.push({ id: created.sessionId, token: created.token });
      await stream(`${base}/api/public/chat/sessions/${created.sessionId}/events?token=${created.token}`, {}, (event, data) => {
        if (event === 'message' && (data as { author: string }).author === 'agent') seen((data as { text: string }).text, toVisitor);
      }, abort.signal);
    });
    global.gc?.();
    const opened = process.memoryUsage();
    await inBatches(sessions, 10, async (s) => {
      await fetch(`${base}/api/public/chat/sessions/${s.id}/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` }, body: JSON.stringify({ text: `start ${s.id}` }),
      });
      await fetch(`${base}/api/v1/chats/${s.id}/accept`, { method: 'POST', headers: agent });
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // Statements per message, each way: messages sent one at a time, their deliveries (and outbound jobs) awaited.
    const settle = async () => {
      const deadline = Date.now() + 10_000;
      while (pending.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 500));
    };
    const idleFrom = statements;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idlePerSecond = statements - idleFrom;
    const perMessage = async (send: (i: number) => Promise<void>): Promise<number> => {
      const from = statements;
      tracing = process.env.BENCH_CHAT_TRACE === '1';
      const started = performance.now();
      for (let i = 0; i < CALIBRATE; i++) await send(i);
      await settle();
      tracing = false;
      const idle = (idlePerSecond * (performance.now() - started)) / 1000;
      return (statements - from - idle) / CALIBRATE;
    };
    const visitorStatements = await perMessage(async (i) => {
      const s = sessions[i % sessions.length];
      const text = `kalibracja v${i} ${s.id}`;
      pending.set(text, performance.now());
      await fetch(`${base}/api/public/chat/sessions/${s.id}/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` }, body: JSON.stringify({ text }),
      });
    });
    const agentStatements = await perMessage(async (i) => {
      const s = sessions[i % sessions.length];
      const text = `kalibracja a${i} ${s.id}`;
      pending.set(text, performance.now());
      await fetch(`${base}/api/v1/chats/${s.id}/messages`, { method: 'POST', headers: agent, body: JSON.stringify({ text }) });
    });
    toAgent.length = 0;
    toVisitor.length = 0;
    pending.clear();

    const sends: Promise<unknown>[] = [];
    const interval = 1000 / RATE;
    const steadyStarted = performance.now();
    for (let n = 0; performance.now() - steadyStarted < SECONDS * 1000; n++) {
      const due = steadyStarted + n * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const visitor = sessions[n % sessions.length];
      const target = sessions[(n * 7 + 3) % sessions.length];
      const up = `v${n} ${visitor.id}`;
      const down = `a${n} ${target.id}`;
      pending.set(up, performance.now());
      sends.push(fetch(`${base}/api/public/chat/sessions/${visitor.id}/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${visitor.token}` }, body: JSON.stringify({ text: up }),
      }));
      pending.set(down, performance.now());
      sends.push(fetch(`${base}/api/v1/chats/${target.id}/messages`, { method: 'POST', headers: agent, body: JSON.stringify({ text: down }) }));
    }
    await Promise.all(sends);
    const deadline = Date.now() + 5_000;
    while (pending.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    toAgent.sort((a, b) => a - b);
    toVisitor.sort((a, b) => a - b);

    console.log(`chat bench: ${SESSIONS} visitor sessions held open, ${RATE} messages/s each way for ${SECONDS} s (one process, client on the same machine)`);
    console.log(`  setup (sessions, streams, first messages as tickets, accepted): ${setupSeconds.toFixed(1)} s`);
    console.log(`  visitor → agent: ${toAgent.length} delivered, p50 ${ms(toAgent, 50)} ms, p95 ${ms(toAgent, 95)} ms, p99 ${ms(toAgent, 99)} ms`);
    console.log(`  agent → visitor: ${toVisitor.length} delivered, p50 ${ms(toVisitor, 50)} ms, p95 ${ms(toVisitor, 95)} ms, p99 ${ms(toVisitor, 99)} ms`);
    console.log(`  not delivered within 5 s: ${pending.size}`);
    console.log(`  database statements per message (${CALIBRATE} one after another, outbound jobs included): visitor → agent ${visitorStatements.toFixed(1)}, agent → visitor ${agentStatements.toFixed(1)} (idle: ${idlePerSecond}/s)`);
    console.log(`  memory per open session (client included): heap ${((opened.heapUsed - before.heapUsed) / SESSIONS / 1024).toFixed(1)} KB, rss ${((opened.rss - before.rss) / SESSIONS / 1024).toFixed(1)} KB (rss now ${mb(process.memoryUsage().rss)})`);
    console.log(`  widget gzipped: loader ${gzipSync(loader).length} B, chat ${gzipSync(chat).length} B`);
  } finally {
    abort.abort();
    await product.stop();
    await recreateBenchDatabase(DATABASE, { dropOnly: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
