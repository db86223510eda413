import { startHttpStandIn, type HttpStandIn, type StandInAnswer, type StandInRequest } from './http-stand-in.js';

/**
 * BaseLinker's API as documented (api.baselinker.com): every call a POST to
 * `connector.php` with form fields `method` and `parameters` (JSON), the
 * token in `X-BLToken`; answers `{status: "SUCCESS", ...}` or `{status:
 * "ERROR", error_code, error_message}`. `getOrders` (order_id, filter_email,
 * filter_external_order_id, filter_shop_order_id, date_from; at most 100
 * orders, oldest first) and `getOrderStatusList`. A token may make `limit`
 * requests a minute (100 as documented); beyond, BaseLinker refuses them.
 */
export interface BaseLinkerStandIn extends HttpStandIn {
  token: string;
  /** Requests a minute per token. */
  limit: number;
  orders: Record<string, unknown>[];
  statuses: { id: number; name: string; name_for_customer: string }[];
  addOrder(order: NewBaseLinkerOrder): void;
  /** Calls of a method so far. */
  calls(method: string): Record<string, unknown>[];
}

export interface NewBaseLinkerOrder {
  orderId: number;
  shopOrderId?: number;
  externalOrderId?: string;
  orderSource?: string;
  email: string;
  phone?: string;
  statusId: number;
  createdAt: string;
  paid?: number;
  deliveryPrice?: number;
  carrier?: string;
  trackingNumber?: string;
  products?: { name: string; sku?: string; price: number; quantity: number }[];
}

const fail = (code: string, message: string): StandInAnswer => ({ status: 200, body: { status: 'ERROR', error_code: code, error_message: message } });

export async function startBaseLinkerStandIn(token = '3001234-3005678-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): Promise<BaseLinkerStandIn> {
  const window = new Map<string, number[]>();
  const log: { method: string; parameters: Record<string, unknown> }[] = [];
  const ref = {} as { api: BaseLinkerStandIn };
  const handle = (req: StandInRequest): StandInAnswer => {
    const api = ref.api;
    if (req.url.pathname !== '/connector.php') return { status: 404, body: { error: 'Not found' } };
    if (req.method !== 'POST') return fail('ERROR_BAD_METHOD', 'Only POST requests are accepted');
    const form = new URLSearchParams(req.body);
    const given = (req.headers['x-bltoken'] as string | undefined) ?? form.get('token') ?? '';
    if (!given) return fail('ERROR_EMPTY_TOKEN', 'No token given');
    if (given !== api.token) return fail('ERROR_BAD_TOKEN', 'Invalid user token');
    const now = Date.now();
    const recent = (window.get(given) ?? []).filter((at) => at > now - 60_000);
    if (recent.length >= api.limit) {
      window.set(given, recent);
      return fail('ERROR_USER_TOKEN_BLOCKED', 'Query limit exceeded, the token is blocked for a while');
    }
    recent.push(now);
    window.set(given, recent);
    const method = form.get('method') ?? '';
    let parameters: Record<string, unknown>;
    try {
      parameters = JSON.parse(form.get('parameters') ?? '{}') as Record<string, unknown>;
    } catch {
      return fail('ERROR_PARAMETERS', 'The parameters field is not valid JSON');
    }
    log.push({ method, parameters });
    if (method === 'getOrderStatusList') return { status: 200, body: { status: 'SUCCESS', statuses: api.statuses } };
    if (method !== 'getOrders') return fail('ERROR_UNKNOWN_METHOD', `Unknown method: ${method}`);
    let orders = [...api.orders].sort((a, b) => Number(a.date_add) - Number(b.date_add));
    if (parameters.order_id !== undefined) orders = orders.filter((o) => o.order_id === Number(parameters.order_id));
    if (typeof parameters.filter_email === 'string') orders = orders.filter((o) => String(o.email).toLowerCase() === String(parameters.filter_email).toLowerCase());
    if (typeof parameters.filter_external_order_id === 'string') orders = orders.filter((o) => o.external_order_id === parameters.filter_external_order_id);
    if (parameters.filter_shop_order_id !== undefined) orders = orders.filter((o) => o.shop_order_id === Number(parameters.filter_shop_order_id));
    if (parameters.date_from !== undefined) orders = orders.filter((o) => Number(o.date_add) >= Number(parameters.date_from));
    return { status: 200, body: { status: 'SUCCESS', orders: orders.slice(0, 100) } };
  };
  ref.api = Object.assign(await startHttpStandIn(handle), {
    token,
    limit: 100,
    orders: [] as Record<string, unknown>[],
    statuses: [
      { id: 1001, name: 'Nowe zamówienia', name_for_customer: 'Przyjęte' },
      { id: 1002, name: 'W realizacji', name_for_customer: 'W realizacji' },
      { id: 1003, name: 'Wysłane', name_for_customer: 'Wysłane' },
      { id: 1004, name: 'Anulowane', name_for_customer: 'Anulowane' },
    ],
    addOrder(input: NewBaseLinkerOrder): void {
      const products = input.products ?? [{ name: 'Plecak miejski', sku: 'PL-1', price: 199, quantity: 1 }];
      ref.api.orders.push({
        order_id: input.orderId,
        shop_order_id: input.shopOrderId ?? 0,
        external_order_id: input.externalOrderId ?? '',
        order_source: input.orderSource ?? 'shop',
        order_status_id: input.statusId,
        date_add: Math.floor(Date.parse(input.createdAt) / 1000),
        date_confirmed: Math.floor(Date.parse(input.createdAt) / 1000),
        email: input.email,
        phone: input.phone ?? '',
        currency: 'PLN',
        payment_done: input.paid ?? 0,
        delivery_price: input.deliveryPrice ?? 0,
        delivery_method: input.carrier ?? '',
        delivery_package_module: input.carrier ?? '',
        delivery_package_nr: input.trackingNumber ?? '',
        products: products.map((p) => ({ name: p.name, sku: p.sku ?? '', price_brutto: p.price, quantity: p.quantity })),
      });
    },
    calls: (method: string) => log.filter((l) => l.method === method).map((l) => l.parameters),
  });
  return ref.api;
}
