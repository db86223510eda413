import { basicAuth, startHttpStandIn, type HttpStandIn, type StandInAnswer, type StandInRequest } from './http-stand-in.js';

/**
 * A WooCommerce shop's REST API v3 as its documentation describes it
 * (woocommerce.github.io/woocommerce-rest-api-docs): `/wp-json/wc/v3/orders`
 * with consumer key and secret (HTTP Basic or the consumer_key /
 * consumer_secret query parameters), a fuzzy `search` (any order whose
 * billing e-mail, name, phone or number contains the text), `per_page` up to
 * 100 with X-WP-Total / X-WP-TotalPages, `after`; errors as
 * `{code, message, data: {status}}`. The Shipment Tracking extension's
 * `/wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings` answers
 * when `shipmentTracking` is on, else WordPress's `rest_no_route`.
 */
export interface WooCommerceStandIn extends HttpStandIn {
  consumerKey: string;
  consumerSecret: string;
  orders: WooStandInOrder[];
  shipmentTracking: boolean;
  addOrder(order: NewWooOrder): WooStandInOrder;
}

export interface NewWooOrder {
  id: number;
  number?: string;
  email: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  status?: string;
  total?: string;
  currency?: string;
  /** UTC. */
  createdAt?: string;
  paid?: boolean;
  items?: { name: string; sku?: string; quantity: number; price: number }[];
  tracking?: { provider: string; number: string; link: string };
}

export type WooStandInOrder = Record<string, unknown> & { id: number; number: string; date_created_gmt: string; billing: Record<string, string> };

const error = (status: number, code: string, message: string): StandInAnswer => ({ status, body: { code, message, data: { status } } });

export async function startWooCommerceStandIn(credentials = { consumerKey: 'ck_0123456789abcdef', consumerSecret: 'cs_fedcba9876543210' }): Promise<WooCommerceStandIn> {
  const trackings = new Map<number, Record<string, unknown>[]>();
  const ref = {} as { shop: WooCommerceStandIn };
  const handle = (req: StandInRequest): StandInAnswer => {
    const shop = ref.shop;
    const path = req.url.pathname.replace(/\/+$/, '');
    if (!path.startsWith('/wp-json/wc/v3/') && !path.startsWith('/wp-json/wc-shipment-tracking/v3/')) {
      return error(404, 'rest_no_route', 'No route was found matching the URL and request method.');
    }
    const fromBasic = basicAuth(req.headers.authorization);
    const key = fromBasic?.[0] ?? req.url.searchParams.get('consumer_key');
    const secret = fromBasic?.[1] ?? req.url.searchParams.get('consumer_secret');
    if (!key) return error(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    if (key !== shop.consumerKey) return error(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
    if (secret !== shop.consumerSecret) return error(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
    if (req.method !== 'GET') return error(404, 'rest_no_route', 'No route was found matching the URL and request method.');

    const tracking = /^\/wp-json\/wc-shipment-tracking\/v3\/orders\/(\d+)\/shipment-trackings$/.exec(path);
    if (tracking) {
      if (!shop.shipmentTracking) return error(404, 'rest_no_route', 'No route was found matching the URL and request method.');
      if (!shop.orders.some((o) => o.id === Number(tracking[1]))) return error(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
      return { status: 200, body: trackings.get(Number(tracking[1])) ?? [] };
    }
    const one = /^\/wp-json\/wc\/v3\/orders\/(\d+)$/.exec(path);
    if (one) {
      const order = shop.orders.find((o) => o.id === Number(one[1]));
      return order ? { status: 200, body: order } : error(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
    }
    if (path !== '/wp-json/wc/v3/orders') return error(404, 'rest_no_route', 'No route was found matching the URL and request method.');

    const perPage = Number(req.url.searchParams.get('per_page') ?? '10');
    const page = Number(req.url.searchParams.get('page') ?? '1');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
      return { status: 400, body: { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: { status: 400, params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' } } } };
    }
    const search = req.url.searchParams.get('search')?.toLowerCase();
    const after = req.url.searchParams.get('after');
    let list = [...shop.orders].sort((a, b) => b.date_created_gmt.localeCompare(a.date_created_gmt));
    if (search) {
      list = list.filter((o) =>
        [o.billing.email, o.billing.first_name, o.billing.last_name, o.billing.phone, String(o.id), o.number].some((field) => field?.toLowerCase().includes(search)),
      );
    }
    if (after) list = list.filter((o) => o.date_created_gmt > after);
    const total = list.length;
    return {
      status: 200,
      body: list.slice((page - 1) * perPage, page * perPage),
      headers: { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(Math.max(1, Math.ceil(total / perPage))) },
    };
  };
  ref.shop = Object.assign(await startHttpStandIn(handle), {
    ...credentials,
    orders: [] as WooStandInOrder[],
    shipmentTracking: true,
    addOrder(input: NewWooOrder): WooStandInOrder {
      const created = (input.createdAt ?? new Date().toISOString()).slice(0, 19);
      const items = input.items ?? [{ name: 'Kubek termiczny', sku: 'KUB-1', quantity: 1, price: 49.9 }];
      const order: WooStandInOrder = {
        id: input.id,
        number: input.number ?? String(input.id),
        status: input.status ?? 'processing',
        currency: input.currency ?? 'PLN',
        date_created: created,
        date_created_gmt: created,
        date_paid_gmt: input.paid === false ? null : created,
        total: input.total ?? items.reduce((sum, i) => sum + i.price * i.quantity, 0).toFixed(2),
        billing: { first_name: input.firstName ?? 'Jan', last_name: input.lastName ?? 'Kowalski', email: input.email, phone: input.phone ?? '' },
        line_items: items.map((item, i) => ({ id: i + 1, name: item.name, sku: item.sku ?? '', quantity: item.quantity, price: item.price, total: (item.price * item.quantity).toFixed(2) })),
        meta_data: [],
      };
      ref.shop.orders.push(order);
      if (input.tracking) {
        trackings.set(input.id, [
          { tracking_id: `t${input.id}`, tracking_provider: input.tracking.provider, tracking_link: input.tracking.link, tracking_number: input.tracking.number, date_shipped: created.slice(0, 10) },
        ]);
      }
      return order;
    },
  });
  return ref.shop;
}
