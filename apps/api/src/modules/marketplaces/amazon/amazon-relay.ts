/** Amazon's buyer–seller relay addresses: `…@marketplace.amazon.pl` (`.de`, `.com`, `.co.uk`, …). */
const RELAY = /^[^\s@]+@marketplace\.amazon\.((?:co\.)?[a-z]{2,3}(?:\.[a-z]{2})?)$/i;

/** Amazon order ids: `028-1234567-1234567`. */
const ORDER_ID = /\b(\d{3}-\d{7}-\d{7})\b/;

/** The Amazon site a relay address belongs to (`amazon.pl`), or null for any other address. */
export function amazonRelaySite(address: string | null | undefined): string | null {
  const match = RELAY.exec((address ?? '').trim());
  return match ? `amazon.${match[1]!.toLowerCase()}` : null;
}

/** The first Amazon order id in the subject, else in the text. */
export function amazonOrderId(subject: string, text: string): string | null {
  return ORDER_ID.exec(subject)?.[1] ?? ORDER_ID.exec(text)?.[1] ?? null;
}

/** The tag naming a ticket's Amazon order. */
export function amazonOrderTag(orderId: string): string {
  return `amazon-order:${orderId}`;
}
