import { memoized } from './memo.js';

/**
 * Letters that Unicode decomposition leaves whole, spelled the way people type
 * them without diacritics (Polish `ł` most of all). Applied after lowercasing.
 */
const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = Object.freeze({
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
});
const UNDECOMPOSED_PATTERN = /[łđøßæœ]/gu;
const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE_RUNS = /\s+/gu;

/**
 * The form in which rule conditions compare text: lowercase, without diacritics
 * (`Zwrót` → `zwrot`, `Łódź` → `lodz`, `Straße` → `strasse`), compatibility
 * characters spelled out (`ﬁ` → `fi`, full-width `Ａ` → `a`), whitespace runs
 * collapsed to one space and trimmed.
 */
/** Recent results: a rule run compares the same subject and body against many conditions. */
const normalized = new Map<string, string>();

export function normalizeText(s: string): string {
  if (typeof s !== 'string' || s === '') return '';
  return memoized(normalized, s, normalizeUncached);
}

function normalizeUncached(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      // Decomposition can reveal capitals (e.g. `ℌ` → `H`): lowercase once more.
      .toLowerCase()
      .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter)
      .replace(WHITESPACE_RUNS, ' ')
      .trim()
  );
}
