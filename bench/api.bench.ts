/**
 * `npm run bench:api`: ticket list and search latency on a large installation.
 *
 * Seeds BENCH_TICKETS tickets (default 100,000) with three messages each into
 * a fresh database `okienko_bench` on BENCH_DATABASE_URL's server, starts the
 * product on it and times HTTP requests from this process (client included).
 */
import 'reflect-metadata';
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../apps/api/src/core/config/load-config.js';
import { startOkienko } from '../apps/api/src/core/startup/start-okienko.js';
import { benchDatabaseUrl, percentile, recreateBenchDatabase } from './bench-database.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const MESSAGES_PER_TICKET = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const DATABASE = 'okienko_bench';

const WORDS = [
  'zamówienie', 'paczka', 'zwrot', 'reklamacja', 'faktura', 'płatność', 'dostawa', 'kurier', 'rabat', 'gwarancja',
  'produkt', 'rozmiar', 'kolor', 'uszkodzony', 'opóźnienie', 'numer', 'status', 'wymiana', 'sklep', 'klient',
  'dzień', 'dobry', 'proszę', 'informację', 'kiedy', 'dlaczego', 'jeszcze', 'nie', 'działa', 'awaria',
  'przelew', 'blik', 'konto', 'hasło', 'adres', 'telefon', 'odbiór', 'paczkomat', 'magazyn', 'termin',
];

async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const words = `(ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])`;
  const started = Date.now();
  await client.query(`INSERT INTO queues (name, slug) SELECT 'Kolejka ' || i, 'queue-' || i FROM generate_series(1, 5) i`);
  await client.query(`INSERT INTO categories (name, slug) SELECT 'Kategoria ' || i, 'category-' || i FROM generate_series(1, 6) i`);
  await client.query(`
    INSERT INTO users (email, name, password_hash, role)
    SELECT 'agent' || i || '@bench.test', 'Agent ' || i, 'x', 'agent' FROM generate_series(1, 20) i`);
  await client.query(`
    INSERT INTO customers (email, name)
    SELECT 'klient' || i || '@example.pl', 'Klient ' || i FROM generate_series(1, ${Math.ceil(TICKETS / 5)}) i`);
  await client.query(`
    WITH q AS (SELECT array_agg(id) ids FROM queues), c AS (SELECT array_agg(id) ids FROM categories),
         u AS (SELECT array_agg(id) ids FROM users WHERE role = 'agent'), cu AS (SELECT array_agg(id) ids FROM customers)
    INSERT INTO tickets (number, subject, status, priority, channel, queue_id, category_id, assignee_id, customer_id, tags,
                         created_at, updated_at, last_inbound_at)
    SELECT '2026-' || lpad(i::text, 6, '0'),
           initcap(${words}[1 + (i * 7) % 40]) || ' ' || ${words}[1 + (i * 13) % 40] || ' ' || ${words}[1 + (i * 31) % 40],
           (ARRAY['new','open','waiting_customer','waiting_third_party','resolved','closed'])[1 + (i % 6)],
           (ARRAY['low','normal','normal','normal','high','urgent'])[1 + (i / 7) % 6],
           (ARRAY['email','email','email','web_form','phone','chat','api','marketplace'])[1 + (i % 8)],
           q.ids[1 + i % 5], c.ids[1 + i % 6],
           CASE WHEN i % 4 = 0 THEN NULL ELSE u.ids[1 + i % 20] END,
           cu.ids[1 + i % array_length(cu.ids, 1)],
           CASE WHEN i % 10 = 0 THEN ARRAY['vip'] WHEN i % 10 = 1 THEN ARRAY['allegro'] ELSE '{}'::text[] END,
           now() - (i * interval '315 seconds'), now() - (i * interval '300 seconds'), now() - (i * interval '315 seconds')
    FROM generate_series(1, ${TICKETS}) i, q, c, u, cu`);
  // Message text: 5,040 words with a Zipf-like (log-uniform) frequency, as in real mail; the
  // shop's own words sit at ranks from common (zamówienie) to rare (awaria).
  await client.query(`
    CREATE TEMP TABLE vocabulary AS
    SELECT i + 1 AS n,
           (ARRAY['pro','za','wy','do','prze','roz','po','na','od','przy'])[1 + i % 10]
             || (ARRAY['da','ko','mi','sta','wa','ri','lo','ne','ty','ga','bu','che'])[1 + (i / 10) % 12]
             || (ARRAY['nie','cja','ny','wy','ek','arz','ość','ka','ik','owy'])[1 + (i / 120) % 10]
             || CASE WHEN i >= 1200 THEN (i / 1200)::text ELSE '' END AS w
    FROM generate_series(0, 5039) i`);
  await client.query(`
    UPDATE vocabulary v SET w = shop.w FROM unnest(${words}) WITH ORDINALITY AS shop(w, j)
    WHERE v.n = 5 + 3 * (shop.j - 1) * (shop.j - 1)`);
  await client.query(`ALTER TABLE messages DISABLE TRIGGER messages_search_append`);
  await client.query(`
    WITH vocab AS (SELECT array_agg(w ORDER BY n) AS words FROM vocabulary)
    INSERT INTO messages (ticket_id, direction, body_text, subject, created_at, delivery_state)
    SELECT t.id, (ARRAY['inbound','outbound','note'])[m],
           (SELECT string_agg(w, ' ') FROM (
              SELECT vocab.words[floor(exp(random() * ln(5040)))::int + (t.number IS NULL)::int] AS w
              FROM generate_series(1, 30 + m) k) picked),
           t.subject, t.created_at + m * interval '1 hour', 'none'
    FROM tickets t, generate_series(1, ${MESSAGES_PER_TICKET}) m, vocab`);
  await client.query(`ALTER TABLE messages ENABLE TRIGGER messages_search_append`);
  // What the trigger would have done message by message, in one statement.
  await client.query(`
    UPDATE tickets t SET search_vector = t.search_vector || agg.words
    FROM (SELECT ticket_id, okienko_message_search_text(string_agg(subject, ' '), string_agg(body_text, ' ')) AS words
          FROM messages GROUP BY ticket_id) agg
    WHERE agg.ticket_id = t.id`);
  await client.query('VACUUM ANALYZE');
  console.log(`seeded ${TICKETS} tickets and ${TICKETS * MESSAGES_PER_TICKET} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await client.end();
}

async function main(): Promise<void> {
  await recreateBenchDatabase(DATABASE);
  const url = benchDatabaseUrl(DATABASE);
  const product = await startOkienko(
    loadConfig({
      DATABASE_URL: url, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', OKIENKO_ROLES: 'api', LOG_LEVEL: 'error',
      ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench-password', REDIS_PREFIX: `okienko-bench-${process.pid}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    }, []),
  );
  try {
    await seed(url);
    const base = product.httpUrl!;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows: [queue] } = await db.query<{ id: string }>(`SELECT id FROM queues WHERE slug = 'queue-3'`);
    const { rows: [agent] } = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'agent7@bench.test'`);
    await db.end();

    const scenarios: [string, string][] = [
      ['list: newest first, first page', '/api/v1/tickets?limit=50'],
      ['list: status open + queue, page 3', `/api/v1/tickets?status=open&queueId=${queue.id}&limit=50&offset=100`],
      ['list: unresolved of one agent by priority', `/api/v1/tickets?status=new,open,waiting_customer&assigneeId=${agent.id}&sort=-priority&limit=50`],
      ['list: unassigned urgent', '/api/v1/tickets?assigneeId=none&priority=urgent&limit=50'],
      ['list: tag vip, last 30 days', `/api/v1/tickets?tag=vip&createdFrom=${new Date(Date.now() - 30 * 86400_000).toISOString()}&limit=50`],
      ['search: one word (zwrot)', '/api/v1/tickets?q=zwrot&limit=50'],
      ['search: without diacritics (zamowienie)', '/api/v1/tickets?q=zamowienie&limit=50'],
      ['search: two words (reklamacja kurier)', '/api/v1/tickets?q=reklamacja%20kurier&limit=50'],
      ['search: rare word + status (awaria, open)', '/api/v1/tickets?q=awaria&status=open&limit=50'],
    ];
    const rows: string[] = [];
    for (const [name, path] of scenarios) {
      for (let i = 0; i < 10; i++) await fetch(base + path, { headers: { authorization: `Bearer ${accessToken}` } }); // warm-up
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        const res = await fetch(base + path, { headers: { authorization: `Bearer ${accessToken}` } });
        const body = (await res.json()) as { total: number };
        times.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        total = body.total;
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${name} | ${total} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
    }
    console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    console.log(`${TICKETS} tickets, ${TICKETS * MESSAGES_PER_TICKET} messages; ${ROUNDS} sequential requests per row\n`);
    console.log('| scenario | matching tickets | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |');
    console.log(rows.join('\n'));
  } finally {
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
