/**
 * Human-friendly ticket numbers: the year the ticket was created in (in the
 * helpdesk's time zone), a dash and a per-year sequence padded to at least six
 * digits, e.g. `2026-000123`; the 1 000 000th ticket of a year is `2026-1000000`.
 * In mail subjects a number travels as the tag `[#2026-000123]`.
 */

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;
const MIN_SEQUENCE_DIGITS = 6;

const NUMBER_PATTERN = /^(\d{4})-(\d{6,})$/;
/** `[#2026-000123]`, tolerating spaces inside the brackets, e.g. `[ # 2026-000123 ]`. */
const SUBJECT_TAG_PATTERN = /\[\s*#\s*(\d{4})-(\d{6,})\s*\]/g;

function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function isValidSequence(sequence: number): boolean {
  return Number.isSafeInteger(sequence) && sequence >= 1;
}

/** `formatTicketNumber(2026, 123)` → `2026-000123`. Throws RangeError on a year outside 1970–9999 or a sequence that is not a positive integer. */
export function formatTicketNumber(year: number, sequence: number): string {
  if (!isValidYear(year)) throw new RangeError(`Ticket number year must be an integer in ${MIN_YEAR}–${MAX_YEAR}, got ${String(year)}`);
  if (!isValidSequence(sequence)) throw new RangeError(`Ticket number sequence must be a positive integer, got ${String(sequence)}`);
  return `${year}-${String(sequence).padStart(MIN_SEQUENCE_DIGITS, '0')}`;
}

/**
 * Reads a ticket number written exactly as formatTicketNumber writes it (the whole
 * string, no spaces, no extra leading zeros); anything else gives null.
 */
export function parseTicketNumber(text: string): { year: number; sequence: number } | null {
  if (typeof text !== 'string') return null;
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return null;
  const parts = toParts(match[1], match[2]);
  if (!parts) return null;
  return formatTicketNumber(parts.year, parts.sequence) === text ? parts : null;
}

/** The subject tag of a ticket number: `2026-000123` → `[#2026-000123]`. Throws RangeError on a malformed number. */
export function ticketSubjectTag(number: string): string {
  if (!parseTicketNumber(number)) throw new RangeError(`Not a ticket number: ${String(number)}`);
  return `[#${number}]`;
}

/**
 * Every ticket number tagged in a mail subject, in order of appearance, each once,
 * written the canonical way (so `[# 2026-0000123 ]` yields `2026-000123`).
 */
export function findTicketNumbersInSubject(subject: string): string[] {
  if (typeof subject !== 'string') return [];
  const found: string[] = [];
  for (const match of subject.matchAll(SUBJECT_TAG_PATTERN)) {
    const parts = toParts(match[1], match[2]);
    if (!parts) continue;
    const number = formatTicketNumber(parts.year, parts.sequence);
    if (!found.includes(number)) found.push(number);
  }
  return found;
}

function toParts(yearDigits: string, sequenceDigits: string): { year: number; sequence: number } | null {
  const year = Number(yearDigits);
  const sequence = Number(sequenceDigits);
  return isValidYear(year) && isValidSequence(sequence) ? { year, sequence } : null;
}

const yearFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar year of an instant as seen on a wall clock in `timeZone` (an IANA
 * name such as `Europe/Warsaw`): 2026-12-31T23:30:00Z is already 2027 in Warsaw.
 * Throws RangeError on an unknown time zone or an invalid date.
 */
export function yearInTimeZone(instant: Date, timeZone: string): number {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('yearInTimeZone: instant must be a valid Date');
  }
  let formatter = yearFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', calendar: 'gregory', numberingSystem: 'latn' });
    yearFormatters.set(timeZone, formatter);
  }
  const yearPart = formatter.formatToParts(instant).find((part) => part.type === 'year');
  const year = Number(yearPart?.value);
  if (!Number.isInteger(year)) throw new RangeError(`yearInTimeZone: cannot read the year of ${instant.toISOString()} in ${timeZone}`);
  return year;
}
