import { placeholderFamilyOf, type PlaceholderDefinition } from './template-placeholders.js';

/**
 * The template language, deliberately tiny:
 *
 * - `{{ path }}` inserts the value of an allowed placeholder; blanks inside the
 *   braces do not matter (`{{customer.name}}` = `{{ customer.name }}`).
 * - A path is names joined by dots (`ticket.number`, `expected_response`).
 *   Nothing else is understood: no expressions, no helpers, no property access;
 *   the path is only a key in the allow-list.
 * - `\{{` writes a literal `{{` (the backslash goes away); a lone `}}` is text.
 * - An unknown, malformed or unterminated placeholder is an error with its
 *   position, so a typo is caught when the text is saved, not when a customer
 *   reads `{{customer.nmae}}` in a mail.
 */

export type TemplateSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly path: string };

export interface ParsedTemplate {
  readonly segments: readonly TemplateSegment[];
  /** The distinct placeholder paths used, in the order of their first use. */
  readonly placeholders: readonly string[];
}

export type TemplateProblemKind =
  | 'unknown_placeholder'
  | 'unavailable_placeholder'
  | 'malformed_placeholder'
  | 'unterminated_placeholder';

export interface TemplateProblem {
  readonly kind: TemplateProblemKind;
  /** As written, braces included (for an unterminated one: the `{{` and what follows on its line, shortened). */
  readonly placeholder: string;
  /** Where the `{{` starts: 0-based offset, 1-based line and column. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** A known placeholder close to an unknown one (`customer.nmae` → `customer.name`). */
  readonly suggestion?: string;
  /** Says what is wrong and where, e.g. `unknown placeholder {{customer.nmae}} at line 1, column 13 (did you mean {{customer.name}}?)`. */
  readonly message: string;
}

export type ParseTemplateResult =
  | { readonly ok: true; readonly template: ParsedTemplate }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** At most this many problems are reported for one text. */
export const MAX_TEMPLATE_PROBLEMS = 20;

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const OPEN = '{{';
const CLOSE = '}}';
const ESCAPE = '\\';

/** Parses `source` against the allowed placeholders; every problem found is reported (up to 20). */
export function parseTemplate(source: string, allowed: readonly PlaceholderDefinition[]): ParseTemplateResult {
  const { template, problems } = scan(source, allowed);
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_TEMPLATE_PROBLEMS) } : { ok: true, template };
}

/**
 * Parses without failing: whatever would be a problem stays in the text as
 * written. Only for texts saved before placeholders were checked (they must
 * still render as they did then); new texts go through parseTemplate.
 */
export function parseTemplateLenient(source: string, allowed: readonly PlaceholderDefinition[]): ParsedTemplate {
  return scan(source, allowed).template;
}

function scan(source: string, allowed: readonly PlaceholderDefinition[]): { template: ParsedTemplate; problems: TemplateProblem[] } {
  if (typeof source !== 'string') throw new TypeError('A template must be a string');
  const known = new Map(allowed.map((definition) => [definition.path, definition]));
  const segments: TemplateSegment[] = [];
  const placeholders: string[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  const flushText = () => {
    if (text) segments.push({ kind: 'text', text });
    text = '';
  };
  const report = (kind: TemplateProblemKind, offset: number, placeholder: string, detail: string, suggestion?: string) => {
    const { line, column } = position(source, offset);
    const hint = suggestion ? ` (did you mean {{${suggestion}}}?)` : detail ? ` (${detail})` : '';
    const what = kind.replace('_', ' ');
    problems.push({
      kind, placeholder, offset, line, column, ...(suggestion ? { suggestion } : {}),
      message: `${what} ${placeholder} at line ${line}, column ${column}${hint}`,
    });
  };

  let i = 0;
  while (i < source.length) {
    const open = source.indexOf(OPEN, i);
    if (open < 0) {
      text += source.slice(i);
      break;
    }
    if (open > i && source[open - 1] === ESCAPE) {
      text += source.slice(i, open - 1) + OPEN;
      i = open + OPEN.length;
      continue;
    }
    text += source.slice(i, open);
    const close = source.indexOf(CLOSE, open + OPEN.length);
    const nextOpen = source.indexOf(OPEN, open + OPEN.length);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      report('unterminated_placeholder', open, excerpt(source, open), 'no }} closes it; write \\{{ for literal braces');
      text += OPEN;
      i = open + OPEN.length;
      continue;
    }
    const written = source.slice(open, close + CLOSE.length);
    const path = source.slice(open + OPEN.length, close).trim();
    i = close + CLOSE.length;
    const definition = PATH.test(path) ? (known.get(path) ?? placeholderFamilyOf(path, allowed)) : undefined;
    if (!PATH.test(path)) {
      report('malformed_placeholder', open, written, 'a placeholder is a name such as {{ticket.number}}');
    } else if (!definition) {
      report('unknown_placeholder', open, written, `allowed: ${[...known.keys()].filter((p) => !known.get(p)?.unavailable).join(', ')}`, closest(path, known));
    } else if (definition.unavailable) {
      report('unavailable_placeholder', open, written, definition.unavailable);
    } else {
      flushText();
      segments.push({ kind: 'placeholder', path });
      if (!placeholders.includes(path)) placeholders.push(path);
      continue;
    }
    text += written;
  }
  flushText();
  return { template: { segments, placeholders }, problems };
}

function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** `{{` and the rest of its line, at most 30 characters in all. */
function excerpt(source: string, offset: number): string {
  const line = source.slice(offset).split('\n', 1)[0].trimEnd();
  return line.length > 30 ? `${line.slice(0, 29)}…` : line;
}

/** The allowed placeholder at edit distance 2 or less from `path` (letter case ignored), if exactly one is closest. */
function closest(path: string, known: ReadonlyMap<string, PlaceholderDefinition>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  let tie = false;
  for (const [candidate, definition] of known) {
    if (definition.unavailable || definition.prefix) continue;
    const distance = editDistance(path.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && !tie ? best : undefined;
}

/** Levenshtein distance with a swap of neighbouring letters counted as one edit (paths are short). */
function editDistance(a: string, b: string): number {
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2] + 1);
      current.push(value);
    }
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
