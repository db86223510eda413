import type { BusinessCalendar } from './business-calendar.js';
import { MS_PER_MINUTE } from './calendar-date.js';
import { instantOf, minutesToMs } from './business-time.js';
import { slaClock } from './sla-minutes.js';

/**
 * The clock of one SLA target on one ticket. It runs from `start` (the ticket
 * was created, or the customer wrote) and counts business minutes of the
 * calendar, or calendar minutes when there is none, except while a pause lasts
 * (the ticket waits for the customer). Pauses may overlap each other, start
 * before `start` or cover nights and weekends: only time that would otherwise
 * count is taken out, once. A pause without an end is still going on.
 */
export interface SlaClockInput {
  /** Business time of this calendar; null: calendar time (every minute counts). */
  calendar: BusinessCalendar | null;
  start: Date;
  /** Periods in which the clock stood still; `to: null` while the pause lasts. */
  pauses?: readonly SlaPause[];
}

export interface SlaPause {
  from: Date;
  /** Null while the pause is still going on. */
  to: Date | null;
}

export interface SlaDeadlineInput extends SlaClockInput {
  /** Minutes of counted time the target allows (0 or more). */
  targetMinutes: number;
}

export interface SlaCountedInput extends SlaClockInput {
  /** The moment to read the clock at (usually now). */
  at: Date;
}

/**
 * When the target is reached: the earliest instant at which the counted
 * minutes since `start` equal `targetMinutes` (so it can land on the end of a
 * working period, and a zero target is `start`). Null when an open pause stops
 * the clock before then: there is no deadline while the ticket waits, and a
 * new one once the pause gets its end. A deadline already passed before an open
 * pause began stays as it was. For an early warning at 80 % of the target, ask
 * for the deadline of `0.8 * targetMinutes`.
 */
export function deadlineFor(input: SlaDeadlineInput): Date | null {
  const clock = slaClock(input.calendar);
  const start = instantOf(input.start, 'deadlineFor', 'start');
  let remaining = minutesToMs(input.targetMinutes, 'deadlineFor');
  if (remaining === 0) return new Date(start);
  let cursor = start;
  for (const [from, to] of normalizePauses(input.pauses, start, 'deadlineFor')) {
    if (from > cursor) {
      const available = clock.between(cursor, from);
      if (remaining <= available) return new Date(clock.add(cursor, remaining));
      remaining -= available;
    }
    if (to === Infinity) return null;
    cursor = to;
  }
  return new Date(clock.add(cursor, remaining));
}

/**
 * Counted minutes from `start` to `at`, pauses taken out (fractional when
 * instants are not on whole minutes; 0 when `at` is not after `start`). With
 * the target it gives the remaining time (`target − counted`) and the share
 * used (`counted / target`).
 */
export function countedMinutes(input: SlaCountedInput): number {
  const clock = slaClock(input.calendar);
  const start = instantOf(input.start, 'countedMinutes', 'start');
  const at = instantOf(input.at, 'countedMinutes', 'at');
  let total = 0;
  let cursor = start;
  for (const [from, to] of [...normalizePauses(input.pauses, start, 'countedMinutes'), [Infinity, Infinity] as const]) {
    const end = Math.min(from, at);
    if (end > cursor) total += clock.between(cursor, end);
    if (to >= at) break;
    cursor = to;
  }
  return total / MS_PER_MINUTE;
}

/** Pauses as sorted, disjoint [from, to) in epoch milliseconds from `start` on; an open pause ends at Infinity. */
function normalizePauses(pauses: readonly SlaPause[] | undefined, start: number, fn: string): [number, number][] {
  const ranges: [number, number][] = [];
  (pauses ?? []).forEach((pause, index) => {
    if (typeof pause !== 'object' || pause === null) throw new RangeError(`${fn}: pauses[${index}] must be { from, to }`);
    const from = instantOf(pause.from, fn, `pauses[${index}].from`);
    const to = pause.to === null ? Infinity : instantOf(pause.to, fn, `pauses[${index}].to`);
    if (to < from) throw new RangeError(`${fn}: pauses[${index}] ends (${pause.to?.toISOString()}) before it starts (${pause.from.toISOString()})`);
    if (to > start && to > from) ranges.push([Math.max(from, start), to]);
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
