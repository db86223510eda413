import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { startBaseLinkerStandIn, type BaseLinkerStandIn } from '../support/stand-ins/baselinker.js';
import { startShoperStandIn, type ShoperStandIn } from '../support/stand-ins/shoper.js';

// The BaseLinker and Shoper adapters against local stand-ins written from
// their documentation: BaseLinker's connector.php (X-BLToken, getOrders by
// e-mail and by marketplace order id, its 100 requests a minute per token,
// kept by a bucket shared by every process), Shoper's REST API (a token from
// /auth, orders filtered by e-mail, items, its leaky bucket and 429).

interface Order { integrationId: string; provider: string; externalId: string; number: string; status: string; statusLabel: string; paymentStatus: string; total: { amount: string }; items: { name: string; quantity: number; price: string }[]; shipment: { carrier?: string | null; trackingNumber?: string | null; trackingUrl?: string | null }; mentioned: boolean }
interface Orders { items: Order[]; errors: { integrationId: string; message: string }[] }

const ALLEGRO_ORDER = '2f1ef1e0-5b8d-11ef-9d55-a9e3e3b6e7a1';

describe('BaseLinker and Shoper adapters', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let bl: BaseLinkerStandIn;
  let shoper: ShoperStandIn;
  let blId: string;
  let shoperId: string;

  beforeAll(async () => {
    [bl, shoper] = await Promise.all([startBaseLinkerStandIn(), startShoperStandIn()]);
    product = await startProduct({ SHOP_TIMEOUT_MS: '8000', SHOP_CACHE_SECONDS: '0' });
    admin = await asAdmin(product);
    bl.addOrder({ orderId: 7001, shopOrderId: 5100, email: 'ola@example.pl', statusId: 1003, createdAt: '2026-02-01T10:00:00Z', paid: 199, carrier: 'InPost', trackingNumber: '680000000000000000007001' });
    bl.addOrder({ orderId: 7002, email: 'ola@example.pl', statusId: 1004, createdAt: '2026-01-01T10:00:00Z' });
    bl.addOrder({ orderId: 7003, email: 'ktos@example.pl', externalOrderId: ALLEGRO_ORDER, orderSource: 'allegro', statusId: 1002, createdAt: '2026-02-10T10:00:00Z', paid: 199 });
    shoper.addOrder({ orderId: 301, email: 'ola@example.pl', statusId: 3, date: '2026-03-01 12:00:00', sum: 89.5, paid: 89.5, shipping: 'DPD', deliveryCode: '0000123456789' });
    shoper.addOrder({ orderId: 302, email: 'ola@example.pl', statusId: 1, date: '2026-03-05 09:30:00', sum: 15, products: [{ name: 'Naklejka', code: 'N-1', quantity: 3, price: 5 }] });
    blId = (await admin.post('/integrations', { type: 'baselinker', name: 'BaseLinker', settings: { token: bl.token, apiUrl: `${bl.url}/connector.php` } })).body.id;
    shoperId = (await admin.post('/integrations', { type: 'shoper', name: 'Shoper', settings: { url: shoper.url, login: shoper.login, password: shoper.password } })).body.id;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await Promise.all([bl?.close(), shoper?.close()]);
  });

  it('tests both connections, and says what each shop answers to wrong credentials', async () => {
    expect((await admin.post(`/integrations/${blId}/test`)).body).toMatchObject({ ok: true });
    expect((await admin.post(`/integrations/${shoperId}/test`)).body).toMatchObject({ ok: true, ordersSeen: 2 });
    const badBl = await admin.post('/integrations', { type: 'baselinker', name: 'Zły token', settings: { token: 'nope', apiUrl: `${bl.url}/connector.php` } });
    expect((await admin.post(`/integrations/${badBl.body.id}/test`)).body.message).toContain('Invalid user token (ERROR_BAD_TOKEN)');
    const badShoper = await admin.post('/integrations', { type: 'shoper', name: 'Złe hasło', settings: { url: shoper.url, login: shoper.login, password: 'wrong' } });
    expect((await admin.post(`/integrations/${badShoper.body.id}/test`)).body.message).toContain('Invalid client credentials');
    await admin.delete(`/integrations/${badBl.body.id}`);
    await admin.delete(`/integrations/${badShoper.body.id}`);
  });

  it("reads the customer's orders from both shops in the same shape, newest first", async () => {
    const ticket = await admin.post('/tickets', { subject: 'Gdzie jest paczka?', customer: { email: 'ola@example.pl' }, message: { body: 'Dzień dobry, gdzie moja paczka?' } });
    const body = (await admin.get(`/tickets/${ticket.body.id}/orders`)).body as Orders;
    expect(body.errors).toEqual([]);
    expect(body.items.map((o) => `${o.provider}:${o.number}`)).toEqual(['shoper:302', 'shoper:301', 'baselinker:5100', 'baselinker:7002']);
    expect(body.items.find((o) => o.number === '5100')).toMatchObject({
      integrationId: blId, externalId: '7001', status: 'shipped', statusLabel: 'Wysłane', paymentStatus: 'paid', total: { amount: '199.00' },
      items: [{ name: 'Plecak miejski', quantity: 1, price: '199.00' }],
      shipment: { carrier: 'InPost', trackingNumber: '680000000000000000007001', trackingUrl: 'https://inpost.pl/sledzenie-przesylek?number=680000000000000000007001' },
    });
    expect(body.items.find((o) => o.number === '7002')).toMatchObject({ status: 'cancelled', statusLabel: 'Anulowane', paymentStatus: 'unpaid' });
    expect(body.items.find((o) => o.number === '301')).toMatchObject({
      integrationId: shoperId, status: 'shipped', statusLabel: 'Wysłane', paymentStatus: 'paid', total: { amount: '89.50' },
      shipment: { carrier: 'DPD', trackingNumber: '0000123456789' },
    });
    expect(body.items.find((o) => o.number === '302')).toMatchObject({ status: 'pending', items: [{ name: 'Naklejka', quantity: 3, price: '5.00' }] });
    // BaseLinker was asked by the e-mail; Shoper with a token from /auth and filters on the e-mail.
    expect(bl.calls('getOrders')).toContainEqual(expect.objectContaining({ filter_email: 'ola@example.pl' }));
    expect(shoper.requests.some((r) => r.url.pathname === '/webapi/rest/orders' && r.url.searchParams.get('filters') === JSON.stringify({ email: 'ola@example.pl' }))).toBe(true);
  });

  it('finds a marketplace order the ticket names by its Allegro id', async () => {
    const ticket = await admin.post('/tickets', { subject: 'Zamówienie z Allegro', customer: { email: 'inny-adres@example.pl' }, message: { body: `Pytam o zamówienie ${ALLEGRO_ORDER}` } });
    const body = (await admin.get(`/tickets/${ticket.body.id}/orders`)).body as Orders;
    expect(body.items).toEqual([expect.objectContaining({ provider: 'baselinker', externalId: '7003', mentioned: true, statusLabel: 'W realizacji' })]);
    expect(bl.calls('getOrders')).toContainEqual(expect.objectContaining({ filter_external_order_id: ALLEGRO_ORDER }));
  });

  it("keeps BaseLinker's 100 requests a minute per token, across every lookup", async () => {
    const seen = () => bl.requests.filter((r) => r.headers['x-bltoken'] === bl.token).length;
    const before = seen();
    // 60 tests at once (two requests each): beyond the bucket, each waits for a token only within its time-out.
    const answers = (await Promise.all(Array.from({ length: 60 }, () => admin.post(`/integrations/${blId}/test`)))).map((r) => r.body as { ok: boolean; message: string });
    expect(seen() - before).toBeLessThanOrEqual(100);
    expect(answers.filter((a) => !a.ok).length).toBeGreaterThan(0);
    expect(answers.find((a) => !a.ok)!.message).toContain("The shop's request limit is used up for now");
    // The stand-in, which blocks a token beyond 100 a minute, never had to.
    expect(answers.some((a) => a.message.includes('Query limit exceeded'))).toBe(false);
  });

  it("follows Shoper's leaky bucket: lookups wait for it rather than being refused", async () => {
    for (let i = 0; i < 6; i++) shoper.addOrder({ orderId: 400 + i, email: 'duzo@example.pl', statusId: 2, date: `2026-04-0${i + 1} 10:00:00`, sum: 10 });
    const ticket = await admin.post('/tickets', { subject: 'Zamówienia', customer: { email: 'duzo@example.pl' }, message: { body: 'Gdzie paczki?' } });
    const first = (await admin.get(`/tickets/${ticket.body.id}/orders`)).body as Orders;
    const second = (await admin.get(`/tickets/${ticket.body.id}/orders`)).body as Orders;
    for (const answer of [first, second]) {
      expect(answer.errors.filter((e) => e.integrationId === shoperId)).toEqual([]);
      expect(answer.items.filter((o) => o.provider === 'shoper')).toHaveLength(6);
    }
    expect(shoper.throttled).toBe(0);
  });
});
