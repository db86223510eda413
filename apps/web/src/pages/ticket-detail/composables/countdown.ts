const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The two largest units left until (or past) a deadline. */
export interface CountdownParts {
  /** The deadline has passed. */
  overdue: boolean;
  unit: 'days' | 'hours' | 'minutes';
  /** Days, hours or minutes, by `unit`. */
  major: number;
  /** Hours, minutes or seconds: what is left below `major`. */
  minor: number;
}

/**
 * How long until `dueAt` (or how long since), from `now`: "2 d 5 h", "3 h 07 min",
 * "12 min 30 s". Whole units, rounded down, so the count never runs ahead of the clock.
 */
export function countdownParts(dueAt: string, now: number): CountdownParts {
  const diff = new Date(dueAt).getTime() - now;
  const overdue = diff < 0;
  const left = Math.abs(diff);
  if (left >= DAY) return { overdue, unit: 'days', major: Math.floor(left / DAY), minor: Math.floor((left % DAY) / HOUR) };
  if (left >= HOUR) return { overdue, unit: 'hours', major: Math.floor(left / HOUR), minor: Math.floor((left % HOUR) / MINUTE) };
  return { overdue, unit: 'minutes', major: Math.floor(left / MINUTE), minor: Math.floor((left % MINUTE) / SECOND) };
}
