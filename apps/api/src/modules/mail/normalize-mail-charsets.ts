import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { detectCharset, readsCleanly } from './detect-charset.js';

/**
 * Makes the charsets of a raw mail explicit before it is parsed, where the
 * sender left them out (the parser would read such bytes as UTF-8 and show `�`
 * or mojibake):
 *
 * - Header fields with raw 8-bit bytes that are not UTF-8 (old mail programs
 *   write GB2312, Shift_JIS, ISO-8859-2, Windows-1250… there, without encoded
 *   words) are re-written in UTF-8 (RFC 6532). Their charset is the one the
 *   mail declares for its text (the top-level Content-Type, else its first text
 *   part) when that reads the bytes; else it is detected from the bytes (of
 *   all such headers together, and of the text parts without a charset).
 * - Text parts with 8-bit content (raw, quoted-printable or base64) that is not
 *   UTF-8 and no usable charset (none, one nobody knows such as `x-unknown`, or
 *   ASCII/UTF-8 declared over other bytes) get one in their Content-Type: the
 *   one an HTML part's `<meta>` names, else the detected one.
 *
 * The body bytes are never changed; a mail needing nothing comes back as it was.
 */
export function normalizeMailCharsets(raw: Buffer): Buffer {
  const walk: Walk = { edits: [], declared: null, undeclared: [], parts: 0, partFields: [] };
  const top = readPart(raw, 0, raw.length, walk, 0);
  // The parts' own headers too: raw 8-bit file names (`filename="绩效管理.xls"`).
  const badHeaders = headersToTranscode(raw, [...top.fields, ...walk.partFields]);
  if (!badHeaders.length && !walk.edits.length) return raw;

  if (badHeaders.length) {
    const sample = Buffer.concat(badHeaders.flatMap((f) => [raw.subarray(f.valueStart, f.end), Buffer.from('\n')]));
    const declared = walk.declared && !/^(?:utf-?8|us-ascii|ascii)$/i.test(walk.declared) && readsCleanly(sample, walk.declared) ? walk.declared : null;
    const charset = declared ?? detectCharset(Buffer.concat([sample, ...walk.undeclared]));
    for (const field of badHeaders) {
      const text = iconv.decode(raw.subarray(field.start, field.end), charset === 'utf-8' ? 'windows-1252' : charset);
      walk.edits.push({ start: field.start, end: field.end, bytes: Buffer.from(text, 'utf8') });
    }
  }
  return applyEdits(raw, walk.edits);
}

interface Field {
  name: string;
  /** Where the field starts, its value starts, and where it ends (before its line break). */
  start: number;
  valueStart: number;
  end: number;
}

interface Edit {
  start: number;
  end: number;
  bytes: Buffer;
}

interface Walk {
  edits: Edit[];
  /** The charset the mail declares for its text (top level, or its first text part). */
  declared: string | null;
  /** Bodies of text parts without a charset, decoded from their transfer encoding. */
  undeclared: Buffer[];
  parts: number;
  /** The header fields of every part below the top level. */
  partFields: Field[];
}

const MAX_PARTS = 500;
const MAX_DEPTH = 20;

/** Reads one entity (the message or a part) between start and end; answers its header fields. */
function readPart(raw: Buffer, start: number, end: number, walk: Walk, depth: number): { fields: Field[] } {
  const { fields, bodyStart } = readHeader(raw, start, end);
  if (depth > 0) walk.partFields.push(...fields);
  const contentType = fieldValue(raw, fields, 'content-type');
  const type = (/^\s*([^;\s]+)/.exec(contentType ?? '')?.[1] ?? 'text/plain').toLowerCase();
  const charset = param(contentType, 'charset');
  if (++walk.parts > MAX_PARTS || depth > MAX_DEPTH) return { fields };

  if (type.startsWith('multipart/')) {
    const boundary = param(contentType, 'boundary');
    if (boundary) for (const [s, e] of splitMultipart(raw, bodyStart, end, boundary)) readPart(raw, s, e, walk, depth + 1);
    return { fields };
  }
  if (!type.startsWith('text/')) return { fields };
  const declared = charset?.toLowerCase() ?? null;
  // A charset that reads whatever the part holds: nothing to do (a wrong one is the sender's word against a guess).
  if (declared && knownCharset(declared) && !UNICODE_OR_ASCII.test(declared)) {
    walk.declared ??= declared;
    return { fields };
  }
  if (bodyStart >= end) return { fields };
  const encoding = (fieldValue(raw, fields, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  const body = decodeTransfer(raw.subarray(bodyStart, end), encoding);
  // Declared ASCII or UTF-8 and so it is (or UTF-8 with a broken byte here and there): kept.
  if (!hasHighByte(body) || isUtf8(body) || (declared !== null && /utf-?8/.test(declared) && hasUtf8Sequences(body))) {
    if (declared && knownCharset(declared)) walk.declared ??= declared;
    return { fields };
  }
  // No charset, one nobody knows (`x-unknown`), or ASCII/UTF-8 declared over other 8-bit text: detected.
  walk.undeclared.push(body.subarray(0, 64 * 1024));
  const detected = (type === 'text/html' ? metaCharset(body) : null) ?? detectCharset(body);
  const ct = fields.find((f) => f.name === 'content-type');
  if (ct) {
    const line = raw.subarray(ct.start, ct.end).toString('latin1');
    const replaced = line.replace(/(;\s*charset\s*=\s*)(?:"[^"]*"|[^;\s]+)/i, `$1"${detected}"`);
    const updated = replaced !== line ? replaced : `${line.replace(/\s*;?\s*$/, '')}; charset="${detected}"`;
    walk.edits.push({ start: ct.start, end: ct.end, bytes: Buffer.from(updated, 'latin1') });
  } else {
    walk.edits.push({ start, end: start, bytes: Buffer.from(`Content-Type: ${type}; charset="${detected}"\r\n`, 'latin1') });
  }
  return { fields };
}

const UNICODE_OR_ASCII = /^(?:utf-?8|us-?ascii|ascii)$/;

/** The charset an HTML part names in its own `<meta>`, when that reads it. */
function metaCharset(body: Buffer): string | null {
  const head = body.subarray(0, 8192).toString('latin1');
  const named = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  return named && !UNICODE_OR_ASCII.test(named) && readsCleanly(body, named) ? named : null;
}

/** Charsets the mail parser reads: iconv-lite's, and the Japanese ISO-2022 ones it decodes itself. */
function knownCharset(charset: string): boolean {
  return iconv.encodingExists(charset) || /^iso-?2022-?jp/.test(charset);
}

/** Whether the bytes hold UTF-8 multi-byte characters (then stray invalid bytes are damage, not another charset). */
function hasUtf8Sequences(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0xc2 || lead > 0xf4) continue;
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/** Header fields up to the first empty line, and where the body starts. */
function readHeader(raw: Buffer, start: number, end: number): { fields: Field[]; bodyStart: number } {
  const fields: Field[] = [];
  let pos = start;
  let current: Field | null = null;
  while (pos < end) {
    let eol = raw.indexOf(0x0a, pos);
    if (eol < 0 || eol >= end) eol = end;
    const lineEnd = eol > pos && raw[eol - 1] === 0x0d ? eol - 1 : eol;
    if (lineEnd === pos) return { fields, bodyStart: Math.min(eol + 1, end) };
    const first = raw[pos];
    if ((first === 0x20 || first === 0x09) && current) {
      current.end = lineEnd;
    } else {
      const colon = raw.indexOf(0x3a, pos);
      if (colon < 0 || colon > lineEnd) {
        // Not a header line: the body starts here (a part without a blank line).
        return { fields, bodyStart: pos };
      }
      current = { name: raw.subarray(pos, colon).toString('latin1').trim().toLowerCase(), start: pos, valueStart: colon + 1, end: lineEnd };
      fields.push(current);
    }
    pos = eol + 1;
  }
  return { fields, bodyStart: end };
}

function fieldValue(raw: Buffer, fields: Field[], name: string): string | null {
  const field = fields.find((f) => f.name === name);
  return field ? raw.subarray(field.valueStart, field.end).toString('latin1').replace(/\r?\n[ \t]+/g, ' ') : null;
}

function param(value: string | null, name: string): string | null {
  if (!value) return null;
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  const found = (match?.[1] ?? match?.[2] ?? '').trim();
  return found === '' ? null : found;
}

/** The parts of a multipart body: [start, end) of each, without the delimiter lines. */
function splitMultipart(raw: Buffer, start: number, end: number, boundary: string): [number, number][] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: [number, number][] = [];
  let partStart = -1;
  let pos = start;
  while (pos < end) {
    const at = raw.indexOf(delimiter, pos);
    if (at < 0 || at >= end) break;
    const lineStart = at === start || raw[at - 1] === 0x0a;
    if (!lineStart) {
      pos = at + delimiter.length;
      continue;
    }
    if (partStart >= 0) {
      // The line break before the delimiter belongs to it.
      let partEnd = at;
      if (raw[partEnd - 1] === 0x0a) partEnd--;
      if (raw[partEnd - 1] === 0x0d) partEnd--;
      parts.push([partStart, Math.max(partStart, partEnd)]);
    }
    const closing = raw[at + delimiter.length] === 0x2d && raw[at + delimiter.length + 1] === 0x2d;
    const eol = raw.indexOf(0x0a, at);
    if (closing) return parts;
    partStart = eol < 0 || eol >= end ? end : eol + 1;
    pos = partStart;
  }
  if (partStart >= 0 && partStart < end) parts.push([partStart, end]);
  return parts;
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = body.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return body;
}

/** Header fields with 8-bit bytes that are not UTF-8. */
function headersToTranscode(raw: Buffer, fields: Field[]): Field[] {
  return fields.filter((field) => {
    const value = raw.subarray(field.start, field.end);
    return hasHighByte(value) && !isUtf8(value);
  });
}

function hasHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function applyEdits(raw: Buffer, edits: Edit[]): Buffer {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: Buffer[] = [];
  let pos = 0;
  for (const edit of sorted) {
    if (edit.start < pos) continue;
    pieces.push(raw.subarray(pos, edit.start), edit.bytes);
    pos = edit.end;
  }
  pieces.push(raw.subarray(pos));
  return Buffer.concat(pieces);
}
