import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CALENDAR, type BusinessCalendar, type WorkingPeriod } from '../business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessTime } from '../business-time.js';
import { workingPeriodsOn } from '../working-periods.js';
import { warsaw } from './warsaw-time.js';

/**
 * Warsaw changes its clocks on the last Sunday of March (02:00 → 03:00, UTC+1 →
 * UTC+2: 29 March 2026, 28 March 2027) and of October (03:00 → 02:00: 25
 * October 2026). Working periods are wall-clock times, so they keep their local
 * hours; the day itself has 23 or 25 hours.
 */

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7] as const;
const calendarOf = (weeklyPeriods: WorkingPeriod[], holidays: 'PL' | 'none' = 'none'): BusinessCalendar => ({
  timeZone: 'Europe/Warsaw', weeklyPeriods, holidays, extraDaysOff: [],
});
const ROUND_THE_CLOCK = calendarOf(ALL_WEEK.map((day) => ({ day, start: '00:00', end: '24:00' })));
/** A night desk: 22:00–06:00 every night, written as two periods per day. */
const NIGHTS = calendarOf(ALL_WEEK.flatMap((day) => [{ day, start: '00:00', end: '06:00' }, { day, start: '22:00', end: '24:00' }]));
const EVERY_DAY_8_TO_16 = calendarOf(ALL_WEEK.map((day) => ({ day, start: '08:00', end: '16:00' })));

describe('business time across the clock changes of 2026 in Warsaw', () => {
  it('keeps 8:00–16:00 on the wall clock on both sides of the March change (UTC+1 → UTC+2)', () => {
    expect(addBusinessMinutes(DEFAULT_CALENDAR, warsaw('Fri 2026-03-27 15:00'), 120)).toEqual(warsaw('Mon 2026-03-30 09:00'));
    expect(warsaw('Fri 2026-03-27 15:00').toISOString()).toBe('2026-03-27T14:00:00.000Z');
    expect(warsaw('Mon 2026-03-30 09:00').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(businessMinutesBetween(DEFAULT_CALENDAR, warsaw('Mon 2026-03-23 08:00'), warsaw('Mon 2026-03-30 08:00'))).toBe(5 * 480);
    expect(businessMinutesBetween(DEFAULT_CALENDAR, warsaw('Fri 2026-03-27 12:00'), warsaw('Mon 2026-03-30 12:00'))).toBe(480);
  });

  it('keeps 8:00–16:00 on the wall clock on both sides of the October change (UTC+2 → UTC+1)', () => {
    expect(addBusinessMinutes(DEFAULT_CALENDAR, warsaw('Fri 2026-10-23 15:00'), 120)).toEqual(warsaw('Mon 2026-10-26 09:00'));
    expect(warsaw('Mon 2026-10-26 09:00').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(businessMinutesBetween(DEFAULT_CALENDAR, warsaw('Mon 2026-10-19 00:00'), warsaw('Mon 2026-10-26 00:00'))).toBe(5 * 480);
    expect(nextBusinessTime(DEFAULT_CALENDAR, warsaw('Sat 2026-10-24 12:00'))).toEqual(new Date('2026-10-26T07:00:00Z'));
  });

  it('gives the day of the change its normal local hours when it is worked', () => {
    expect(workingPeriodsOn(EVERY_DAY_8_TO_16, '2026-03-29')).toEqual([{ start: new Date('2026-03-29T06:00:00Z'), end: new Date('2026-03-29T14:00:00Z') }]);
    expect(workingPeriodsOn(EVERY_DAY_8_TO_16, '2026-10-25')).toEqual([{ start: new Date('2026-10-25T07:00:00Z'), end: new Date('2026-10-25T15:00:00Z') }]);
    expect(addBusinessMinutes(EVERY_DAY_8_TO_16, warsaw('Sat 2026-03-28 15:00'), 120)).toEqual(warsaw('Sun 2026-03-29 09:00'));
    expect(businessMinutesBetween(EVERY_DAY_8_TO_16, warsaw('Sat 2026-03-28 00:00'), warsaw('Mon 2026-03-30 00:00'))).toBe(2 * 480);
    expect(businessMinutesBetween(EVERY_DAY_8_TO_16, warsaw('Sat 2026-10-24 00:00'), warsaw('Mon 2026-10-26 00:00'))).toBe(2 * 480);
  });

  it('counts 23 hours on 29 March and 25 hours on 25 October for a 24/7 calendar', () => {
    expect(workingPeriodsOn(ROUND_THE_CLOCK, '2026-03-29')).toEqual([{ start: new Date('2026-03-28T23:00:00Z'), end: new Date('2026-03-29T22:00:00Z') }]);
    expect(workingPeriodsOn(ROUND_THE_CLOCK, '2026-10-25')).toEqual([{ start: new Date('2026-10-24T22:00:00Z'), end: new Date('2026-10-25T23:00:00Z') }]);
    expect(businessMinutesBetween(ROUND_THE_CLOCK, warsaw('Sun 2026-03-29 00:00'), warsaw('Mon 2026-03-30 00:00'))).toBe(23 * 60);
    expect(businessMinutesBetween(ROUND_THE_CLOCK, warsaw('Sun 2026-10-25 00:00'), warsaw('Mon 2026-10-26 00:00'))).toBe(25 * 60);
    expect(businessMinutesBetween(ROUND_THE_CLOCK, warsaw('Mon 2026-03-23 00:00'), warsaw('Mon 2026-03-30 00:00'))).toBe(7 * 1440 - 60);
    expect(businessMinutesBetween(ROUND_THE_CLOCK, warsaw('Mon 2026-10-19 00:00'), warsaw('Mon 2026-10-26 00:00'))).toBe(7 * 1440 + 60);
  });

  it('adds real time on a 24/7 calendar, so the wall clock moves an hour more or less', () => {
    // 24 hours after Saturday noon: Sunday 13:00 in March (an hour was skipped), Sunday 11:00 in October (one repeated).
    expect(addBusinessMinutes(ROUND_THE_CLOCK, warsaw('Sat 2026-03-28 12:00'), 1440)).toEqual(warsaw('Sun 2026-03-29 13:00'));
    expect(addBusinessMinutes(ROUND_THE_CLOCK, warsaw('Sat 2026-10-24 12:00'), 1440)).toEqual(warsaw('Sun 2026-10-25 11:00'));
    // From 01:30 (winter time) one hour later is 03:30 (summer time).
    expect(addBusinessMinutes(ROUND_THE_CLOCK, warsaw('Sun 2026-03-29 01:30'), 60)).toEqual(new Date('2026-03-29T03:30:00+02:00'));
    // Through the repeated hour: 01:30 summer time + 120 min = 02:30 winter time.
    expect(addBusinessMinutes(ROUND_THE_CLOCK, warsaw('Sun 2026-10-25 01:30'), 120)).toEqual(new Date('2026-10-25T02:30:00+01:00'));
    expect(isBusinessTime(ROUND_THE_CLOCK, new Date('2026-10-25T02:30:00+02:00'))).toBe(true);
    expect(isBusinessTime(ROUND_THE_CLOCK, new Date('2026-10-25T02:30:00+01:00'))).toBe(true);
  });

  it('counts the real length of night shifts over the change: 7 hours in March, 9 in October', () => {
    // Saturday 22:00 to Sunday 06:00 on the wall clock.
    expect(businessMinutesBetween(NIGHTS, warsaw('Sat 2026-03-28 20:00'), warsaw('Sun 2026-03-29 12:00'))).toBe(7 * 60);
    expect(businessMinutesBetween(NIGHTS, warsaw('Sat 2026-10-24 20:00'), warsaw('Sun 2026-10-25 12:00'))).toBe(9 * 60);
    expect(businessMinutesBetween(NIGHTS, warsaw('Sat 2026-03-21 20:00'), warsaw('Sun 2026-03-22 12:00'))).toBe(8 * 60);
    // Six real hours from Saturday 22:00 (UTC+1) end at 05:00 summer time; in October at 03:00 winter time.
    expect(addBusinessMinutes(NIGHTS, warsaw('Sat 2026-03-28 22:00'), 360)).toEqual(warsaw('Sun 2026-03-29 05:00'));
    expect(addBusinessMinutes(NIGHTS, warsaw('Sat 2026-10-24 22:00'), 360)).toEqual(warsaw('Sun 2026-10-25 03:00'));
    // 8 hours of night work from Saturday 22:00 in March: 7 that night, then 22:00–23:00 on Sunday.
    expect(addBusinessMinutes(NIGHTS, warsaw('Sat 2026-03-28 22:00'), 480)).toEqual(warsaw('Sun 2026-03-29 23:00'));
  });

  it('shortens a period that starts in the skipped hour and drops one that lies wholly in it', () => {
    const sunday = (start: string, end: string) => calendarOf([{ day: 7, start, end }]);
    // 02:30 does not exist on 29 March: the period opens when the clock jumps (01:00 UTC, shown as 03:00).
    expect(workingPeriodsOn(sunday('02:30', '04:00'), '2026-03-29')).toEqual([{ start: new Date('2026-03-29T01:00:00Z'), end: new Date('2026-03-29T02:00:00Z') }]);
    expect(workingPeriodsOn(sunday('02:30', '04:00'), '2026-03-22')).toEqual([{ start: new Date('2026-03-22T01:30:00Z'), end: new Date('2026-03-22T03:00:00Z') }]);
    expect(workingPeriodsOn(sunday('02:00', '02:30'), '2026-03-29')).toEqual([]);
    expect(addBusinessMinutes(sunday('02:00', '02:30'), warsaw('Sat 2026-03-28 12:00'), 30)).toEqual(new Date('2026-04-05T02:30:00+02:00'));
  });

  it('opens at the first occurrence of a time the October clock shows twice, so such a period gets the extra hour', () => {
    const sunday = calendarOf([{ day: 7, start: '02:30', end: '04:00' }]);
    expect(workingPeriodsOn(sunday, '2026-10-25')).toEqual([{ start: new Date('2026-10-25T02:30:00+02:00'), end: new Date('2026-10-25T04:00:00+01:00') }]);
    expect(businessMinutesBetween(sunday, warsaw('Sun 2026-10-25 00:00'), warsaw('Sun 2026-10-25 12:00'))).toBe(150);
  });

  it('keeps holidays on the local date near the change (Easter Monday 2027 is the day after the March change)', () => {
    const weekdaysPl = calendarOf([1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '00:00', end: '24:00' })), 'PL');
    expect(businessMinutesBetween(weekdaysPl, warsaw('Fri 2027-03-26 00:00'), warsaw('Wed 2027-03-31 00:00'))).toBe(2 * 1440);
    expect(isBusinessTime(weekdaysPl, warsaw('Mon 2027-03-29 00:00'))).toBe(false);
    expect(isBusinessTime(weekdaysPl, warsaw('Tue 2027-03-30 00:00'))).toBe(true);
    expect(isBusinessTime(weekdaysPl, new Date(warsaw('Tue 2027-03-30 00:00').getTime() - 1))).toBe(false);
  });
});
