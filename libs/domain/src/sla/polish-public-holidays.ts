import { dayNumber, formatLocalDate, parseLocalDate } from './calendar-date.js';
import { easterSunday } from './easter-sunday.js';

/** A day off by law: its date and its Polish name. */
export interface PublicHoliday {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The name as Poles know it, e.g. `Boże Ciało`. */
  name: string;
}

/** Epiphany (Święto Trzech Króli) is a day off again since 2011. */
const EPIPHANY_SINCE = 2011;
/** Christmas Eve (Wigilia) is a day off since 2025 (act of 6 December 2024). */
const CHRISTMAS_EVE_SINCE = 2025;

/**
 * The public holidays of Poland in a year (ustawa o dniach wolnych od pracy),
 * sorted by date: the fixed ones, and the ones that move with Easter (Easter
 * Sunday and Monday, Pentecost = Easter + 49 days, Corpus Christi = Easter + 60).
 * Epiphany (6 January) counts from 2011 and Christmas Eve (24 December) from
 * 2025; the list is the one in force since 1990 (older changes are not
 * modelled). Holidays that fall on a Sunday are listed too (they matter to
 * calendars that work on Sundays). Throws RangeError for a year outside 1583–9999.
 */
export function polishPublicHolidays(year: number): PublicHoliday[] {
  const easter = parseLocalDate(easterSunday(year)) as number;
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({ date: formatLocalDate(dayNumber(year, month, day)), name });
  const movable = (daysAfterEaster: number, name: string): PublicHoliday => ({ date: formatLocalDate(easter + daysAfterEaster), name });
  const holidays: PublicHoliday[] = [
    fixed(1, 1, 'Nowy Rok'),
    ...(year >= EPIPHANY_SINCE ? [fixed(1, 6, 'Święto Trzech Króli')] : []),
    movable(0, 'Wielkanoc'),
    movable(1, 'Poniedziałek Wielkanocny'),
    fixed(5, 1, 'Święto Pracy'),
    fixed(5, 3, 'Święto Konstytucji 3 Maja'),
    movable(49, 'Zielone Świątki'),
    movable(60, 'Boże Ciało'),
    fixed(8, 15, 'Wniebowzięcie Najświętszej Maryi Panny'),
    fixed(11, 1, 'Wszystkich Świętych'),
    fixed(11, 11, 'Narodowe Święto Niepodległości'),
    ...(year >= CHRISTMAS_EVE_SINCE ? [fixed(12, 24, 'Wigilia Bożego Narodzenia')] : []),
    fixed(12, 25, 'Boże Narodzenie (pierwszy dzień)'),
    fixed(12, 26, 'Boże Narodzenie (drugi dzień)'),
  ];
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
