/**
 * The character-level steps of normalizeText, split out so that one long text can be
 * folded once and then cut into lines (regex windows) or flattened (whole-text
 * matching) without running Unicode decomposition twice. Internal to the engine:
 * callers use normalizeText.
 */

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
const UNDECOMPOSED_PATTERN = /[łđøßæœ]/g;
const HAS_UNDECOMPOSED = /[łđøßæœ]/;
/** The Combining Diacritical Marks block (all of it \p{M}): every mark Polish text decomposes into. */
const COMMON_MARKS = /[\u0300-\u036f]+/g;
/** Anything from U+0300 up: only then can a mark outside that block be left. */
const BEYOND_COMMON_MARKS = /[^\u0000-\u02ff]/;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
/** Whitespace runs that are not already a single space. */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/**
 * Lowercase, compatibility-decomposed, without combining marks, with the
 * undecomposed letters spelled out. Line breaks and other whitespace are kept as
 * they are, so folding a text and then splitting it into lines gives the same
 * lines as splitting first and folding each line.
 */
export function foldCharacters(s: string): string {
  // Plain ASCII has nothing to decompose: lowercasing is the whole job.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  let folded = s.toLowerCase().normalize('NFKD').replace(COMMON_MARKS, '');
  if (BEYOND_COMMON_MARKS.test(folded)) folded = folded.replace(COMBINING_MARKS, '');
  // Decomposition can reveal capitals (e.g. `ℌ` → `H`): lowercase once more.
  folded = folded.toLowerCase();
  return HAS_UNDECOMPOSED.test(folded)
    ? folded.replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter)
    : folded;
}

/** Whitespace runs collapsed to one space, trimmed. */
export function collapseWhitespace(s: string): string {
  return s.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** normalizeText without its memo, for texts the caller normalises only once. */
export function normalizeTextUncached(s: string): string {
  if (typeof s !== 'string' || s === '') return '';
  return collapseWhitespace(foldCharacters(s));
}
