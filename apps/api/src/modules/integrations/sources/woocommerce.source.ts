import type { Order, OrderShipment, OrderStatus, PaymentStatus } from '@okienko/domain';
import type { OrderQuery, OrderSource } from './order-source.js';
import { jsonOf, money, retryAfterMs, type ShopClient } from './shop-client.js';
import { ShopError } from './shop-error.js';

export interface WooCommerceSettings {
  url: string;
  consumerKey: string;
  consumerSecret: string;
}

/** What WooCommerce's REST API v3 answers for an order (the fields read here). */
interface WooOrder {
  id: number;
  number: string;
  status: string;
  currency: string;
  date_created_gmt: string | null;
  date_created: string | null;
  date_paid_gmt?: string | null;
  total: string;
  billing?: { email?: string; phone?: string };
  line_items?: { name: string; sku?: string; quantity: number; price: number | string }[];
  meta_data?: { key: string; value: unknown }[];
}

/** What the Shipment Tracking extension answers (and keeps in the `_wc_shipment_tracking_items` meta). */
interface WooTracking {
  tracking_provider?: string;
  custom_tracking_provider?: string;
  tracking_number?: string;
  tracking_link?: string;
  custom_tracking_link?: string;
  date_shipped?: string | number;
}

/** The labels a Polish WooCommerce shows for its statuses. */
const LABELS: Record<string, [OrderStatus, string]> = {
  pending: ['pending', 'Oczekujące na płatność'],
  processing: ['processing', 'W trakcie realizacji'],
  'on-hold': ['on_hold', 'Wstrzymane (oczekujące)'],
  completed: ['completed', 'Zrealizowane'],
  cancelled: ['cancelled', 'Anulowane'],
  refunded: ['refunded', 'Zwrócone'],
  failed: ['failed', 'Nieudane'],
  'checkout-draft': ['pending', 'Szkic'],
};

const PAGE_SIZE = 100;
const MAX_PAGES = 3;
/** Shipments are read for this many of the newest orders at most. */
const MAX_TRACKED = 10;

/**
 * WooCommerce through its REST API v3 (`/wp-json/wc/v3`), with the consumer
 * key and secret (HTTP Basic, and as query parameters for servers that drop
 * the Authorization header). Its `search` is fuzzy (any field containing the
 * text), so the orders found by an e-mail are kept only when their billing
 * e-mail is exactly it. Shipments come from the Shipment Tracking extension
 * when the shop has it.
 */
export class WooCommerceSource implements OrderSource {
  private readonly base: string;
  private trackingMissing = false;

  constructor(
    private readonly integrationId: string,
    private readonly settings: WooCommerceSettings,
    private readonly http: ShopClient,
  ) {
    this.base = settings.url.replace(/\/+$/, '');
  }

  async findOrders(query: OrderQuery): Promise<Order[]> {
    const found = new Map<number, WooOrder>();
    const after = query.since ? query.since.toISOString().slice(0, 19) : undefined;
    // Every e-mail and phone at once; then the mentioned numbers not found among them; then their parcels.
    const byIdentity = await Promise.all([
      ...query.emails.map(async (email) => {
        const wanted = email.toLowerCase();
        return (await this.search(email, after)).filter((order) => order.billing?.email?.trim().toLowerCase() === wanted);
      }),
      ...query.phones.map(async (phone) => {
        const digits = phone.replace(/\D/g, '').slice(-9);
        if (digits.length < 9) return [];
        return (await this.search(digits, after)).filter((order) => (order.billing?.phone ?? '').replace(/\D/g, '').endsWith(digits));
      }),
    ]);
    byIdentity.flat().forEach((order) => found.set(order.id, order));
    const known = new Set([...found.values()].map((o) => String(o.number)));
    const byNumber = await Promise.all(
      query.orderNumbers.filter((number) => !known.has(number)).map(async (number) => {
        const matches = (await this.search(number, undefined)).filter((o) => o.number === number || String(o.id) === number);
        if (!matches.length && /^\d+$/.test(number)) {
          const direct = await this.fetchOrder(number);
          if (direct && String(direct.number) === number) matches.push(direct);
        }
        return matches;
      }),
    );
    byNumber.flat().forEach((order) => found.set(order.id, order));
    const orders = [...found.values()].sort((a, b) => created(b).localeCompare(created(a)));
    return Promise.all(orders.map((order, i) => this.toOrder(order, i < MAX_TRACKED)));
  }

  async getOrder(externalId: string): Promise<Order | null> {
    if (!/^\d+$/.test(externalId)) return null;
    const order = await this.fetchOrder(externalId);
    return order ? this.toOrder(order, true) : null;
  }

  async test(): Promise<{ ordersSeen: number | null }> {
    const response = await this.get('/wp-json/wc/v3/orders', { per_page: '1' });
    await jsonOf<WooOrder[]>(response, 'WooCommerce');
    const total = Number(response.headers.get('x-wp-total'));
    return { ordersSeen: Number.isFinite(total) && response.headers.has('x-wp-total') ? total : null };
  }

  private async search(text: string, after: string | undefined): Promise<WooOrder[]> {
    const all: WooOrder[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const params: Record<string, string> = { search: text, per_page: String(PAGE_SIZE), page: String(page), orderby: 'date', order: 'desc' };
      if (after) params.after = after;
      const response = await this.get('/wp-json/wc/v3/orders', params);
      const orders = await jsonOf<WooOrder[]>(response, 'WooCommerce');
      if (!Array.isArray(orders)) throw new ShopError('invalid_answer', 'WooCommerce answered the order list with something other than a list');
      all.push(...orders);
      const pages = Number(response.headers.get('x-wp-totalpages') ?? '1');
      if (orders.length < PAGE_SIZE || page >= pages) break;
    }
    return all;
  }

  private async fetchOrder(id: string): Promise<WooOrder | null> {
    const response = await this.get(`/wp-json/wc/v3/orders/${encodeURIComponent(id)}`, {}, { allowNotFound: true });
    if (response.status === 404) return null;
    return jsonOf<WooOrder>(response, 'WooCommerce');
  }

  private async shipment(order: WooOrder, readTracking: boolean): Promise<OrderShipment> {
    let items = trackingFromMeta(order);
    if (!items && readTracking && !this.trackingMissing) {
      const response = await this.get(`/wp-json/wc-shipment-tracking/v3/orders/${order.id}/shipment-trackings`, {}, { allowNotFound: true });
      if (response.status === 404) {
        // No Shipment Tracking extension on this shop (rest_no_route): not asked again in this lookup.
        this.trackingMissing = true;
      } else {
        const answer = await jsonOf<WooTracking[]>(response, 'WooCommerce Shipment Tracking');
        items = Array.isArray(answer) ? answer : null;
      }
    }
    const latest = items?.at(-1);
    if (!latest) return {};
    return {
      carrier: latest.tracking_provider || latest.custom_tracking_provider || null,
      trackingNumber: latest.tracking_number || null,
      trackingUrl: latest.tracking_link || latest.custom_tracking_link || null,
      status: latest.date_shipped ? 'shipped' : null,
    };
  }

  private async toOrder(order: WooOrder, readTracking: boolean): Promise<Order> {
    const [status, label] = LABELS[order.status] ?? ['other', order.status];
    const shipment = await this.shipment(order, readTracking);
    return {
      integrationId: this.integrationId,
      provider: 'woocommerce',
      externalId: String(order.id),
      number: String(order.number ?? order.id),
      createdAt: created(order),
      status,
      statusLabel: label,
      total: { amount: money(order.total), currency: order.currency || 'PLN' },
      paymentStatus: payment(order),
      items: (order.line_items ?? []).map((item) => ({ name: item.name, sku: item.sku || null, quantity: item.quantity, price: money(item.price) })),
      shipment,
      adminUrl: `${this.base}/wp-admin/post.php?post=${order.id}&action=edit`,
      email: order.billing?.email ?? null,
    };
  }

  private async get(path: string, params: Record<string, string>, options: { allowNotFound?: boolean } = {}): Promise<Response> {
    const url = new URL(`${this.base}${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('consumer_key', this.settings.consumerKey);
    url.searchParams.set('consumer_secret', this.settings.consumerSecret);
    const basic = Buffer.from(`${this.settings.consumerKey}:${this.settings.consumerSecret}`).toString('base64');
    const response = await this.http.fetch(url.toString(), { headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' } });
    if (response.ok || (response.status === 404 && options.allowNotFound)) return response;
    const body = await response.text();
    let message = body.slice(0, 200);
    let code = '';
    try {
      const parsed = JSON.parse(body) as { code?: string; message?: string };
      message = parsed.message ?? message;
      code = parsed.code ?? '';
    } catch {
      // not JSON: the text as it came
    }
    const said = `WooCommerce: ${message}${code ? ` (${code})` : ''} [HTTP ${response.status}]`;
    if (response.status === 401 || response.status === 403) throw new ShopError('auth', said);
    if (response.status === 429) throw new ShopError('rate_limited', said, retryAfterMs(response.headers.get('retry-after')));
    if (response.status === 404) throw new ShopError('invalid_answer', `${said}: is ${this.base} a WooCommerce shop with the REST API on?`);
    throw new ShopError('unavailable', said);
  }
}

function created(order: WooOrder): string {
  const gmt = order.date_created_gmt ?? order.date_created;
  if (!gmt) return new Date(0).toISOString();
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(gmt) ? gmt : `${gmt}Z`);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function payment(order: WooOrder): PaymentStatus {
  if (order.status === 'refunded') return 'refunded';
  // WooCommerce records when an order was paid; none yet (a transfer awaited, cash on delivery): unpaid.
  return order.date_paid_gmt ? 'paid' : 'unpaid';
}

function trackingFromMeta(order: WooOrder): WooTracking[] | null {
  const meta = order.meta_data?.find((m) => m.key === '_wc_shipment_tracking_items');
  return Array.isArray(meta?.value) && meta.value.length ? (meta.value as WooTracking[]) : null;
}
