/**
 * Header text as it should read, when the sender broke the rules that the mail
 * parser relies on:
 *
 * - 8-bit bytes in a header with no encoded word (RFC 2047) around them. Raw
 *   UTF-8 is fine (RFC 6532), but older Polish mail programs write ISO-8859-2 or
 *   Windows-1250 bytes there, which a parser reading UTF-8 turns into `�`.
 *   Those bytes are read again in the charset the mail declares for its text
 *   (the best guess of what the sender's program used), else in Windows-1250
 *   when a byte only that charset uses (0x80–0x9F) is there, else in ISO-8859-2.
 * - Encoded words in a charset nobody knows (`x-unknown`, `unknown-8bit`), or
 *   declared UTF-8 while holding ISO-8859-2 bytes: decoded again here, each
 *   run of adjacent words joined first (a character may be split between two
 *   words), in the declared charset when it reads, else UTF-8, else the legacy
 *   guess above.
 * - UTF-8 bytes declared as ISO-8859-1/Windows-1252 in an encoded word, which
 *   reads as `zamÃ³wienie`: when every character fits in one byte and those
 *   bytes form valid UTF-8 with multi-byte sequences, the UTF-8 reading wins.
 */

const REPLACEMENT = '\uFFFD';
const ONE_BYTE_ONLY = /^[\u0000-\u00FF]*$/;
const UTF8_AS_LATIN1 = /[\u00C2-\u00F4][\u0080-\u00BF]/;
const FALLBACK_LEGACY_CHARSETS = ['iso-8859-2', 'windows-1250'] as const;

function bytesOf(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) & 0xff;
  return bytes;
}

function decode(bytes: Uint8Array, charset: string, fatal = false): string | null {
  try {
    return new TextDecoder(charset, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

function legacyCharset(bytes: Uint8Array, declared: string | null | undefined): string {
  const hint = (declared ?? '').trim().toLowerCase();
  if (hint !== '' && !/^(?:utf-?8|us-ascii|ascii)$/.test(hint) && decode(new Uint8Array(), hint) !== null) return hint;
  return bytes.some((byte) => byte >= 0x80 && byte <= 0x9f) ? FALLBACK_LEGACY_CHARSETS[1] : FALLBACK_LEGACY_CHARSETS[0];
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function wordBytes(encoding: string, text: string): Uint8Array {
  if (encoding.toLowerCase() === 'b') {
    const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
    const bytes: number[] = [];
    let buffer = 0;
    let bits = 0;
    for (const ch of clean) {
      buffer = (buffer << 6) | 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(ch);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((buffer >> bits) & 0xff);
      }
    }
    return Uint8Array.from(bytes);
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const hex = ch === '=' ? /^[0-9A-Fa-f]{2}$/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(ch === '_' ? 0x20 : ch.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(bytes);
}

/** Bytes as text: the declared charset when it reads them, else UTF-8, else the legacy guess. */
function readBytes(bytes: Uint8Array, declared: string, hint: string | null | undefined): string {
  const charset = declared.split('*')[0]!.toLowerCase();
  return decode(bytes, charset, true) ?? decode(bytes, 'utf-8', true) ?? decode(bytes, legacyCharset(bytes, hint)) ?? '';
}

/** Decodes a raw header value (one character per byte) with its encoded words, tolerantly. */
function decodeRawHeader(raw: string, hint: string | null | undefined): string {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  let out = '';
  let last = 0;
  let run: { charset: string; bytes: number[] } | null = null;
  const flush = () => {
    if (run) out += readBytes(Uint8Array.from(run.bytes), run.charset, hint);
    run = null;
  };
  for (const match of unfolded.matchAll(ENCODED_WORD)) {
    const between = unfolded.slice(last, match.index);
    const [, charset = '', encoding = 'q', text = ''] = match;
    if (!(run && /^\s*$/.test(between) && (run as { charset: string }).charset.toLowerCase() === charset.toLowerCase())) {
      flush();
      out += readBytes(bytesOf(between), 'utf-8', hint);
      run = { charset, bytes: [] };
    }
    (run as { charset: string; bytes: number[] } | null)?.bytes.push(...wordBytes(encoding, text));
    last = (match.index ?? 0) + match[0].length;
  }
  flush();
  return (out + readBytes(bytesOf(unfolded.slice(last)), 'utf-8', hint)).replace(/\s+/g, ' ').trim();
}

/**
 * The header text as it should read (see the module comment). `decoded` is what
 * the mail parser made of it; `rawValue` the header's value as received, one
 * character per byte (or undefined when unknown); `declaredCharset` the charset
 * the mail declares for its text. Answers `decoded` when nothing needs repair.
 */
export function repairHeaderText(decoded: string, rawValue: string | undefined, declaredCharset?: string | null): string {
  if (typeof decoded !== 'string') return '';
  if (decoded.includes(REPLACEMENT) && typeof rawValue === 'string') {
    const read = decodeRawHeader(rawValue, declaredCharset);
    if (read !== '' && !read.includes(REPLACEMENT)) return read;
  }
  if (ONE_BYTE_ONLY.test(decoded) && UTF8_AS_LATIN1.test(decoded)) {
    const read = decode(bytesOf(decoded), 'utf-8', true);
    if (read !== null) return read;
  }
  return decoded;
}
