const MAX_SLUG_LENGTH = 80;

/** What a template slug looks like: lowercase ASCII words joined by single dashes, e.g. `order-status`. */
export const TEMPLATE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A slug from a title: `Status zamówienia` → `status-zamowienia`. Polish (and
 * other Latin) letters lose their marks, everything that is not a letter or
 * digit separates words; an empty result is `template`.
 */
export function templateSlug(title: string): string {
  const ascii = title
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX_SLUG_LENGTH) ?? '') || 'template';
}
