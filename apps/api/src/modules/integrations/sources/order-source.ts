import type { Order } from '@okienko/domain';

/** What to look for in a shop: every identity of the customer and the orders the ticket names. */
export interface OrderQuery {
  emails: string[];
  /** E.164 (`+48600100200`). */
  phones: string[];
  /** Order numbers the customer mentioned. */
  orderNumbers: string[];
  /** Marketplace order ids (Allegro, Amazon) the ticket names. */
  externalOrderIds?: string[];
  /** Only orders placed since. */
  since?: Date;
}

/**
 * One shop system behind one interface. Each adapter is written from the
 * system's public API documentation and answers orders in the shared `Order`
 * shape; a failure is a `ShopError` carrying the shop's own message.
 */
export interface OrderSource {
  findOrders(query: OrderQuery, signal: AbortSignal): Promise<Order[]>;
  /** The order by the shop's id; null when the shop has no such order. */
  getOrder(externalId: string, signal: AbortSignal): Promise<Order | null>;
  /** Connects and reads orders; answers how many orders the shop reported, when it says. */
  test(signal: AbortSignal): Promise<{ ordersSeen: number | null }>;
}
