import { randomBytes } from 'node:crypto';
import { basicAuth, startHttpStandIn, type HttpStandIn, type StandInAnswer, type StandInRequest } from './http-stand-in.js';

/**
 * A Shoper shop's REST API as documented (developers.shoper.pl): `/webapi/rest/`
 * resources with a bearer token from `POST /webapi/rest/auth` (HTTP Basic with
 * the WebAPI user's login and password; `{error, error_description}` when
 * refused); lists answer `{count, pages, page, list}` and take `filters`
 * (JSON), `limit` (at most 50) and `page`. Requests are limited by a leaky
 * bucket: X-Shop-Api-Limit (10) requests, draining X-Shop-Api-Bandwidth (2) a
 * second, the current count in X-Shop-Api-Calls; beyond it 429 with
 * Retry-After.
 */
export interface ShoperStandIn extends HttpStandIn {
  login: string;
  password: string;
  bucketLimit: number;
  bandwidth: number;
  orders: Record<string, unknown>[];
  products: Record<string, unknown>[];
  addOrder(order: NewShoperOrder): void;
  /** Requests answered 429. */
  throttled: number;
}

export interface NewShoperOrder {
  orderId: number;
  email: string;
  statusId: number;
  /** `YYYY-MM-DD HH:MM:SS`, the shop's time. */
  date: string;
  sum: number;
  paid?: number;
  shipping?: string;
  deliveryCode?: string;
  products?: { name: string; code?: string; quantity: number; price: number }[];
}

const STATUSES = [
  { status_id: 1, type: 1, default: 1, translations: { pl_PL: { name: 'Złożone' } } },
  { status_id: 2, type: 2, default: 0, translations: { pl_PL: { name: 'Przyjęte do realizacji' } } },
  { status_id: 3, type: 3, default: 0, translations: { pl_PL: { name: 'Wysłane' } } },
  { status_id: 4, type: 4, default: 0, translations: { pl_PL: { name: 'Anulowane' } } },
];

export async function startShoperStandIn(credentials = { login: 'okienko-api', password: 'Shoper-pass-1' }): Promise<ShoperStandIn> {
  const tokens = new Set<string>();
  let calls = 0;
  let drainedAt = Date.now();
  const ref = {} as { shop: ShoperStandIn };
  const handle = (req: StandInRequest): StandInAnswer => {
    const shop = ref.shop;
    const now = Date.now();
    calls = Math.max(0, calls - ((now - drainedAt) / 1000) * shop.bandwidth);
    drainedAt = now;
    const limits = () => ({ 'X-Shop-Api-Calls': String(Math.ceil(calls)), 'X-Shop-Api-Limit': String(shop.bucketLimit), 'X-Shop-Api-Bandwidth': String(shop.bandwidth) });
    if (calls + 1 > shop.bucketLimit) {
      shop.throttled++;
      return { status: 429, body: { error: 'temporarily_unavailable', error_description: 'Too many requests' }, headers: { ...limits(), 'Retry-After': '1' } };
    }
    calls += 1;
    const path = req.url.pathname.replace(/\/+$/, '');
    const answer = (status: number, body: unknown): StandInAnswer => ({ status, body, headers: limits() });
    if (path === '/webapi/rest/auth' && req.method === 'POST') {
      const given = basicAuth(req.headers.authorization);
      if (!given || given[0] !== shop.login || given[1] !== shop.password) {
        return answer(401, { error: 'unauthorized_client', error_description: 'Invalid client credentials' });
      }
      const token = randomBytes(20).toString('hex');
      tokens.add(token);
      return answer(200, { access_token: token, expires_in: 2592000, token_type: 'bearer' });
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) return answer(401, { error: 'invalid_token', error_description: 'The access token provided is invalid' });
    const list = (items: Record<string, unknown>[]): StandInAnswer => {
      let filters: Record<string, unknown> = {};
      try {
        filters = JSON.parse(req.url.searchParams.get('filters') ?? '{}') as Record<string, unknown>;
      } catch {
        return answer(400, { error: 'invalid_request', error_description: 'filters: invalid JSON' });
      }
      const limit = Math.min(50, Number(req.url.searchParams.get('limit') ?? '10'));
      const page = Number(req.url.searchParams.get('page') ?? '1');
      const matching = items.filter((item) => Object.entries(filters).every(([field, value]) => String(item[field]).toLowerCase() === String(value).toLowerCase()));
      const pages = Math.max(1, Math.ceil(matching.length / limit));
      return answer(200, { count: String(matching.length), pages, page, list: matching.slice((page - 1) * limit, page * limit) });
    };
    if (path === '/webapi/rest/orders') return list(shop.orders);
    if (path === '/webapi/rest/order-products') return list(shop.products);
    if (path === '/webapi/rest/statuses') return list(STATUSES);
    const one = /^\/webapi\/rest\/orders\/(\d+)$/.exec(path);
    if (one) {
      const order = shop.orders.find((o) => o.order_id === Number(one[1]));
      return order ? answer(200, order) : answer(404, { error: 'not_found', error_description: 'Object not found' });
    }
    return answer(404, { error: 'not_found', error_description: 'Resource not found' });
  };
  ref.shop = Object.assign(await startHttpStandIn(handle), {
    ...credentials,
    bucketLimit: 10,
    bandwidth: 2,
    throttled: 0,
    orders: [] as Record<string, unknown>[],
    products: [] as Record<string, unknown>[],
    addOrder(input: NewShoperOrder): void {
      ref.shop.orders.push({
        order_id: input.orderId, user_id: 0, date: input.date, status_id: input.statusId, sum: input.sum.toFixed(2), paid: (input.paid ?? 0).toFixed(2),
        currency_name: 'PLN', email: input.email, delivery_code: input.deliveryCode ?? '', shipping: input.shipping ? { name: input.shipping } : null,
      });
      for (const [i, p] of (input.products ?? [{ name: 'Lampka biurkowa', code: 'LB-1', quantity: 1, price: input.sum }]).entries()) {
        ref.shop.products.push({ id: input.orderId * 100 + i, order_id: input.orderId, name: p.name, code: p.code ?? '', quantity: String(p.quantity), price: p.price.toFixed(2) });
      }
    },
  });
  return ref.shop;
}
