/**
 * Office hours for rules that ask "is it within business hours?" until
 * calendars with holidays exist: one working period per weekday, the same on
 * each listed day, in the installation's time zone.
 */
export interface WeeklyHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Minutes after midnight, local time: start inclusive, end exclusive. */
  startMinute: number;
  endMinute: number;
}

/** Monday to Friday, 8:00–16:00: the usual office of a Polish shop. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = Object.freeze({ days: [1, 2, 3, 4, 5], startMinute: 8 * 60, endMinute: 16 * 60 });

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the instant falls within the weekly hours, read on the wall clock of `timeZone` (DST included). */
export function isWithinWeeklyHours(instant: Date, timeZone: string, hours: WeeklyHours = DEFAULT_WEEKLY_HOURS): boolean {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('isWithinWeeklyHours: instant must be a valid Date');
  const parts = formatter(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS[part('weekday')];
  const minute = Number(part('hour')) * 60 + Number(part('minute'));
  return hours.days.includes(weekday) && minute >= hours.startMinute && minute < hours.endMinute;
}
