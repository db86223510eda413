import type { Order } from './order.js';

/** Newest first; ties by number, so the order of equal times is stable. */
export function newestFirst(orders: readonly Order[]): Order[] {
  return [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number.localeCompare(a.number));
}

/** Whether the order is one the text mentioned (its number or the marketplace id it came from). */
export function isMentioned(order: Order, mentioned: { numbers: readonly string[]; externalIds: readonly string[] }): boolean {
  return (
    mentioned.numbers.includes(order.number) ||
    mentioned.numbers.includes(order.externalId) ||
    (!!order.externalOrderId && mentioned.externalIds.includes(order.externalOrderId.toLowerCase()))
  );
}
