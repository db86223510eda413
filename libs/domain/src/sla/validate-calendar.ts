import { BUILT_IN_HOLIDAYS } from './business-calendar.js';
import { parseLocalDate, parseTimeOfDay } from './calendar-date.js';
import { isKnownTimeZone } from './zoned-time.js';

/** Something wrong in a calendar: where (`weeklyPeriods[2].end`) and what, in words an admin understands. */
export interface CalendarProblem {
  /** The place in the calendar, e.g. `timeZone`, `weeklyPeriods[2].end`, `extraDaysOff[0]`; empty for the calendar as a whole. */
  path: string;
  /** A sentence that starts with the place, e.g. `weeklyPeriods[2].end: "25:00" is not a time of day; write HH:MM from 00:00 to 24:00`. */
  message: string;
}

const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface CheckedHours {
  path: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Every problem of a calendar (untrusted input: a request body, a database
 * row), in the order of its fields; an empty list means it is valid and the
 * arithmetic will accept it. Checks the time zone, each period (weekday 1–7,
 * `HH:MM` times, end after start, no overlap on the same day), that some
 * working time exists, the holiday set, and the dates (real `YYYY-MM-DD`
 * dates, none listed twice, none both off and worked).
 */
export function validateCalendar(calendar: unknown): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (path: string, text: string) => problems.push({ path, message: path ? `${path}: ${text}` : text });
  if (!isRecord(calendar)) {
    add('', 'a calendar must be an object with timeZone, weeklyPeriods, holidays and extraDaysOff');
    return problems;
  }

  if (typeof calendar.timeZone !== 'string' || calendar.timeZone.trim() === '') {
    add('timeZone', 'is required: the IANA name of a time zone, such as Europe/Warsaw');
  } else if (!isKnownTimeZone(calendar.timeZone)) {
    add('timeZone', `${JSON.stringify(calendar.timeZone)} is not a time zone we know; use an IANA name such as Europe/Warsaw`);
  }

  if (!Array.isArray(calendar.weeklyPeriods)) {
    add('weeklyPeriods', 'must be a list of working periods such as { "day": 1, "start": "08:00", "end": "16:00" }');
  } else {
    if (calendar.weeklyPeriods.length === 0) {
      add('weeklyPeriods', 'at least one working period is needed, otherwise no business-time deadline can ever be reached');
    }
    const byDay = new Map<number, CheckedHours[]>();
    calendar.weeklyPeriods.forEach((period: unknown, index: number) => {
      const path = `weeklyPeriods[${index}]`;
      if (!isRecord(period)) {
        add(path, 'must be an object such as { "day": 1, "start": "08:00", "end": "16:00" }');
        return;
      }
      const dayOk = Number.isInteger(period.day) && (period.day as number) >= 1 && (period.day as number) <= 7;
      if (!dayOk) add(`${path}.day`, `${JSON.stringify(period.day) ?? 'nothing'} is not a weekday; use 1 (Monday) to 7 (Sunday)`);
      const hours = checkHours(period, path, add);
      if (dayOk && hours) {
        const day = period.day as number;
        const sameDay = byDay.get(day) ?? [];
        checkOverlap(hours, sameDay, DAY_NAMES[day], add);
        byDay.set(day, [...sameDay, hours]);
      }
    });
  }

  if (!(BUILT_IN_HOLIDAYS as readonly unknown[]).includes(calendar.holidays)) {
    add('holidays', `must be "PL" (Polish public holidays) or "none", got ${JSON.stringify(calendar.holidays) ?? 'nothing'}`);
  }

  const daysOff = new Map<number, string>();
  if (!Array.isArray(calendar.extraDaysOff)) {
    add('extraDaysOff', 'must be a list of dates written YYYY-MM-DD (it may be empty)');
  } else {
    calendar.extraDaysOff.forEach((text: unknown, index: number) => {
      const path = `extraDaysOff[${index}]`;
      const day = parseLocalDate(text);
      if (day === null) add(path, `${JSON.stringify(text) ?? 'nothing'} is not a date; write YYYY-MM-DD, e.g. 2026-12-31`);
      else if (daysOff.has(day)) add(path, `${text as string} is already listed in ${daysOff.get(day)}`);
      else daysOff.set(day, path);
    });
  }

  if (calendar.extraWorkingDays !== undefined) {
    if (!Array.isArray(calendar.extraWorkingDays)) {
      add('extraWorkingDays', 'must be a list of { "date": "YYYY-MM-DD", "periods": [{ "start": "08:00", "end": "16:00" }] }');
    } else {
      const worked = new Map<number, string>();
      calendar.extraWorkingDays.forEach((entry: unknown, index: number) => {
        const path = `extraWorkingDays[${index}]`;
        if (!isRecord(entry)) {
          add(path, 'must be an object such as { "date": "2026-11-14", "periods": [{ "start": "08:00", "end": "16:00" }] }');
          return;
        }
        const day = parseLocalDate(entry.date);
        if (day === null) add(`${path}.date`, `${JSON.stringify(entry.date) ?? 'nothing'} is not a date; write YYYY-MM-DD, e.g. 2026-11-14`);
        else if (worked.has(day)) add(`${path}.date`, `${entry.date as string} is already listed in ${worked.get(day)}`);
        else if (daysOff.has(day)) add(`${path}.date`, `${entry.date as string} is also listed in ${daysOff.get(day)}; a day cannot be both off and worked`);
        else worked.set(day, `${path}.date`);
        if (!Array.isArray(entry.periods) || entry.periods.length === 0) {
          add(`${path}.periods`, 'at least one period such as { "start": "08:00", "end": "16:00" } is needed');
          return;
        }
        const checked: CheckedHours[] = [];
        entry.periods.forEach((period: unknown, periodIndex: number) => {
          const periodPath = `${path}.periods[${periodIndex}]`;
          if (!isRecord(period)) {
            add(periodPath, 'must be an object such as { "start": "08:00", "end": "16:00" }');
            return;
          }
          const hours = checkHours(period, periodPath, add);
          if (hours) {
            checkOverlap(hours, checked, typeof entry.date === 'string' ? entry.date : 'the same day', add);
            checked.push(hours);
          }
        });
      });
    }
  }
  return problems;
}

function checkHours(period: Record<string, unknown>, path: string, add: (path: string, text: string) => void): CheckedHours | null {
  const start = parseTimeOfDay(period.start, false);
  const end = parseTimeOfDay(period.end, true);
  if (start === null) add(`${path}.start`, `${JSON.stringify(period.start) ?? 'nothing'} is not a time of day; write HH:MM from 00:00 to 23:59`);
  if (end === null) add(`${path}.end`, `${JSON.stringify(period.end) ?? 'nothing'} is not a time of day; write HH:MM from 00:01 to 24:00`);
  if (start === null || end === null) return null;
  if (end <= start) {
    add(path, `ends (${period.end as string}) before or when it starts (${period.start as string}); a period cannot cross midnight, split it into one ending at 24:00 and one starting at 00:00 the next day`);
    return null;
  }
  return { path, start, end, text: `${period.start as string}–${period.end as string}` };
}

function checkOverlap(hours: CheckedHours, others: readonly CheckedHours[], dayName: string, add: (path: string, text: string) => void): void {
  const clash = others.find((other) => hours.start < other.end && other.start < hours.end);
  if (clash) add(hours.path, `${dayName} ${hours.text} overlaps ${clash.path} (${dayName} ${clash.text}); periods of one day must not overlap`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
