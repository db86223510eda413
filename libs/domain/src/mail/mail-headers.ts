/**
 * The header section of a mail as plain data: lower-case header name → every
 * value of that header, in the order they appear in the message (a mail may carry
 * several `Received`, `X-Loop` or even `Message-ID` lines).
 *
 * Values are the text after the header's colon. They may still be folded and may
 * still carry RFC 2047 encoded words (`=?UTF-8?Q?...?=`): the readers below unfold
 * and trim, but do not decode — code that needs decoded text (a subject in Polish)
 * takes it from the mail parser instead.
 */
export type MailHeaders = Readonly<Record<string, readonly string[]>>;

/** Lines continued with CRLF (or LF) followed by whitespace, as in folded headers. */
const FOLD_PATTERN = /\r?\n[ \t]+/g;

function unfold(value: string): string {
  return value.replace(FOLD_PATTERN, ' ').trim();
}

/**
 * Maps made by createMailHeaders: their names are lower-case already, so a name
 * that is not there is simply missing (no search through every header: a mail is
 * asked about twenty headers it mostly does not carry).
 */
const lowerCaseMaps = new WeakSet<object>();

function rawValues(headers: MailHeaders, name: string): readonly string[] {
  if (headers === null || typeof headers !== 'object' || typeof name !== 'string') return [];
  const key = name.trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(headers, key)) {
    const values = headers[key];
    return Array.isArray(values) ? values : [];
  }
  if (lowerCaseMaps.has(headers)) return [];
  // Tolerate maps built with the header's original spelling (`Message-ID`).
  for (const [candidate, values] of Object.entries(headers)) {
    if (candidate.toLowerCase() === key && Array.isArray(values)) return values;
  }
  return [];
}

/** Every value of header `name` (any case), in message order, unfolded and trimmed. */
export function headerValues(headers: MailHeaders, name: string): string[] {
  return rawValues(headers, name)
    .filter((value): value is string => typeof value === 'string')
    .map(unfold);
}

/**
 * The first value of header `name` (any case), unfolded and trimmed; undefined when
 * the mail has no such header. A header present with an empty value gives `''`.
 */
export function headerValue(headers: MailHeaders, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/**
 * Builds MailHeaders from `[name, value]` pairs in message order (for example the
 * header lines of a parsed mail): names are lower-cased, values of a repeated
 * header are kept in order.
 */
export function createMailHeaders(entries: Iterable<readonly [string, string]>): MailHeaders {
  const headers: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of entries) {
    const key = name.trim().toLowerCase();
    if (key === '') continue;
    (headers[key] ??= []).push(value);
  }
  lowerCaseMaps.add(headers);
  return headers;
}
