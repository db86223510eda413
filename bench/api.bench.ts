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
const CUSTOMERS = Math.ceil(TICKETS / 5);
const MESSAGES_PER_TICKET = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARM_UP = Number(process.env.BENCH_WARMUP ?? 10);
const DATABASE = process.env.BENCH_DATABASE ?? 'okienko_bench';
/** BENCH_KEEP=1: reuse the database when it already holds a finished seed of this size (the product migrates it on start). */
const KEEP = process.env.BENCH_KEEP === '1';

const WORDS = [
  'zamówienie', 'paczka', 'zwrot', 'reklamacja', 'faktura', 'płatność', 'dostawa', 'kurier', 'rabat', 'gwarancja',
  'produkt', 'rozmiar', 'kolor', 'uszkodzony', 'opóźnienie', 'numer', 'status', 'wymiana', 'sklep', 'klient',
  'dzień', 'dobry', 'proszę', 'informację', 'kiedy', 'dlaczego', 'jeszcze', 'nie', 'działa', 'awaria',
  'przelew', 'blik', 'konto', 'hasło', 'adres', 'telefon', 'odbiór', 'paczkomat', 'magazyn', 'termin',
];

const FIRST_NAMES = [
  'Jan', 'Anna', 'Piotr', 'Maria', 'Krzysztof', 'Katarzyna', 'Andrzej', 'Małgorzata', 'Tomasz', 'Agnieszka',
  'Paweł', 'Barbara', 'Michał', 'Ewa', 'Marcin', 'Elżbieta', 'Grzegorz', 'Zofia', 'Józef', 'Joanna',
];
const SURNAMES = [
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak',
  'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski',
  'Michalski', 'Nowicki', 'Adamczyk', 'Dudek', 'Zając', 'Wieczorek', 'Jabłoński', 'Król', 'Majewski', 'Olszewski',
  'Jaworski', 'Wróbel', 'Malinowski', 'Pawlak', 'Witkowski', 'Walczak', 'Stępień', 'Górski', 'Rutkowski', 'Michalak',
  'Sikora', 'Ostrowski', 'Baran', 'Duda', 'Szewczyk', 'Tomaszewski', 'Pietrzak', 'Marciniak', 'Wróblewski', 'Zalewski',
  'Jakubowski', 'Jasiński', 'Zawadzki', 'Sadowski', 'Bąk', 'Chmielewski', 'Włodarczyk', 'Borkowski', 'Czarnecki', 'Sawicki',
];
/** What every acknowledgement says: the shop's name is in each one. */
const ACKNOWLEDGEMENT =
  'Dzień dobry, dziękujemy za wiadomość. Odpowiemy najszybciej, jak to możliwe. Pozdrawiamy, zespół sklepu Bonito (bonito.pl)';

/** Ticket numbers of bench ticket `i`: six digits, more past 999,999 (2026-1000000). */
const NUMBER_SQL = `'2026-' || lpad(i::text, greatest(6, length(i::text)), '0')`;

const sqlArray = (values: string[]): string => `(ARRAY[${values.map((w) => `'${w}'`).join(',')}])`;

/**
 * Seeds with a few set-based statements. Bulk loading into indexed tables is
 * slow, so the tickets' and messages' secondary indexes (whatever the schema
 * version has) are dropped first and built again at the end; each ticket is
 * inserted with the words of its messages (the insert trigger adds its own),
 * and its messages with `search_counted`, so no row is written twice.
 */
async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const words = sqlArray(WORDS);
  const started = Date.now();
  const step = (name: string) => console.log(`  ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET work_mem = '256MB'`);
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(`
    SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename IN ('tickets', 'messages')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await client.query(`INSERT INTO queues (name, slug) SELECT 'Kolejka ' || i, 'queue-' || i FROM generate_series(1, 5) i`);
  await client.query(`INSERT INTO categories (name, slug) SELECT 'Kategoria ' || i, 'category-' || i FROM generate_series(1, 6) i`);
  await client.query(`
    INSERT INTO users (email, name, password_hash, role)
    SELECT 'agent' || i || '@bench.test', 'Agent ' || i, 'x', 'agent' FROM generate_series(1, 20) i`);
  // Customers: 20 first names × 60 surnames, an address and a mobile number each (+48 600 000 001, …).
  await client.query(`
    INSERT INTO customers (email, name, phones)
    SELECT 'klient' || i || '@example.pl',
           ${sqlArray(FIRST_NAMES)}[1 + i % ${FIRST_NAMES.length}] || ' ' || ${sqlArray(SURNAMES)}[1 + (i / ${FIRST_NAMES.length}) % ${SURNAMES.length}],
           ARRAY['+48' || (600000000 + i)::text]
    FROM generate_series(1, ${CUSTOMERS}) i`);
  await client.query(`
    INSERT INTO customer_identities (customer_id, kind, value)
    SELECT id, 'email', email FROM customers WHERE email IS NOT NULL
    UNION ALL SELECT id, 'phone', phones[1] FROM customers WHERE cardinality(phones) > 0`);
  step('customers');
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
  // Each ticket: the customer's message, the automatic acknowledgement, then an agent's reply or note.
  await client.query(`
    CREATE UNLOGGED TABLE bench_bodies AS
    WITH vocab AS (SELECT array_agg(w ORDER BY n) AS words FROM vocabulary)
    SELECT i,
           (SELECT string_agg(vocab.words[floor(exp(random() * ln(5040)))::int + 0 * k], ' ') FROM generate_series(1, 31 + 0 * i) k) AS inbound,
           (SELECT string_agg(vocab.words[floor(exp(random() * ln(5040)))::int + 0 * k], ' ') FROM generate_series(1, 33 + 0 * i) k) AS answer
    FROM generate_series(1, ${TICKETS}) i, vocab`);
  step('message texts');
  // Before automated outbound messages stopped counting (no okienko_ticket_search_document yet), the acknowledgement's words were searchable too.
  const { rows: [{ modern }] } = await client.query<{ modern: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'okienko_ticket_search_document') AS modern`);
  const subject = `initcap(${words}[1 + (i * 7) % 40]) || ' ' || ${words}[1 + (i * 13) % 40] || ' ' || ${words}[1 + (i * 31) % 40]`;
  const acknowledged = modern ? '' : `|| ' ' || '${ACKNOWLEDGEMENT}'`;
  await client.query(`
    WITH q AS (SELECT array_agg(id ORDER BY slug) ids FROM queues WHERE slug LIKE 'queue-%'),
         c AS (SELECT array_agg(id ORDER BY slug) ids FROM categories WHERE slug LIKE 'category-%'),
         u AS (SELECT array_agg(id) ids FROM users WHERE role = 'agent'),
         cu AS (SELECT array_agg(id) ids FROM customers)
    INSERT INTO tickets (number, subject, status, priority, channel, queue_id, category_id, assignee_id, customer_id, tags,
                         created_at, updated_at, last_inbound_at, search_vector)
    SELECT ${NUMBER_SQL},
           ${subject},
           (ARRAY['new','open','waiting_customer','waiting_third_party','resolved','closed'])[1 + (i % 6)],
           (ARRAY['low','normal','normal','normal','high','urgent'])[1 + (i / 7) % 6],
           (ARRAY['email','email','email','web_form','phone','chat','api','marketplace'])[1 + (i % 8)],
           q.ids[1 + i % 5], c.ids[1 + i % 6],
           CASE WHEN i % 4 = 0 THEN NULL ELSE u.ids[1 + i % 20] END,
           cu.ids[1 + i % array_length(cu.ids, 1)],
           CASE WHEN i % 10 = 0 THEN ARRAY['vip'] WHEN i % 10 = 1 THEN ARRAY['allegro'] ELSE '{}'::text[] END,
           now() - (i * interval '315 seconds'), now() - (i * interval '300 seconds'), now() - (i * interval '315 seconds'),
           okienko_message_search_text(${subject}, b.inbound || ' ' || b.answer ${acknowledged})
    FROM bench_bodies b, q, c, u, cu`);
  step('tickets');
  await client.query(`
    INSERT INTO messages (ticket_id, direction, body_text, subject, created_at, delivery_state, automated, search_counted)
    SELECT t.id, m.direction, m.body, t.subject, t.created_at + m.k * interval '1 hour', 'none', m.automated, true
    FROM bench_bodies b
    JOIN tickets t ON t.number = ${NUMBER_SQL}
    CROSS JOIN LATERAL (VALUES (1, 'inbound', b.inbound, false),
                               (2, 'outbound', '${ACKNOWLEDGEMENT}', true),
                               (3, CASE WHEN b.i % 2 = 0 THEN 'note' ELSE 'outbound' END, b.answer, false)) AS m(k, direction, body, automated)`);
  step('messages');
  await client.query(`DROP TABLE bench_bodies`);
  for (const index of indexes) await client.query(index.definition);
  step('indexes');
  await client.query('VACUUM ANALYZE');
  await client.query(`CREATE TABLE bench_seed (tickets integer NOT NULL)`);
  await client.query(`INSERT INTO bench_seed VALUES ($1)`, [TICKETS]);
  console.log(`seeded ${TICKETS} tickets and ${TICKETS * MESSAGES_PER_TICKET} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await client.end();
}

/** Whether `name` exists and holds a finished seed of TICKETS tickets (kept by BENCH_KEEP=1). */
async function seededBefore(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) return false;
  } finally {
    await client.end();
  }
  const db = new pg.Client({ connectionString: benchDatabaseUrl(name) });
  await db.connect();
  try {
    const { rows } = await db.query<{ tickets: number }>(`SELECT tickets FROM bench_seed`).catch(() => ({ rows: [] as { tickets: number }[] }));
    return rows[0]?.tickets === TICKETS;
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const reuse = KEEP && (await seededBefore(DATABASE));
  if (!reuse) await recreateBenchDatabase(DATABASE);
  const url = benchDatabaseUrl(DATABASE);
  const migrating = Date.now();
  const product = await startOkienko(
    loadConfig({
      DATABASE_URL: url, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', OKIENKO_ROLES: 'api', LOG_LEVEL: 'error',
      ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench-password', REDIS_PREFIX: `okienko-bench-${process.pid}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    }, []),
  );
  try {
    if (reuse) {
      console.log(`reusing the seeded ${DATABASE} (start and migrations: ${((Date.now() - migrating) / 1000).toFixed(1)} s)`);
      // As after the seed: migrations may have rewritten rows, and the planner needs their statistics.
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      await db.query('VACUUM ANALYZE');
      await db.end();
    } else {
      await seed(url);
    }
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

    // Page 201 of the newest-first list, by offset and by the cursor the page before it gave (keyset pagination).
    const page200 = await fetch(`${base}/api/v1/tickets?limit=50&offset=9950`, { headers: { authorization: `Bearer ${accessToken}` } });
    const { nextCursor } = (await page200.json()) as { nextCursor: string | null };
    const scenarios: [string, string][] = [
      ['list: newest first, first page', '/api/v1/tickets?limit=50'],
      ['list: newest first, page 201 by offset (10,000)', '/api/v1/tickets?limit=50&offset=10000'],
      ['list: newest first, page 201 by cursor (after)', `/api/v1/tickets?limit=50&after=${nextCursor}`],
      ['list: status open + queue, page 3', `/api/v1/tickets?status=open&queueId=${queue.id}&limit=50&offset=100`],
      ['list: unresolved of one agent by priority', `/api/v1/tickets?status=new,open,waiting_customer&assigneeId=${agent.id}&sort=-priority&limit=50`],
      ['list: unassigned urgent', '/api/v1/tickets?assigneeId=none&priority=urgent&limit=50'],
      ['list: tag vip, last 30 days', `/api/v1/tickets?tag=vip&createdFrom=${new Date(Date.now() - 30 * 86400_000).toISOString()}&limit=50`],
      ['search: one word (zwrot)', '/api/v1/tickets?q=zwrot&limit=50'],
      ['search: without diacritics (zamowienie)', '/api/v1/tickets?q=zamowienie&limit=50'],
      ['search: two words (reklamacja kurier)', '/api/v1/tickets?q=reklamacja%20kurier&limit=50'],
      ['search: rare word + status (awaria, open)', '/api/v1/tickets?q=awaria&status=open&limit=50'],
      ['search: customer surname (Wójcik)', `/api/v1/tickets?q=${encodeURIComponent('Wójcik')}&limit=50`],
      ['search: customer name, no diacritics (jozef dabrowski)', '/api/v1/tickets?q=jozef%20dabrowski&limit=50'],
      ['search: customer phone (+48 600 012 345)', `/api/v1/tickets?q=${encodeURIComponent('+48 600 012 345')}&limit=50`],
      ['search: e-mail prefix (klient12345@)', `/api/v1/tickets?q=${encodeURIComponent('klient12345@')}&limit=50`],
      ["search: the shop's name (bonito)", '/api/v1/tickets?q=bonito&limit=50'],
      ['customers: live search (dąb)', `/api/v1/customers?q=${encodeURIComponent('dąb')}&limit=10`],
    ];
    const rows: string[] = [];
    for (const [name, path] of scenarios) {
      for (let i = 0; i < WARM_UP; i++) await fetch(base + path, { headers: { authorization: `Bearer ${accessToken}` } });
      const times: number[] = [];
      let total = '';
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        const res = await fetch(base + path, { headers: { authorization: `Bearer ${accessToken}` } });
        const body = (await res.json()) as { total: number; totalIsExact?: boolean };
        times.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        total = body.totalIsExact === false ? `${body.total}+` : String(body.total);
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${name} | ${total} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
    }
    console.log(`\nLoad average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
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
