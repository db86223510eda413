import { memoized } from './memo.js';
import { normalizeText } from './normalize-text.js';

/**
 * Text conditions of routing rules. All of them ignore case, diacritics and
 * extra whitespace (see normalizeText). A needle that is empty after
 * normalisation matches nothing in the "contains"-style matchers, so a rule
 * saved with a blank value does not quietly catch every ticket.
 */

/** Letters and digits in any script: what counts as a word. */
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

const wordMemo = new Map<string, readonly string[]>();

function words(normalized: string): readonly string[] {
  return memoized(wordMemo, normalized, (text) => text.match(WORD_PATTERN) ?? []);
}

/** The whole text equals the needle: `textIs('  Zwrót ', 'ZWROT')`. */
export function textIs(haystack: string, needle: string): boolean {
  return normalizeText(haystack) === normalizeText(needle);
}

/** The needle occurs anywhere, even inside a word: `textContains('Reklamacja towaru', 'klamac')`. */
export function textContains(haystack: string, needle: string): boolean {
  const n = normalizeText(needle);
  return n !== '' && normalizeText(haystack).includes(n);
}

/** The text begins with the needle: `textStartsWith('RE: zamówienie', 're:')`. */
export function textStartsWith(haystack: string, needle: string): boolean {
  const n = normalizeText(needle);
  return n !== '' && normalizeText(haystack).startsWith(n);
}

/**
 * At least one of `words` occurs as a whole word: `awaria` matches `AWARIA!` and
 * `zwrot` matches `Zwrót`, but `rot` does not match `zwrot`. An entry of several
 * words is a phrase: `nie działa` matches `Nic nie DZIAŁA.` (the words in that
 * order, next to each other, punctuation and spacing between them ignored).
 */
export function textContainsAnyWord(haystack: string, needles: readonly string[]): boolean {
  if (!Array.isArray(needles) || needles.length === 0) return false;
  const text = words(normalizeText(haystack));
  if (text.length === 0) return false;
  return needles.some((needle) => {
    const phrase = words(normalizeText(needle));
    return phrase.length > 0 && containsSequence(text, phrase);
  });
}

function containsSequence(text: readonly string[], phrase: readonly string[]): boolean {
  const last = text.length - phrase.length;
  for (let start = 0; start <= last; start += 1) {
    let i = 0;
    while (i < phrase.length && text[start + i] === phrase[i]) i += 1;
    if (i === phrase.length) return true;
  }
  return false;
}
