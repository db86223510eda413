import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CALENDAR, type BusinessCalendar } from '../business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessTime } from '../business-time.js';
import { workingPeriodsOn } from '../working-periods.js';
import { seededRandom, warsaw } from './warsaw-time.js';

/** Monday to Friday 8:00–12:00 and 13:00–17:00 (a lunch break), Polish holidays. */
const SPLIT: BusinessCalendar = {
  timeZone: 'Europe/Warsaw',
  weeklyPeriods: [1, 2, 3, 4, 5].flatMap((day) => [
    { day: day as 1, start: '08:00', end: '12:00' },
    { day: day as 1, start: '13:00', end: '17:00' },
  ]),
  holidays: 'PL',
  extraDaysOff: [],
};

const add = (calendar: BusinessCalendar, start: string, minutes: number) => addBusinessMinutes(calendar, warsaw(start), minutes);
const between = (calendar: BusinessCalendar, from: string, to: string) => businessMinutesBetween(calendar, warsaw(from), warsaw(to));

describe('addBusinessMinutes (Monday–Friday 8–16 in Warsaw, Polish holidays)', () => {
  it.each([
    ['before opening', 'Mon 2026-11-23 07:00', 60, 'Mon 2026-11-23 09:00'],
    ['inside a period', 'Mon 2026-11-23 10:15', 30, 'Mon 2026-11-23 10:45'],
    ['after closing', 'Mon 2026-11-23 17:00', 60, 'Tue 2026-11-24 09:00'],
    ['into the next day', 'Mon 2026-11-23 15:00', 120, 'Tue 2026-11-24 09:00'],
    ['on Friday afternoon, over the weekend', 'Fri 2026-11-27 15:00', 120, 'Mon 2026-11-30 09:00'],
    ['on Friday evening', 'Fri 2026-11-27 18:00', 60, 'Mon 2026-11-30 09:00'],
    ['on Saturday', 'Sat 2026-11-28 12:00', 30, 'Mon 2026-11-30 08:30'],
    ['just after midnight on Monday', 'Mon 2026-11-30 00:30', 480, 'Mon 2026-11-30 16:00'],
    // 24 (Thu), 25 (Fri), 26 (Sat) December 2026 are holidays and 26–27 is the weekend.
    ['on the eve of Christmas Eve', 'Wed 2026-12-23 15:00', 120, 'Mon 2026-12-28 09:00'],
    ['the whole holiday week', 'Mon 2026-12-21 08:00', 5 * 480, 'Tue 2026-12-29 16:00'],
    // Before 2025 Christmas Eve was a working day.
    ['on 23 December 2024 (24 December still worked)', 'Mon 2024-12-23 15:00', 120, 'Tue 2024-12-24 09:00'],
    ['over Independence Day', 'Tue 2026-11-10 15:00', 120, 'Thu 2026-11-12 09:00'],
    ['over New Year and Epiphany', 'Wed 2025-12-31 15:00', 60 + 480 + 480 + 60, 'Wed 2026-01-07 09:00'],
  ])('%s: %s + %i min → %s', (_case, start, minutes, expected) => {
    expect(add(DEFAULT_CALENDAR, start, minutes)).toEqual(warsaw(expected));
  });

  it.each([
    // Easter Monday, Corpus Christi (and Pentecost, a Sunday) move with Easter.
    ['Easter 2026', 'Fri 2026-04-03 15:00', 'Tue 2026-04-07 09:00'],
    ['Corpus Christi 2026', 'Wed 2026-06-03 15:00', 'Fri 2026-06-05 09:00'],
    ['Easter 2027 (same weekend as the clock change)', 'Fri 2027-03-26 15:00', 'Tue 2027-03-30 09:00'],
    ['Corpus Christi 2027', 'Wed 2027-05-26 15:00', 'Fri 2027-05-28 09:00'],
    ['Easter 2028', 'Fri 2028-04-14 15:00', 'Tue 2028-04-18 09:00'],
    ['Corpus Christi 2028', 'Wed 2028-06-14 15:00', 'Fri 2028-06-16 09:00'],
  ])('skips %s: %s + 120 min → %s', (_case, start, expected) => {
    expect(add(DEFAULT_CALENDAR, start, 120)).toEqual(warsaw(expected));
  });

  it('lands on the end of a period when the target runs out exactly there, not on the next opening', () => {
    expect(add(DEFAULT_CALENDAR, 'Mon 2026-11-23 15:00', 60)).toEqual(warsaw('Mon 2026-11-23 16:00'));
    expect(add(DEFAULT_CALENDAR, 'Fri 2026-11-27 08:00', 480)).toEqual(warsaw('Fri 2026-11-27 16:00'));
    expect(add(SPLIT, 'Mon 2026-11-23 11:00', 60)).toEqual(warsaw('Mon 2026-11-23 12:00'));
    // One millisecond more and it is the next opening (plus that millisecond).
    expect(addBusinessMinutes(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 15:00'), 60 + 1 / 60_000)).toEqual(new Date(warsaw('Tue 2026-11-24 08:00').getTime() + 1));
  });

  it('adds 30 business days, over Independence Day, ending at 16:00 of the 30th working day', () => {
    // Working days from Mon 2 Nov 2026: 2–6, 9, 10, 12, 13 (11 is a holiday), 16–20, 23–27, 30 Nov, 1–4, 7–11, 14 Dec = 30.
    expect(add(DEFAULT_CALENDAR, 'Mon 2026-11-02 08:00', 30 * 480)).toEqual(warsaw('Mon 2026-12-14 16:00'));
  });

  it('returns the start itself for a zero target, even outside working hours', () => {
    expect(add(DEFAULT_CALENDAR, 'Sat 2026-11-28 12:00', 0)).toEqual(warsaw('Sat 2026-11-28 12:00'));
    expect(add(DEFAULT_CALENDAR, 'Mon 2026-11-23 16:00', 0)).toEqual(warsaw('Mon 2026-11-23 16:00'));
  });

  it('skips the lunch break of a multi-period day', () => {
    expect(add(SPLIT, 'Mon 2026-11-23 12:30', 30)).toEqual(warsaw('Mon 2026-11-23 13:30'));
    expect(add(SPLIT, 'Mon 2026-11-23 11:30', 60)).toEqual(warsaw('Mon 2026-11-23 13:30'));
    expect(add(SPLIT, 'Mon 2026-11-23 07:00', 8 * 60)).toEqual(warsaw('Mon 2026-11-23 17:00'));
    expect(add(SPLIT, 'Mon 2026-11-23 16:30', 60)).toEqual(warsaw('Tue 2026-11-24 08:30'));
    expect(add(SPLIT, 'Fri 2026-11-27 16:30', 5 * 60)).toEqual(warsaw('Mon 2026-11-30 13:30'));
  });

  it('takes fractions of a minute to the millisecond', () => {
    expect(addBusinessMinutes(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 10:00'), 1.5)).toEqual(new Date(warsaw('Mon 2026-11-23 10:01').getTime() + 30_000));
  });

  it('honours extra days off and extra working days (which beat holidays and weekends)', () => {
    const calendar: BusinessCalendar = {
      ...DEFAULT_CALENDAR,
      extraDaysOff: ['2026-11-13'], // the Friday after Independence Day
      extraWorkingDays: [
        { date: '2026-11-14', periods: [{ start: '10:00', end: '14:00' }] }, // a Saturday worked in exchange
        { date: '2026-12-24', periods: [{ start: '08:00', end: '12:00' }] }, // on duty on Christmas Eve
      ],
    };
    expect(add(calendar, 'Thu 2026-11-12 15:00', 120)).toEqual(warsaw('Sat 2026-11-14 11:00'));
    expect(add(calendar, 'Thu 2026-11-12 15:00', 60 + 240 + 30)).toEqual(warsaw('Mon 2026-11-16 08:30'));
    expect(add(calendar, 'Wed 2026-12-23 15:00', 120)).toEqual(warsaw('Thu 2026-12-24 09:00'));
    expect(add(calendar, 'Wed 2026-12-23 15:00', 60 + 240 + 60)).toEqual(warsaw('Mon 2026-12-28 09:00'));
  });

  it('counts no holidays with holidays: none', () => {
    const calendar: BusinessCalendar = { ...DEFAULT_CALENDAR, holidays: 'none' };
    expect(add(calendar, 'Wed 2026-12-23 15:00', 120)).toEqual(warsaw('Thu 2026-12-24 09:00'));
  });

  it('works in other time zones', () => {
    const newYork: BusinessCalendar = { ...DEFAULT_CALENDAR, timeZone: 'America/New_York', holidays: 'none' };
    // Friday 15:00 EST (20:00 UTC) + 2 h → Monday 9:00 EST (14:00 UTC).
    expect(addBusinessMinutes(newYork, new Date('2026-11-27T20:00:00Z'), 120)).toEqual(new Date('2026-11-30T14:00:00Z'));
  });

  it('adds 10,000 business hours (about five years) without walking minute by minute', () => {
    const start = warsaw('Mon 2026-01-05 08:00');
    const end = addBusinessMinutes(DEFAULT_CALENDAR, start, 10_000 * 60);
    expect(end.getUTCFullYear()).toBe(2030);
    expect(businessMinutesBetween(DEFAULT_CALENDAR, start, end)).toBe(10_000 * 60);
    expect(isBusinessTime(DEFAULT_CALENDAR, new Date(end.getTime() - 1))).toBe(true);
  });

  it('refuses an invalid calendar, an invalid date and a negative or non-finite target', () => {
    const broken = { ...DEFAULT_CALENDAR, weeklyPeriods: [{ day: 1 as const, start: '16:00', end: '08:00' }] };
    expect(() => addBusinessMinutes(broken, warsaw('Mon 2026-11-23 10:00'), 10)).toThrow(/Invalid business calendar: weeklyPeriods\[0\]: ends \(08:00\)/);
    expect(() => addBusinessMinutes(DEFAULT_CALENDAR, new Date('nope'), 10)).toThrow(RangeError);
    expect(() => addBusinessMinutes(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 10:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 10:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addBusinessMinutes(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 10:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['within a period', 'Mon 2026-11-23 09:00', 'Mon 2026-11-23 10:30', 90],
    ['from before opening to after closing', 'Mon 2026-11-23 06:00', 'Mon 2026-11-23 20:00', 480],
    ['over a weekend', 'Fri 2026-11-27 15:00', 'Mon 2026-11-30 09:00', 120],
    ['within a weekend', 'Sat 2026-11-28 09:00', 'Sun 2026-11-29 15:00', 0],
    ['over Christmas 2026 (only 23 and 28 December count)', 'Wed 2026-12-23 08:00', 'Mon 2026-12-28 16:00', 960],
    ['a whole week with Independence Day', 'Mon 2026-11-09 00:00', 'Mon 2026-11-16 00:00', 4 * 480],
    ['the same instant', 'Mon 2026-11-23 09:00', 'Mon 2026-11-23 09:00', 0],
  ])('%s: %s → %s = %i min', (_case, from, to, minutes) => {
    expect(between(DEFAULT_CALENDAR, from, to)).toBe(minutes);
  });

  it('skips the lunch break', () => {
    expect(between(SPLIT, 'Mon 2026-11-23 11:00', 'Mon 2026-11-23 14:00')).toBe(120);
    expect(between(SPLIT, 'Mon 2026-11-23 12:10', 'Mon 2026-11-23 12:50')).toBe(0);
    expect(between(SPLIT, 'Mon 2026-11-23 00:00', 'Sat 2026-11-28 00:00')).toBe(5 * 480);
  });

  it('is negative when the end is before the start, and fractional off whole minutes', () => {
    expect(between(DEFAULT_CALENDAR, 'Mon 2026-11-30 09:00', 'Fri 2026-11-27 15:00')).toBe(-120);
    expect(businessMinutesBetween(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 09:00'), new Date(warsaw('Mon 2026-11-23 09:01').getTime() + 30_000))).toBe(1.5);
  });
});

describe('isBusinessTime and nextBusinessTime', () => {
  it('opens at the period start and closes at its end', () => {
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 07:59'))).toBe(false);
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 08:00'))).toBe(true);
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 15:59'))).toBe(true);
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Mon 2026-11-23 16:00'))).toBe(false);
  });

  it('is closed on weekends, holidays and in the lunch break', () => {
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Sat 2026-11-28 10:00'))).toBe(false);
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Wed 2026-11-11 10:00'))).toBe(false);
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Mon 2026-04-06 10:00'))).toBe(false); // Easter Monday
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Thu 2026-06-04 10:00'))).toBe(false); // Corpus Christi
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Thu 2026-12-24 10:00'))).toBe(false);
    expect(isBusinessTime(DEFAULT_CALENDAR, warsaw('Tue 2024-12-24 10:00'))).toBe(true);
    expect(isBusinessTime(SPLIT, warsaw('Mon 2026-11-23 12:30'))).toBe(false);
  });

  it('reads the local date, not the UTC one', () => {
    // 23:30 UTC on Sunday is Monday 00:30 in Warsaw: closed, and the next opening is 8:00 that Monday.
    expect(nextBusinessTime(DEFAULT_CALENDAR, new Date('2026-11-29T23:30:00Z'))).toEqual(warsaw('Mon 2026-11-30 08:00'));
  });

  it.each([
    ['inside a period: itself', DEFAULT_CALENDAR, 'Mon 2026-11-23 10:00', 'Mon 2026-11-23 10:00'],
    ['before opening', DEFAULT_CALENDAR, 'Mon 2026-11-23 06:00', 'Mon 2026-11-23 08:00'],
    ['at closing', DEFAULT_CALENDAR, 'Mon 2026-11-23 16:00', 'Tue 2026-11-24 08:00'],
    ['on Friday evening', DEFAULT_CALENDAR, 'Fri 2026-11-27 17:00', 'Mon 2026-11-30 08:00'],
    ['before Christmas', DEFAULT_CALENDAR, 'Wed 2026-12-23 16:00', 'Mon 2026-12-28 08:00'],
    ['in the lunch break', SPLIT, 'Mon 2026-11-23 12:15', 'Mon 2026-11-23 13:00'],
  ])('nextBusinessTime %s', (_case, calendar, at, expected) => {
    expect(nextBusinessTime(calendar, warsaw(at))).toEqual(warsaw(expected));
  });
});

describe('workingPeriodsOn', () => {
  it('lists the periods of a local date as instants, none on a day off', () => {
    expect(workingPeriodsOn(SPLIT, '2026-11-23')).toEqual([
      { start: warsaw('Mon 2026-11-23 08:00'), end: warsaw('Mon 2026-11-23 12:00') },
      { start: warsaw('Mon 2026-11-23 13:00'), end: warsaw('Mon 2026-11-23 17:00') },
    ]);
    expect(workingPeriodsOn(SPLIT, '2026-11-11')).toEqual([]);
    expect(workingPeriodsOn(SPLIT, '2026-11-28')).toEqual([]);
    expect(() => workingPeriodsOn(SPLIT, '2026-11-31')).toThrow(RangeError);
  });
});

describe('consistency of adding and measuring', () => {
  it('adding n minutes gives the earliest instant with exactly n business minutes since the start', () => {
    const random = seededRandom(2026);
    const first = warsaw('Thu 2026-01-01 00:00').getTime();
    const span = warsaw('Fri 2028-12-29 00:00').getTime() - first;
    for (const calendar of [DEFAULT_CALENDAR, SPLIT]) {
      for (let i = 0; i < 300; i++) {
        const start = new Date(first + Math.floor(random() * span / 60_000) * 60_000);
        const minutes = Math.floor(random() * 6000) + 1;
        const end = addBusinessMinutes(calendar, start, minutes);
        expect(businessMinutesBetween(calendar, start, end)).toBe(minutes);
        expect(businessMinutesBetween(calendar, start, new Date(end.getTime() - 1))).toBeLessThan(minutes);
        expect(isBusinessTime(calendar, new Date(end.getTime() - 1))).toBe(true);
      }
    }
  });
});
