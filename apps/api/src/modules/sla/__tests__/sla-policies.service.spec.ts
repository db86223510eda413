import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CALENDAR, type SlaTicketFacts } from '@okienko/domain';
import type { CalendarsRepository } from '../calendars.repository.js';
import type { CalendarEntity } from '../entities/calendar.entity.js';
import type { SlaPolicyEntity } from '../entities/sla-policy.entity.js';
import { SlaConfigCache } from '../sla-config.cache.js';
import type { SlaPoliciesRepository } from '../sla-policies.repository.js';
import { SlaPoliciesService } from '../sla-policies.service.js';
import type { SlaRecountRequests } from '../sla-recount-requests.js';

const OFFICE = '00000000-0000-4000-8000-000000000001';
const SHOP = '00000000-0000-4000-8000-000000000002';
const NONE = { queueIds: [], categoryIds: [], priorities: [], channels: [], customerTags: [] };

const calendar = (id: string, name: string, isDefault: boolean, days: number[], start: string, end: string): CalendarEntity => ({
  id, name, isDefault, timeZone: 'Europe/Warsaw', holidays: 'PL', extraDaysOff: [], extraWorkingDays: [],
  weeklyPeriods: days.map((day) => ({ day: day as 1, start, end })), createdAt: new Date(), updatedAt: new Date(),
});

const policy = (id: string, position: number, fields: Partial<SlaPolicyEntity>): SlaPolicyEntity => ({
  id, name: id, description: null, position, enabled: true, conditions: NONE, firstResponse: { minutes: 120, mode: 'business' },
  nextResponse: null, resolution: null, calendarId: null, pauseStatuses: ['waiting_customer'], warning: { percent: 80 },
  createdAt: new Date(), updatedAt: new Date(), ...fields,
});

const ticket = (facts: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  queueId: null, categoryId: null, priority: 'normal', channel: 'email', customerTags: [], ...facts,
});

/** The service over in-memory repositories, counting how often they are read. */
function setUp(policies: SlaPolicyEntity[], calendars: CalendarEntity[]) {
  const reads = { policies: 0, calendars: 0 };
  const policiesRepository = { list: async () => (reads.policies++, policies) } as unknown as SlaPoliciesRepository;
  const calendarsRepository = { list: async () => (reads.calendars++, calendars) } as unknown as CalendarsRepository;
  const cache = new SlaConfigCache(policiesRepository, calendarsRepository);
  // Only the read side is exercised here: nothing asks for a recount.
  const recount = { request: async () => undefined } as unknown as SlaRecountRequests;
  return { service: new SlaPoliciesService(policiesRepository, cache, recount), cache, reads };
}

describe('SlaPoliciesService for the ticket side', () => {
  const calendars = [calendar(OFFICE, 'Biuro', true, [1, 2, 3, 4, 5], '08:00', '16:00'), calendar(SHOP, 'Sklep', false, [1, 2, 3, 4, 5, 6], '10:00', '18:00')];
  const stored = [
    policy('default', 40, {}),
    policy('urgent', 10, { conditions: { ...NONE, priorities: ['urgent'] } }),
    policy('vip', 20, { conditions: { ...NONE, customerTags: ['vip'] }, calendarId: SHOP, firstResponse: { minutes: 60, mode: 'business' } }),
    policy('switched-off', 5, { enabled: false }),
  ];

  it('policyFor answers the first enabled matching policy by order, as the domain type', async () => {
    const { service } = setUp(stored, calendars);
    expect((await service.policyFor(ticket({ priority: 'urgent', customerTags: ['VIP'] })))?.id).toBe('urgent');
    expect(await service.policyFor(ticket({ customerTags: ['VIP'] }))).toMatchObject({ id: 'vip', order: 20, calendarId: SHOP, enabled: true });
    expect((await service.policyFor(ticket()))?.id).toBe('default');
    expect(await setUp([], calendars).service.policyFor(ticket())).toBeNull();
  });

  it("calendarFor answers the policy's calendar, else the default one, else the built-in office hours", async () => {
    const { service } = setUp(stored, calendars);
    expect((await service.calendarFor({ calendarId: SHOP })).weeklyPeriods[0]).toEqual({ day: 1, start: '10:00', end: '18:00' });
    expect((await service.calendarFor({ calendarId: null })).weeklyPeriods[0]).toEqual({ day: 1, start: '08:00', end: '16:00' });
    // A calendar deleted meanwhile (the foreign key prevents it, a stale copy might not): the default.
    expect((await service.calendarFor({ calendarId: '00000000-0000-4000-8000-000000000009' })).weeklyPeriods[0].start).toBe('08:00');
    expect(await setUp(stored, [calendars[1]]).service.calendarFor({ calendarId: null })).toBe(DEFAULT_CALENDAR);
  });

  it('deadlinesFor counts on the right calendar, with pauses taken out', async () => {
    const { service } = setUp(stored, calendars);
    const vip = (await service.policyFor(ticket({ customerTags: ['vip'] })))!;
    // Saturday 09:00 in Warsaw: the shop opens at 10:00, so 60 business minutes end at 11:00 (10:00Z).
    const saturday = new Date('2026-12-19T08:00:00Z');
    expect((await service.deadlinesFor(vip, saturday)).firstResponse?.dueAt).toEqual(new Date('2026-12-19T10:00:00Z'));
    const paused = await service.deadlinesFor(vip, saturday, [{ from: new Date('2026-12-19T09:30:00Z'), to: new Date('2026-12-19T10:00:00Z') }]);
    expect(paused.firstResponse?.dueAt).toEqual(new Date('2026-12-19T10:30:00Z'));
    expect(paused.nextResponse).toBeNull();
  });

  it('reads policies and calendars once for many tickets, and again after invalidate()', async () => {
    const { service, cache, reads } = setUp(stored, calendars);
    await Promise.all([service.policyFor(ticket()), service.policyFor(ticket({ priority: 'urgent' })), service.calendarFor({ calendarId: SHOP })]);
    expect(reads).toEqual({ policies: 1, calendars: 1 });
    const first = await service.calendarFor({ calendarId: SHOP });
    expect(await service.calendarFor({ calendarId: SHOP })).toBe(first);
    cache.invalidate();
    await service.policyFor(ticket());
    expect(reads).toEqual({ policies: 2, calendars: 2 });
  });
});
