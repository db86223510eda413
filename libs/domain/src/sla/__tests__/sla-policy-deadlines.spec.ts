import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CALENDAR } from '../business-calendar.js';
import { slaPolicyDeadlines, slaTargetDeadline } from '../sla-policy-deadlines.js';
import { warsaw } from './warsaw-time.js';

describe('slaTargetDeadline', () => {
  it('counts business targets on the calendar and calendar targets on the clock', () => {
    const start = warsaw('Fri 2026-12-18 15:30');
    expect(slaTargetDeadline({ minutes: 120, mode: 'business' }, {}, DEFAULT_CALENDAR, start)).toEqual({
      minutes: 120, mode: 'business', dueAt: warsaw('Mon 2026-12-21 09:30'), warnAt: null,
    });
    expect(slaTargetDeadline({ minutes: 1440, mode: 'calendar' }, {}, DEFAULT_CALENDAR, start).dueAt).toEqual(warsaw('Sat 2026-12-19 15:30'));
  });

  it('skips Christmas Eve, Christmas and the weekend for one business day from 23 December 2026', () => {
    const due = slaTargetDeadline({ minutes: 480, mode: 'business' }, {}, DEFAULT_CALENDAR, warsaw('Wed 2026-12-23 15:00')).dueAt;
    expect(due).toEqual(warsaw('Mon 2026-12-28 15:00'));
    expect(due?.toISOString()).toBe('2026-12-28T14:00:00.000Z');
  });

  it('warns at a share of the target or some minutes before the deadline, on the same clock', () => {
    const start = warsaw('Mon 2026-11-23 15:00');
    // 80 % of 120 business minutes is 96: 60 on Monday, 36 on Tuesday.
    expect(slaTargetDeadline({ minutes: 120, mode: 'business' }, { percent: 80 }, DEFAULT_CALENDAR, start).warnAt).toEqual(warsaw('Tue 2026-11-24 08:36'));
    // 30 business minutes before a deadline of Tuesday 09:00 is Monday 15:30 + 60 = Tuesday 08:30.
    expect(slaTargetDeadline({ minutes: 120, mode: 'business' }, { minutesBefore: 30 }, DEFAULT_CALENDAR, start).warnAt).toEqual(warsaw('Tue 2026-11-24 08:30'));
    expect(slaTargetDeadline({ minutes: 120, mode: 'calendar' }, { minutesBefore: 30 }, DEFAULT_CALENDAR, start).warnAt).toEqual(warsaw('Mon 2026-11-23 16:30'));
    // A warning earlier than the start itself comes at the start.
    expect(slaTargetDeadline({ minutes: 20, mode: 'calendar' }, { minutesBefore: 30 }, DEFAULT_CALENDAR, start).warnAt).toEqual(start);
  });

  it('takes pauses out, and has no deadline while an open pause stops the clock', () => {
    const start = warsaw('Mon 2026-11-23 10:00');
    const pauses = [{ from: warsaw('Mon 2026-11-23 11:00'), to: warsaw('Mon 2026-11-23 13:00') }];
    expect(slaTargetDeadline({ minutes: 120, mode: 'business' }, {}, DEFAULT_CALENDAR, start, pauses).dueAt).toEqual(warsaw('Mon 2026-11-23 14:00'));
    const open = [{ from: warsaw('Mon 2026-11-23 11:00'), to: null }];
    expect(slaTargetDeadline({ minutes: 120, mode: 'business' }, { percent: 50 }, DEFAULT_CALENDAR, start, open)).toEqual({
      minutes: 120, mode: 'business', dueAt: null, warnAt: warsaw('Mon 2026-11-23 11:00'),
    });
  });
});

describe('slaPolicyDeadlines', () => {
  it('answers every target of the policy, null for those it does not set', () => {
    const policy = {
      firstResponse: { minutes: 480, mode: 'business' as const },
      nextResponse: null,
      resolution: { minutes: 14 * 24 * 60, mode: 'calendar' as const },
      warning: { percent: 50 },
    };
    const deadlines = slaPolicyDeadlines(policy, DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 08:00'));
    expect(deadlines.firstResponse).toEqual({ minutes: 480, mode: 'business', dueAt: warsaw('Mon 2026-11-23 16:00'), warnAt: warsaw('Mon 2026-11-23 12:00') });
    expect(deadlines.nextResponse).toBeNull();
    expect(deadlines.resolution?.dueAt).toEqual(warsaw('Mon 2026-12-07 08:00'));
    expect(deadlines.resolution?.warnAt).toEqual(warsaw('Mon 2026-11-30 08:00'));
  });
});
