import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { asAdmin, createUser, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// SLA calendars and policies through the API: the seeded office calendar and
// the product brief's policies, writing them (admins) and reading them
// (agents), validation naming the place, the order policies are tried in, and
// which policy applies to a ticket with its deadlines, checked by hand against
// the Polish calendar (weekends, Christmas Eve and Christmas 2026).

interface Target { minutes: number; mode: 'business' | 'calendar' }
interface Calendar {
  id: string; name: string; timeZone: string; weeklyPeriods: { day: number; start: string; end: string }[]; holidays: 'PL' | 'none';
  extraDaysOff: string[]; extraWorkingDays: { date: string; periods: { start: string; end: string }[] }[]; isDefault: boolean;
  createdAt: string; updatedAt: string;
}
interface Policy {
  id: string; name: string; description: string | null; order: number; enabled: boolean; matchesAll: boolean;
  conditions: { queueIds: string[]; categoryIds: string[]; priorities: string[]; channels: string[]; customerTags: string[] };
  firstResponse: Target | null; nextResponse: Target | null; resolution: Target | null; calendarId: string | null; pauseStatuses: string[];
  warning: { percent: number | null; minutesBefore: number | null }; createdAt: string; updatedAt: string;
}
interface Deadline extends Target { dueAt: string | null; dueAtLocal: string | null; warnAt: string | null; warnAtLocal: string | null }
interface MatchResult {
  ticket: { ticketId: string | null; queueId: string | null; categoryId: string | null; priority: string; channel: string; customerTags: string[] };
  start: string;
  policy: Policy | null;
  calendar: { id: string | null; name: string; timeZone: string } | null;
  deadlines: { firstResponse: Deadline | null; nextResponse: Deadline | null; resolution: Deadline | null } | null;
  candidates: { id: string; name: string; order: number; enabled: boolean; matches: boolean; failedConditions: string[] }[];
}
interface DayOff { date: string; weekday: number; name: string | null; kind: string; worked: boolean }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '16:00' }));
const SEEDED = ['Reklamacje', 'Awarie i błędne dostawy', 'Pytania ofertowe', 'Domyślna'];

describe('SLA calendars and policies', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let agent: CreatedUser;
  let office: Calendar;
  let complaintCategoryId: string;
  let preSaleCategoryId: string;
  let salesQueueId: string;
  let shop: Calendar;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    agent = await createUser(product, admin, { email: 'ola@okienko.test', name: 'Ola Wiśniewska' });
    const categories = (await admin.get('/categories')).body.items as { id: string; slug: string }[];
    complaintCategoryId = categories.find((c) => c.slug === 'complaint-return')!.id;
    preSaleCategoryId = categories.find((c) => c.slug === 'pre-sale')!.id;
    const queues = (await admin.get('/queues')).body.items as { id: string; slug: string }[];
    salesQueueId = queues.find((q) => q.slug === 'sales')!.id;
  }, 60_000);

  // Stopping waits for the workers' running jobs (a recount follows every policy or calendar change).
  afterAll(async () => {
    await product?.close();
  }, 60_000);

  const policies = async (): Promise<Policy[]> => {
    const res = await admin.get('/sla-policies');
    expect(res.status).toBe(200);
    return res.body.items as Policy[];
  };
  const byName = async (name: string): Promise<Policy> => (await policies()).find((p) => p.name === name)!;
  const match = async (body: Record<string, unknown>, api: ApiClient = admin): Promise<MatchResult> => {
    const res = await api.post('/sla-policies/match', body);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.anything() });
    return res.body as MatchResult;
  };

  describe('a fresh installation', () => {
    it('has the office calendar as the default: Monday to Friday 8–16 in Warsaw, Polish holidays off', async () => {
      const res = await agent.api.get('/calendars');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(1);
      office = res.body.items[0] as Calendar;
      expect(office).toEqual({
        id: expect.stringMatching(UUID), name: 'Godziny pracy biura', timeZone: 'Europe/Warsaw', weeklyPeriods: OFFICE_HOURS, holidays: 'PL',
        extraDaysOff: [], extraWorkingDays: [], isDefault: true, createdAt: expect.stringMatching(ISO), updatedAt: expect.stringMatching(ISO),
      });
      expect((await agent.api.get(`/calendars/${office.id}`)).body).toEqual(office);
    });

    it("has the brief's policies in priority order, found by the seeded category slugs, the catch-all last", async () => {
      const res = await agent.api.get('/sla-policies');
      expect(res.status).toBe(200);
      const items = res.body.items as Policy[];
      expect(res.body.total).toBe(4);
      expect(items.map((p) => [p.name, p.order, p.enabled, p.matchesAll])).toEqual([
        ['Reklamacje', 10, true, false],
        ['Awarie i błędne dostawy', 20, true, false],
        ['Pytania ofertowe', 30, true, false],
        ['Domyślna', 40, true, true],
      ]);
      const none = { queueIds: [], categoryIds: [], priorities: [], channels: [], customerTags: [] };
      const business = (minutes: number) => ({ minutes, mode: 'business' });
      const calendar = (minutes: number) => ({ minutes, mode: 'calendar' });
      expect(items.map(({ conditions, firstResponse, nextResponse, resolution, calendarId, pauseStatuses, warning }) => ({
        conditions, firstResponse, nextResponse, resolution, calendarId, pauseStatuses, warning,
      }))).toEqual([
        {
          conditions: { ...none, categoryIds: [complaintCategoryId] }, firstResponse: business(480), nextResponse: business(480),
          resolution: calendar(20_160), calendarId: null, pauseStatuses: ['waiting_customer', 'waiting_third_party'],
          warning: { percent: 80, minutesBefore: null },
        },
        {
          conditions: { ...none, priorities: ['urgent', 'high'] }, firstResponse: business(120), nextResponse: business(120), resolution: null,
          calendarId: null, pauseStatuses: ['waiting_customer'], warning: { percent: 80, minutesBefore: null },
        },
        {
          conditions: { ...none, categoryIds: [preSaleCategoryId] }, firstResponse: calendar(1440), nextResponse: calendar(1440), resolution: null,
          calendarId: null, pauseStatuses: ['waiting_customer'], warning: { percent: 80, minutesBefore: null },
        },
        {
          conditions: none, firstResponse: business(480), nextResponse: business(480), resolution: business(2400),
          calendarId: null, pauseStatuses: ['waiting_customer'], warning: { percent: 80, minutesBefore: null },
        },
      ]);
      expect((await agent.api.get(`/sla-policies/${items[0].id}`)).body).toEqual(items[0]);
    });
  });

  describe('holidays and previews of a calendar', () => {
    it('lists the Polish holidays of 2027 with Easter Monday on 29 March', async () => {
      const res = await agent.api.get(`/calendars/${office.id}/holidays?year=2027`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ calendarId: office.id, year: 2027, total: 14, extraWorkingDays: [] });
      const items = res.body.items as DayOff[];
      expect(items).toContainEqual({ date: '2027-03-29', weekday: 1, name: 'Poniedziałek Wielkanocny', kind: 'public_holiday', worked: false });
      expect(items.map((d) => d.date)).toEqual([
        '2027-01-01', '2027-01-06', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-03', '2027-05-16', '2027-05-27', '2027-08-15',
        '2027-11-01', '2027-11-11', '2027-12-24', '2027-12-25', '2027-12-26',
      ]);
    });

    it('shows Christmas 2026: Christmas Eve on Thursday, Christmas on Friday, the second day on Saturday', async () => {
      const items = (await agent.api.get(`/calendars/${office.id}/holidays?year=2026`)).body.items as DayOff[];
      expect(items.filter((d) => d.date >= '2026-12-24').map((d) => [d.date, d.weekday, d.name])).toEqual([
        ['2026-12-24', 4, 'Wigilia Bożego Narodzenia'],
        ['2026-12-25', 5, 'Boże Narodzenie (pierwszy dzień)'],
        ['2026-12-26', 6, 'Boże Narodzenie (drugi dzień)'],
      ]);
    });

    it('previews deadlines in business minutes: over the weekend, and over Christmas', async () => {
      const weekend = await agent.api.get(`/calendars/${office.id}/preview?start=${encodeURIComponent('2026-12-18T15:30:00+01:00')}&minutes=120`);
      expect(weekend.status).toBe(200);
      expect(weekend.body).toEqual({
        calendarId: office.id, timeZone: 'Europe/Warsaw', start: '2026-12-18T14:30:00.000Z', startLocal: '2026-12-18T15:30:00', minutes: 120,
        deadline: '2026-12-21T08:30:00.000Z', deadlineLocal: '2026-12-21T09:30:00',
      });
      // An unencoded + reaches the server as a blank; it is read as +.
      const christmas = await agent.api.get(`/calendars/${office.id}/preview?start=2026-12-23T15:00:00+01:00&minutes=480`);
      expect(christmas.body).toMatchObject({ start: '2026-12-23T14:00:00.000Z', deadline: '2026-12-28T14:00:00.000Z', deadlineLocal: '2026-12-28T15:00:00' });
      const zulu = await agent.api.get(`/calendars/${office.id}/preview?start=2026-12-23T14:00:00Z&minutes=0`);
      expect(zulu.body).toMatchObject({ deadline: '2026-12-23T14:00:00.000Z' });
      const now = await agent.api.get(`/calendars/${office.id}/preview?minutes=60`);
      expect(now.status).toBe(200);
      expect(Math.abs(Date.parse(now.body.start) - Date.now())).toBeLessThan(60_000);
    });

    it('refuses a preview without minutes, with a start lacking its offset, or of a calendar that does not exist', async () => {
      expectFieldErrors(await agent.api.get(`/calendars/${office.id}/preview`), ['minutes']);
      expectFieldErrors(await agent.api.get(`/calendars/${office.id}/preview?minutes=-1`), ['minutes']);
      expectFieldErrors(await agent.api.get(`/calendars/${office.id}/preview?minutes=60&start=2026-12-18T15:30`), ['start']);
      expectFieldErrors(await agent.api.get(`/calendars/${office.id}/preview?minutes=60&start=2026-02-30T10:00:00Z`), ['start']);
      expectFieldErrors(await agent.api.get(`/calendars/${office.id}/holidays?year=1492`), ['year']);
      expectError(await agent.api.get(`/calendars/${randomUUID()}/preview?minutes=60`), 404, 'CALENDAR_NOT_FOUND');
      expectFieldErrors(await agent.api.get('/calendars/office/holidays'), ['id']);
    });
  });

  describe('calendars', () => {
    let warehouse: Calendar;

    it('an admin creates one with Saturdays, an extra day off and a holiday worked', async () => {
      const res = await admin.post('/calendars', {
        name: '  Magazyn  ',
        weeklyPeriods: [1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '07:00', end: '15:00' })),
        extraDaysOff: ['2026-12-31'],
        extraWorkingDays: [{ date: '2026-11-11', periods: [{ start: '09:00', end: '13:00' }] }],
      });
      expect(res.status).toBe(201);
      warehouse = res.body as Calendar;
      expect(warehouse).toMatchObject({ name: 'Magazyn', timeZone: 'Europe/Warsaw', holidays: 'PL', isDefault: false, extraDaysOff: ['2026-12-31'] });
      const days = (await agent.api.get(`/calendars/${warehouse.id}/holidays?year=2026`)).body;
      expect(days.items).toContainEqual({ date: '2026-11-11', weekday: 3, name: 'Narodowe Święto Niepodległości', kind: 'public_holiday', worked: true });
      expect(days.items).toContainEqual({ date: '2026-12-31', weekday: 4, name: null, kind: 'extra_day_off', worked: false });
      expect(days.extraWorkingDays).toEqual([{ date: '2026-11-11', periods: [{ start: '09:00', end: '13:00' }] }]);
      // Saturday counts here: 60 business minutes from Saturday 10:00.
      const preview = await agent.api.get(`/calendars/${warehouse.id}/preview?start=${encodeURIComponent('2026-12-19T10:00:00+01:00')}&minutes=60`);
      expect(preview.body.deadlineLocal).toBe('2026-12-19T11:00:00');
    });

    it('refuses a calendar the arithmetic cannot work with, naming each place', async () => {
      const res = await admin.post('/calendars', {
        name: 'Zły',
        timeZone: 'Europe/Warszawa',
        weeklyPeriods: [{ day: 1, start: '08:00', end: '16:00' }, { day: 1, start: '15:00', end: '25:00' }, { day: 8, start: '08:00', end: '12:00', hours: 4 }],
        holidays: 'DE',
        extraDaysOff: ['2026-02-30'],
      });
      expectFieldErrors(res, ['timeZone', 'weeklyPeriods[1].end', 'weeklyPeriods[2].day', 'weeklyPeriods[2].hours', 'holidays', 'extraDaysOff[0]'], 'CALENDAR_INVALID');
      expectFieldErrors(await admin.post('/calendars', { name: 'Bez godzin' }), ['weeklyPeriods'], 'CALENDAR_INVALID');
      const overlap = await admin.patch(`/calendars/${warehouse.id}`, { weeklyPeriods: [{ day: 2, start: '08:00', end: '12:00' }, { day: 2, start: '11:00', end: '14:00' }] });
      expectFieldErrors(overlap, ['weeklyPeriods[1]'], 'CALENDAR_INVALID');
      expectFieldErrors(await admin.post('/calendars', { name: '', weeklyPeriods: OFFICE_HOURS, colour: 'red' }), ['name', 'colour']);
      expectError(await admin.post('/calendars', { name: 'godziny PRACY biura', weeklyPeriods: OFFICE_HOURS }), 409, 'CALENDAR_NAME_TAKEN');
      expectError(await admin.patch(`/calendars/${warehouse.id}`, { name: 'Godziny pracy biura' }), 409, 'CALENDAR_NAME_TAKEN');
    });

    it('only admins write calendars; agents read them', async () => {
      expectError(await agent.api.post('/calendars', { name: 'Agenta', weeklyPeriods: OFFICE_HOURS }), 403, 'AUTH_FORBIDDEN');
      expectError(await agent.api.patch(`/calendars/${warehouse.id}`, { name: 'Agenta' }), 403, 'AUTH_FORBIDDEN');
      expectError(await agent.api.delete(`/calendars/${warehouse.id}`), 403, 'AUTH_FORBIDDEN');
    });

    it('an admin changes a calendar; only the fields given change', async () => {
      const res = await admin.patch(`/calendars/${warehouse.id}`, { extraDaysOff: ['2026-12-31', '2027-01-02'], holidays: 'none' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Magazyn', holidays: 'none', extraDaysOff: ['2026-12-31', '2027-01-02'], weeklyPeriods: warehouse.weeklyPeriods });
      const days = (await agent.api.get(`/calendars/${warehouse.id}/holidays?year=2027`)).body;
      expect(days.items).toEqual([{ date: '2027-01-02', weekday: 6, name: null, kind: 'extra_day_off', worked: false }]);
      warehouse = (await admin.patch(`/calendars/${warehouse.id}`, { holidays: 'PL' })).body as Calendar;
    });

    it('moves the default; the default cannot stop being it or be deleted', async () => {
      expectFieldErrors(await admin.patch(`/calendars/${office.id}`, { isDefault: false }), ['isDefault'], 'CALENDAR_IS_DEFAULT', 409);
      expectError(await admin.delete(`/calendars/${office.id}`), 409, 'CALENDAR_IS_DEFAULT');
      expect((await admin.patch(`/calendars/${warehouse.id}`, { isDefault: true })).body.isDefault).toBe(true);
      const all = (await admin.get('/calendars')).body.items as Calendar[];
      expect(all.map((c) => [c.name, c.isDefault])).toEqual([['Magazyn', true], ['Godziny pracy biura', false]]);
      // Policies without a calendar now count on the warehouse's hours: Saturday works.
      const saturday = await match({ priority: 'urgent', start: '2026-12-19T10:00:00+01:00' });
      expect(saturday.calendar).toEqual({ id: warehouse.id, name: 'Magazyn', timeZone: 'Europe/Warsaw' });
      expect(saturday.deadlines?.firstResponse?.dueAtLocal).toBe('2026-12-19T12:00:00');
      expect((await admin.patch(`/calendars/${office.id}`, { isDefault: true })).body.isDefault).toBe(true);
      expect((await admin.get(`/calendars/${warehouse.id}`)).body.isDefault).toBe(false);
    });

    it('cannot delete a calendar a policy counts on; can once nothing does', async () => {
      const policy = await admin.post('/sla-policies', { name: 'Magazyn: zwroty', conditions: { channels: ['marketplace'] }, firstResponse: { minutes: 60, mode: 'business' }, calendarId: warehouse.id });
      expect(policy.status).toBe(201);
      const refused = await admin.delete(`/calendars/${warehouse.id}`);
      expectError(refused, 409, 'CALENDAR_IN_USE');
      expect(refused.body.details.policies).toEqual([{ id: policy.body.id, name: 'Magazyn: zwroty' }]);
      expect((await admin.delete(`/sla-policies/${policy.body.id}`)).status).toBe(204);
      expect((await admin.delete(`/calendars/${warehouse.id}`)).status).toBe(204);
      expectError(await admin.get(`/calendars/${warehouse.id}`), 404, 'CALENDAR_NOT_FOUND');
      expectError(await admin.delete(`/calendars/${warehouse.id}`), 404, 'CALENDAR_NOT_FOUND');
    });
  });

  describe('policies', () => {
    let vip: Policy;

    it('an admin creates a policy with conditions; it goes just before the catch-all', async () => {
      shop = (await admin.post('/calendars', { name: 'Sklep stacjonarny', weeklyPeriods: [1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '10:00', end: '18:00' })) })).body as Calendar;
      const res = await admin.post('/sla-policies', {
        name: '  VIP w sprzedaży ',
        description: 'Stali klienci piszący do sprzedaży',
        conditions: { queueIds: [salesQueueId.toUpperCase()], customerTags: [' VIP '] },
        firstResponse: { minutes: 60, mode: 'business' },
        calendarId: shop.id,
        warning: { minutesBefore: 15 },
      });
      expect(res.status).toBe(201);
      vip = res.body as Policy;
      expect(vip).toEqual({
        id: expect.stringMatching(UUID), name: 'VIP w sprzedaży', description: 'Stali klienci piszący do sprzedaży', order: 40, enabled: true, matchesAll: false,
        conditions: { queueIds: [salesQueueId], categoryIds: [], priorities: [], channels: [], customerTags: ['VIP'] },
        firstResponse: { minutes: 60, mode: 'business' }, nextResponse: null, resolution: null, calendarId: shop.id, pauseStatuses: ['waiting_customer'],
        warning: { percent: null, minutesBefore: 15 }, createdAt: expect.stringMatching(ISO), updatedAt: expect.stringMatching(ISO),
      });
      expect((await policies()).map((p) => [p.name, p.order])).toEqual([
        ['Reklamacje', 10], ['Awarie i błędne dostawy', 20], ['Pytania ofertowe', 30], ['VIP w sprzedaży', 40], ['Domyślna', 50],
      ]);
    });

    it('refuses a policy that cannot work, naming each place', async () => {
      const res = await admin.post('/sla-policies', {
        name: 'Zła',
        conditions: { priorities: ['critical'], subject: ['awaria'] },
        firstResponse: { minutes: 0, mode: 'business' },
        nextResponse: { minutes: 60, mode: 'weekdays' },
        pauseStatuses: ['open'],
        warning: { percent: 80, minutesBefore: 10 },
      });
      expectFieldErrors(res, ['conditions.subject', 'conditions.priorities[0]', 'firstResponse.minutes', 'nextResponse.mode', 'pauseStatuses[0]', 'warning'], 'SLA_POLICY_INVALID');
      const missing = await admin.post('/sla-policies', { name: 'Zła', conditions: { queueIds: [randomUUID()], categoryIds: [complaintCategoryId] }, calendarId: randomUUID() });
      expectFieldErrors(missing, ['conditions.queueIds[0]', 'calendarId'], 'SLA_POLICY_INVALID');
      expectFieldErrors(await admin.post('/sla-policies', { name: 'Zła', firstResponse: { minutes: 120 }, resolution: '5 dni' }), ['firstResponse.mode', 'resolution'], 'SLA_POLICY_INVALID');
      expectFieldErrors(await admin.patch(`/sla-policies/${vip.id}`, { resolution: { minutes: 30, mode: 'business' } }), ['resolution.minutes'], 'SLA_POLICY_INVALID');
      expectFieldErrors(await admin.post('/sla-policies', { name: ' ', calendarId: 'sklep', priority: 'high' }), ['name', 'calendarId', 'priority']);
      expectError(await admin.post('/sla-policies', { name: 'reklamacje' }), 409, 'SLA_POLICY_NAME_TAKEN');
      expectError(await admin.patch(`/sla-policies/${vip.id}`, { name: 'DOMYŚLNA' }), 409, 'SLA_POLICY_NAME_TAKEN');
      expect((await policies()).length).toBe(5);
    });

    it('only admins write policies; agents read them and check matches', async () => {
      expectError(await agent.api.post('/sla-policies', { name: 'Agenta' }), 403, 'AUTH_FORBIDDEN');
      expectError(await agent.api.patch(`/sla-policies/${vip.id}`, { enabled: false }), 403, 'AUTH_FORBIDDEN');
      expectError(await agent.api.put('/sla-policies/order', { ids: [vip.id] }), 403, 'AUTH_FORBIDDEN');
      expectError(await agent.api.delete(`/sla-policies/${vip.id}`), 403, 'AUTH_FORBIDDEN');
      expect((await match({ priority: 'urgent' }, agent.api)).policy?.name).toBe('Awarie i błędne dostawy');
    });

    it('an admin changes a policy; what the API answers can be sent back as it is', async () => {
      const res = await admin.patch(`/sla-policies/${vip.id}`, {
        warning: { percent: 50, minutesBefore: null },
        nextResponse: { minutes: 120, mode: 'business' },
        pauseStatuses: ['waiting_customer', 'waiting_third_party'],
        conditions: { ...vip.conditions, channels: [] },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'VIP w sprzedaży', order: 40, warning: { percent: 50, minutesBefore: null }, nextResponse: { minutes: 120, mode: 'business' },
        pauseStatuses: ['waiting_customer', 'waiting_third_party'], calendarId: shop.id, description: 'Stali klienci piszący do sprzedaży',
      });
      const cleared = await admin.patch(`/sla-policies/${vip.id}`, { warning: null, nextResponse: null, description: null });
      expect(cleared.body).toMatchObject({ warning: { percent: null, minutesBefore: null }, nextResponse: null, description: null });
      vip = (await admin.patch(`/sla-policies/${vip.id}`, { warning: { minutesBefore: 15 } })).body as Policy;
      expectError(await admin.get(`/sla-policies/${randomUUID()}`), 404, 'SLA_POLICY_NOT_FOUND');
      expectError(await admin.patch(`/sla-policies/${randomUUID()}`, { enabled: false }), 404, 'SLA_POLICY_NOT_FOUND');
    });

    it('reorders every policy at once, and refuses a partial or foreign list', async () => {
      const before = await policies();
      const reversed = [...before].reverse().map((p) => p.id);
      const res = await admin.put('/sla-policies/order', { ids: reversed });
      expect(res.status).toBe(200);
      expect((res.body.items as Policy[]).map((p) => [p.id, p.order])).toEqual(reversed.map((id, i) => [id, (i + 1) * 10]));
      // The catch-all now comes first and takes every ticket.
      expect((await match({ priority: 'urgent' })).policy?.name).toBe('Domyślna');
      expectFieldErrors(await admin.put('/sla-policies/order', { ids: reversed.slice(1) }), ['ids'], 'SLA_POLICY_ORDER_INVALID');
      expectFieldErrors(await admin.put('/sla-policies/order', { ids: [...reversed.slice(1), randomUUID()] }), ['ids'], 'SLA_POLICY_ORDER_INVALID');
      expectFieldErrors(await admin.put('/sla-policies/order', { ids: [reversed[0], ...reversed.slice(0, -1)] }), ['ids'], 'SLA_POLICY_ORDER_INVALID');
      expectFieldErrors(await admin.put('/sla-policies/order', { ids: ['pierwsza'] }), ['ids']);
      expect((await admin.put('/sla-policies/order', { ids: before.map((p) => p.id) })).status).toBe(200);
      expect((await policies()).map((p) => p.name)).toEqual(['Reklamacje', 'Awarie i błędne dostawy', 'Pytania ofertowe', 'VIP w sprzedaży', 'Domyślna']);
    });
  });

  describe('which policy applies, and by when', () => {
    it('a failure (urgent) on Friday 18 December 2026 15:30: answer by Monday 09:30, warned at 09:06', async () => {
      const result = await match({ priority: 'urgent', start: '2026-12-18T15:30:00+01:00' });
      expect(result.policy?.name).toBe('Awarie i błędne dostawy');
      expect(result.ticket).toEqual({ ticketId: null, queueId: null, categoryId: null, priority: 'urgent', channel: 'email', customerTags: [] });
      expect(result.start).toBe('2026-12-18T14:30:00.000Z');
      expect(result.calendar).toEqual({ id: office.id, name: 'Godziny pracy biura', timeZone: 'Europe/Warsaw' });
      expect(result.deadlines).toEqual({
        firstResponse: {
          minutes: 120, mode: 'business', dueAt: '2026-12-21T08:30:00.000Z', dueAtLocal: '2026-12-21T09:30:00',
          warnAt: '2026-12-21T08:06:00.000Z', warnAtLocal: '2026-12-21T09:06:00',
        },
        nextResponse: {
          minutes: 120, mode: 'business', dueAt: '2026-12-21T08:30:00.000Z', dueAtLocal: '2026-12-21T09:30:00',
          warnAt: '2026-12-21T08:06:00.000Z', warnAtLocal: '2026-12-21T09:06:00',
        },
        resolution: null,
      });
      expect(result.candidates.map((c) => [c.name, c.matches, c.failedConditions])).toEqual([
        ['Reklamacje', false, ['categoryIds']],
        ['Awarie i błędne dostawy', true, []],
        ['Pytania ofertowe', false, ['categoryIds']],
        ['VIP w sprzedaży', false, ['queueIds', 'customerTags']],
        ['Domyślna', true, []],
      ]);
    });

    it('a complaint on Wednesday 23 December 2026 15:00: acknowledged by Monday 28th 15:00 (Christmas Eve and Christmas are off), resolved in 14 days', async () => {
      const result = await match({ categoryId: complaintCategoryId, start: '2026-12-23T15:00:00+01:00' });
      expect(result.policy?.name).toBe('Reklamacje');
      expect(result.deadlines?.firstResponse).toEqual({
        minutes: 480, mode: 'business', dueAt: '2026-12-28T14:00:00.000Z', dueAtLocal: '2026-12-28T15:00:00',
        warnAt: '2026-12-28T12:24:00.000Z', warnAtLocal: '2026-12-28T13:24:00',
      });
      expect(result.deadlines?.resolution).toEqual({
        minutes: 20_160, mode: 'calendar', dueAt: '2027-01-06T14:00:00.000Z', dueAtLocal: '2027-01-06T15:00:00',
        warnAt: '2027-01-03T18:48:00.000Z', warnAtLocal: '2027-01-03T19:48:00',
      });
    });

    it('a high-priority complaint keeps the complaint targets (complaints come before failures)', async () => {
      const result = await match({ categoryId: complaintCategoryId, priority: 'high' });
      expect(result.policy?.name).toBe('Reklamacje');
      expect(result.candidates.find((c) => c.name === 'Awarie i błędne dostawy')?.matches).toBe(true);
    });

    it('an offer question on Christmas Eve 10:00: answered within 24 hours, holiday or not', async () => {
      const result = await match({ categoryId: preSaleCategoryId, channel: 'web_form', start: '2026-12-24T10:00:00+01:00' });
      expect(result.policy?.name).toBe('Pytania ofertowe');
      expect(result.deadlines?.firstResponse).toMatchObject({ mode: 'calendar', dueAt: '2026-12-25T09:00:00.000Z', dueAtLocal: '2026-12-25T10:00:00' });
      expect(result.deadlines?.resolution).toBeNull();
    });

    it('anything else gets the default: one business day to answer, five to resolve', async () => {
      const result = await match({ priority: 'low', channel: 'phone', start: '2026-12-18T15:30:00+01:00' });
      expect(result.policy?.name).toBe('Domyślna');
      expect(result.deadlines?.firstResponse).toMatchObject({ dueAt: '2026-12-21T14:30:00.000Z', dueAtLocal: '2026-12-21T15:30:00' });
      expect(result.deadlines?.resolution).toMatchObject({ minutes: 2400, mode: 'business', dueAt: '2026-12-29T14:30:00.000Z', dueAtLocal: '2026-12-29T15:30:00' });
    });

    it('a VIP customer writing to sales: the VIP policy on its own calendar (Saturday 10–18)', async () => {
      const result = await match({ queueId: salesQueueId, customerTags: ['stały', 'vip'], start: '2026-12-19T09:00:00+01:00' });
      expect(result.policy?.name).toBe('VIP w sprzedaży');
      expect(result.calendar).toEqual({ id: shop.id, name: 'Sklep stacjonarny', timeZone: 'Europe/Warsaw' });
      expect(result.deadlines?.firstResponse).toEqual({
        minutes: 60, mode: 'business', dueAt: '2026-12-19T10:00:00.000Z', dueAtLocal: '2026-12-19T11:00:00',
        warnAt: '2026-12-19T09:45:00.000Z', warnAtLocal: '2026-12-19T10:45:00',
      });
    });

    it('a stored ticket by its number: its own queue, priority and customer tags; fields given replace them', async () => {
      const created = await admin.post('/tickets', {
        subject: 'Rabat dla stałego klienta', customer: { email: 'vip@example.pl', name: 'Jan Kowalski' }, message: { body: 'Dzień dobry' },
        queueId: salesQueueId, priority: 'normal', channel: 'email',
      });
      expect(created.status).toBe(201);
      const ticket = created.body as { id: string; number: string; createdAt: string; customerId: string };
      expect((await admin.patch(`/customers/${ticket.customerId}`, { tags: ['VIP'] })).status).toBe(200);
      const stored = await match({ ticketId: ticket.number });
      expect(stored.ticket).toEqual({ ticketId: ticket.id, queueId: salesQueueId, categoryId: null, priority: 'normal', channel: 'email', customerTags: ['VIP'] });
      expect(stored.start).toBe(ticket.createdAt);
      expect(stored.policy?.name).toBe('VIP w sprzedaży');
      expect((await match({ ticketId: ticket.id, priority: 'urgent', start: '2026-12-18T15:30:00+01:00' })).policy?.name).toBe('Awarie i błędne dostawy');
      expect((await match({ ticketId: ticket.id, queueId: null })).policy?.name).toBe('Domyślna');
      expectError(await admin.post('/sla-policies/match', { ticketId: '2026-999999' }), 404, 'TICKET_NOT_FOUND');
      expectFieldErrors(await admin.post('/sla-policies/match', { ticketId: 'moje', priority: 'critical', start: 'jutro' }), ['ticketId', 'priority', 'start']);
    });

    it('skips a disabled policy; with none left, no policy applies', async () => {
      const vip = await byName('VIP w sprzedaży');
      expect((await admin.patch(`/sla-policies/${vip.id}`, { enabled: false })).body.enabled).toBe(false);
      const result = await match({ queueId: salesQueueId, customerTags: ['vip'] });
      expect(result.policy?.name).toBe('Domyślna');
      expect(result.candidates.find((c) => c.name === 'VIP w sprzedaży')).toMatchObject({ enabled: false, matches: true });
      const fallback = await byName('Domyślna');
      expect((await admin.patch(`/sla-policies/${fallback.id}`, { enabled: false })).status).toBe(200);
      expect(await match({ priority: 'low' })).toMatchObject({ policy: null, calendar: null, deadlines: null });
      expect((await admin.patch(`/sla-policies/${fallback.id}`, { enabled: true })).status).toBe(200);
    });

    it('deleting a policy takes it out of matching at once', async () => {
      const vip = await byName('VIP w sprzedaży');
      expect((await admin.delete(`/sla-policies/${vip.id}`)).status).toBe(204);
      expectError(await admin.delete(`/sla-policies/${vip.id}`), 404, 'SLA_POLICY_NOT_FOUND');
      expect((await match({ queueId: salesQueueId, customerTags: ['vip'] })).candidates.map((c) => c.name)).toEqual(SEEDED);
    });
  });
});
