/**
 * Test helper: instants written as Warsaw wall-clock times, e.g.
 * `warsaw('Wed 2026-12-23 15:00')`. It knows the EU summer-time rule by itself
 * (last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC, UTC+2;
 * otherwise UTC+1), independently of the code under test, and checks the
 * weekday so the expected values stay honest. A wall time that is skipped or
 * occurs twice must be written as an ISO instant with its offset instead.
 */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOUR = 3_600_000;

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** UTC offset of Warsaw at an instant (EU rule, valid since 1996). */
export function warsawOffsetHours(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  return instant >= lastSundayUtc(year, 2) && instant < lastSundayUtc(year, 9) ? 2 : 1;
}

export function warsaw(text: string): Date {
  const match = /^(\w{3}) (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`warsaw(): write "Wed 2026-12-23 15:00", got ${text}`);
  const [, weekday, year, month, day, hour, minute] = match;
  const naive = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  const actualWeekday = WEEKDAYS[new Date(naive).getUTCDay()];
  if (weekday !== actualWeekday) throw new Error(`warsaw(): ${year}-${month}-${day} is a ${actualWeekday}, not a ${weekday}`);
  const candidates = [1, 2].map((offset) => naive - offset * HOUR).filter((instant) => warsawOffsetHours(instant) * HOUR === naive - instant);
  if (candidates.length !== 1) throw new Error(`warsaw(): ${text} is skipped or repeated by the clock; write an ISO instant with its offset`);
  return new Date(candidates[0]);
}

/** Deterministic pseudo-random numbers in [0, 1) for property checks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
