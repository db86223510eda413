import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { percentile } from '@okienko/domain';
import pg from 'pg';
import { asAdmin, createUser, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Reports over a hand-made data set whose answers are known: tickets, events,
// messages and inbound mails are written with fixed timestamps through the
// product's database; the business-time columns are checked through the API
// (a reply and a resolution fill them in). Volume around both clock changes
// of 2026 in Warsaw (29 March: a 23-hour day, 25 October: a 25-hour day), in
// another time zone, in weeks and months and over an empty range; response
// times against percentiles of the known list; bad filters and agents refused.

interface VolumeBucket { bucket: string; start: string; end: string; created: number; resolved: number; closed: number; reopened: number; backlog: number }
interface Volume { range: { from: string; to: string; timeZone: string; groupBy: string; start: string; end: string }; backlogAtStart: number; totals: Record<string, number>; buckets: VolumeBucket[] }
interface Stats { count: number; mean: number | null; median: number | null; p90: number | null; max: number | null }
interface Times { calendar: Stats; business: Stats }

const hours = (b: { start: string; end: string }) => (Date.parse(b.end) - Date.parse(b.start)) / 3_600_000;

describe('reports: volume, inbound mails, response times', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let db: pg.Client;
  let customerId: string;
  let seq = 0;
  let volumeQueue: string;

  /** A ticket written straight into the database with the given columns. */
  const ticket = async (columns: Record<string, unknown>): Promise<string> => {
    seq += 1;
    const all: Record<string, unknown> = { number: `2026-9${String(seq).padStart(5, '0')}`, subject: `Raport ${seq}`, channel: 'email', customer_id: customerId, ...columns };
    all.updated_at ??= all.created_at;
    all.status_changed_at ??= all.created_at;
    const names = Object.keys(all);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO tickets (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(all),
    );
    return rows[0]!.id;
  };
  const event = (ticketId: string, columns: Record<string, unknown>) => {
    const all = { ticket_id: ticketId, actor_type: 'user', ...columns };
    const names = Object.keys(all);
    return db.query(`INSERT INTO ticket_events (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(all));
  };
  const report = async <T>(name: string, query: string): Promise<T> => {
    const res = await admin.get(`/reports/${name}?${query}`);
    expect(res.status).toBe(200);
    return res.body as T;
  };

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    customerId = (await db.query<{ id: string }>(`INSERT INTO customers (email, name) VALUES ('raporty@example.pl', 'Klient Raportów') RETURNING id`)).rows[0]!.id;
    volumeQueue = (await admin.post('/queues', { name: 'Raporty: wolumen' })).body.id as string;

    // Volume around the spring change. Before the range: one ticket still open.
    const q = { queue_id: volumeQueue };
    await ticket({ ...q, status: 'open', created_at: '2026-03-01T10:00:00Z' });
    // 23:59:59 on 28 March in Warsaw (UTC+1); resolved on the 29th.
    await ticket({ ...q, status: 'resolved', created_at: '2026-03-28T22:59:59Z', resolved_at: '2026-03-29T10:00:00Z' });
    // Local midnight of the 29th; resolved and closed on the 30th.
    await ticket({ ...q, status: 'closed', created_at: '2026-03-28T23:00:00Z', resolved_at: '2026-03-30T08:00:00Z', closed_at: '2026-03-30T08:00:00Z' });
    // 23:59 on the 29th, already summer time (UTC+2): still the 29th; reopened on the 30th.
    const reopened = await ticket({ ...q, status: 'open', created_at: '2026-03-29T21:59:00Z' });
    await event(reopened, { type: 'field_changed', field: 'status', old_value: '"closed"', new_value: '"open"', created_at: '2026-03-30T09:00:00Z' });
    // A change to another open status, or from an open one, is no reopening.
    await event(reopened, { type: 'field_changed', field: 'status', old_value: '"open"', new_value: '"waiting_customer"', created_at: '2026-03-30T09:30:00Z' });
    // Local midnight of the 30th.
    await ticket({ ...q, status: 'new', created_at: '2026-03-29T22:00:00Z' });
    // Autumn: 00:30 summer time and 23:59 winter time on 25 October are the same local day.
    await ticket({ ...q, status: 'new', created_at: '2026-10-24T22:30:00Z' });
    await ticket({ ...q, status: 'new', created_at: '2026-10-25T22:59:00Z' });
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await product?.close();
  });

  describe('access and filters', () => {
    it('is for admins: an agent gets 403', async () => {
      const agent = await createUser(product, admin, { email: 'agentka@okienko.test', name: 'Agentka' });
      for (const name of ['volume', 'inbound-mails', 'response-times', 'sla', 'load', 'contact-reasons', 'automation', 'satisfaction']) {
        expectError(await agent.api.get(`/reports/${name}`), 403, 'AUTH_FORBIDDEN');
      }
    });

    it('answers 400 naming the field for bad dates, zones, ranges and filters', async () => {
      expectFieldErrors(await admin.get('/reports/volume?from=2026-02-30&to=2026-03-01'), ['from'], 'REPORT_FILTER_INVALID');
      expectFieldErrors(await admin.get('/reports/volume?from=2026-03-01&to=jutro'), ['to'], 'REPORT_FILTER_INVALID');
      expectFieldErrors(await admin.get('/reports/sla?from=2026-03-01&to=2026-03-02&tz=Mars/Olympus'), ['tz'], 'REPORT_FILTER_INVALID');
      expectFieldErrors(await admin.get('/reports/load?from=2026-03-02&to=2026-03-01'), ['from'], 'REPORT_FILTER_INVALID');
      expectFieldErrors(await admin.get('/reports/volume?from=2016-01-01&to=2026-03-01'), ['to'], 'REPORT_FILTER_INVALID');
      expectFieldErrors(await admin.get('/reports/volume?groupBy=year'), ['groupBy']);
      expectFieldErrors(await admin.get('/reports/volume?queueId=kolejka'), ['queueId']);
      expectFieldErrors(await admin.get('/reports/volume?priority=asap&channel=fax'), ['priority', 'channel']);
      expectFieldErrors(await admin.get('/reports/volume?format=xlsx'), ['format']);
      expectFieldErrors(await admin.get('/reports/volume?limit=5'), ['limit']);
    });

    it('defaults to the last 30 days in the installation\'s time zone, by day', async () => {
      const body = await report<Volume>('volume', '');
      expect(body.range.timeZone).toBe('Europe/Warsaw');
      expect(body.range.groupBy).toBe('day');
      expect(body.buckets).toHaveLength(30);
      expect(body.buckets[29]!.bucket).toBe(body.range.to);
    });
  });

  describe('volume', () => {
    it('counts per local day across the spring change (a 23-hour day), with the backlog carried over', async () => {
      const body = await report<Volume>('volume', `from=2026-03-28&to=2026-03-30&queueId=${volumeQueue}`);
      expect(body.range).toEqual({
        from: '2026-03-28', to: '2026-03-30', timeZone: 'Europe/Warsaw', groupBy: 'day',
        start: '2026-03-27T23:00:00.000Z', end: '2026-03-30T22:00:00.000Z',
      });
      expect(body.backlogAtStart).toBe(1);
      expect(body.buckets.map(hours)).toEqual([24, 23, 24]);
      expect(body.buckets.map(({ bucket, created, resolved, closed, reopened, backlog }) => ({ bucket, created, resolved, closed, reopened, backlog }))).toEqual([
        { bucket: '2026-03-28', created: 1, resolved: 0, closed: 0, reopened: 0, backlog: 2 },
        { bucket: '2026-03-29', created: 2, resolved: 1, closed: 0, reopened: 0, backlog: 3 },
        { bucket: '2026-03-30', created: 1, resolved: 1, closed: 1, reopened: 1, backlog: 3 },
      ]);
      expect(body.totals).toEqual({ created: 4, resolved: 2, closed: 1, reopened: 1 });
    });

    it('has a 25-hour day at the autumn change, and both tickets of that day in it', async () => {
      const body = await report<Volume>('volume', `from=2026-10-24&to=2026-10-26&queueId=${volumeQueue}`);
      expect(body.buckets.map(hours)).toEqual([24, 25, 24]);
      expect(body.buckets.map((b) => b.created)).toEqual([0, 2, 0]);
      expect(body.buckets[1]!.start).toBe('2026-10-24T22:00:00.000Z');
    });

    it('reads the days in another time zone when asked (New York: the same tickets fall on other days)', async () => {
      const body = await report<Volume>('volume', `from=2026-03-28&to=2026-03-30&tz=America/New_York&queueId=${volumeQueue}`);
      expect(body.range.start).toBe('2026-03-28T04:00:00.000Z');
      expect(body.buckets.map((b) => [b.bucket, b.created, b.resolved, b.closed])).toEqual([
        ['2026-03-28', 2, 0, 0],
        ['2026-03-29', 2, 1, 0],
        ['2026-03-30', 0, 1, 1],
      ]);
    });

    it('groups by ISO week (from Monday) and by month, every bucket present', async () => {
      const weeks = await report<Volume>('volume', `from=2026-03-25&to=2026-04-07&groupBy=week&queueId=${volumeQueue}`);
      expect(weeks.buckets.map((b) => [b.bucket, b.created])).toEqual([['2026-03-23', 3], ['2026-03-30', 1], ['2026-04-06', 0]]);
      expect(weeks.buckets[0]!.start).toBe('2026-03-24T23:00:00.000Z');
      const months = await report<Volume>('volume', `from=2026-02-01&to=2026-04-30&groupBy=month&queueId=${volumeQueue}`);
      expect(months.buckets.map((b) => [b.bucket, b.created, b.resolved])).toEqual([['2026-02-01', 0, 0], ['2026-03-01', 5, 2], ['2026-04-01', 0, 0]]);
      expect(months.buckets.map((b) => b.backlog)).toEqual([0, 3, 3]);
    });

    it('answers zeros for an empty range', async () => {
      const body = await report<Volume>('volume', `from=2025-01-01&to=2025-01-07&queueId=${volumeQueue}`);
      expect(body.backlogAtStart).toBe(0);
      expect(body.buckets).toHaveLength(7);
      expect(body.buckets.every((b) => b.created === 0 && b.resolved === 0 && b.closed === 0 && b.reopened === 0 && b.backlog === 0)).toBe(true);
    });

    it('writes the same as CSV: BOM, header, CRLF, one line per bucket, a file name with the range', async () => {
      const res = await admin.get(`/reports/volume?from=2026-03-28&to=2026-03-30&queueId=${volumeQueue}&format=csv`).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="okienko-volume-2026-03-28-2026-03-30.csv"');
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe([
        'bucket,start,end,created,resolved,closed,reopened,backlog',
        '2026-03-28,2026-03-27T23:00:00.000Z,2026-03-28T23:00:00.000Z,1,0,0,0,2',
        '2026-03-29,2026-03-28T23:00:00.000Z,2026-03-29T22:00:00.000Z,2,1,0,0,3',
        '2026-03-30,2026-03-29T22:00:00.000Z,2026-03-30T22:00:00.000Z,1,1,1,1,3',
        '',
      ].join('\r\n'));
    });
  });

  describe('inbound mails', () => {
    it('counts mails per inbound address per day; a mail to two addresses counts for both', async () => {
      const biuro = (await admin.post('/inbound-addresses', { address: 'biuro@raporty.test', name: 'Biuro' })).body.id as string;
      const reklamacje = (await admin.post('/inbound-addresses', { address: 'reklamacje@raporty.test' })).body.id as string;
      const mail = (to: string[], at: string) =>
        db.query(
          `INSERT INTO inbound_mails (state, raw, size, sha256, envelope_to, received_at) VALUES ('processed', '\\x00', 1, md5(random()::text), $1, $2)`,
          [to, at],
        );
      await mail(['biuro@raporty.test'], '2026-04-13T06:00:00Z');
      await mail(['Biuro@Raporty.test'], '2026-04-13T21:59:00Z'); // 23:59 local
      await mail(['reklamacje@raporty.test'], '2026-04-13T22:00:00Z'); // midnight: the 14th
      await mail(['biuro@raporty.test', 'reklamacje@raporty.test'], '2026-04-14T09:00:00Z');
      await mail(['biuro@raporty.test'], '2026-04-15T09:00:00Z'); // after the range
      const body = await report<{
        addresses: { addressId: string; address: string; name: string | null; mails: number }[];
        buckets: { bucket: string; mails: number; addresses: { addressId: string; mails: number }[] }[];
      }>('inbound-mails', 'from=2026-04-13&to=2026-04-14');
      expect(body.addresses).toEqual([
        { addressId: biuro, address: 'biuro@raporty.test', name: 'Biuro', mails: 3 },
        { addressId: reklamacje, address: 'reklamacje@raporty.test', name: null, mails: 2 },
      ]);
      expect(body.buckets.map((b) => [b.bucket, b.mails, b.addresses.map((a) => a.mails)])).toEqual([
        ['2026-04-13', 2, [2, 0]],
        ['2026-04-14', 3, [1, 2]],
      ]);
    });
  });

  describe('response times', () => {
    // Ten tickets first answered on 4 and 5 May, times in minutes; business seconds as stored.
    const FIRST = [60, 10, 20, 30, 40, 50, 70, 80, 90, 1000];
    const BUSINESS = [30, 5, 10, 15, 20, 25, 35, 40, 45, null];
    let queueId: string;

    beforeAll(async () => {
      queueId = (await admin.post('/queues', { name: 'Raporty: czasy' })).body.id as string;
      for (const [i, minutes] of FIRST.entries()) {
        const created = new Date(Date.parse(i < 6 ? '2026-05-04T06:00:00Z' : '2026-05-05T04:00:00Z'));
        const answered = new Date(created.getTime() + minutes * 60_000);
        const resolved = i < 3 ? new Date(created.getTime() + (i + 1) * 3_600_000) : null;
        await ticket({
          queue_id: queueId, status: resolved ? 'resolved' : 'open', created_at: created, first_response_at: answered, resolved_at: resolved,
          first_response_business_seconds: BUSINESS[i] === null ? null : BUSINESS[i]! * 60,
          resolution_business_seconds: resolved ? (i + 1) * 1800 : null,
        });
      }
    });

    it('gives mean, median, p90 and max in calendar and business seconds, overall and per day', async () => {
      const body = await report<{ firstResponse: Times; resolution: Times; buckets: { bucket: string; firstResponse: Times; resolution: Times }[] }>(
        'response-times', `from=2026-05-04&to=2026-05-06&queueId=${queueId}`,
      );
      const stats = (values: number[]): Stats => ({
        count: values.length,
        mean: Math.round(values.reduce((a, b) => a + b, 0) / values.length),
        median: Math.round(percentile(values, 0.5)!),
        p90: Math.round(percentile(values, 0.9)!),
        max: Math.max(...values),
      });
      const seconds = FIRST.map((m) => m * 60);
      const business = BUSINESS.filter((b): b is number => b !== null).map((m) => m * 60);
      expect(body.firstResponse.calendar).toEqual(stats(seconds));
      expect(body.firstResponse.calendar).toEqual({ count: 10, mean: 8700, median: 3300, p90: 10860, max: 60000 });
      expect(body.firstResponse.business).toEqual(stats(business));
      expect(body.resolution).toEqual({ calendar: stats([3600, 7200, 10800]), business: stats([1800, 3600, 5400]) });
      expect(body.buckets.map((b) => [b.bucket, b.firstResponse.calendar.count, b.firstResponse.calendar.median])).toEqual([
        ['2026-05-04', 6, Math.round(percentile(seconds.slice(0, 6), 0.5)!)],
        ['2026-05-05', 4, Math.round(percentile(seconds.slice(6), 0.5)!)],
        ['2026-05-06', 0, null],
      ]);
      expect(body.buckets[1]!.firstResponse.business).toEqual(stats(business.slice(6)));
    });

    it('stores the business times when an agent first replies and when the ticket is resolved, and forgets the resolution on reopening', async () => {
      // The default calendar round the clock: business time is calendar time, whenever the suite runs.
      const calendars = (await admin.get('/calendars')).body.items as { id: string; isDefault: boolean }[];
      const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));
      expect((await admin.patch(`/calendars/${calendars.find((c) => c.isDefault)!.id}`, { weeklyPeriods: allWeek, holidays: 'none' })).status).toBe(200);
      const created = await admin.post('/tickets', { subject: 'Czas odpowiedzi', customer: { email: 'czas@example.pl' }, message: { body: 'Pytanie' } });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      // Make the ticket two hours old, so the figures are not zero.
      await db.query(`UPDATE tickets SET created_at = created_at - interval '2 hours' WHERE id = $1`, [id]);
      expect((await admin.post(`/tickets/${id}/messages`, { type: 'reply', body: 'Odpowiadamy' })).status).toBe(201);
      const columns = async () =>
        (await db.query<{ fr: number | null; res: number | null; fr_calendar: number; res_calendar: number | null }>(
          `SELECT first_response_business_seconds AS fr, resolution_business_seconds AS res,
                  extract(epoch FROM first_response_at - created_at)::int AS fr_calendar, extract(epoch FROM resolved_at - created_at)::int AS res_calendar
             FROM tickets WHERE id = $1`, [id],
        )).rows[0]!;
      const answered = await columns();
      expect(answered.fr).toBeGreaterThanOrEqual(7200);
      expect(Math.abs(answered.fr! - answered.fr_calendar)).toBeLessThanOrEqual(1);
      expect(answered.res).toBeNull();

      expect((await admin.patch(`/tickets/${id}`, { status: 'resolved' })).status).toBe(200);
      const resolved = await columns();
      expect(resolved.fr).toBe(answered.fr);
      expect(Math.abs(resolved.res! - resolved.res_calendar!)).toBeLessThanOrEqual(1);

      expect((await admin.patch(`/tickets/${id}`, { status: 'open' })).status).toBe(200);
      expect((await columns()).res).toBeNull();
    });
  });
});
