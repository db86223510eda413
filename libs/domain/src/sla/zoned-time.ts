import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE, utcMs } from './calendar-date.js';

/**
 * Wall clocks of IANA time zones, read through `Intl` (the only time-zone data a
 * pure library has). Internal to `sla/`: not exported from the library.
 *
 * The one rule for turning a local date and time into an instant: it is the
 * FIRST instant at which the wall clock of that date shows that time or later.
 * So a time the clock shows twice (Europe/Warsaw, last Sunday of October,
 * 02:00–03:00) means its first occurrence (summer time), and a time the clock
 * skips (last Sunday of March, 02:00–03:00) means the instant of the jump
 * (01:00 UTC, when the clock goes from 02:00 to 03:00).
 */

const HOUR = 3_600_000;
/** Offsets of real zones lie within ±14 h, so a local day is inside [naive midnight − 14 h, naive midnight + 38 h]. */
const WINDOW_BEFORE = 14 * HOUR;
const WINDOW_AFTER = 38 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23',
      era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `Intl` knows the time zone (an IANA name such as `Europe/Warsaw`, or `UTC`). */
export function isKnownTimeZone(timeZone: unknown): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset at an instant, in milliseconds (Warsaw: +3 600 000 in winter, +7 200 000 in summer). */
export function offsetAt(timeZone: string, instant: number): number {
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, bc = false;
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      case 'era': bc = part.value.startsWith('B'); break;
    }
  }
  const wholeSeconds = instant - (((instant % 1000) + 1000) % 1000);
  return utcMs(bc ? 1 - year : year, month, day, hour, minute, second) - wholeSeconds;
}

/** The local date (as a day number) of an instant on the zone's wall clock. */
export function zonedDayOf(timeZone: string, instant: number): number {
  return Math.floor((instant + offsetAt(timeZone, instant)) / MS_PER_DAY);
}

/**
 * Turns local times of one local date into instants, by the rule above. The
 * offsets around the day are read once, so a day without a clock change costs
 * two `Intl` calls however many times are converted. `minute` may be 1440
 * (24:00, i.e. 00:00 of the next day).
 */
export function zonedDayConverter(timeZone: string, day: number): (minute: number) => number {
  const midnight = day * MS_PER_DAY;
  const before = offsetAt(timeZone, midnight - WINDOW_BEFORE);
  const after = offsetAt(timeZone, midnight + WINDOW_AFTER);
  let nextDay: ((minute: number) => number) | undefined;
  return (minute) => {
    if (minute >= MINUTES_PER_DAY) {
      nextDay ??= zonedDayConverter(timeZone, day + 1);
      return nextDay(minute - MINUTES_PER_DAY);
    }
    const naive = midnight + minute * MS_PER_MINUTE;
    if (before === after) return naive - before;
    return firstInstantShowing(timeZone, naive, before, after);
  };
}

/** The first instant whose wall clock shows `naive` (a wall time written as if UTC) or later, near a change of offset. */
function firstInstantShowing(timeZone: string, naive: number, before: number, after: number): number {
  const candidates = [naive - before, naive - after].filter((instant) => instant + offsetAt(timeZone, instant) === naive);
  if (candidates.length > 0) return Math.min(...candidates);
  // Skipped by the clock: search the jump between the instant that still shows an earlier time and the one showing a later time.
  let low = naive - Math.max(before, after);
  let high = naive - Math.min(before, after);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetAt(timeZone, middle) >= naive) high = middle;
    else low = middle;
  }
  return high;
}
