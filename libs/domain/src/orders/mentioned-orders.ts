/** What a customer's text names: shop order numbers and marketplace order ids. */
export interface MentionedOrders {
  /** Shop order numbers (`#4521`, `zamówienie nr 4521`, `order 4521`). */
  numbers: string[];
  /** Marketplace order ids (Allegro checkout-form UUIDs, Amazon `123-1234567-1234567`). */
  externalIds: string[];
}

const AMAZON = /\b\d{3}-\d{7}-\d{7}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** `#4521`, not part of a ticket tag `[#2026-000123]`. */
const HASH = /(?<![[\w])#\s?(\d{3,12})\b(?!-\d)/g;
/** `zamówienie nr 4521`, `zamówienia numer 4521`, `nr zamówienia: 4521`, `order no. 4521`, `order #4521`. */
const WORDED =
  /\b(?:zam[oó]wieni(?:e|a|u|em)|order)(?:\s+(?:nr\.?|numer|no\.?|number))?\s*[:#]?\s*(\d{3,12})\b|\b(?:nr|numer)\s+zam[oó]wienia\s*[:#]?\s*(\d{3,12})\b/giu;

/**
 * The order numbers and marketplace ids a text mentions, in the order they
 * appear, each once. Ticket numbers (`2026-000123`) are not order numbers.
 */
export function mentionedOrders(text: string): MentionedOrders {
  const numbers: string[] = [];
  const externalIds: string[] = [];
  const add = (list: string[], value: string | undefined) => {
    if (value && !list.includes(value)) list.push(value);
  };
  const found: { at: number; value: string }[] = [];
  for (const match of text.matchAll(HASH)) found.push({ at: match.index, value: match[1] });
  for (const match of text.matchAll(WORDED)) found.push({ at: match.index, value: (match[1] ?? match[2])! });
  found.sort((a, b) => a.at - b.at).forEach((f) => add(numbers, f.value));
  for (const match of text.matchAll(AMAZON)) add(externalIds, match[0]);
  for (const match of text.matchAll(UUID)) add(externalIds, match[0].toLowerCase());
  return { numbers, externalIds };
}
