import type { BusinessCalendar } from './business-calendar.js';
import { MS_PER_MINUTE } from './calendar-date.js';
import { addBusinessMs, businessMsBetween, instantOf, minutesToMs } from './business-time.js';
import { compileCalendar } from './working-periods.js';

/**
 * One API for both kinds of SLA target: with a calendar, minutes are business
 * minutes of that calendar; with `null`, they are calendar minutes (all time,
 * round the clock, weekends and holidays included; a day with a clock change
 * still counts the time that really passed, 23 or 25 hours).
 */

/** `start` plus `minutes` of counted time: business minutes of `calendar`, or plain minutes when it is null. */
export function addSlaMinutes(calendar: BusinessCalendar | null, start: Date, minutes: number): Date {
  return new Date(slaClock(calendar).add(instantOf(start, 'addSlaMinutes', 'start'), minutesToMs(minutes, 'addSlaMinutes')));
}

/** Counted minutes from `from` to `to`: business minutes of `calendar`, or plain minutes when it is null; negative when `to` is earlier. */
export function slaMinutesBetween(calendar: BusinessCalendar | null, from: Date, to: Date): number {
  const clock = slaClock(calendar);
  const a = instantOf(from, 'slaMinutesBetween', 'from');
  const b = instantOf(to, 'slaMinutesBetween', 'to');
  return (b >= a ? clock.between(a, b) : -clock.between(b, a)) / MS_PER_MINUTE;
}

// ---- internal to sla/ ----

/** Counted time in epoch milliseconds: `add` gives the earliest instant reaching the amount, `between` expects from ≤ to. */
export interface SlaClockMs {
  add(instant: number, amount: number): number;
  between(from: number, to: number): number;
}

const CALENDAR_TIME: SlaClockMs = { add: (instant, amount) => instant + amount, between: (from, to) => to - from };

export function slaClock(calendar: BusinessCalendar | null): SlaClockMs {
  if (calendar === null) return CALENDAR_TIME;
  const compiled = compileCalendar(calendar);
  return { add: (instant, amount) => addBusinessMs(compiled, instant, amount), between: (from, to) => businessMsBetween(compiled, from, to) };
}
