import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CALENDAR, type BusinessCalendar } from '../business-calendar.js';
import { addBusinessMinutes } from '../business-time.js';
import { countedMinutes, deadlineFor, type SlaPause } from '../sla-deadline.js';
import { addSlaMinutes, slaMinutesBetween } from '../sla-minutes.js';
import { seededRandom, warsaw } from './warsaw-time.js';

const pause = (from: string, to: string | null): SlaPause => ({ from: warsaw(from), to: to === null ? null : warsaw(to) });

describe('addSlaMinutes and slaMinutesBetween: business or calendar minutes through one API', () => {
  it('counts business minutes with a calendar', () => {
    expect(addSlaMinutes(DEFAULT_CALENDAR, warsaw('Fri 2026-11-27 15:00'), 120)).toEqual(warsaw('Mon 2026-11-30 09:00'));
    expect(slaMinutesBetween(DEFAULT_CALENDAR, warsaw('Fri 2026-11-27 15:00'), warsaw('Mon 2026-11-30 09:00'))).toBe(120);
  });

  it('counts every minute without one, weekends, holidays and clock changes included', () => {
    expect(addSlaMinutes(null, warsaw('Fri 2026-11-27 15:00'), 120)).toEqual(warsaw('Fri 2026-11-27 17:00'));
    expect(addSlaMinutes(null, warsaw('Thu 2026-12-24 10:00'), 1440)).toEqual(warsaw('Fri 2026-12-25 10:00'));
    expect(addSlaMinutes(null, warsaw('Sat 2026-03-28 12:00'), 1440)).toEqual(warsaw('Sun 2026-03-29 13:00'));
    expect(slaMinutesBetween(null, warsaw('Sat 2026-10-24 12:00'), warsaw('Sun 2026-10-25 12:00'))).toBe(1500);
    expect(slaMinutesBetween(null, warsaw('Fri 2026-11-27 17:00'), warsaw('Fri 2026-11-27 15:00'))).toBe(-120);
    expect(() => addSlaMinutes(null, warsaw('Fri 2026-11-27 15:00'), -5)).toThrow(RangeError);
  });
});

describe('deadlineFor', () => {
  it('is start + target in counted time when nothing paused the clock', () => {
    expect(deadlineFor({ calendar: DEFAULT_CALENDAR, start: warsaw('Wed 2026-12-23 15:00'), targetMinutes: 120, pauses: [] })).toEqual(warsaw('Mon 2026-12-28 09:00'));
    expect(deadlineFor({ calendar: null, start: warsaw('Wed 2026-12-23 15:00'), targetMinutes: 120 })).toEqual(warsaw('Wed 2026-12-23 17:00'));
  });

  it('lands on the end of the working day when the target runs out exactly there', () => {
    expect(deadlineFor({ calendar: DEFAULT_CALENDAR, start: warsaw('Mon 2026-11-23 08:00'), targetMinutes: 480 })).toEqual(warsaw('Mon 2026-11-23 16:00'));
    // With a pause the same rule holds: 14:00–15:00 paused, 60 + 60 counted by 16:00.
    const paused = { calendar: DEFAULT_CALENDAR, start: warsaw('Mon 2026-11-23 13:00'), targetMinutes: 120, pauses: [pause('Mon 2026-11-23 14:00', 'Mon 2026-11-23 15:00')] };
    expect(deadlineFor(paused)).toEqual(warsaw('Mon 2026-11-23 16:00'));
  });

  it('is the start itself for a zero target, even when a pause begins right then', () => {
    expect(deadlineFor({ calendar: DEFAULT_CALENDAR, start: warsaw('Sat 2026-11-28 10:00'), targetMinutes: 0 })).toEqual(warsaw('Sat 2026-11-28 10:00'));
    expect(deadlineFor({ calendar: null, start: warsaw('Mon 2026-11-23 10:00'), targetMinutes: 0, pauses: [pause('Mon 2026-11-23 10:00', null)] })).toEqual(warsaw('Mon 2026-11-23 10:00'));
  });

  it('takes out only the business time a pause covers, however much night and weekend it spans', () => {
    // Start Friday 14:00, 4 business hours. Waiting for the customer from Friday 15:00 to Monday 10:00
    // takes out Friday 15–16 and Monday 8–10: 1 hour is counted on Friday, 3 more from Monday 10:00.
    const input = { calendar: DEFAULT_CALENDAR, start: warsaw('Fri 2026-11-20 14:00'), targetMinutes: 240, pauses: [pause('Fri 2026-11-20 15:00', 'Mon 2026-11-23 10:00')] };
    expect(deadlineFor({ ...input, pauses: [] })).toEqual(warsaw('Mon 2026-11-23 10:00'));
    expect(deadlineFor(input)).toEqual(warsaw('Mon 2026-11-23 13:00'));
    // A pause wholly outside working hours changes nothing.
    expect(deadlineFor({ ...input, pauses: [pause('Fri 2026-11-20 17:00', 'Mon 2026-11-23 07:30')] })).toEqual(warsaw('Mon 2026-11-23 10:00'));
    // In calendar time the pause takes out its whole 67 hours: 1 hour before it, 3 after it.
    expect(deadlineFor({ ...input, calendar: null, pauses: [] })).toEqual(warsaw('Fri 2026-11-20 18:00'));
    expect(deadlineFor({ ...input, calendar: null })).toEqual(warsaw('Mon 2026-11-23 13:00'));
    expect(deadlineFor({ ...input, calendar: null, pauses: [pause('Fri 2026-11-20 15:00', 'Fri 2026-11-20 16:30')] })).toEqual(warsaw('Fri 2026-11-20 19:30'));
  });

  it('merges overlapping pauses, ignores what lies before the start, and does not care about order', () => {
    const start = warsaw('Mon 2026-11-23 08:00');
    const pauses = [
      pause('Mon 2026-11-23 10:00', 'Mon 2026-11-23 12:00'),
      pause('Fri 2026-11-20 10:00', 'Mon 2026-11-23 09:00'), // began before the start: only 8–9 counts
      pause('Mon 2026-11-23 09:30', 'Mon 2026-11-23 11:00'),
      pause('Mon 2026-11-23 13:00', 'Mon 2026-11-23 13:00'), // empty
    ];
    // Counted: 9:00–9:30 and 12:00 onwards; 120 minutes reached at 13:30.
    expect(deadlineFor({ calendar: DEFAULT_CALENDAR, start, targetMinutes: 120, pauses })).toEqual(warsaw('Mon 2026-11-23 13:30'));
    expect(countedMinutes({ calendar: DEFAULT_CALENDAR, start, pauses, at: warsaw('Mon 2026-11-23 13:30') })).toBe(120);
  });

  it('is null while an open pause stopped the clock before the target was reached', () => {
    const input = { calendar: DEFAULT_CALENDAR, start: warsaw('Mon 2026-11-23 08:00'), targetMinutes: 240 };
    expect(deadlineFor({ ...input, pauses: [pause('Mon 2026-11-23 10:00', null)] })).toBeNull();
    // Once the pause has an end, the deadline moves by the business time it covered.
    expect(deadlineFor({ ...input, pauses: [pause('Mon 2026-11-23 10:00', 'Tue 2026-11-24 09:00')] })).toEqual(warsaw('Tue 2026-11-24 11:00'));
    // An open pause that began after the target was already used up leaves the (passed) deadline as it was.
    expect(deadlineFor({ ...input, pauses: [pause('Mon 2026-11-23 14:00', null)] })).toEqual(warsaw('Mon 2026-11-23 12:00'));
    // Also in calendar time.
    expect(deadlineFor({ ...input, calendar: null, pauses: [pause('Mon 2026-11-23 10:00', null)] })).toBeNull();
  });

  it('gives the moment of an 80 % warning as the deadline of 80 % of the target', () => {
    const input = { calendar: DEFAULT_CALENDAR, start: warsaw('Fri 2026-11-27 12:00'), pauses: [pause('Fri 2026-11-27 13:00', 'Fri 2026-11-27 14:00')] };
    expect(deadlineFor({ ...input, targetMinutes: 0.8 * 480 })).toEqual(warsaw('Mon 2026-11-30 11:24'));
    expect(deadlineFor({ ...input, targetMinutes: 480 })).toEqual(warsaw('Mon 2026-11-30 13:00'));
  });

  it('refuses a pause that ends before it starts, invalid dates and a negative target', () => {
    const start = warsaw('Mon 2026-11-23 08:00');
    expect(() => deadlineFor({ calendar: null, start, targetMinutes: 60, pauses: [pause('Mon 2026-11-23 10:00', 'Mon 2026-11-23 09:00')] })).toThrow(/pauses\[0\] ends/);
    expect(() => deadlineFor({ calendar: null, start, targetMinutes: 60, pauses: [{ from: new Date('x'), to: null }] })).toThrow(/pauses\[0\]\.from/);
    expect(() => deadlineFor({ calendar: null, start: new Date('x'), targetMinutes: 60 })).toThrow(RangeError);
    expect(() => deadlineFor({ calendar: null, start, targetMinutes: -1 })).toThrow(RangeError);
  });
});

describe('countedMinutes', () => {
  const base = { calendar: DEFAULT_CALENDAR, start: warsaw('Fri 2026-11-20 14:00'), pauses: [pause('Fri 2026-11-20 15:00', 'Mon 2026-11-23 10:00')] };

  it.each([
    ['before the start', 'Fri 2026-11-20 13:00', 0],
    ['at the start', 'Fri 2026-11-20 14:00', 0],
    ['before the pause', 'Fri 2026-11-20 14:30', 30],
    ['during the pause', 'Sat 2026-11-21 12:00', 60],
    ['when the pause ends', 'Mon 2026-11-23 10:00', 60],
    ['after the pause', 'Mon 2026-11-23 11:15', 135],
    ['at the deadline', 'Mon 2026-11-23 13:00', 240],
    ['after hours', 'Mon 2026-11-23 20:00', 60 + 360],
  ])('%s (%s): %i', (_case, at, minutes) => {
    expect(countedMinutes({ ...base, at: warsaw(at) })).toBe(minutes);
  });

  it('stands still during an open pause', () => {
    const input = { ...base, pauses: [pause('Mon 2026-11-23 09:00', null)] };
    expect(countedMinutes({ ...input, at: warsaw('Mon 2026-11-23 09:00') })).toBe(120 + 60);
    expect(countedMinutes({ ...input, at: warsaw('Fri 2026-12-04 12:00') })).toBe(120 + 60);
  });

  it('counts every minute without a calendar, and fractions of a minute', () => {
    expect(countedMinutes({ ...base, calendar: null, at: warsaw('Mon 2026-11-23 11:00') })).toBe(60 + 60);
    expect(countedMinutes({ calendar: null, start: warsaw('Mon 2026-11-23 10:00'), at: new Date(warsaw('Mon 2026-11-23 10:00').getTime() + 90_000) })).toBe(1.5);
  });
});

describe('deadline and counted minutes agree', () => {
  it('for random starts, targets and pauses, the clock shows the target exactly at the deadline and not a moment before', () => {
    const random = seededRandom(5);
    const first = warsaw('Thu 2026-01-01 00:00').getTime();
    const span = 2 * 365 * 86_400_000;
    const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
    const calendars: (BusinessCalendar | null)[] = [DEFAULT_CALENDAR, null];
    for (let i = 0; i < 200; i++) {
      const calendar = calendars[i % 2];
      const start = first + minute(random() * span);
      const pauses: SlaPause[] = Array.from({ length: Math.floor(random() * 4) }, () => {
        const from = start + minute((random() - 0.1) * 10 * 86_400_000);
        return { from: new Date(from), to: new Date(from + minute(random() * 3 * 86_400_000)) };
      });
      const targetMinutes = Math.floor(random() * 3000) + 1;
      const deadline = deadlineFor({ calendar, start: new Date(start), targetMinutes, pauses });
      expect(deadline).not.toBeNull();
      const at = deadline as Date;
      expect(countedMinutes({ calendar, start: new Date(start), pauses, at })).toBe(targetMinutes);
      expect(countedMinutes({ calendar, start: new Date(start), pauses, at: new Date(at.getTime() - 1) })).toBeLessThan(targetMinutes);
      if (pauses.length === 0 && calendar) expect(at).toEqual(addBusinessMinutes(calendar, new Date(start), targetMinutes));
    }
  });
});
