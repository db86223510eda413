import { describe, expect, it } from '@jest/globals';
import { easterSunday } from '../easter-sunday.js';

describe('easterSunday', () => {
  it.each([
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2019, '2019-04-21'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2000, '2000-04-23'],
    [1583, '1583-04-10'],
    [1818, '1818-03-22'], // the earliest possible date
    [2285, '2285-03-22'],
    [1943, '1943-04-25'], // the latest possible date
    [2038, '2038-04-25'],
  ])('Easter %i is on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April, for every year it accepts', () => {
    const wrong: string[] = [];
    for (let year = 1583; year <= 9999; year++) {
      const date = easterSunday(year);
      const [y, m, d] = date.split('-').map(Number);
      const instant = new Date(0);
      instant.setUTCFullYear(y, m - 1, d);
      if (y !== year || instant.getUTCDay() !== 0 || date.slice(5) < '03-22' || date.slice(5) > '04-25') wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses years before the Gregorian calendar, after 9999 and non-integers', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(Number.NaN)).toThrow(RangeError);
  });
});
