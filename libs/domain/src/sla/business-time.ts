import type { BusinessCalendar } from './business-calendar.js';
import { formatLocalDate, MS_PER_MINUTE } from './calendar-date.js';
import { compileCalendar, localDayOf, MAX_DAYS_WITHOUT_WORK, periodsOfDay, type CompiledCalendar } from './working-periods.js';

/**
 * Arithmetic in business time: only instants inside the calendar's working
 * periods count. It walks day by day and period by period (never minute by
 * minute), over periods cached per calendar and local date, so adding a month
 * of business time costs a few dozen steps.
 *
 * Minutes may be fractional; instants are exact to the millisecond.
 *
 * Where a deadline lands: `addBusinessMinutes` gives the EARLIEST instant at
 * which the business minutes since `start` reach the target. A target that is
 * used up exactly at the end of a period lands on that end (16:00), not on the
 * next opening (8:00 the next working day): at 16:00 the time is already spent.
 * Likewise a zero target is `start` itself, even outside working hours.
 */

/** Whether the instant is inside a working period (start inclusive, end exclusive: 8:00 is open, 16:00 closed). */
export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  const compiled = compileCalendar(calendar);
  const instant = instantOf(at, 'isBusinessTime', 'at');
  return periodsOfDay(compiled, localDayOf(compiled, instant)).some(([start, end]) => start <= instant && instant < end);
}

/** `at` itself when it is business time, otherwise the start of the next working period. */
export function nextBusinessTime(calendar: BusinessCalendar, at: Date): Date {
  return new Date(nextBusinessMs(compileCalendar(calendar), instantOf(at, 'nextBusinessTime', 'at')));
}

/** The earliest instant by which `minutes` business minutes have passed since `start` (see above). Throws RangeError on a negative or non-finite count. */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  const compiled = compileCalendar(calendar);
  return new Date(addBusinessMs(compiled, instantOf(start, 'addBusinessMinutes', 'start'), minutesToMs(minutes, 'addBusinessMinutes')));
}

/** Business minutes from `from` to `to` (fractional when the instants are not on whole minutes); negative when `to` is before `from`. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const compiled = compileCalendar(calendar);
  const a = instantOf(from, 'businessMinutesBetween', 'from');
  const b = instantOf(to, 'businessMinutesBetween', 'to');
  return b >= a ? businessMsBetween(compiled, a, b) / MS_PER_MINUTE : -businessMsBetween(compiled, b, a) / MS_PER_MINUTE;
}

// ---- internal to sla/: the same in epoch milliseconds ----

export function nextBusinessMs(calendar: CompiledCalendar, instant: number): number {
  let day = localDayOf(calendar, instant);
  for (let emptyDays = 0; emptyDays <= MAX_DAYS_WITHOUT_WORK; day++) {
    const periods = periodsOfDay(calendar, day);
    for (const [start, end] of periods) if (end > instant) return Math.max(start, instant);
    emptyDays = periods.length > 0 ? 0 : emptyDays + 1;
  }
  throw noWorkingTime(calendar, day);
}

export function addBusinessMs(calendar: CompiledCalendar, instant: number, amount: number): number {
  if (amount === 0) return instant;
  let remaining = amount;
  let day = localDayOf(calendar, instant);
  for (let emptyDays = 0; emptyDays <= MAX_DAYS_WITHOUT_WORK; day++) {
    const periods = periodsOfDay(calendar, day);
    for (const [start, end] of periods) {
      if (end <= instant) continue;
      const from = Math.max(start, instant);
      if (remaining <= end - from) return from + remaining;
      remaining -= end - from;
    }
    emptyDays = periods.length > 0 ? 0 : emptyDays + 1;
  }
  throw noWorkingTime(calendar, day);
}

/** Business milliseconds in [from, to); expects from ≤ to. */
export function businessMsBetween(calendar: CompiledCalendar, from: number, to: number): number {
  let total = 0;
  const lastDay = localDayOf(calendar, to);
  for (let day = localDayOf(calendar, from); day <= lastDay; day++) {
    for (const [start, end] of periodsOfDay(calendar, day)) {
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

export function instantOf(date: Date, fn: string, name: string): number {
  const instant = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(instant)) throw new RangeError(`${fn}: ${name} must be a valid Date`);
  return instant;
}

export function minutesToMs(minutes: number, fn: string): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`${fn}: minutes must be a finite number, 0 or more, got ${String(minutes)}`);
  }
  return Math.round(minutes * MS_PER_MINUTE);
}

function noWorkingTime(calendar: CompiledCalendar, day: number): RangeError {
  return new RangeError(`Business calendar (${calendar.timeZone}) has no working time for ${MAX_DAYS_WITHOUT_WORK} days before ${formatLocalDate(day)}`);
}
