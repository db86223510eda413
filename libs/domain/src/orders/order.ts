/** The shop systems orders are read from. */
export const ORDER_PROVIDERS = ['woocommerce', 'baselinker', 'shoper'] as const;
export type OrderProvider = (typeof ORDER_PROVIDERS)[number];

/**
 * An order's state in words every shop maps onto: `pending` (placed, not paid or
 * not confirmed), `processing` (paid, being prepared), `on_hold`, `shipped`,
 * `completed`, `cancelled`, `refunded`, `failed`, `other` (a state of the shop's
 * own that says none of these).
 */
export const ORDER_STATUSES = ['pending', 'processing', 'on_hold', 'shipped', 'completed', 'cancelled', 'refunded', 'failed', 'other'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['paid', 'unpaid', 'partially_paid', 'refunded', 'unknown'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface OrderItem {
  name: string;
  sku?: string | null;
  quantity: number;
  /** Price of one item, in the order's currency, as a decimal string (`"129.99"`). */
  price: string;
}

export interface OrderShipment {
  carrier?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  status?: string | null;
}

/** An order as every shop adapter answers it. */
export interface Order {
  integrationId: string;
  provider: OrderProvider;
  /** The shop's own id of the order. */
  externalId: string;
  /** The number the customer knows (may equal the id). */
  number: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  status: OrderStatus;
  /** The status as the shop names it. */
  statusLabel: string;
  total: { amount: string; currency: string };
  paymentStatus: PaymentStatus;
  items: OrderItem[];
  shipment: OrderShipment;
  /** The order in the shop's administration panel. */
  adminUrl: string | null;
  /** Marketplace order id the shop keeps for it (Allegro, Amazon), if any. */
  externalOrderId?: string | null;
  /** The e-mail the order was placed with. */
  email?: string | null;
}
