import { memoized } from './memo.js';
import { normalizeTextUncached } from './text-folding.js';

/** Recent results: callers often compare the same short texts again and again. */
const normalized = new Map<string, string>();

/**
 * The form in which rule conditions compare text: lowercase, without diacritics
 * (`Zwrót` → `zwrot`, `Łódź` → `lodz`, `Straße` → `strasse`), compatibility
 * characters spelled out (`ﬁ` → `fi`, full-width `Ａ` → `a`), whitespace runs
 * collapsed to one space and trimmed.
 */
export function normalizeText(s: string): string {
  if (typeof s !== 'string' || s === '') return '';
  return memoized(normalized, s, normalizeTextUncached);
}
