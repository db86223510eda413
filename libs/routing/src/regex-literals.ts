/**
 * Literals that every match of a rule's regex must contain, so the engine can skip
 * texts and lines that cannot match without running the regex on them (the common
 * case: most rules do not match most mails). A prefilter only: when a literal is
 * present, the regex runs exactly as before, on the same windows, and finds the
 * same first match.
 *
 * Sound because of where regexes run: on normalised text (lowercase, no
 * diacritics, compatibility characters spelled out, whitespace runs collapsed to
 * one space). Under the `iu` flags the only characters that match an ASCII letter
 * are that letter in either case, the Kelvin sign (k) and the long s (ſ); the
 * normalised text holds none of them but the lowercase letter. So only lowercase
 * ASCII letters, digits, the space and ASCII punctuation are taken as literals;
 * any other character ends a literal.
 */

/** Unescaped characters that stand for themselves in a `u`-mode pattern. */
const PLAIN_LITERAL = /^[A-Za-z0-9 !"#%&',\-/:;<=>@_`~]$/u;
/** Characters that stand for themselves after a backslash. */
const ESCAPED_LITERAL = /^[\^$\\.*+?()[\]{}|/-]$/u;

/** At least one of these occurs in every match. */
type Requirement = readonly string[];

interface Parsed {
  requirement: Requirement | null;
  end: number;
}

/** Length of the escape sequence starting at the backslash at `i`. */
function escapeLength(p: string, i: number): number {
  const c = p[i + 1];
  if ((c === 'p' || c === 'P' || c === 'u') && p[i + 2] === '{') {
    const end = p.indexOf('}', i + 3);
    return end < 0 ? 2 : end - i + 1;
  }
  if (c === 'u') return 6;
  if (c === 'x') return 4;
  if (c === 'c') return 3;
  if (c === 'k' && p[i + 2] === '<') {
    const end = p.indexOf('>', i + 3);
    return end < 0 ? 2 : end - i + 1;
  }
  return 2;
}

/** Index just past the character class starting at `i` (`[`). */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** The quantifier at `i`: its length and minimum, or null. */
function quantifierAt(p: string, i: number): { length: number; min: number } | null {
  const c = p[i];
  let length: number;
  let min: number;
  if (c === '*' || c === '?') {
    length = 1;
    min = 0;
  } else if (c === '+') {
    length = 1;
    min = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/u.exec(p.slice(i, i + 24));
    if (!m) return null;
    length = m[0].length;
    min = Number(m[1]);
  } else {
    return null;
  }
  if (p[i + length] === '?') length += 1;
  return { length, min };
}

function shortest(r: Requirement): number {
  let n = Infinity;
  for (const s of r) n = Math.min(n, s.length);
  return n;
}

/** The most selective requirement: the one whose shortest literal is longest. */
function best(candidates: readonly Requirement[]): Requirement | null {
  let chosen: Requirement | null = null;
  for (const c of candidates) if (c.length > 0 && (chosen === null || shortest(c) > shortest(chosen))) chosen = c;
  return chosen;
}

/** One alternative: a sequence of atoms up to `|`, `)` or the end. */
function parseBranch(p: string, start: number): Parsed {
  const candidates: Requirement[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '') candidates.push([run]);
    run = '';
  };
  let i = start;
  while (i < p.length && p[i] !== '|' && p[i] !== ')') {
    const c = p[i];
    let literal: string | null = null;
    let group: Requirement | null = null;
    let isGroup = false;
    if (c === '\\') {
      const next = p[i + 1];
      if (next !== undefined && ESCAPED_LITERAL.test(next)) literal = next;
      i += escapeLength(p, i);
    } else if (c === '[') {
      i = classEnd(p, i);
    } else if (c === '(') {
      const lookaround = p.startsWith('(?=', i) || p.startsWith('(?!', i) || p.startsWith('(?<=', i) || p.startsWith('(?<!', i);
      let inner = i + 1;
      if (p.startsWith('(?:', i)) inner = i + 3;
      else if (lookaround) inner = i + (p[i + 2] === '<' ? 4 : 3);
      else if (p.startsWith('(?<', i)) inner = p.indexOf('>', i) + 1;
      const parsed = parseAlternation(p, inner);
      // A lookahead constrains the text around a match, not the match: not used.
      group = lookaround ? null : parsed.requirement;
      isGroup = true;
      i = parsed.end + 1;
    } else {
      if (PLAIN_LITERAL.test(c)) literal = c.toLowerCase();
      i += 1;
    }
    const q = quantifierAt(p, i);
    if (q) i += q.length;
    if (literal !== null) {
      if (q === null) {
        run += literal;
      } else {
        // Repeated at least once: it is there, but what follows is not next to it.
        if (q.min >= 1) run += literal;
        flush();
      }
      continue;
    }
    flush();
    if (isGroup && group !== null && (q === null || q.min >= 1)) candidates.push(group);
  }
  flush();
  return { requirement: best(candidates), end: i };
}

/** Alternatives separated by `|`, up to the `)` that closes them or the end. */
function parseAlternation(p: string, start: number): Parsed {
  const alternatives = new Set<string>();
  let possible = true;
  let i = start;
  for (;;) {
    const branch = parseBranch(p, i);
    if (branch.requirement === null) possible = false;
    else for (const s of branch.requirement) alternatives.add(s);
    i = branch.end;
    if (p[i] !== '|') break;
    i += 1;
  }
  if (!possible || alternatives.size === 0) return { requirement: null, end: i };
  // A text with `tel` in it is all `tel|telefon` needs.
  const all = [...alternatives];
  return { requirement: all.filter((a) => !all.some((b) => b !== a && a.includes(b))), end: i };
}

/**
 * Literals (lowercase) of which at least one occurs in every match of the pattern,
 * matched case-insensitively against normalised text; null when none can be
 * named. `pattern` is the
 * folded source the regex was compiled from (see compileSafeRegex).
 */
export function requiredLiterals(pattern: string): readonly string[] | null {
  if (typeof pattern !== 'string' || pattern === '') return null;
  const parsed = parseAlternation(pattern, 0);
  // A stray `)` would mean the scan lost its way: claim nothing.
  if (parsed.end !== pattern.length || parsed.requirement === null) return null;
  return Object.freeze(parsed.requirement);
}
