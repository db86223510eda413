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

/**
 * The header text as it should read (see the module comment). `decoded` is what
 * the mail parser made of it; `rawValue` the header's value as received, one
 * character per byte (or undefined when unknown); `declaredCharset` the charset
 * the mail declares for its text. Answers `decoded` when nothing needs repair.
 */
export function repairHeaderText(decoded: string, rawValue: string | undefined, declaredCharset?: string | null): string {
  if (typeof decoded !== 'string') return '';
  if (decoded.includes(REPLACEMENT) && typeof rawValue === 'string' && !rawValue.includes('=?')) {
    const bytes = bytesOf(rawValue);
    if (bytes.some((byte) => byte >= 0x80) && decode(bytes, 'utf-8', true) === null) {
      const read = decode(bytes, legacyCharset(bytes, declaredCharset));
      if (read !== null) return read.replace(/\r?\n[ \t]+/g, ' ').trim();
    }
  }
  if (ONE_BYTE_ONLY.test(decoded) && UTF8_AS_LATIN1.test(decoded)) {
    const read = decode(bytesOf(decoded), 'utf-8', true);
    if (read !== null) return read;
  }
  return decoded;
}
