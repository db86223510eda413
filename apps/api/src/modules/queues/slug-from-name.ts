/** Slugs are short: rules and integrations name queues and categories by them. */
export const MAX_SLUG_LENGTH = 60;

/** A slug made from a name: `Obsługa posprzedażowa` → `obsluga-posprzedazowa`; empty when the name has no latin letters or digits. */
export function slugFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** What a slug given by hand must look like: lower-case latin letters and digits in words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
