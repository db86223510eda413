/**
 * A faster equivalent of a rule's regex for the text it runs on.
 *
 * Rule regexes are compiled case-insensitive (`iu`), and V8 runs some of them an
 * order of magnitude slower so: a `\b` under `iu` has to consider the Kelvin sign
 * and the long s as word characters, which costs about 1 µs per line. But they only
 * ever run on normalised text (see regexWindows), which holds no A–Z, no Kelvin
 * sign (U+212A) and no long s (U+017F): lowercasing turns the first two into a–z
 * and compatibility decomposition the third into `s`. On such text, an ASCII
 * pattern with its letters lowercased matches with the flag `u` alone exactly
 * what the original matches with `iu`:
 * - a letter matches under `iu` itself, its other case and (k, s) those two signs,
 *   and of these the text can only hold the lowercase letter;
 * - `\w`, `\W`, `\b`, `\B` and negated classes differ between the two only in the
 *   two signs;
 * - a class without upper-case letters (none written, no range reaching into A–Z)
 *   matches, under `iu`, its own characters plus characters the text cannot hold.
 * Anything else (non-ASCII characters, whose case folding is not that simple —
 * `σ` matches `ς` under `iu`; `\p{…}`, `\u…`, `\x…`, `\c…`; classes with upper-case
 * letters; named groups) keeps the original regex.
 */

/** Escapes after which the next character is not a letter to lowercase, copied as they are. */
const PLAIN_ESCAPES = /^[bBdDsSwWfnrtv0\^$\\.*+?()[\]{}|/-]$/u;

/** The character an escape inside a class stands for (`\\d` and the like: -1, a set). */
function classEscapeCode(next: string): number {
  switch (next) {
    case 'b': return 0x08;
    case 't': return 0x09;
    case 'n': return 0x0a;
    case 'v': return 0x0b;
    case 'f': return 0x0c;
    case 'r': return 0x0d;
    case '0': return 0x00;
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'B': return -1;
    default: return next.charCodeAt(0);
  }
}

/** The class starting at `i` (`[`): its end, or -1 when it could hold an upper-case letter. */
function scanClass(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j += 1;
  let previous = -1;
  while (j < p.length && p[j] !== ']') {
    let code: number;
    if (p[j] === '\\') {
      const next = p[j + 1];
      if (next === undefined || !PLAIN_ESCAPES.test(next)) return -1;
      code = classEscapeCode(next);
      j += 2;
    } else {
      code = p.charCodeAt(j);
      j += 1;
    }
    if (code >= 0x41 && code <= 0x5a) return -1;
    if (p[j] === '-' && p[j + 1] !== ']' && code >= 0) {
      // A range: look at its upper end.
      previous = code;
      j += 1;
      let end: number;
      if (p[j] === '\\') {
        const next = p[j + 1];
        if (next === undefined || !PLAIN_ESCAPES.test(next)) return -1;
        end = classEscapeCode(next);
        if (end < 0) return -1;
        j += 2;
      } else {
        end = p.charCodeAt(j);
        j += 1;
      }
      if (previous <= 0x5a && end >= 0x41) return -1;
    }
  }
  return j < p.length ? j + 1 : -1;
}

/**
 * The pattern with its letters lowercased, for the flag `u` alone on normalised
 * text, or null when that is not certain to match the same (see above).
 */
export function lowercasePattern(source: string): string | null {
  if (!/^[\u0000-\u007f]*$/u.test(source)) return null;
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || !PLAIN_ESCAPES.test(next)) return null;
      out += c + next;
      i += 2;
    } else if (c === '[') {
      const end = scanClass(source, i);
      if (end < 0) return null;
      out += source.slice(i, end);
      i = end;
    } else if (c === '(' && source.startsWith('(?<', i) && !source.startsWith('(?<=', i) && !source.startsWith('(?<!', i)) {
      return null;
    } else {
      out += c.toLowerCase();
      i += 1;
    }
  }
  return out;
}

/**
 * The regex to run on normalised text in place of `regex` (compiled `iu` by
 * compileSafeRegex): the same pattern lowercased, flag `u` only, when that is
 * certain to match the same; otherwise `regex` itself.
 */
export function regexForNormalizedText(regex: RegExp): RegExp {
  const lowered = lowercasePattern(regex.source);
  if (lowered === null) return regex;
  try {
    return new RegExp(lowered, 'u');
  } catch {
    return regex;
  }
}
