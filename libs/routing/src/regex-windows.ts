import { collapseWhitespace, foldCharacters } from './text-folding.js';

/** Only this much of a text is searched by a regex condition. */
export const MAX_REGEX_HAYSTACK_LENGTH = 100_000;
/**
 * A regex is run over windows of at most this many characters (lines, and long
 * lines cut into overlapping windows). Any backtracking regex can be quadratic in
 * the length it is run on (`.*x` over a 100 KB one-line text takes seconds), so the
 * window is what bounds the cost of one test.
 */
export const REGEX_WINDOW_LENGTH = 1_000;
/** Consecutive windows of one long line share this many characters, so short matches are never cut. */
export const REGEX_WINDOW_OVERLAP = 200;

const LINE_BREAKS = /\r\n|\r|\n/;

/** Appends the windows of one normalised line: the line, or a long line cut into overlapping windows. */
export function pushLineWindows(line: string, windows: string[]): void {
  if (line.length <= REGEX_WINDOW_LENGTH) {
    windows.push(line);
    return;
  }
  const step = REGEX_WINDOW_LENGTH - REGEX_WINDOW_OVERLAP;
  for (let start = 0; start < line.length; start += step) {
    windows.push(line.slice(start, start + REGEX_WINDOW_LENGTH));
    if (start + REGEX_WINDOW_LENGTH >= line.length) break;
  }
}

/**
 * The windows a regex is run on, computed without a cache: the first
 * MAX_REGEX_HAYSTACK_LENGTH characters, split into lines, each normalised (see
 * normalizeText), long lines cut into overlapping windows of REGEX_WINDOW_LENGTH.
 */
export function splitRegexWindows(text: string): string[] {
  if (typeof text !== 'string' || text === '') return [''];
  // Folding keeps line breaks where they are (no character decomposes into one and
  // case mapping never makes one), so the folded text can be split instead of
  // folding every line on its own.
  const folded = foldCharacters(text.length > MAX_REGEX_HAYSTACK_LENGTH ? text.slice(0, MAX_REGEX_HAYSTACK_LENGTH) : text);
  const windows: string[] = [];
  for (const line of folded.split(LINE_BREAKS)) pushLineWindows(collapseWhitespace(line), windows);
  return windows;
}
