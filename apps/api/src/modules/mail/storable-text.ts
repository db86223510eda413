/** NUL (PostgreSQL text cannot hold it) and unpaired UTF-16 surrogates (no character at all). */
const UNSTORABLE = /\u0000|\p{Cs}/gu;

/**
 * Text from a mail as PostgreSQL can store it: NUL characters and unpaired
 * surrogate halves removed (a sender's NUL byte is no text anyone reads).
 */
export function storableText(text: string): string;
export function storableText(text: string | null): string | null;
export function storableText(text: string | null): string | null {
  return text === null ? null : text.replace(UNSTORABLE, '');
}
