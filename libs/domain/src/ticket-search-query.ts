import { buildPrefixTsQuery } from './full-text-query.js';

/** Digits, spaces and the punctuation people write phone numbers with: `+48 600 100 200`, `(22) 123-45-67`. */
const PHONE_LIKE = /^\s*\+?[\d\s\-().\/]+$/;
const MIN_PHONE_DIGITS = 6;
const MAX_PHONE_DIGITS = 15;
/** An e-mail address or its start as typed: `jan@`, `jan@exa`, `<Jan.Kowalski@example.pl>`. */
const EMAIL_FRAGMENT = /[^\s@<>"',;()[\]]+@[^\s@<>"',;()[\]]*/g;
const MAX_EMAIL_FRAGMENTS = 3;

/** What the ticket search box holds, split by how each part is looked up. */
export interface TicketSearch {
  /** The `to_tsquery('simple', …)` string for the words (null when only e-mail fragments were typed). */
  tsQuery: string | null;
  /** Lower-cased starts of the customer's e-mail address (`jan@`): each must begin one of their addresses. */
  emailPrefixes: string[];
}

/**
 * Reads the ticket search box. Words are prefixes that must all match the
 * ticket's document (see `buildPrefixTsQuery`); text that reads as a phone
 * number is looked up as its digits run together (a prefix), which is how the
 * document holds the customer's numbers (`48600100200`, `600100200`) and a
 * number written in a message without spaces: `+48 600 100 200`,
 * `600-100-200` and `0048 600 100 200` all find them. Anything with an `@`
 * is the start of the customer's e-mail address (`jan@` finds jan@example.pl,
 * not Janina). Null when nothing searchable is left.
 */
export function parseTicketSearch(input: string): TicketSearch | null {
  if (typeof input !== 'string') return null;
  const emailPrefixes = [...new Set(Array.from(input.matchAll(EMAIL_FRAGMENT), (m) => m[0].toLowerCase()))].slice(0, MAX_EMAIL_FRAGMENTS);
  const rest = input.replace(EMAIL_FRAGMENT, ' ');
  const words = buildPrefixTsQuery(rest);
  const tsQuery = withPhoneDigits(rest, words);
  return tsQuery === null && emailPrefixes.length === 0 ? null : { tsQuery, emailPrefixes };
}

function withPhoneDigits(text: string, words: string | null): string | null {
  if (!PHONE_LIKE.test(text)) return words;
  const digits = text.replace(/\D/g, '').replace(/^00/, '');
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) return words;
  // Only the digits: each group as a prefix of its own (`48:*`) would scan every number starting so.
  return `${digits}:*`;
}
