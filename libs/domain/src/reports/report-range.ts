import { civilDate, dayNumber, formatLocalDate, parseLocalDate } from '../sla/calendar-date.js';
import { isKnownTimeZone, zonedDayConverter } from '../sla/zoned-time.js';

/** How a report groups its figures over time. */
export const REPORT_GROUPINGS = ['day', 'week', 'month'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** The longest range a report covers: a bit over five years. */
export const MAX_REPORT_DAYS = 5 * 366 + 1;

/** A report's range: calendar dates (inclusive) on the wall clock of a time zone, and the instants they span. */
export interface ReportRange {
  from: string;
  to: string;
  timeZone: string;
  /** Local midnight starting `from`. */
  start: Date;
  /** Local midnight ending `to` (the start of the day after), exclusive. */
  end: Date;
}

/** A field of the request at fault and why. */
export interface ReportRangeProblem {
  field: 'from' | 'to' | 'tz';
  message: string;
}

/** The instant a local date starts (its local midnight, or the first instant after it when the clock skips midnight). */
export function localMidnight(timeZone: string, date: string): Date {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`localMidnight: ${date} is not a YYYY-MM-DD date`);
  return new Date(zonedDayConverter(timeZone, day)(0));
}

/**
 * Checks and resolves a report's `from`/`to`/`tz`. Dates are `YYYY-MM-DD`
 * (real dates only), `from` is not after `to`, the zone is an IANA name the
 * runtime knows. Answers the range or every problem found.
 */
export function resolveReportRange(input: { from: string; to: string; timeZone: string }): ReportRange | ReportRangeProblem[] {
  const problems: ReportRangeProblem[] = [];
  const fromDay = parseLocalDate(input.from);
  const toDay = parseLocalDate(input.to);
  if (fromDay === null) problems.push({ field: 'from', message: `from must be a date written YYYY-MM-DD, got "${input.from}"` });
  if (toDay === null) problems.push({ field: 'to', message: `to must be a date written YYYY-MM-DD, got "${input.to}"` });
  if (!isKnownTimeZone(input.timeZone)) problems.push({ field: 'tz', message: `tz must be an IANA time zone such as Europe/Warsaw, got "${input.timeZone}"` });
  if (fromDay !== null && toDay !== null) {
    if (fromDay > toDay) problems.push({ field: 'from', message: `from (${input.from}) must not be after to (${input.to})` });
    else if (toDay - fromDay + 1 > MAX_REPORT_DAYS) problems.push({ field: 'to', message: `to must be at most ${MAX_REPORT_DAYS} days after from` });
  }
  if (problems.length || fromDay === null || toDay === null) return problems;
  return {
    from: input.from,
    to: input.to,
    timeZone: input.timeZone,
    start: new Date(zonedDayConverter(input.timeZone, fromDay)(0)),
    end: new Date(zonedDayConverter(input.timeZone, toDay + 1)(0)),
  };
}

/** Today's date on the zone's wall clock and the date `days - 1` days before it: the default range of a report. */
export function defaultReportDates(timeZone: string, now: Date, days = 30): { from: string; to: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const today = parseLocalDate(parts) ?? Math.floor(now.getTime() / 86_400_000);
  return { from: formatLocalDate(today - days + 1), to: formatLocalDate(today) };
}

/** One period of a report: its local start date (the bucket's key) and the instants it spans, [start, end). */
export interface ReportBucket {
  key: string;
  start: Date;
  end: Date;
}

/**
 * Every bucket that overlaps the range, in order: days start at local
 * midnight, weeks on the ISO Monday, months on the first. Buckets are cut to
 * the range (the first week of a range starting on a Wednesday starts that
 * Wednesday) but keep the key of the whole period (that Monday), which is what
 * the database groups by. A day with a clock change lasts 23 or 25 hours.
 */
export function reportBuckets(range: ReportRange, grouping: ReportGrouping): ReportBucket[] {
  const first = parseLocalDate(range.from)!;
  const last = parseLocalDate(range.to)!;
  const dayStart = (day: number) => new Date(zonedDayConverter(range.timeZone, day)(0));
  const buckets: ReportBucket[] = [];
  let day = periodStart(first, grouping);
  while (day <= last) {
    const next = nextPeriod(day, grouping);
    buckets.push({ key: formatLocalDate(day), start: dayStart(Math.max(day, first)), end: dayStart(Math.min(next, last + 1)) });
    day = next;
  }
  return buckets;
}

/** The first day of the period (day, ISO week, month) containing `day`. */
function periodStart(day: number, grouping: ReportGrouping): number {
  if (grouping === 'day') return day;
  if (grouping === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const { year, month } = civilDate(day);
  return dayNumber(year, month, 1);
}

function nextPeriod(day: number, grouping: ReportGrouping): number {
  if (grouping === 'day') return day + 1;
  if (grouping === 'week') return day + 7;
  const { year, month } = civilDate(day);
  return month === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, month + 1, 1);
}
