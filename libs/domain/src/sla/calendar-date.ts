/**
 * Plain calendar dates (no time, no time zone) as the SLA arithmetic uses them
 * inside: a day number counted from 1970-01-01 (day 0, a Thursday), so that
 * "the next day" is `day + 1` and a date is a cheap Map/Set key. Outside, dates
 * travel as `YYYY-MM-DD` text. Internal to `sla/`: not exported from the library.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 24 * 60;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Milliseconds since the epoch of a UTC wall time; years 0–99 mean those years, not 1900–1999. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The day number of a calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(utcMs(year, month, day) / MS_PER_DAY);
}

/** Year, month (1–12) and day of month of a day number. */
export function civilDate(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** `YYYY-MM-DD` → day number; null unless it is a real date written exactly so (no 2026-02-30). */
export function parseLocalDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const number = dayNumber(year, month, day);
  const back = civilDate(number);
  return back.year === year && back.month === month && back.day === day ? number : null;
}

/** Day number → `YYYY-MM-DD`. */
export function formatLocalDate(day: number): string {
  const { year, month, day: dayOfMonth } = civilDate(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/**
 * `HH:MM` → minutes after midnight; null unless 00:00–23:59, or exactly 24:00
 * when `allowMidnightEnd` (the end of a period that lasts until midnight).
 */
export function parseTimeOfDay(text: unknown, allowMidnightEnd: boolean): number | null {
  if (typeof text !== 'string') return null;
  const match = TIME_PATTERN.exec(text);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour === 24 && minute === 0) return allowMidnightEnd ? MINUTES_PER_DAY : null;
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}
