/**
 * Message-IDs as Okienko stores them: WITHOUT angle brackets, exactly as the sender
 * wrote them otherwise (no case folding: ids are compared as opaque strings).
 * Only when a header is written are the brackets put back (formatMessageIdHeader).
 *
 * Real mail is lax here: ids without `@` (some mailers and scanners send those),
 * missing brackets, comments after the id, References separated by commas, and
 * In-Reply-To lines with free text around the id. All of that is tolerated; what
 * cannot be an id at all (empty, spaces inside, over 998 characters — the longest
 * line RFC 5322 allows) is refused.
 */

/** RFC 5322: no line may be longer than 998 characters, so neither may an id. */
export const MAX_MESSAGE_ID_LENGTH = 998;

/** Whitespace, brackets, or control characters: none may appear inside an id. */
const FORBIDDEN_IN_ID = /[\s<>\p{Cc}]/u;
/** An id must carry at least one letter or digit (rejects `@`, `.` and the like). */
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Removes `(comments)` (nested ones too) outside of quoted strings and brackets. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let inQuotes = false;
  let inBrackets = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (depth > 0) {
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      if (depth === 0) out += ' ';
      continue;
    }
    if (inQuotes) {
      if (ch === '\\' && i + 1 < value.length) {
        out += ch + value[i + 1];
        i++;
        continue;
      }
      if (ch === '"') inQuotes = false;
      out += ch;
      continue;
    }
    if (ch === '"' && !inBrackets) inQuotes = true;
    else if (ch === '<') inBrackets = true;
    else if (ch === '>') inBrackets = false;
    else if (ch === '(' && !inBrackets) {
      depth = 1;
      continue;
    }
    out += ch;
  }
  return out;
}

function validId(candidate: string): string | null {
  const id = candidate.trim();
  if (id === '' || id.length > MAX_MESSAGE_ID_LENGTH) return null;
  if (FORBIDDEN_IN_ID.test(id) || !HAS_LETTER_OR_DIGIT.test(id)) return null;
  return id;
}

/**
 * One Message-ID as stored: `  <abc@mail.gmail.com> (comment)` → `abc@mail.gmail.com`.
 * Takes the first `<...>` pair when there is one, otherwise the value without its
 * comments. Returns null for a missing, empty or impossible id (spaces or brackets
 * inside, no letter or digit at all, longer than 998 characters). An id without `@`
 * is kept.
 */
export function normalizeMessageId(raw: string | undefined | null): string | null {
  if (typeof raw !== 'string') return null;
  const value = stripComments(raw).trim();
  if (value === '') return null;
  const open = value.indexOf('<');
  if (open !== -1) {
    const close = value.indexOf('>', open + 1);
    // `<abc@x` (closing bracket lost, e.g. truncated) still reads as `abc@x`.
    return validId(close === -1 ? value.slice(open + 1) : value.slice(open + 1, close));
  }
  if (value.includes('>')) return null;
  return validId(value);
}

/** Splits a bracket-free list on whitespace and commas. */
function bareTokens(value: string): string[] {
  return value.split(/[\s,;]+/).filter((token) => token !== '');
}

/** Reads every `<...>` group; an unclosed last one runs to the next separator. */
function bracketedTokens(value: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('<', i);
    if (open === -1) break;
    const close = value.indexOf('>', open + 1);
    const nextOpen = value.indexOf('<', open + 1);
    if (close !== -1 && (nextOpen === -1 || close < nextOpen)) {
      tokens.push(value.slice(open, close + 1));
      i = close + 1;
    } else {
      const rest = value.slice(open + 1, nextOpen === -1 ? value.length : nextOpen);
      const token = rest.split(/[\s,;]/)[0] ?? '';
      tokens.push(`<${token}>`);
      i = nextOpen === -1 ? value.length : nextOpen;
    }
  }
  return tokens;
}

/**
 * The ids of a References or In-Reply-To header, in order, each once.
 *
 * When the value has any `<...>` group only those groups count, so free text around
 * them (`In-Reply-To: Your message of "Mon, 21 Nov 2026" <abc@x.pl>`) is ignored.
 * A value with no brackets at all is split on whitespace and commas, and then only
 * tokens containing `@` count, so stray words never pass for ids.
 */
export function parseMessageIdList(raw: string | undefined | null): string[] {
  if (typeof raw !== 'string') return [];
  const value = stripComments(raw);
  const bracketed = value.includes('<');
  const tokens = bracketed ? bracketedTokens(value) : bareTokens(value).filter((token) => token.includes('@'));
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const token of tokens) {
    const id = normalizeMessageId(token);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

const FORBIDDEN_IN_PART = /[\s<>@()"\\,;\p{Cc}]/u;

/**
 * A new Message-ID in stored form (no brackets): `localPart@domain`.
 * Throws RangeError when either part is empty, contains characters that do not
 * belong in an id (whitespace, `<`, `>`, `@`, quotes, parentheses, commas, control
 * characters), or the whole id would be longer than 998 characters.
 */
export function buildMessageId(localPart: string, domain: string): string {
  const local = typeof localPart === 'string' ? localPart.trim() : '';
  const host = typeof domain === 'string' ? domain.trim() : '';
  if (local === '' || FORBIDDEN_IN_PART.test(local)) {
    throw new RangeError(`Message-ID local part is empty or has forbidden characters: ${JSON.stringify(localPart)}`);
  }
  if (host === '' || FORBIDDEN_IN_PART.test(host)) {
    throw new RangeError(`Message-ID domain is empty or has forbidden characters: ${JSON.stringify(domain)}`);
  }
  const id = `${local}@${host}`;
  if (id.length > MAX_MESSAGE_ID_LENGTH) {
    throw new RangeError(`Message-ID would be ${id.length} characters long; at most ${MAX_MESSAGE_ID_LENGTH} are allowed`);
  }
  return id;
}

/**
 * The id as written in a Message-ID, In-Reply-To or References header: `<id>`.
 * Accepts the stored form or an already bracketed one; throws RangeError when the
 * value is not a usable id (see normalizeMessageId).
 */
export function formatMessageIdHeader(id: string): string {
  const normalized = normalizeMessageId(id);
  if (normalized === null) throw new RangeError(`Not a usable Message-ID: ${JSON.stringify(id)}`);
  return `<${normalized}>`;
}
