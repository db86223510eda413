import type { Order } from './order.js';

/** The placeholders of an order in templates, each with the value it takes from the order. */
export const ORDER_PLACEHOLDER_PATHS = ['order.number', 'order.status', 'order.trackingUrl', 'order.carrier', 'order.total'] as const;

/**
 * The order a template speaks of: the one pinned to the ticket, else the one the
 * customer mentioned, else the newest.
 */
export function orderForTemplate(pinned: Order | null, mentioned: Order | null, newest: Order | null): Order | null {
  return pinned ?? mentioned ?? newest;
}

/** Values of the order placeholders; all empty without an order. */
export function orderTemplateValues(order: Order | null, locale: 'pl' | 'en' = 'pl'): Map<string, string> {
  return new Map<string, string>([
    ['order.number', order?.number ?? ''],
    ['order.status', order?.statusLabel ?? ''],
    ['order.trackingUrl', order?.shipment.trackingUrl ?? ''],
    ['order.carrier', order?.shipment.carrier ?? ''],
    ['order.total', order ? formatMoney(order.total.amount, order.total.currency, locale) : ''],
  ]);
}

/** `129.99 PLN` → `129,99 zł` (Polish) or `PLN 129.99` (English). */
export function formatMoney(amount: string, currency: string, locale: 'pl' | 'en'): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`.trim();
  try {
    return new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { style: 'currency', currency: currency || 'PLN' }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`.trim();
  }
}
