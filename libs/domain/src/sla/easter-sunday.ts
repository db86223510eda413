import { formatLocalDate, dayNumber } from './calendar-date.js';

/**
 * The date of Easter Sunday (Western, Gregorian calendar) as `YYYY-MM-DD`, by
 * the Anonymous Gregorian algorithm (Meeus/Jones/Butcher). The movable Polish
 * holidays follow from it: Easter Monday (+1 day), Pentecost (Zielone Świątki,
 * +49) and Corpus Christi (Boże Ciało, +60). Always between 22 March and 25 April.
 * Throws RangeError for a year that is not an integer in 1583–9999 (the
 * Gregorian calendar began in October 1582).
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`easterSunday: year must be an integer in 1583–9999, got ${String(year)}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(dayNumber(year, month, day));
}
