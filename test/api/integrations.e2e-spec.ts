import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addInboundAddress, deliverRaw, waitForProcessed, withDatabase } from '../mail/mail-kit.js';
import { composeMail } from '../support/compose-mail.js';
import { asAdmin, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { startWooCommerceStandIn, type WooCommerceStandIn } from '../support/stand-ins/woocommerce.js';

// Shop integrations and the customer's orders next to the ticket, against a
// local WooCommerce that answers as its REST API v3 does: an admin connects
// the shop (credentials encrypted, never returned), tests the connection, a
// customer asks about an order, the ticket lists that customer's orders from
// every e-mail they have with the mentioned one marked, an agent pins one,
// and the order-status template fills in the tracking link. A shop that is
// down or slow is listed in `errors` and never hides the others nor holds
// the answer beyond its own time-out.

interface Order {
  integrationId: string; provider: string; externalId: string; number: string; createdAt: string; status: string; statusLabel: string;
  total: { amount: string; currency: string }; paymentStatus: string; items: { name: string; sku?: string | null; quantity: number; price: string }[];
  shipment: { carrier?: string | null; trackingNumber?: string | null; trackingUrl?: string | null }; adminUrl: string | null; mentioned: boolean; pinned: boolean;
}
interface Orders { items: Order[]; errors: { integrationId: string; message: string }[]; pinned?: Order | null }

const SECRETS_KEY = 'integration-secrets-key-for-tests-0123456789';
const TIMEOUT_MS = 1500;
const TRACKING = 'https://inpost.pl/sledzenie-przesylek?number=680000000000000000004521';

describe('shop integrations and orders (WooCommerce)', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let shop: WooCommerceStandIn;
  let slowShop: WooCommerceStandIn;
  let otherQueueShop: WooCommerceStandIn;
  let shopId: string;
  let ticket: { id: string; number: string; customerId: string };

  const woo = (s: WooCommerceStandIn, extra: object = {}) => ({
    type: 'woocommerce', name: 'Sklep rowerowy', settings: { url: s.url, consumerKey: s.consumerKey, consumerSecret: s.consumerSecret }, ...extra,
  });

  beforeAll(async () => {
    [shop, slowShop, otherQueueShop] = await Promise.all([startWooCommerceStandIn(), startWooCommerceStandIn(), startWooCommerceStandIn()]);
    product = await startProduct({ SECRETS_KEY, SHOP_TIMEOUT_MS: String(TIMEOUT_MS) });
    admin = await asAdmin(product);
    shop.addOrder({
      id: 4521, email: 'anna@example.pl', status: 'completed', createdAt: '2026-03-02T10:00:00Z', total: '259.80',
      items: [{ name: 'Lampka rowerowa', sku: 'LR-1', quantity: 2, price: 129.9 }], tracking: { provider: 'InPost', number: '680000000000000000004521', link: TRACKING },
    });
    shop.addOrder({ id: 4400, email: 'Anna@Example.pl', status: 'processing', createdAt: '2026-01-15T09:00:00Z', total: '49.90', paid: false });
    shop.addOrder({ id: 4700, email: 'anna.praca@example.pl', status: 'on-hold', createdAt: '2026-04-01T08:00:00Z', total: '19.99' });
    // WooCommerce's search is fuzzy: "anna@example.pl" also finds joanna@example.pl's order, which is not Anna's.
    shop.addOrder({ id: 4800, email: 'joanna@example.pl', status: 'completed', createdAt: '2026-04-02T08:00:00Z', total: '99.00' });
    otherQueueShop.addOrder({ id: 1, email: 'anna@example.pl', createdAt: '2026-04-03T08:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await Promise.all([shop, slowShop, otherQueueShop].map((s) => s?.close()));
  });

  it('connects a shop: credentials are stored encrypted and never returned', async () => {
    const res = await admin.post('/integrations', woo(shop));
    expect(res.status).toBe(201);
    shopId = res.body.id;
    expect(res.body).toMatchObject({ type: 'woocommerce', name: 'Sklep rowerowy', settings: { url: shop.url }, credentials: ['consumerKey', 'consumerSecret'], queueIds: [], active: true });
    const everything = JSON.stringify([res.body, (await admin.get('/integrations')).body, (await admin.get(`/integrations/${shopId}`)).body]);
    expect(everything).not.toContain(shop.consumerKey);
    expect(everything).not.toContain(shop.consumerSecret);
    const stored = await withDatabase(product, async (db) => (await db.query(`SELECT settings::text || secrets AS row FROM integrations WHERE id = $1`, [shopId])).rows[0].row as string);
    expect(stored).not.toContain(shop.consumerSecret);
    expect(stored).not.toContain(shop.consumerKey);
  });

  it('refuses settings that are missing or not of the type, naming the field', async () => {
    expectFieldErrors(await admin.post('/integrations', { type: 'woocommerce', name: 'X', settings: { url: shop.url, consumerKey: 'ck' } }), ['settings.consumerSecret'], 'INTEGRATION_INVALID_SETTINGS');
    expectFieldErrors(await admin.post('/integrations', { type: 'woocommerce', name: 'X', settings: { url: 'ftp://x', consumerKey: 'a', consumerSecret: 'b' } }), ['settings.url'], 'INTEGRATION_INVALID_SETTINGS');
    expectFieldErrors(await admin.post('/integrations', { type: 'shoper', name: 'X', settings: { url: shop.url, login: 'a', password: 'b', token: 'c' } }), ['settings.token'], 'INTEGRATION_INVALID_SETTINGS');
    expectFieldErrors(await admin.post('/integrations', { type: 'magento', name: 'X', settings: {} }), ['type']);
    const unknownQueue = await admin.post('/integrations', woo(shop, { queueIds: ['00000000-0000-4000-8000-000000000000'] }));
    expectFieldErrors(unknownQueue, ['queueIds'], 'INTEGRATION_UNKNOWN_QUEUE');
    expectError(await admin.get('/integrations/00000000-0000-4000-8000-000000000000'), 404, 'INTEGRATION_NOT_FOUND');
  });

  it("tests the connection, answering with the shop's own error when the credentials are wrong", async () => {
    const ok = await admin.post(`/integrations/${shopId}/test`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, ordersSeen: 4 });
    const wrong = await admin.post('/integrations', { ...woo(shop), name: 'Zły klucz', settings: { url: shop.url, consumerKey: shop.consumerKey, consumerSecret: 'cs_wrong' } });
    const failed = await admin.post(`/integrations/${wrong.body.id}/test`);
    expect(failed.body).toMatchObject({ ok: false, ordersSeen: null });
    expect(failed.body.message).toContain('Consumer secret is invalid.');
    // A credential left out of a change keeps its stored value; a new one replaces it.
    expect((await admin.patch(`/integrations/${wrong.body.id}`, { settings: { consumerSecret: shop.consumerSecret } })).status).toBe(200);
    expect((await admin.post(`/integrations/${wrong.body.id}/test`)).body.ok).toBe(true);
    expect((await admin.delete(`/integrations/${wrong.body.id}`)).status).toBe(204);
  });

  it("lists the customer's orders from every e-mail, newest first, with the mentioned one marked", async () => {
    const created = await admin.post('/tickets', {
      subject: 'Gdzie jest moja paczka?', customer: { email: 'anna@example.pl', name: 'Anna Nowak' },
      message: { body: 'Dzień dobry, zamówienie nr 4521 jeszcze nie dotarło.' },
    });
    expect(created.status).toBe(201);
    ticket = created.body;
    expect((await admin.post(`/customers/${ticket.customerId}/identities`, { kind: 'email', value: 'anna.praca@example.pl' })).status).toBe(201);

    const res = await admin.get(`/tickets/${ticket.id}/orders`);
    expect(res.status).toBe(200);
    const body = res.body as Orders;
    expect(body.errors).toEqual([]);
    expect(body.items.map((o) => o.number)).toEqual(['4700', '4521', '4400']);
    const mentioned = body.items.find((o) => o.mentioned)!;
    expect(mentioned).toMatchObject({
      integrationId: shopId, provider: 'woocommerce', externalId: '4521', number: '4521', status: 'completed', statusLabel: 'Zrealizowane',
      total: { amount: '259.80', currency: 'PLN' }, paymentStatus: 'paid', items: [{ name: 'Lampka rowerowa', sku: 'LR-1', quantity: 2, price: '129.90' }],
      shipment: { carrier: 'InPost', trackingNumber: '680000000000000000004521', trackingUrl: TRACKING }, adminUrl: `${shop.url}/wp-admin/post.php?post=4521&action=edit`,
      createdAt: '2026-03-02T10:00:00.000Z', pinned: false,
    });
    expect(body.items.filter((o) => o.mentioned)).toHaveLength(1);
    expect(body.items.find((o) => o.number === '4400')).toMatchObject({ paymentStatus: 'unpaid', status: 'processing' });

    const customerOrders = await admin.get(`/customers/${ticket.customerId}/orders`);
    expect(customerOrders.status).toBe(200);
    expect((customerOrders.body as Orders).items.map((o) => o.number)).toEqual(['4700', '4521', '4400']);
    expectError(await admin.get('/customers/00000000-0000-4000-8000-000000000000/orders'), 404, 'CUSTOMER_NOT_FOUND');
    expectError(await admin.get('/tickets/00000000-0000-4000-8000-000000000000/orders'), 404, 'TICKET_NOT_FOUND');
  });

  it("lets rules match on the status of the order the ticket is about, and the dry run shows it", async () => {
    const rule = (status: string) => ({
      name: 'Wysłane zamówienie', trigger: 'customer_replied',
      conditions: { match: 'all', conditions: [{ field: 'order_status', operator: 'is', value: status }] },
      actions: [{ type: 'add_tag', tag: 'zamowienie-wyslane' }],
    });
    const dryRun = async (status: string) => (await admin.post('/rules/dry-run', { rule: rule(status), lastTickets: 1 })).body as {
      matched: number; items: { ticket: { id: string }; matched: boolean; explanation: { field?: string; matched?: boolean }[] }[];
    };
    const completed = await dryRun('completed');
    expect(completed.items[0].ticket.id).toBe(ticket.id);
    expect(completed.matched).toBe(1);
    expect(completed.items[0].explanation).toContainEqual(expect.objectContaining({ field: 'order_status', matched: true }));
    expect((await dryRun('cancelled')).matched).toBe(0);
    expectError(await admin.post('/rules', rule('wyslane')), 400, 'RULE_INVALID');
  });

  it('lets a rule on a new ticket match the status of the order a new mail mentions', async () => {
    const rule = await admin.post('/rules', {
      name: 'Zrealizowane zamówienie', trigger: 'ticket_created', enabled: true,
      conditions: { match: 'all', conditions: [{ field: 'order_status', operator: 'is', value: 'completed' }] },
      actions: [{ type: 'add_tag', tag: 'zamowienie-zrealizowane' }],
    });
    expect(rule.status).toBe(201);
    try {
      await addInboundAddress(admin, { address: 'sklep@rowerownia.pl' });
      const mail = composeMail({ from: 'anna@example.pl', to: 'sklep@rowerownia.pl', subject: 'Zamówienie 4521', body: 'Czy zamówienie nr 4521 zostało wysłane?' });
      await deliverRaw(product, mail.raw, { to: ['sklep@rowerownia.pl'] });
      const filed = await waitForProcessed(admin, mail.messageId);
      expect((await admin.get(`/tickets/${filed.ticketId}`)).body.tags).toContain('zamowienie-zrealizowane');
    } finally {
      await admin.delete(`/rules/${(rule.body as { id: string }).id}`);
    }
  });

  it('fills the order-status template with the mentioned order and its tracking link', async () => {
    const templates = (await admin.get('/templates')).body.items as { id: string; slug: string }[];
    const orderStatus = templates.find((t) => t.slug === 'order-status')!;
    const preview = await admin.post('/templates/preview', { templateId: orderStatus.id, ticketId: ticket.id });
    expect(preview.status).toBe(200);
    expect(preview.body.body).toContain('Zamówienie nr 4521: Zrealizowane');
    expect(preview.body.body).toContain(`Przesyłkę (InPost) można śledzić tutaj: ${TRACKING}`);
    expect(preview.body.body).toContain('259,80');
  });

  it('pins an order to the ticket as a snapshot, which the templates then speak of', async () => {
    const pinned = await admin.post(`/tickets/${ticket.id}/orders`, { integrationId: shopId, externalId: '4400' });
    expect(pinned.status).toBe(201);
    expect(pinned.body).toMatchObject({ number: '4400', pinned: true, mentioned: false });
    const listed = (await admin.get(`/tickets/${ticket.id}/orders`)).body as Orders;
    expect(listed.items.filter((o) => o.pinned).map((o) => o.number)).toEqual(['4400']);
    expect(listed.pinned).toMatchObject({ number: '4400' });
    const orderStatus = ((await admin.get('/templates')).body.items as { id: string; slug: string }[]).find((t) => t.slug === 'order-status')!;
    const preview = await admin.post('/templates/preview', { templateId: orderStatus.id, ticketId: ticket.id });
    expect(preview.body.body).toContain('Zamówienie nr 4400: W trakcie realizacji');
    // Not sent yet: the tracking line is left out rather than sent empty.
    expect(preview.body.body).not.toContain('można śledzić');
    expectError(await admin.post(`/tickets/${ticket.id}/orders`, { integrationId: shopId, externalId: '999999' }), 404, 'ORDER_NOT_FOUND');
    expectFieldErrors(await admin.post(`/tickets/${ticket.id}/orders`, { integrationId: 'x', externalId: '1' }), ['integrationId']);
  });

  it('asks only the shops serving the ticket\'s queue', async () => {
    const queues = (await admin.get('/queues')).body.items as { id: string; isDefault: boolean }[];
    const other = await admin.post('/queues', { name: 'Marka druga' });
    expect(other.status).toBe(201);
    const scoped = await admin.post('/integrations', { ...woo(otherQueueShop), name: 'Druga marka', queueIds: [other.body.id] });
    expect(scoped.body.queueIds).toEqual([other.body.id]);
    const inDefault = await admin.post('/tickets', { subject: 'Paczka', customer: { email: 'anna@example.pl' }, message: { body: 'Gdzie paczka?' }, queueId: queues.find((q) => q.isDefault)!.id });
    const before = otherQueueShop.requests.length;
    const orders = (await admin.get(`/tickets/${inDefault.body.id}/orders`)).body as Orders;
    expect(orders.items.every((o) => o.integrationId === shopId)).toBe(true);
    expect(otherQueueShop.requests.length).toBe(before);
    const inOther = await admin.post('/tickets', { subject: 'Paczka', customer: { email: 'anna@example.pl' }, message: { body: 'Gdzie paczka?' }, queueId: other.body.id });
    const otherOrders = (await admin.get(`/tickets/${inOther.body.id}/orders`)).body as Orders;
    expect(otherOrders.items.map((o) => o.integrationId)).toContain(scoped.body.id);
    expect((await admin.patch(`/integrations/${scoped.body.id}`, { active: false })).body.active).toBe(false);
  });

  it('lists a shop that is down or slow in errors, without hiding the others or waiting past its time-out', async () => {
    const slow = await admin.post('/integrations', { ...woo(slowShop), name: 'Wolny sklep' });
    const down = await admin.post('/integrations', { ...woo(shop), name: 'Sklep wyłączony', settings: { url: 'http://127.0.0.1:9', consumerKey: 'a', consumerSecret: 'b' } });
    slowShop.delayMs = 10_000;
    const customer = await admin.post('/tickets', { subject: 'Zamówienie #4521', customer: { email: 'anna@example.pl' }, message: { body: 'Pytanie o #4521' } });
    const started = Date.now();
    const res = await admin.get(`/tickets/${customer.body.id}/orders`);
    const took = Date.now() - started;
    expect(res.status).toBe(200);
    const body = res.body as Orders;
    expect(body.items.map((o) => o.number)).toContain('4521');
    expect(body.items.find((o) => o.number === '4521')!.mentioned).toBe(true);
    const errors = new Map(body.errors.map((e) => [e.integrationId, e.message]));
    expect(errors.get(slow.body.id)).toContain(`did not answer within ${TIMEOUT_MS} ms`);
    expect(errors.get(down.body.id)).toContain('Could not reach the shop');
    expect(took).toBeLessThan(TIMEOUT_MS + 2500);
    slowShop.delayMs = 0;

    // A shop failing again and again is left alone for a while (the circuit opens), so tickets do not wait for it.
    for (let i = 0; i < 5; i++) {
      const t = await admin.post('/tickets', { subject: `Pytanie ${i}`, customer: { email: `klient${i}@example.pl` }, message: { body: 'Gdzie paczka?' } });
      await admin.get(`/tickets/${t.body.id}/orders`);
    }
    const last = await admin.post('/tickets', { subject: 'Pytanie', customer: { email: 'klient-ostatni@example.pl' }, message: { body: 'Gdzie paczka?' } });
    const paused = (await admin.get(`/tickets/${last.body.id}/orders`)).body as Orders;
    expect(paused.errors.find((e) => e.integrationId === down.body.id)?.message).toMatch(/^Not asked for \d+ s after repeated failures/);
  });
});
