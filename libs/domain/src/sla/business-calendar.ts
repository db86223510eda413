/**
 * When the helpdesk works, for SLA clocks that count business time: a time
 * zone, the weekly working periods read on that zone's wall clock, and the days
 * off. Plain data (it is stored as JSON and edited by admins); check it with
 * `validateCalendar`. The arithmetic treats a calendar as immutable: it caches
 * what it derives per calendar object, so build a new object to change one.
 *
 * Precedence for a local date: an extra working day (its own hours) beats
 * everything; otherwise a built-in holiday or an extra day off means closed;
 * otherwise the weekly periods of that weekday apply.
 */
export interface BusinessCalendar {
  /** IANA time zone whose wall clock the periods are read on, e.g. `Europe/Warsaw`. */
  timeZone: string;
  /**
   * Working periods of the week; a day may have several (8:00–12:00 and
   * 13:00–17:00), none may overlap. A period never crosses midnight: a night
   * shift is written as 22:00–24:00 on one day and 00:00–06:00 on the next.
   */
  weeklyPeriods: readonly WorkingPeriod[];
  /** A built-in set of public holidays: `PL` (see `polishPublicHolidays`) or `none`. */
  holidays: BuiltInHolidays;
  /** Extra closed days, `YYYY-MM-DD` (a company day off, a bridge day). */
  extraDaysOff: readonly string[];
  /** Days worked although they would be off (a Saturday worked in exchange, a holiday on duty), with their own hours. */
  extraWorkingDays?: readonly ExtraWorkingDay[];
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening hours on the wall clock: `HH:MM`, start inclusive, end exclusive; end may be `24:00`. */
export interface WorkingHours {
  start: string;
  end: string;
}

/** One weekly working period, e.g. `{ day: 1, start: '08:00', end: '16:00' }` (Monday 8–16). */
export interface WorkingPeriod extends WorkingHours {
  day: IsoWeekday;
}

/** A date worked with the given hours, replacing whatever the day would otherwise be. */
export interface ExtraWorkingDay {
  /** `YYYY-MM-DD`. */
  date: string;
  periods: readonly WorkingHours[];
}

export type BuiltInHolidays = 'PL' | 'none';

export const BUILT_IN_HOLIDAYS: readonly BuiltInHolidays[] = Object.freeze(['PL', 'none'] as const);

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

/** Monday to Friday, 8:00–16:00 in Warsaw, closed on Polish public holidays: the usual office of a Polish shop. */
export const DEFAULT_CALENDAR: BusinessCalendar = Object.freeze({
  timeZone: 'Europe/Warsaw',
  weeklyPeriods: Object.freeze(WEEKDAYS.map((day) => Object.freeze({ day, start: '08:00', end: '16:00' }))),
  holidays: 'PL',
  extraDaysOff: Object.freeze([] as string[]),
});
