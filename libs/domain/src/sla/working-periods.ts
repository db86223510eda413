import type { BusinessCalendar, WorkingHours } from './business-calendar.js';
import { civilDate, isoWeekday, parseLocalDate, parseTimeOfDay } from './calendar-date.js';
import { polishPublicHolidays } from './polish-public-holidays.js';
import { validateCalendar } from './validate-calendar.js';
import { zonedDayConverter, zonedDayOf } from './zoned-time.js';

/** A stretch of working time as instants: start inclusive, end exclusive. */
export interface WorkingInterval {
  start: Date;
  end: Date;
}

/**
 * The working periods of one local date (`YYYY-MM-DD`) as instants, in order:
 * none on a weekend, holiday or extra day off. The periods follow the wall
 * clock, so a day with a clock change keeps its local opening hours (in
 * Warsaw, 8:00–16:00 is 06:00–14:00 UTC on 29 March 2026, the day summer
 * time begins, and 07:00–15:00 UTC a week earlier); a period that
 * spans the change is an hour shorter or longer, and one that lies wholly in
 * the skipped hour is empty and left out. See `zoned-time.ts` for how a local
 * time the clock shows twice or skips becomes an instant. Throws RangeError on
 * an invalid calendar or date.
 */
export function workingPeriodsOn(calendar: BusinessCalendar, date: string): WorkingInterval[] {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`workingPeriodsOn: ${JSON.stringify(date)} is not a date; write YYYY-MM-DD`);
  return periodsOfDay(compileCalendar(calendar), day).map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}

// ---- internal to sla/: the compiled form the arithmetic works on ----

/** [start, end) in epoch milliseconds. */
export type Interval = readonly [number, number];
type MinuteRange = readonly [number, number];

export interface CompiledCalendar {
  readonly timeZone: string;
  /** Index 1–7: the weekday's periods in minutes after local midnight, sorted. */
  readonly weekly: readonly (readonly MinuteRange[])[];
  readonly polishHolidays: boolean;
  readonly daysOff: ReadonlySet<number>;
  readonly extraWorking: ReadonlyMap<number, readonly MinuteRange[]>;
  /** Local date (day number) → its periods as instants. */
  readonly days: Map<number, readonly Interval[]>;
}

/** A calendar with no working time for this many days in a row is broken (guards the loops below). */
export const MAX_DAYS_WITHOUT_WORK = 3_700;
const MAX_CACHED_DAYS = 20_000;
const MAX_CACHED_BY_CONTENT = 64;

const byObject = new WeakMap<object, CompiledCalendar>();
const byContent = new Map<string, CompiledCalendar>();
const polishHolidaysByYear = new Map<number, ReadonlySet<number>>();

/**
 * Validates (RangeError listing the problems) and compiles a calendar, once per
 * object and, for calendars loaded afresh from the database on each use, once
 * per distinct content among the recently used ones.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const cached = typeof calendar === 'object' && calendar !== null ? byObject.get(calendar) : undefined;
  if (cached) return cached;
  const problems = validateCalendar(calendar);
  if (problems.length > 0) throw new RangeError(`Invalid business calendar: ${problems.map((p) => p.message).join('; ')}`);
  const key = JSON.stringify([calendar.timeZone, calendar.weeklyPeriods, calendar.holidays, calendar.extraDaysOff, calendar.extraWorkingDays ?? []]);
  let compiled = byContent.get(key);
  if (compiled) {
    byContent.delete(key);
  } else {
    compiled = build(calendar);
    if (byContent.size >= MAX_CACHED_BY_CONTENT) byContent.delete(byContent.keys().next().value as string);
  }
  byContent.set(key, compiled);
  byObject.set(calendar, compiled);
  return compiled;
}

function build(calendar: BusinessCalendar): CompiledCalendar {
  const weekly: MinuteRange[][] = [[], [], [], [], [], [], [], []];
  for (const period of calendar.weeklyPeriods) weekly[period.day].push(minutes(period));
  weekly.forEach((ranges) => ranges.sort((a, b) => a[0] - b[0]));
  const extraWorking = new Map<number, readonly MinuteRange[]>();
  for (const entry of calendar.extraWorkingDays ?? []) {
    extraWorking.set(parseLocalDate(entry.date) as number, entry.periods.map(minutes).sort((a, b) => a[0] - b[0]));
  }
  return {
    timeZone: calendar.timeZone,
    weekly,
    polishHolidays: calendar.holidays === 'PL',
    daysOff: new Set(calendar.extraDaysOff.map((date) => parseLocalDate(date) as number)),
    extraWorking,
    days: new Map(),
  };
}

function minutes(hours: WorkingHours): MinuteRange {
  return [parseTimeOfDay(hours.start, false) as number, parseTimeOfDay(hours.end, true) as number];
}

function isPolishHoliday(day: number): boolean {
  const { year } = civilDate(day);
  if (year < 1583 || year > 9999) return false;
  let set = polishHolidaysByYear.get(year);
  if (!set) {
    set = new Set(polishPublicHolidays(year).map((holiday) => parseLocalDate(holiday.date) as number));
    polishHolidaysByYear.set(year, set);
  }
  return set.has(day);
}

/** The periods of a local date as instants, sorted and non-empty; cached per calendar and date. */
export function periodsOfDay(calendar: CompiledCalendar, day: number): readonly Interval[] {
  const cached = calendar.days.get(day);
  if (cached) return cached;
  let ranges = calendar.extraWorking.get(day);
  if (!ranges) {
    const closed = calendar.daysOff.has(day) || (calendar.polishHolidays && isPolishHoliday(day));
    ranges = closed ? [] : calendar.weekly[isoWeekday(day)];
  }
  let intervals: Interval[] = [];
  if (ranges.length > 0) {
    const toInstant = zonedDayConverter(calendar.timeZone, day);
    intervals = ranges.map(([start, end]): Interval => [toInstant(start), toInstant(end)]).filter(([start, end]) => end > start);
  }
  if (calendar.days.size >= MAX_CACHED_DAYS) calendar.days.clear();
  calendar.days.set(day, intervals);
  return intervals;
}

/** The local date of an instant in the calendar's time zone. */
export function localDayOf(calendar: CompiledCalendar, instant: number): number {
  return zonedDayOf(calendar.timeZone, instant);
}
