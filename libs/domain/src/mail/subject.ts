/**
 * Mail subjects as people's mail programs mangle them: every reply or forward adds
 * a prefix in the sender's language, often with a counter (`Re[2]:`, `Re(3):`,
 * `Re^2:`), French-style spacing before the colon (`TR :`) or a full-width colon
 * (`Re：`, from East Asian input methods). Okienko compares and shows subjects
 * without that chain; everything after it, including our `[#2026-000123]` ticket
 * tag, is kept.
 */

/** Reply prefixes: English/Latin `Re`, Polish `Odp`, German `AW`, Nordic `SV`, Italian `R`, Dutch `Antw`. */
const REPLY_PREFIXES = ['re', 'odp', 'aw', 'sv', 'r', 'antw'] as const;
/** Forward prefixes: `Fwd`/`Fw`, Polish `PD` (przekaż dalej), German `WG`, French `TR`, Nordic `VS`. */
const FORWARD_PREFIXES = ['fwd', 'fw', 'pd', 'wg', 'tr', 'vs'] as const;

const COUNTER = String.raw`(?:\s*(?:\[\s*\d+\s*\]|\(\s*\d+\s*\)|\^\s*\d+))?`;
const COLON = '\\s*[:\uFF1A]';

function prefixPattern(words: readonly string[]): RegExp {
  // Longer words first so that `fwd` is not read as `fw` + `d`.
  const alternatives = [...words].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(String.raw`^\s*(?:${alternatives})${COUNTER}${COLON}`, 'iu');
}

const ANY_PREFIX = prefixPattern([...REPLY_PREFIXES, ...FORWARD_PREFIXES]);
const FORWARD_PREFIX = prefixPattern(FORWARD_PREFIXES);
/** Older Thunderbird and Mozilla forwards: `[Fwd: original subject]`. */
const BRACKETED_FORWARD = /^\s*\[\s*(?:fwd?|pd)\s*[:\uFF1A]([^]*)\]\s*$/iu;

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Removes the leading chain of reply and forward prefixes (any case, with or
 * without counters) and collapses whitespace:
 * `RE: Odp: Fwd[2]: [#2026-000123]  Reklamacja` → `[#2026-000123] Reklamacja`.
 * Only the leading chain goes: `[#2026-000123] Re: Reklamacja` stays as it is.
 */
export function stripReplyPrefixes(subject: string): string {
  if (typeof subject !== 'string') return '';
  let rest = collapseWhitespace(subject);
  for (;;) {
    const bracketed = BRACKETED_FORWARD.exec(rest);
    if (bracketed) {
      rest = collapseWhitespace(bracketed[1] ?? '');
      continue;
    }
    const prefix = ANY_PREFIX.exec(rest);
    if (!prefix) break;
    rest = rest.slice(prefix[0].length).trimStart();
  }
  return rest;
}

/**
 * True when the subject's first prefix is a forward (`Fwd:`, `Fw:`, `PD:`, `WG:`,
 * `TR:`, `VS:`, or the bracketed `[Fwd: ...]`); `Re: Fwd: ...` is a reply, not a forward.
 */
export function isForwardSubject(subject: string): boolean {
  if (typeof subject !== 'string') return false;
  return FORWARD_PREFIX.test(subject) || BRACKETED_FORWARD.test(subject);
}
