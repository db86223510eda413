import { describe, expect, it } from '@jest/globals';
import type { BusinessCalendar, SlaPolicy } from '@okienko/domain';
import { ticketSlaState } from '../../tickets/ticket-sla-view.js';
import { dueSlaFirings, EMPTY_TICKET_SLA, recomputeTicketSla, type TicketSlaSnapshot } from '../ticket-sla-state.js';

const ALWAYS: BusinessCalendar = {
  timeZone: 'Europe/Warsaw', weeklyPeriods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day: day as 1, start: '00:00', end: '24:00' })), holidays: 'none', extraDaysOff: [],
};
const OFFICE: BusinessCalendar = {
  timeZone: 'Europe/Warsaw', weeklyPeriods: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '08:00', end: '16:00' })), holidays: 'PL', extraDaysOff: [],
};
const POLICY: SlaPolicy = {
  id: 'p1', name: 'Domyślna', enabled: true, order: 10, conditions: {}, calendarId: null,
  firstResponse: { minutes: 60, mode: 'business' }, nextResponse: { minutes: 30, mode: 'business' }, resolution: { minutes: 600, mode: 'calendar' },
  pauseStatuses: ['waiting_customer'], warning: { percent: 50 },
};
const at = (iso: string) => new Date(iso);
const created = at('2026-12-14T09:00:00+01:00'); // a Monday

function fresh(): TicketSlaSnapshot {
  return { ...EMPTY_TICKET_SLA, status: 'new', createdAt: created, firstResponseAt: null };
}

describe('recomputeTicketSla', () => {
  it('counts a new ticket from its creation, business targets on the calendar', () => {
    const sla = recomputeTicketSla({ ticket: fresh(), policy: POLICY, calendar: OFFICE, complaint: false, now: created });
    expect(sla).toMatchObject({
      slaPolicyId: 'p1', firstResponseDueAt: at('2026-12-14T10:00:00+01:00'), firstResponseWarnAt: at('2026-12-14T09:30:00+01:00'),
      resolutionDueAt: at('2026-12-14T19:00:00+01:00'), nextResponseDueAt: null, statutoryDueAt: null, slaPausedSince: null,
      slaNextCheckAt: at('2026-12-14T09:30:00+01:00'),
    });
  });

  it('freezes the deadlines in a pause and moves them on by the business time paused', () => {
    const start = { ...fresh(), ...recomputeTicketSla({ ticket: fresh(), policy: POLICY, calendar: OFFICE, complaint: false, now: created }) };
    const paused = { ...start, ...recomputeTicketSla({ ticket: { ...start, status: 'waiting_customer' }, policy: POLICY, calendar: OFFICE, complaint: false, now: at('2026-12-14T09:10:00+01:00') }) };
    expect(paused).toMatchObject({ slaPausedSince: at('2026-12-14T09:10:00+01:00'), firstResponseDueAt: start.firstResponseDueAt, slaNextCheckAt: null });
    // Paused over the night: 09:10 → next day 08:20 is 6 h 50 min of office time.
    const resumed = recomputeTicketSla({ ticket: { ...paused, status: 'open' }, policy: POLICY, calendar: OFFICE, complaint: false, now: at('2026-12-15T08:20:00+01:00') });
    expect(resumed.slaPausedSince).toBeNull();
    expect(resumed.slaPauses).toEqual([{ from: '2026-12-14T08:10:00.000Z', to: '2026-12-15T07:20:00.000Z' }]);
    expect(resumed.firstResponseDueAt).toEqual(at('2026-12-15T09:10:00+01:00'));
    // The resolution counts every minute: 23 h 10 min later.
    expect(resumed.resolutionDueAt).toEqual(at('2026-12-15T18:10:00+01:00'));
  });

  it('starts the next-response clock at a customer reply after the first response, and an answer clears it', () => {
    const answered = { ...fresh(), status: 'open' as const, firstResponseAt: at('2026-12-14T09:20:00+01:00') };
    const base = { ...answered, ...recomputeTicketSla({ ticket: answered, policy: POLICY, calendar: ALWAYS, complaint: false, now: answered.firstResponseAt }) };
    const replied = { ...base, ...recomputeTicketSla({ ticket: base, policy: POLICY, calendar: ALWAYS, complaint: false, now: at('2026-12-14T11:00:00+01:00'), customerReplied: true }) };
    expect(replied.nextResponseDueAt).toEqual(at('2026-12-14T11:30:00+01:00'));
    const again = recomputeTicketSla({ ticket: replied, policy: POLICY, calendar: ALWAYS, complaint: false, now: at('2026-12-14T11:10:00+01:00'), customerReplied: true });
    expect(again.nextResponseDueAt).toEqual(at('2026-12-14T11:30:00+01:00'));
    const cleared = recomputeTicketSla({ ticket: replied, policy: POLICY, calendar: ALWAYS, complaint: false, now: at('2026-12-14T11:15:00+01:00'), agentReplied: true });
    expect(cleared).toMatchObject({ nextResponseStartedAt: null, nextResponseDueAt: null });
  });

  it('gives a complaint 14 calendar days and takes them away with the category', () => {
    const complaint = recomputeTicketSla({ ticket: fresh(), policy: null, calendar: ALWAYS, complaint: true, now: created });
    expect(complaint.statutoryDueAt).toEqual(at('2026-12-28T09:00:00+01:00'));
    expect(complaint.slaNextCheckAt).toEqual(complaint.statutoryDueAt);
    expect(recomputeTicketSla({ ticket: { ...fresh(), ...complaint }, policy: null, calendar: ALWAYS, complaint: false, now: created }).statutoryDueAt).toBeNull();
  });
});

describe('dueSlaFirings and ticketSlaState', () => {
  it('records a warning, then a breach, each once', () => {
    const ticket = { ...fresh(), ...recomputeTicketSla({ ticket: fresh(), policy: POLICY, calendar: ALWAYS, complaint: false, now: created }) };
    expect(ticketSlaState(ticket, at('2026-12-14T09:10:00+01:00')).state).toBe('ok');
    const warned = dueSlaFirings(ticket, at('2026-12-14T09:31:00+01:00'));
    expect(warned.firings.map((f) => `${f.type}:${f.target}`)).toEqual(['sla_warning:firstResponse']);
    const afterWarning = { ...ticket, ...warned.patch };
    expect(ticketSlaState(afterWarning, at('2026-12-14T09:31:00+01:00')).state).toBe('warning');
    expect(dueSlaFirings(afterWarning, at('2026-12-14T09:40:00+01:00')).firings).toEqual([]);
    const breached = dueSlaFirings(afterWarning, at('2026-12-14T10:00:00+01:00'));
    expect(breached.firings.map((f) => `${f.type}:${f.target}`)).toEqual(['sla_breached:firstResponse']);
    const afterBreach = { ...afterWarning, ...breached.patch };
    expect(dueSlaFirings(afterBreach, at('2026-12-14T10:05:00+01:00')).firings).toEqual([]);
    expect(ticketSlaState(afterBreach, at('2026-12-14T10:05:00+01:00'))).toEqual({ state: 'breached', breached: { firstResponse: true, resolution: false, statutory: false } });
    // The next check is the resolution's warning (50 % of 600 minutes).
    expect(afterBreach.slaNextCheckAt).toEqual(at('2026-12-14T14:00:00+01:00'));
  });
});
