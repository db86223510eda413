const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 64;
/** Runs of letters and digits in any script; everything else (including every tsquery operator) separates them. */
const TOKEN_PATTERN = /[\p{L}\p{N}]+/gu;

/**
 * Turns what a user typed into the search box into a PostgreSQL
 * `to_tsquery('simple', …)` string in which every word is a prefix and all of
 * them must match: `Zamówienie nr 123 — zwrot!` → `zamówienie:* & nr:* & 123:* & zwrot:*`.
 *
 * Only letters and digits survive, so the user cannot inject tsquery syntax.
 * Words are lowercased, repeated words are kept once, at most 8 words of at most
 * 64 characters are used. Diacritics stay: the database strips them with
 * `unaccent` on both sides. Returns null when nothing searchable is left.
 */
export function buildPrefixTsQuery(input: string): string | null {
  if (typeof input !== 'string') return null;
  const tokens: string[] = [];
  // NFC first so a letter typed as base + combining accent stays one letter.
  for (const match of input.normalize('NFC').matchAll(TOKEN_PATTERN)) {
    const token = Array.from(match[0].toLowerCase()).slice(0, MAX_TOKEN_LENGTH).join('');
    if (token === '' || tokens.includes(token)) continue;
    tokens.push(token);
    if (tokens.length === MAX_TOKENS) break;
  }
  return tokens.length === 0 ? null : tokens.map((token) => `${token}:*`).join(' & ');
}
