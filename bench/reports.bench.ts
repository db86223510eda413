/**
 * `npm run bench:reports`: every report over a one-year range on a large installation.
 *
 * Seeds BENCH_TICKETS tickets (default 1,000,000) spread over the last two years into a fresh
 * database `okienko_bench_reports` on BENCH_DATABASE_URL's server, with about two messages and
 * two to three events per ticket, inbound mails, SLA columns, business times and surveys, all
 * with set-based SQL (`INSERT … SELECT … FROM generate_series`). The seeding session runs with
 * `session_replication_role = replica`, which switches off the per-row triggers (the search
 * document of every ticket and message, and the foreign-key checks, which the seed satisfies by
 * construction); the search documents stay empty, which the reports never read.
 *
 * The secondary indexes of the big tables are dropped before the rows go in and built again after
 * (from their own definitions), which is much faster than maintaining them row by row.
 *
 * Then it starts the product (role `api`) on that database and times HTTP requests to every
 * report from this process (client included): a one-year range, four scenarios each (days
 * without filters, weeks for one queue, months for one agent and priority, and the CSV of the
 * first), BENCH_WARMUP warm-up and BENCH_ROUNDS measured requests per scenario, one at a time
 * (BENCH_REPORTS: a comma-separated list of the reports to measure, default all).
 */
import 'reflect-metadata';
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../apps/api/src/core/config/load-config.js';
import { startOkienko } from '../apps/api/src/core/startup/start-okienko.js';
import { benchDatabaseUrl, percentile, recreateBenchDatabase } from './bench-database.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
/** BENCH_KEEP=1 keeps the database afterwards; BENCH_REUSE=1 measures on the kept one without seeding again. */
const KEEP = process.env.BENCH_KEEP === '1';
const REUSE = process.env.BENCH_REUSE === '1';
const DATABASE = 'okienko_bench_reports';
/** BENCH_REPORTS=response-times,sla measures only those reports (default: all). */
const REPORTS = (process.env.BENCH_REPORTS ?? 'volume,inbound-mails,response-times,sla,load,contact-reasons,automation,satisfaction').split(',');

async function timed(client: pg.Client, label: string, sql: string): Promise<void> {
  const started = Date.now();
  const result = await client.query(sql);
  console.log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seed(url: string): Promise<{ tickets: number; messages: number; events: number; mails: number; surveys: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  // No per-row triggers (search documents, foreign-key checks) while seeding: see the header.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  // Building an index once after the rows are in is far cheaper than keeping it up to date row by row:
  // the secondary indexes of the big tables are dropped here and created again from their definitions below.
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(`
    SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename IN ('tickets', 'messages', 'ticket_events', 'inbound_mails', 'surveys')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await client.query(`SELECT setseed(0.42)`);
  await client.query(`
    INSERT INTO users (email, name, password_hash, role)
    SELECT 'agent' || i || '@bench.test', 'Agent ' || lpad(i::text, 2, '0'), 'x', 'agent' FROM generate_series(1, 30) i`);
  await client.query(`
    INSERT INTO customers (email, name)
    SELECT 'klient' || i || '@example.pl', 'Klient ' || i FROM generate_series(1, ${Math.ceil(TICKETS / 5)}) i`);
  await client.query(`
    INSERT INTO inbound_addresses (address, name) VALUES
      ('biuro@sklep.bench', 'Biuro'), ('reklamacje@sklep.bench', 'Reklamacje'), ('faktury@sklep.bench', 'Faktury')`);
  await client.query(`
    INSERT INTO rules (slug, name, enabled, position, trigger, conditions, actions)
    SELECT 'bench-rule-' || i, 'Reguła ' || i, true, 100 + i, 'ticket_created', '{"match":"all","conditions":[]}', '[]'
    FROM generate_series(1, 20) i`);

  // Tickets over the last two years: older ones mostly resolved or closed, recent ones a mix.
  await timed(client, 'tickets', `
    WITH q AS (SELECT array_agg(id ORDER BY slug) ids FROM queues),
         c AS (SELECT array_agg(id ORDER BY slug) ids FROM categories),
         complaint AS (SELECT id FROM categories WHERE slug = 'complaint-return'),
         u AS (SELECT array_agg(id ORDER BY email) ids FROM users WHERE role = 'agent'),
         p AS (SELECT array_agg(id ORDER BY position) ids FROM sla_policies),
         cust AS (SELECT array_agg(id) ids FROM (SELECT id FROM customers LIMIT 5000) x),
         g AS (
           SELECT i, now() - random() * interval '730 days' AS created, random() AS r1, random() AS r2, random() AS r3, random() AS r4
           FROM generate_series(1, ${TICKETS}) i),
         s AS (
           SELECT g.*,
                  CASE WHEN now() - created > interval '20 days'
                       THEN CASE WHEN r1 < 0.02 THEN 'open' WHEN r1 < 0.03 THEN 'waiting_customer' WHEN r1 < 0.55 THEN 'closed' ELSE 'resolved' END
                       ELSE CASE WHEN r1 < 0.2 THEN 'new' WHEN r1 < 0.45 THEN 'open' WHEN r1 < 0.55 THEN 'waiting_customer'
                                 WHEN r1 < 0.6 THEN 'waiting_third_party' WHEN r1 < 0.8 THEN 'resolved' ELSE 'closed' END
                  END AS status
           FROM g),
         t AS (
           SELECT s.*,
                  CASE WHEN status = 'new' THEN NULL ELSE least(now(), created + r2 * r2 * interval '3 days') END AS answered
           FROM s),
         t2 AS (
           SELECT t.*,
                  CASE WHEN status IN ('resolved', 'closed') THEN least(now(), greatest(answered, created + r3 * r3 * interval '12 days')) END AS resolved
           FROM t),
         t3 AS (
           SELECT t2.*, c.ids[1 + i % 6] AS category_id, p.ids[1 + (i / 3) % 4] AS policy_id
           FROM t2, c, p)
    INSERT INTO tickets (number, subject, status, priority, channel, queue_id, category_id, assignee_id, customer_id, tags,
                         created_at, updated_at, status_changed_at, first_response_at, resolved_at, closed_at, last_inbound_at,
                         sla_policy_id, first_response_due_at, first_response_warn_at, first_response_warned_at, first_response_breached_at,
                         resolution_due_at, resolution_warn_at, resolution_warned_at, resolution_breached_at,
                         statutory_due_at, statutory_breached_at, first_response_business_seconds, resolution_business_seconds)
    SELECT to_char(created, 'YYYY') || '-' || lpad(i::text, 7, '0'),
           'Zgłoszenie ' || i,
           status,
           (ARRAY['low','normal','normal','normal','normal','high','high','urgent'])[1 + (i / 7) % 8],
           (ARRAY['email','email','email','web_form','phone','chat','api','marketplace'])[1 + i % 8],
           q.ids[1 + (i / 11) % 6], category_id,
           CASE WHEN status = 'new' AND r4 < 0.7 THEN NULL ELSE u.ids[1 + (i / 5) % 30] END,
           cust.ids[1 + i % array_length(cust.ids, 1)],
           CASE WHEN r4 < 0.1 THEN ARRAY['vip'] WHEN r4 < 0.2 THEN ARRAY['allegro'] WHEN r4 < 0.3 THEN ARRAY['uszkodzenie']
                WHEN r4 < 0.38 THEN ARRAY['zły rozmiar', 'allegro'] WHEN r4 < 0.45 THEN ARRAY['opóźnienie'] ELSE '{}'::text[] END,
           created, coalesce(resolved, answered, created), coalesce(resolved, answered, created),
           answered, resolved, CASE WHEN status = 'closed' THEN least(now(), resolved + interval '3 days') END, created,
           policy_id,
           created + interval '8 hours', created + interval '384 minutes',
           CASE WHEN coalesce(answered, now()) > created + interval '384 minutes' THEN created + interval '384 minutes' END,
           CASE WHEN coalesce(answered, now()) > created + interval '8 hours' THEN created + interval '8 hours' END,
           created + interval '5 days', created + interval '4 days',
           CASE WHEN coalesce(resolved, now()) > created + interval '4 days' THEN created + interval '4 days' END,
           CASE WHEN coalesce(resolved, now()) > created + interval '5 days' THEN created + interval '5 days' END,
           CASE WHEN category_id = complaint.id THEN created + interval '14 days' END,
           CASE WHEN category_id = complaint.id AND coalesce(resolved, now()) > created + interval '14 days' THEN created + interval '14 days' END,
           (extract(epoch FROM answered - created) * 0.3)::int,
           (extract(epoch FROM resolved - created) * 0.3)::int
    FROM t3, q, u, cust, complaint`);

  // Messages: the customer's mail, an agent's reply at the first response, automatic answers for some.
  await timed(client, 'messages: customer mails', `
    INSERT INTO messages (ticket_id, direction, author_customer_id, body_text, delivery_state, created_at)
    SELECT id, 'inbound', customer_id, 'Dzień dobry, proszę o informację.', 'received', created_at FROM tickets`);
  await timed(client, 'messages: agent replies', `
    INSERT INTO messages (ticket_id, direction, author_user_id, body_text, delivery_state, created_at, sent_at)
    SELECT id, 'outbound', coalesce(assignee_id, (SELECT id FROM users WHERE email = 'agent1@bench.test')), 'Dziękujemy, sprawdzamy.', 'sent',
           first_response_at, first_response_at
    FROM tickets WHERE first_response_at IS NOT NULL`);
  await timed(client, 'messages: automatic answers', `
    INSERT INTO messages (ticket_id, direction, body_text, delivery_state, automated, created_at)
    SELECT id, 'outbound', 'Status zamówienia: w drodze.', 'sent', true, created_at + interval '1 second'
    FROM tickets WHERE hashtext(number) % 20 = 0`);

  // Events: creation, status changes (resolved, closed, a few reopenings), rules, SLA breaches.
  await timed(client, 'events: created', `
    INSERT INTO ticket_events (ticket_id, type, actor_type, created_at) SELECT id, 'created', 'customer', created_at FROM tickets`);
  await timed(client, 'events: resolved', `
    INSERT INTO ticket_events (ticket_id, type, actor_type, field, old_value, new_value, created_at)
    SELECT id, 'field_changed', 'user', 'status', '"open"', to_jsonb(status), resolved_at FROM tickets WHERE resolved_at IS NOT NULL`);
  await timed(client, 'events: reopened', `
    INSERT INTO ticket_events (ticket_id, type, actor_type, field, old_value, new_value, created_at)
    SELECT id, 'field_changed', 'customer', 'status', '"resolved"', '"open"', created_at + interval '2 days'
    FROM tickets WHERE hashtext(number) % 40 = 1 AND created_at < now() - interval '2 days'`);
  await timed(client, 'events: rules', `
    WITH r AS (SELECT array_agg(id ORDER BY position) ids, array_agg(name ORDER BY position) names FROM rules WHERE slug LIKE 'bench-rule-%'),
         chosen AS (SELECT t.id, t.created_at, t.queue_id, abs(hashtext(t.number)) % 20 AS k, hashtext(t.number) % 20 = 0 AS answered
                    FROM tickets t WHERE abs(hashtext(t.number)) % 4 = 0)
    INSERT INTO ticket_events (ticket_id, type, actor_type, actor_id, actor_name, field, old_value, new_value, created_at)
    SELECT chosen.id, e.type, 'rule', r.ids[1 + k]::text, r.names[1 + k], e.field, NULL, e.value, chosen.created_at
    FROM chosen, r, LATERAL (VALUES ('rule_applied', NULL, '{}'::jsonb), ('field_changed', 'queueId', to_jsonb(chosen.queue_id)),
                                    ('message_added', NULL, CASE WHEN answered THEN '{"direction":"outbound","automated":true}'::jsonb END)) e(type, field, value)
    WHERE e.value IS NOT NULL OR e.type = 'rule_applied'`);
  await timed(client, 'events: SLA breaches', `
    INSERT INTO ticket_events (ticket_id, type, actor_type, field, new_value, created_at)
    SELECT id, 'sla_breached', 'system', x.target, jsonb_build_object('target', x.target, 'policyId', sla_policy_id), x.at
    FROM tickets, LATERAL (VALUES ('firstResponse', first_response_breached_at), ('resolution', resolution_breached_at)) x(target, at)
    WHERE x.at IS NOT NULL`);

  await timed(client, 'inbound mails', `
    INSERT INTO inbound_mails (state, raw, size, sha256, envelope_from, envelope_to, received_at, processed_at, ticket_id)
    SELECT 'processed', '\\x00'::bytea, 4096, md5(id::text), 'klient@example.pl',
           ARRAY[(ARRAY['biuro@sklep.bench', 'biuro@sklep.bench', 'reklamacje@sklep.bench', 'faktury@sklep.bench'])[1 + abs(hashtext(number)) % 4]],
           created_at, created_at, id
    FROM tickets WHERE channel = 'email'`);
  await timed(client, 'surveys', `
    INSERT INTO surveys (ticket_id, kind, sent_at, expires_at, score, comment, answered_at)
    SELECT id, kind, resolved_at + interval '1 hour', resolved_at + interval '15 days',
           CASE WHEN answered THEN CASE WHEN kind = 'csat' THEN 1 + abs(hashtext(number || 's')) % 5 ELSE abs(hashtext(number || 's')) % 11 END END,
           CASE WHEN answered AND abs(hashtext(number)) % 5 = 0 THEN 'Szybko i sprawnie, dziękuję!' END,
           CASE WHEN answered THEN resolved_at + interval '5 hours' END
    FROM (SELECT id, number, resolved_at, CASE WHEN abs(hashtext(number)) % 10 < 7 THEN 'csat' ELSE 'nps' END AS kind,
                 abs(hashtext(number || 'a')) % 10 < 4 AS answered
          FROM tickets WHERE resolved_at IS NOT NULL AND abs(hashtext(number || 'v')) % 10 < 3) x`);
  const indexing = Date.now();
  for (const index of indexes) await client.query(index.definition);
  console.log(`  ${indexes.length} indexes created again in ${((Date.now() - indexing) / 1000).toFixed(1)} s`);
  await client.query(`SET session_replication_role = DEFAULT`);
  await client.query('VACUUM ANALYZE');
  const { rows: [counts] } = await client.query<{ tickets: number; messages: number; events: number; mails: number; surveys: number }>(`
    SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM messages)::int AS messages,
           (SELECT count(*) FROM ticket_events)::int AS events, (SELECT count(*) FROM inbound_mails)::int AS mails,
           (SELECT count(*) FROM surveys)::int AS surveys`);
  console.log(`seeded ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await client.end();
  return counts!;
}

async function counted(url: string): Promise<{ tickets: number; messages: number; events: number; mails: number; surveys: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: [counts] } = await client.query(`
    SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM messages)::int AS messages,
           (SELECT count(*) FROM ticket_events)::int AS events, (SELECT count(*) FROM inbound_mails)::int AS mails,
           (SELECT count(*) FROM surveys)::int AS surveys`);
  await client.end();
  return counts;
}

async function main(): Promise<void> {
  if (!REUSE) await recreateBenchDatabase(DATABASE);
  const url = benchDatabaseUrl(DATABASE);
  const start = () =>
    startOkienko(
      loadConfig({
        DATABASE_URL: url, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', OKIENKO_ROLES: 'api', LOG_LEVEL: 'error',
        ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench-password', REDIS_PREFIX: `okienko-bench-${process.pid}`,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      }, []),
    );
  // The first start creates the schema; the product is started again on the seeded data, so nothing in it
  // (the live-update feed follows the audit events from the newest one on) works through the seeded rows.
  let product = await start();
  try {
    const counts = REUSE ? await counted(url) : await seed(url);
    if (!REUSE) {
      await product.stop();
      product = await start();
    }
    const base = product.httpUrl!;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows: [queue] } = await db.query<{ id: string }>(`SELECT id FROM queues WHERE slug = 'complaints'`);
    const { rows: [agent] } = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'agent7@bench.test'`);
    await db.end();

    // The last full year up to yesterday (Warsaw dates are close enough to UTC ones for choosing a range).
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const range = `from=${day(-365)}&to=${day(-1)}`;
    const scenarios: [string, string][] = [
      ['days, no filter', `${range}&groupBy=day`],
      ['weeks, one queue', `${range}&groupBy=week&queueId=${queue!.id}`],
      ['months, one agent + priority high', `${range}&groupBy=month&assigneeId=${agent!.id}&priority=high`],
      ['CSV, days, no filter', `${range}&groupBy=day&format=csv`],
    ];
    const rows: string[] = [];
    const summary: string[] = [];
    for (const report of REPORTS) {
      const all: number[] = [];
      for (const [name, query] of scenarios) {
        const path = `/api/v1/reports/${report}?${query}`;
        const get = async () => {
          const res = await fetch(base + path, { headers: { authorization: `Bearer ${accessToken}` } });
          const body = await res.text();
          if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body}`);
          return body.length;
        };
        for (let i = 0; i < WARMUP; i++) await get();
        const times: number[] = [];
        let size = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const started = performance.now();
          size = await get();
          times.push(performance.now() - started);
        }
        all.push(...times);
        times.sort((a, b) => a - b);
        rows.push(`| ${report} | ${name} | ${(size / 1024).toFixed(0)} KB | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} |`);
        console.log(rows[rows.length - 1]);
      }
      all.sort((a, b) => a - b);
      summary.push(`| ${report} | ${percentile(all, 50).toFixed(0)} | ${percentile(all, 95).toFixed(0)} | ${percentile(all, 95) < 1000 ? 'yes' : 'no'} |`);
    }
    console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    console.log(`${JSON.stringify(counts)}; range ${range}; ${WARMUP} warm-up + ${ROUNDS} measured requests per scenario, one at a time\n`);
    console.log('| report | scenario | answer | p50 ms | p95 ms |\n| --- | --- | ---: | ---: | ---: |');
    console.log(rows.join('\n'));
    console.log('\n| report (all four scenarios) | p50 ms | p95 ms | p95 < 1 s |\n| --- | ---: | ---: | --- |');
    console.log(summary.join('\n'));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await product.stop();
    if (!KEEP && !REUSE) await dropDatabase();
  }
}

async function dropDatabase(): Promise<void> {
  // A connection the stopped product may still hold (its live-update listener) is ended by the drop: not an error here.
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    if (error.code !== '57P01' && !/Connection terminated/.test(error.message)) throw error;
  });
  await recreateBenchDatabase(DATABASE, { dropOnly: true });
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
