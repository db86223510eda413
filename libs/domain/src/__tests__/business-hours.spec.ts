import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WEEKLY_HOURS, isWithinWeeklyHours } from '../business-hours.js';

const WARSAW = 'Europe/Warsaw';

describe('isWithinWeeklyHours', () => {
  it('reads the wall clock of the time zone: 7:59 and 16:00 are outside, 8:00 and 15:59 inside (winter, UTC+1)', () => {
    expect(isWithinWeeklyHours(new Date('2026-11-23T06:59:00Z'), WARSAW)).toBe(false); // Monday 7:59
    expect(isWithinWeeklyHours(new Date('2026-11-23T07:00:00Z'), WARSAW)).toBe(true); // Monday 8:00
    expect(isWithinWeeklyHours(new Date('2026-11-23T14:59:00Z'), WARSAW)).toBe(true); // Monday 15:59
    expect(isWithinWeeklyHours(new Date('2026-11-23T15:00:00Z'), WARSAW)).toBe(false); // Monday 16:00
  });

  it('follows summer time (UTC+2)', () => {
    expect(isWithinWeeklyHours(new Date('2026-07-01T06:00:00Z'), WARSAW)).toBe(true); // Wednesday 8:00
    expect(isWithinWeeklyHours(new Date('2026-07-01T05:59:00Z'), WARSAW)).toBe(false); // Wednesday 7:59
  });

  it('is outside on weekends, and on the local day even when UTC says otherwise', () => {
    expect(isWithinWeeklyHours(new Date('2026-11-21T10:00:00Z'), WARSAW)).toBe(false); // Saturday
    expect(isWithinWeeklyHours(new Date('2026-11-22T10:00:00Z'), WARSAW)).toBe(false); // Sunday
    // Friday 23:30 UTC is Saturday 0:30 in Warsaw; with round-the-clock hours on weekdays only, that is outside.
    const weekdaysAllDay = { days: [1, 2, 3, 4, 5], startMinute: 0, endMinute: 24 * 60 };
    expect(isWithinWeeklyHours(new Date('2026-11-27T23:30:00Z'), WARSAW, weekdaysAllDay)).toBe(false);
    expect(isWithinWeeklyHours(new Date('2026-11-27T23:30:00Z'), 'UTC', weekdaysAllDay)).toBe(true);
  });

  it('uses Monday–Friday 8–16 by default and refuses an invalid date', () => {
    expect(DEFAULT_WEEKLY_HOURS).toEqual({ days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 960 });
    expect(() => isWithinWeeklyHours(new Date('nope'), WARSAW)).toThrow(RangeError);
  });
});
