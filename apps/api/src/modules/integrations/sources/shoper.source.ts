import { carrierTrackingUrl, statusFromLabel, type Order, type OrderStatus, type PaymentStatus } from '@okienko/domain';
import type { OrderQuery, OrderSource } from './order-source.js';
import { jsonOf, money, retryAfterMs, type ShopClient } from './shop-client.js';
import { ShopError } from './shop-error.js';

export interface ShoperSettings {
  url: string;
  login: string;
  password: string;
}

/** Shoper's leaky bucket as documented (X-Shop-Api-Limit 10, X-Shop-Api-Bandwidth 2 a second). */
export const SHOPER_LIMIT = { capacity: 10, perSecond: 2 };

interface ShoperList<T> {
  count: string | number;
  pages: number;
  page: number;
  list: T[];
}

interface ShoperOrder {
  order_id: number | string;
  date: string;
  status_id: number | string;
  sum: number | string;
  paid: number | string;
  currency_name?: string;
  email?: string;
  delivery_code?: string;
  shipping?: { name?: string } | null;
  shipping_name?: string;
  billing_address?: { phone?: string };
}

interface ShoperOrderProduct {
  order_id: number | string;
  name: string;
  code?: string;
  quantity: number | string;
  price: number | string;
}

interface ShoperStatus {
  status_id: number | string;
  type: number | string;
  translations?: Record<string, { name?: string }>;
  name?: string;
}

/** Shoper's status types: 1 new, 2 opened (in progress), 3 completed, 4 not completed (cancelled, returned). */
const BY_TYPE: Record<string, OrderStatus> = { '1': 'pending', '2': 'processing', '3': 'completed', '4': 'cancelled' };

/** Tokens by shop and login, while valid (Shoper's tokens live for days; a lookup should not log in each time). */
const TOKENS = new Map<string, { token: string; until: number }>();

/** Items are read for this many of the newest orders at most (one request each). */
const MAX_ITEMS = 5;

/**
 * Shoper through its REST API (`/webapi/rest/`): a token from `/auth` (HTTP
 * Basic with the API user's login and password), then `orders` with
 * `filters` (JSON) on the e-mail or the order id, `order-products` for the
 * items and `statuses` for the shop's names of its statuses. Its leaky
 * bucket is read from X-Shop-Api-Calls / X-Shop-Api-Limit on every answer and
 * kept in the bucket shared by every process; a 429 waits as Retry-After says.
 */
export class ShoperSource implements OrderSource {
  private readonly base: string;
  private statuses: Promise<Map<string, ShoperStatus>> | null = null;

  constructor(
    private readonly integrationId: string,
    private readonly settings: ShoperSettings,
    private readonly http: ShopClient,
  ) {
    this.base = settings.url.replace(/\/+$/, '');
  }

  async findOrders(query: OrderQuery): Promise<Order[]> {
    const found = new Map<string, ShoperOrder>();
    for (const email of query.emails) {
      const orders = await this.list<ShoperOrder>('orders', { email });
      orders.filter((o) => o.email?.trim().toLowerCase() === email.toLowerCase()).forEach((o) => found.set(String(o.order_id), o));
    }
    for (const number of query.orderNumbers) {
      if (!/^\d{1,10}$/.test(number)) continue;
      (await this.list<ShoperOrder>('orders', { order_id: Number(number) })).forEach((o) => found.set(String(o.order_id), o));
    }
    const orders = [...found.values()].sort((a, b) => toIso(b.date).localeCompare(toIso(a.date)));
    if (query.since) orders.splice(0, orders.length, ...orders.filter((o) => toIso(o.date) >= query.since!.toISOString()));
    if (!orders.length) return [];
    const statuses = await this.statusList();
    return Promise.all(orders.map(async (order, i) => this.toOrder(order, statuses, i < MAX_ITEMS ? await this.items(order.order_id) : [])));
  }

  async getOrder(externalId: string): Promise<Order | null> {
    if (!/^\d{1,10}$/.test(externalId)) return null;
    const response = await this.request(`/webapi/rest/orders/${externalId}`, { allowNotFound: true });
    if (response.status === 404) return null;
    const order = await jsonOf<ShoperOrder>(response, 'Shoper');
    return this.toOrder(order, await this.statusList(), await this.items(order.order_id));
  }

  async test(): Promise<{ ordersSeen: number | null }> {
    TOKENS.delete(this.tokenKey());
    const response = await this.request('/webapi/rest/orders?limit=1');
    const answer = await jsonOf<ShoperList<ShoperOrder>>(response, 'Shoper');
    return { ordersSeen: Number(answer.count ?? 0) };
  }

  private async items(orderId: number | string): Promise<Order['items']> {
    const products = await this.list<ShoperOrderProduct>('order-products', { order_id: Number(orderId) });
    return products.map((p) => ({ name: p.name, sku: p.code || null, quantity: Number(p.quantity), price: money(p.price) }));
  }

  private async list<T>(resource: string, filters: Record<string, unknown>): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; page <= 3; page++) {
      const params = new URLSearchParams({ filters: JSON.stringify(filters), limit: '50', page: String(page) });
      const answer = await jsonOf<ShoperList<T>>(await this.request(`/webapi/rest/${resource}?${params.toString()}`), 'Shoper');
      if (!Array.isArray(answer.list)) throw new ShopError('invalid_answer', `Shoper answered ${resource} without a list`);
      all.push(...answer.list);
      if (page >= Number(answer.pages ?? 1)) break;
    }
    return all;
  }

  private statusList(): Promise<Map<string, ShoperStatus>> {
    this.statuses ??= (async () => {
      const answer = await jsonOf<ShoperList<ShoperStatus>>(await this.request('/webapi/rest/statuses?limit=50'), 'Shoper');
      return new Map((answer.list ?? []).map((s) => [String(s.status_id), s]));
    })();
    this.statuses.catch(() => (this.statuses = null));
    return this.statuses;
  }

  private tokenKey(): string {
    return `${this.base}\u0000${this.settings.login}\u0000${this.settings.password}`;
  }

  private async token(): Promise<string> {
    const kept = TOKENS.get(this.tokenKey());
    if (kept && kept.until > Date.now()) return kept.token;
    const basic = Buffer.from(`${this.settings.login}:${this.settings.password}`).toString('base64');
    const response = await this.http.fetch(`${this.base}/webapi/rest/auth`, { method: 'POST', headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' } });
    await this.noteLimits(response);
    if (!response.ok) throw await this.failure(response);
    const answer = await jsonOf<{ access_token?: string; expires_in?: number }>(response, 'Shoper');
    if (!answer.access_token) throw new ShopError('invalid_answer', 'Shoper: /auth answered without an access_token');
    TOKENS.set(this.tokenKey(), { token: answer.access_token, until: Date.now() + Math.max(60, (answer.expires_in ?? 3600) - 60) * 1000 });
    return answer.access_token;
  }

  private async request(path: string, options: { allowNotFound?: boolean } = {}, retried = false): Promise<Response> {
    const token = await this.token();
    const response = await this.http.fetch(`${this.base}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    await this.noteLimits(response);
    if (response.status === 401 && !retried) {
      // The token expired or was revoked: log in once more.
      TOKENS.delete(this.tokenKey());
      return this.request(path, options, true);
    }
    if (response.ok || (response.status === 404 && options.allowNotFound)) return response;
    throw await this.failure(response);
  }

  private async noteLimits(response: Response): Promise<void> {
    const calls = Number(response.headers.get('x-shop-api-calls'));
    const limit = Number(response.headers.get('x-shop-api-limit'));
    if (response.headers.has('x-shop-api-calls') && response.headers.has('x-shop-api-limit') && Number.isFinite(calls) && Number.isFinite(limit)) {
      await this.http.shopReports(limit - calls);
    }
    if (response.status === 429) await this.http.shopReports(0);
  }

  private async failure(response: Response): Promise<ShopError> {
    const body = await response.text();
    let message = body.slice(0, 200);
    try {
      const parsed = JSON.parse(body) as { error?: string; error_description?: string };
      message = [parsed.error, parsed.error_description].filter(Boolean).join(': ') || message;
    } catch {
      // not JSON: the text as it came
    }
    const said = `Shoper: ${message} [HTTP ${response.status}]`;
    if (response.status === 429) return new ShopError('rate_limited', said, retryAfterMs(response.headers.get('retry-after')));
    if (response.status === 401 || response.status === 403 || (response.status === 400 && /grant|client|credential/i.test(message))) return new ShopError('auth', said);
    if (response.status >= 500) return new ShopError('unavailable', said);
    return new ShopError('invalid_answer', said);
  }

  private toOrder(order: ShoperOrder, statuses: Map<string, ShoperStatus>, items: Order['items']): Order {
    const status = statuses.get(String(order.status_id));
    const label = status?.translations?.pl_PL?.name ?? status?.name ?? Object.values(status?.translations ?? {})[0]?.name ?? `Status ${order.status_id}`;
    const byLabel = statusFromLabel(label);
    const carrier = order.shipping?.name ?? order.shipping_name ?? null;
    const trackingNumber = order.delivery_code || null;
    const sum = Number(order.sum);
    const paid = Number(order.paid ?? 0);
    const paymentStatus: PaymentStatus = sum > 0 && paid >= sum - 0.005 ? 'paid' : paid > 0 ? 'partially_paid' : 'unpaid';
    return {
      integrationId: this.integrationId,
      provider: 'shoper',
      externalId: String(order.order_id),
      number: String(order.order_id),
      createdAt: toIso(order.date),
      status: byLabel !== 'other' ? byLabel : (BY_TYPE[String(status?.type)] ?? 'other'),
      statusLabel: label,
      total: { amount: money(order.sum), currency: order.currency_name || 'PLN' },
      paymentStatus,
      items,
      shipment: trackingNumber ? { carrier, trackingNumber, trackingUrl: carrierTrackingUrl(carrier, trackingNumber), status: 'shipped' } : { carrier },
      adminUrl: `${this.base}/admin/orders/view/id/${order.order_id}`,
      email: order.email ?? null,
    };
  }
}

/** Shoper writes dates as `2026-05-21 14:03:00` in the shop's time (Poland). */
function toIso(date: string): string {
  const parsed = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(date) ? date : `${date.replace(' ', 'T')}${polandOffset(date)}`);
  return Number.isNaN(parsed.getTime()) ? new Date(0).toISOString() : parsed.toISOString();
}

/** +02:00 in Polish summer time, +01:00 otherwise (last Sunday of March to last Sunday of October). */
function polandOffset(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return 'Z';
  const year = d.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return new Date(Date.UTC(year, month, last.getUTCDate() - last.getUTCDay()));
  };
  return d >= lastSunday(2) && d < lastSunday(9) ? '+02:00' : '+01:00';
}
