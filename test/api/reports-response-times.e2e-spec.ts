import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The response-time report over thousands of tickets with microsecond
// timestamps (seeded, so every run sees the same data): enough values that
// the overall percentiles are searched for rather than read from one sorted
// list, a large group of equal durations at the median, tickets without
// business time, a day with one ticket and a day with none. The report must
// give exactly what PostgreSQL's own aggregates (percentile_cont, avg, max)
// give over the same tickets, rounded to whole seconds.

interface Stats { count: number; mean: number | null; median: number | null; p90: number | null; max: number | null }
interface Times { calendar: Stats; business: Stats }
interface Bucket { bucket: string; start: string; end: string; firstResponse: Times; resolution: Times }
interface Report { firstResponse: Times; resolution: Times; buckets: Bucket[] }

const EMPTY: Stats = { count: 0, mean: null, median: null, p90: null, max: null };
const round = (v: number | string | null): number | null => (v === null ? null : Math.round(Number(v)));

describe('reports: response times over many tickets', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let db: pg.Client;
  let queueA: string;
  let queueB: string;

  const report = async (query: string): Promise<Report> => {
    const res = await admin.get(`/reports/response-times?${query}`);
    expect(res.status).toBe(200);
    return res.body as Report;
  };

  /** The figures as PostgreSQL's aggregates compute them over the report's buckets: the reference. */
  const expected = async (body: Report, at: 'first_response_at' | 'resolved_at', queueId?: string) => {
    const business = at === 'first_response_at' ? 'first_response_business_seconds' : 'resolution_business_seconds';
    const starts = body.buckets.map((b) => b.start);
    const { rows } = await db.query<{ bucket: number | null; c: (number | null)[]; b: (number | null)[] }>(
      `WITH d AS (
         SELECT width_bucket(t.${at}, $1::timestamptz[]) AS bucket, date_part('epoch', t.${at} - t.created_at) AS c, t.${business}::float8 AS b
           FROM tickets t WHERE t.${at} >= $2 AND t.${at} < $3 AND ($4::uuid IS NULL OR t.queue_id = $4))
       SELECT bucket,
              ARRAY[count(*), avg(c), percentile_cont(0.5) WITHIN GROUP (ORDER BY c), percentile_cont(0.9) WITHIN GROUP (ORDER BY c), max(c)] AS c,
              ARRAY[count(b), avg(b), percentile_cont(0.5) WITHIN GROUP (ORDER BY b), percentile_cont(0.9) WITHIN GROUP (ORDER BY b), max(b)] AS b
         FROM d GROUP BY GROUPING SETS ((bucket), ())`,
      [starts, starts[0], body.buckets[body.buckets.length - 1]!.end, queueId ?? null],
    );
    const stats = (v: (number | null)[] | undefined): Stats =>
      !v || Number(v[0]) === 0 ? EMPTY : { count: Number(v[0]), mean: round(v[1]!), median: round(v[2]!), p90: round(v[3]!), max: round(v[4]!) };
    const of = (bucket: number | null): Times => {
      const row = rows.find((r) => r.bucket === bucket);
      return { calendar: stats(row?.c), business: stats(row?.b) };
    };
    return { overall: of(null), buckets: body.buckets.map((b, i) => ({ bucket: b.bucket, times: of(i + 1) })) };
  };

  const expectSameAsPostgres = async (body: Report, queueId?: string) => {
    for (const [measure, at] of [['firstResponse', 'first_response_at'], ['resolution', 'resolved_at']] as const) {
      const want = await expected(body, at, queueId);
      expect(body[measure]).toEqual(want.overall);
      expect(body.buckets.map((b) => ({ bucket: b.bucket, times: b[measure] }))).toEqual(want.buckets);
    }
  };

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    queueA = (await admin.post('/queues', { name: 'Czasy: sklep' })).body.id as string;
    queueB = (await admin.post('/queues', { name: 'Czasy: reklamacje' })).body.id as string;
    const customerId = (await db.query<{ id: string }>(`INSERT INTO customers (email, name) VALUES ('czasy@example.pl', 'Klient') RETURNING id`)).rows[0]!.id;
    await db.query(`SELECT setseed(0.25)`);
    // 3,000 tickets created 1–7 June 2026 (Warsaw), answered after random microsecond durations up to three days
    // (so by 10 June); a fifth answered after exactly one day (equal values around the median); a tenth without
    // business time; most resolved up to five days later. One more ticket answered on 11 June; no answer on 12 June.
    await db.query(
      `WITH g AS (
         SELECT i, timestamptz '2026-05-31 22:00:00+00' + random() * interval '6 days 20 hours' AS created,
                random() AS r1, random() AS r2, random() AS r3, random() AS r4
           FROM generate_series(1, 3000) i),
       a AS (
         SELECT g.*, CASE WHEN r2 < 0.2 THEN interval '1 day' ELSE r1 * r1 * interval '3 days' END AS answer_after FROM g)
       INSERT INTO tickets (number, subject, status, channel, customer_id, queue_id, created_at, updated_at, status_changed_at,
                            first_response_at, resolved_at, first_response_business_seconds, resolution_business_seconds)
       SELECT '2026-8' || lpad(i::text, 5, '0'), 'Czas ' || i, CASE WHEN r3 < 0.6 THEN 'resolved' ELSE 'open' END, 'email', $1,
              CASE WHEN i % 3 = 0 THEN $3::uuid ELSE $2::uuid END, created, created, created,
              created + answer_after,
              CASE WHEN r3 < 0.6 THEN created + answer_after + r4 * interval '5 days' END,
              CASE WHEN r4 >= 0.1 THEN (extract(epoch FROM answer_after) * 0.3)::int END,
              CASE WHEN r3 < 0.6 AND r4 >= 0.1 THEN (extract(epoch FROM answer_after + r4 * interval '5 days') * 0.3)::int END
         FROM a`,
      [customerId, queueA, queueB],
    );
    await db.query(
      `INSERT INTO tickets (number, subject, status, channel, customer_id, queue_id, created_at, updated_at, status_changed_at, first_response_at)
       VALUES ('2026-899999', 'Sam', 'open', 'email', $1, $2, '2026-06-11 07:00:00.123456+00', '2026-06-11 07:00:00.123456+00',
               '2026-06-11 07:00:00.123456+00', '2026-06-11 07:59:59.354321+00')`,
      [customerId, queueA],
    );
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await product?.close();
  });

  it('gives PostgreSQL\'s exact figures per day and overall, with a day of one ticket and a day of none', async () => {
    const body = await report('from=2026-06-01&to=2026-06-12');
    expect(body.firstResponse.calendar.count).toBe(3001);
    const day = (key: string) => body.buckets.find((b) => b.bucket === key)!;
    expect(day('2026-06-11').firstResponse.calendar).toEqual({ count: 1, mean: 3599, median: 3599, p90: 3599, max: 3599 });
    expect(day('2026-06-11').firstResponse.business).toEqual(EMPTY);
    expect(day('2026-06-12').firstResponse).toEqual({ calendar: EMPTY, business: EMPTY });
    await expectSameAsPostgres(body);
  });

  it('gives them per week and per month for one queue', async () => {
    await expectSameAsPostgres(await report(`from=2026-05-25&to=2026-06-14&groupBy=week&queueId=${queueB}`), queueB);
    await expectSameAsPostgres(await report(`from=2026-06-01&to=2026-06-30&groupBy=month&queueId=${queueA}`), queueA);
  });

  it('finds the median inside a large group of equal durations', async () => {
    const body = await report('from=2026-06-01&to=2026-06-30&groupBy=month');
    // A fifth of the tickets were answered after exactly one day, and a little under half sooner.
    expect(body.firstResponse.calendar.median).toBe(86_400);
    await expectSameAsPostgres(body);
  });
});
