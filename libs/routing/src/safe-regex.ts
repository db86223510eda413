import { splitRegexWindows } from './regex-windows.js';

export { MAX_REGEX_HAYSTACK_LENGTH, REGEX_WINDOW_LENGTH, REGEX_WINDOW_OVERLAP } from './regex-windows.js';

/** Longest pattern a rule may carry. */
export const MAX_REGEX_PATTERN_LENGTH = 500;
/** Largest bound of a counted quantifier (`a{1,1000}`). */
const MAX_COUNTED_REPEAT = 1_000;

export interface SafeRegex {
  /** The pattern as written (for display). */
  source: string;
  /** The pattern with diacritics folded, compiled case-insensitive + unicode. */
  regex: RegExp;
}

export type CompileSafeRegexResult = ({ ok: true } & SafeRegex) | { ok: false; reason: string };

const UNDECOMPOSED: Readonly<Record<string, string>> = Object.freeze({
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE',
});

/** Strips diacritics from the pattern's letters without changing case (so `\S` stays `\S`). */
function foldPattern(pattern: string): string {
  return pattern
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁđĐøØßẞæÆœŒ]/gu, (c) => UNDECOMPOSED[c] ?? c);
}

/**
 * Compiles a rule's regex if it is safe to run on untrusted mail. Refused:
 * patterns longer than MAX_REGEX_PATTERN_LENGTH; invalid syntax; backreferences
 * and lookbehind; a repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) that
 * contains a quantifier (`(a+)+`, `(a*)*`, `(\s?x)+`) or an alternation whose
 * branches may start alike (`(a|a)*`, `(a|ab)+`, `(\w|\d)+`); counted repeats above 1000.
 * The regex is case-insensitive and matched against the normalised text (see
 * testSafeRegex), so `zwrot` and `Zwrót` match `ZWROT`.
 */
export function compileSafeRegex(pattern: string): CompileSafeRegexResult {
  if (typeof pattern !== 'string' || pattern === '') return { ok: false, reason: 'the pattern is empty' };
  if (pattern.length > MAX_REGEX_PATTERN_LENGTH) {
    return { ok: false, reason: `the pattern is longer than ${MAX_REGEX_PATTERN_LENGTH} characters` };
  }
  const folded = foldPattern(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(folded, 'iu');
  } catch (e) {
    return { ok: false, reason: `the pattern is not a valid regular expression (${(e as Error).message})` };
  }
  const problem = findBacktrackingHazard(folded);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, source: pattern, regex };
}

const compiledCache = new Map<string, CompileSafeRegexResult>();
const COMPILED_CACHE_SIZE = 1_000;

/** compileSafeRegex with a bounded memo (rules are evaluated many times with the same patterns). */
export function compileSafeRegexCached(pattern: string): CompileSafeRegexResult {
  const hit = compiledCache.get(pattern);
  if (hit) return hit;
  const result = compileSafeRegex(pattern);
  if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.clear();
  compiledCache.set(pattern, result);
  return result;
}

let lastText: string | null = null;
let lastWindows: readonly string[] = [];

/**
 * The windows a regex is run on: the first MAX_REGEX_HAYSTACK_LENGTH characters,
 * split into lines, each normalised (see normalizeText), long lines cut into
 * overlapping windows of REGEX_WINDOW_LENGTH.
 */
export function regexWindows(text: string): readonly string[] {
  if (typeof text !== 'string' || text === '') return [''];
  if (text === lastText) return lastWindows;
  const windows = splitRegexWindows(text);
  lastText = text;
  lastWindows = windows;
  return windows;
}

/** The first match of a safe regex in the text (see regexWindows), or null. */
export function execSafeRegex(safe: SafeRegex, text: string): string | null {
  return execSafeRegexInWindows(safe, regexWindows(text));
}

/** The first match of a safe regex in windows made by regexWindows, or null. */
function execSafeRegexInWindows(safe: SafeRegex, windows: readonly string[]): string | null {
  for (const window of windows) {
    const m = safe.regex.exec(window);
    if (m) return m[0];
  }
  return null;
}

/** Whether a safe regex matches the text (see regexWindows). */
export function testSafeRegex(safe: SafeRegex, text: string): boolean {
  return execSafeRegex(safe, text) !== null;
}

interface GroupFrame {
  /** Some quantifier occurs inside this group (at any depth). */
  hasQuantifier: boolean;
  /** Some alternation inside may let two branches start on the same character. */
  hasAmbiguousAlternation: boolean;
  /** First character of each finished branch; null = not a plain literal. */
  branchFirsts: (string | null)[];
  /** First atom of the current branch: undefined = none yet. */
  currentFirst: string | null | undefined;
  /** Index of the current branch's first atom among its atoms, to spot `a?` at the start. */
  atomsInBranch: number;
}

interface LastAtom {
  group: GroupFrame | null;
  firstOfBranch: boolean;
}

function newFrame(): GroupFrame {
  return { hasQuantifier: false, hasAmbiguousAlternation: false, branchFirsts: [], currentFirst: undefined, atomsInBranch: 0 };
}

function closeBranch(frame: GroupFrame): void {
  frame.branchFirsts.push(frame.currentFirst === undefined ? null : frame.currentFirst);
  frame.currentFirst = undefined;
  frame.atomsInBranch = 0;
}

function alternationIsAmbiguous(firsts: readonly (string | null)[]): boolean {
  if (firsts.length < 2) return false;
  const seen = new Set<string>();
  for (const f of firsts) {
    if (f === null || seen.has(f)) return true;
    seen.add(f);
  }
  return false;
}

/** A quantifier starting at `i`, or null: its length and whether it can repeat (max > 1). */
function readQuantifier(p: string, i: number): { length: number; repeats: boolean; minZero: boolean; tooLarge: boolean } | null {
  const c = p[i];
  let length = 0;
  let repeats = false;
  let minZero = false;
  let tooLarge = false;
  if (c === '*' || c === '+' || c === '?') {
    length = 1;
    repeats = c !== '?';
    minZero = c !== '+';
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/u.exec(p.slice(i));
    if (!m) return null;
    length = m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    repeats = max > 1;
    minZero = min === 0;
    tooLarge = min > MAX_COUNTED_REPEAT || (max !== Infinity && max > MAX_COUNTED_REPEAT);
  } else {
    return null;
  }
  if (p[i + length] === '?') length += 1;
  return { length, repeats, minZero, tooLarge };
}

/** Length of an escape sequence starting at the backslash at `i`. */
function escapeLength(p: string, i: number): number {
  const c = p[i + 1];
  if ((c === 'p' || c === 'P' || c === 'u') && p[i + 2] === '{') {
    const end = p.indexOf('}', i + 3);
    return end < 0 ? 2 : end - i + 1;
  }
  if (c === 'u') return 6;
  if (c === 'x') return 4;
  if (c === 'c') return 3;
  return 2;
}

/** The literal a simple escape stands for (`\.` → `.`), or null for classes like `\d`. */
function escapedLiteral(p: string, i: number): string | null {
  const c = p[i + 1];
  return c !== undefined && /[^\p{L}\p{N}]/u.test(c) ? c : null;
}

/** Scans a syntactically valid `u`-mode pattern for constructs known to backtrack badly. */
function findBacktrackingHazard(p: string): string | null {
  const stack: GroupFrame[] = [newFrame()];
  let last: LastAtom | null = null;
  const atom = (first: string | null, group: GroupFrame | null): void => {
    const frame = stack[stack.length - 1];
    const firstOfBranch = frame.atomsInBranch === 0;
    if (firstOfBranch) frame.currentFirst = first === null ? null : first.toLowerCase();
    frame.atomsInBranch += 1;
    last = { group, firstOfBranch };
  };
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') {
      const next = p[i + 1];
      if (next !== undefined && /[1-9]/u.test(next)) return 'backreferences (\\1) are not allowed';
      if (next === 'k') return 'named backreferences (\\k<name>) are not allowed';
      if (next === 'b' || next === 'B') {
        i += 2;
        last = null;
        continue;
      }
      const len = escapeLength(p, i);
      atom(escapedLiteral(p, i), null);
      i += len;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      atom(null, null);
      i = j + 1;
      continue;
    }
    if (c === '(') {
      if (p.startsWith('(?<=', i) || p.startsWith('(?<!', i)) return 'lookbehind ((?<=…), (?<!…)) is not allowed';
      let skip = 1;
      if (p.startsWith('(?:', i) || p.startsWith('(?=', i) || p.startsWith('(?!', i)) skip = 3;
      else if (p.startsWith('(?<', i)) skip = p.indexOf('>', i) - i + 1;
      stack.push(newFrame());
      last = null;
      i += skip;
      continue;
    }
    if (c === ')') {
      const frame = stack.pop() as GroupFrame;
      closeBranch(frame);
      if (alternationIsAmbiguous(frame.branchFirsts)) frame.hasAmbiguousAlternation = true;
      const parent = stack[stack.length - 1];
      parent.hasQuantifier ||= frame.hasQuantifier;
      parent.hasAmbiguousAlternation ||= frame.hasAmbiguousAlternation;
      // A group as the first atom of a branch: its first character is not tracked.
      atom(frame.branchFirsts.length === 1 ? frame.branchFirsts[0] : null, frame);
      i += 1;
      continue;
    }
    if (c === '|') {
      closeBranch(stack[stack.length - 1]);
      last = null;
      i += 1;
      continue;
    }
    const q = readQuantifier(p, i);
    if (q) {
      if (q.tooLarge) return `counted repeats above ${MAX_COUNTED_REPEAT} are not allowed`;
      const frame = stack[stack.length - 1];
      const target = last as LastAtom | null;
      if (target?.group && q.repeats) {
        if (target.group.hasQuantifier) {
          return 'a repeated group contains a quantifier (like (a+)+): this can take exponential time';
        }
        if (target.group.hasAmbiguousAlternation) {
          return 'a repeated group has alternatives that can match the same text (like (a|a)*): this can take exponential time';
        }
      }
      if (target?.firstOfBranch && q.minZero) frame.currentFirst = null;
      frame.hasQuantifier = true;
      last = null;
      i += q.length;
      continue;
    }
    if (c === '^' || c === '$') {
      last = null;
      i += 1;
      continue;
    }
    atom(c === '.' ? null : c, null);
    i += 1;
  }
  return null;
}
