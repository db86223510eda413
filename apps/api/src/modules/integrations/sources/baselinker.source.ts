import { carrierTrackingUrl, statusFromLabel, type Order, type PaymentStatus } from '@okienko/domain';
import type { OrderQuery, OrderSource } from './order-source.js';
import { jsonOf, money, type ShopClient } from './shop-client.js';
import { ShopError } from './shop-error.js';

export interface BaseLinkerSettings {
  token: string;
  apiUrl: string;
}

/**
 * BaseLinker's limit is 100 requests a minute per token. A bucket of 50
 * refilling 50 a minute never lets more than 100 through in any minute,
 * however the requests fall.
 */
export const BASELINKER_LIMIT = { capacity: 50, perSecond: 50 / 60 };

interface BaseLinkerAnswer {
  status: 'SUCCESS' | 'ERROR';
  error_code?: string;
  error_message?: string;
}

interface BaseLinkerOrder {
  order_id: number;
  shop_order_id?: number;
  external_order_id?: string;
  order_source?: string;
  order_status_id: number;
  date_add: number;
  email?: string;
  phone?: string;
  currency?: string;
  payment_done?: number | string;
  payment_method_cod?: string | boolean;
  delivery_price?: number | string;
  delivery_method?: string;
  delivery_package_module?: string;
  delivery_package_nr?: string;
  products?: { name: string; sku?: string; price_brutto: number | string; quantity: number }[];
}

interface BaseLinkerStatus {
  id: number;
  name: string;
  name_for_customer?: string;
}

/** Block codes BaseLinker answers when the token may not be used. */
const AUTH_CODES = /BAD_TOKEN|TOKEN|ACCOUNT_BLOCKED|USER_ACCOUNT|NO_PERMISSION|ACCESS/i;
const LIMIT_CODES = /LIMIT|BLOCKED|TOO_MANY/i;

/**
 * BaseLinker through `connector.php`: every call is a POST of `method` and
 * JSON `parameters`, the token in `X-BLToken`; an error is `status: ERROR`
 * with `error_code` and `error_message`. Orders by the customer's e-mail
 * (`filter_email`), by marketplace order id (`filter_external_order_id`,
 * e.g. an Allegro or Amazon order) and by BaseLinker's order id. Status names
 * are the account's own (`getOrderStatusList`). The limit of 100 requests a
 * minute per token is kept by a bucket shared by every process.
 */
export class BaseLinkerSource implements OrderSource {
  private statuses: Promise<Map<number, string>> | null = null;

  constructor(
    private readonly integrationId: string,
    private readonly settings: BaseLinkerSettings,
    private readonly http: ShopClient,
  ) {}

  async findOrders(query: OrderQuery): Promise<Order[]> {
    const found = new Map<number, BaseLinkerOrder>();
    const since = query.since ? { date_from: Math.floor(query.since.getTime() / 1000) } : {};
    // Every question at once (the shared bucket keeps them within the token's limit); the status names alongside.
    const labels = this.statusNames();
    const answers = await Promise.all([
      ...query.emails.map(async (email) =>
        (await this.orders({ filter_email: email, get_unconfirmed_orders: true, ...since })).filter((o) => o.email?.trim().toLowerCase() === email.toLowerCase()),
      ),
      ...(query.externalOrderIds ?? []).map((id) => this.orders({ filter_external_order_id: id, get_unconfirmed_orders: true })),
      ...query.orderNumbers.filter((number) => /^\d{1,10}$/.test(number)).map(async (number) => {
        const byId = await this.orders({ order_id: Number(number), get_unconfirmed_orders: true });
        return byId.length ? byId : this.orders({ filter_shop_order_id: Number(number), get_unconfirmed_orders: true });
      }),
    ]);
    answers.flat().forEach((order) => found.set(order.order_id, order));
    if (!found.size) {
      labels.catch(() => undefined);
      return [];
    }
    const names = await labels;
    return [...found.values()].map((order) => this.toOrder(order, names)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async getOrder(externalId: string): Promise<Order | null> {
    if (!/^\d{1,10}$/.test(externalId)) return null;
    const [order] = await this.orders({ order_id: Number(externalId), get_unconfirmed_orders: true });
    return order ? this.toOrder(order, await this.statusNames()) : null;
  }

  async test(): Promise<{ ordersSeen: number | null }> {
    await this.statusNames();
    const orders = await this.orders({ date_from: Math.floor(Date.now() / 1000) - 30 * 86400, get_unconfirmed_orders: true });
    return { ordersSeen: orders.length };
  }

  private async orders(parameters: Record<string, unknown>): Promise<BaseLinkerOrder[]> {
    const answer = await this.call<{ orders?: BaseLinkerOrder[] }>('getOrders', parameters);
    return Array.isArray(answer.orders) ? answer.orders : [];
  }

  private statusNames(): Promise<Map<number, string>> {
    this.statuses ??= this.call<{ statuses?: BaseLinkerStatus[] }>('getOrderStatusList', {}).then(
      (answer) => new Map((answer.statuses ?? []).map((s) => [Number(s.id), s.name_for_customer || s.name])),
    );
    this.statuses.catch(() => (this.statuses = null));
    return this.statuses;
  }

  private async call<T>(method: string, parameters: Record<string, unknown>): Promise<T & BaseLinkerAnswer> {
    const response = await this.http.fetch(this.settings.apiUrl, {
      method: 'POST',
      headers: { 'X-BLToken': this.settings.token, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ method, parameters: JSON.stringify(parameters) }).toString(),
    });
    if (response.status === 429) throw new ShopError('rate_limited', `BaseLinker: too many requests [HTTP 429]`);
    if (!response.ok && response.status >= 500) throw new ShopError('unavailable', `BaseLinker answered HTTP ${response.status}`);
    const answer = await jsonOf<T & BaseLinkerAnswer>(response, 'BaseLinker');
    if (answer.status === 'SUCCESS') return answer;
    const code = answer.error_code ?? 'ERROR';
    const said = `BaseLinker: ${answer.error_message ?? 'error'} (${code})`;
    if (LIMIT_CODES.test(code) || /limit/i.test(answer.error_message ?? '')) throw new ShopError('rate_limited', said);
    if (AUTH_CODES.test(code)) throw new ShopError('auth', said);
    throw new ShopError('invalid_answer', said);
  }

  private toOrder(order: BaseLinkerOrder, labels: Map<number, string>): Order {
    const items = (order.products ?? []).map((p) => ({ name: p.name, sku: p.sku || null, quantity: Number(p.quantity), price: money(p.price_brutto) }));
    const total = items.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0) + Number(order.delivery_price ?? 0);
    const label = labels.get(Number(order.order_status_id)) ?? `Status ${order.order_status_id}`;
    const carrier = order.delivery_package_module || order.delivery_method || null;
    const trackingNumber = order.delivery_package_nr || null;
    return {
      integrationId: this.integrationId,
      provider: 'baselinker',
      externalId: String(order.order_id),
      number: order.shop_order_id ? String(order.shop_order_id) : String(order.order_id),
      createdAt: new Date(Number(order.date_add) * 1000).toISOString(),
      status: trackingNumber && statusFromLabel(label) === 'processing' ? 'shipped' : statusFromLabel(label),
      statusLabel: label,
      total: { amount: money(total), currency: order.currency || 'PLN' },
      paymentStatus: payment(Number(order.payment_done ?? 0), total, order.payment_method_cod),
      items,
      shipment: trackingNumber ? { carrier, trackingNumber, trackingUrl: carrierTrackingUrl(carrier, trackingNumber), status: 'shipped' } : { carrier },
      adminUrl: `https://panel-f.baselinker.com/orders.php#order:${order.order_id}`,
      externalOrderId: order.external_order_id || null,
      email: order.email ?? null,
    };
  }
}

function payment(done: number, total: number, cod: string | boolean | undefined): PaymentStatus {
  if (total > 0 && done >= total - 0.005) return 'paid';
  if (done > 0) return 'partially_paid';
  if (cod === true || cod === '1') return 'unpaid';
  return 'unpaid';
}
