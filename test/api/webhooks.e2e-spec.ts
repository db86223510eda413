import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, createUser, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { addInboundAddress, deliverRaw, waitForProcessed } from '../mail/mail-kit.js';
import { composeMail } from '../support/compose-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { startWebhookReceiver, verifyStandardWebhook, type ReceivedCall, type WebhookReceiver } from '../support/stand-ins/webhook-receiver.js';
import { waitFor } from '../support/wait-for.js';

// Signed webhooks as an integrator sees them: events POSTed to their endpoint,
// signed per Standard Webhooks (checked here with our own HMAC, not the
// product's), retried with the same webhook-id until the endpoint answers, a
// delivery log with every attempt, redelivery, and secret rotation.

interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string;
  disabledAt: string | null;
}

interface Delivery {
  id: string;
  messageId: string;
  event: string;
  state: string;
  attempts: number;
  attemptLog: { attemptedAt: string; status: number | null; responseExcerpt: string | null; durationMs: number }[];
}

describe('webhooks', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    product = await startProduct({
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOKS_RETRY_DELAYS_MS: '100,100,100,100',
      WEBHOOKS_SWEEP_INTERVAL_MS: '100',
    });
    admin = await asAdmin(product);
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await receiver?.close();
  });

  const create = async (body: Record<string, unknown>): Promise<Webhook> => {
    const res = await admin.post('/webhooks', body);
    expect(res.status).toBe(201);
    return res.body as Webhook;
  };
  const callsTo = (path: string): ReceivedCall[] => receiver.calls.filter((c) => c.path === path);
  const deliveries = async (id: string): Promise<Delivery[]> => {
    const res = await admin.get(`/webhooks/${id}/deliveries`);
    expect(res.status).toBe(200);
    return (res.body as { items: Delivery[] }).items;
  };
  const openTicket = async (subject: string): Promise<{ id: string; number: string }> => {
    const res = await admin.post('/tickets', {
      subject,
      customer: { email: `klient.${randomUUID().slice(0, 8)}@example.pl`, name: 'Anna Nowak' },
      message: { body: 'Dzień dobry, gdzie moja paczka?' },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string };
  };

  it('is created with its secret shown once, read and listed without it, changed and removed', async () => {
    const hook = await create({ url: `${receiver.url}/crud`, events: ['ticket.created'], description: 'ERP' });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(hook).toMatchObject({ url: `${receiver.url}/crud`, events: ['ticket.created'], active: true, disabledAt: null });
    const read = await admin.get(`/webhooks/${hook.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    const listed = await admin.get('/webhooks');
    expect((listed.body as { items: Webhook[] }).items.map((w) => w.id)).toContain(hook.id);
    expect((listed.body as { items: Webhook[] }).items.every((w) => !('secret' in w))).toBe(true);
    const patched = await admin.patch(`/webhooks/${hook.id}`, { events: ['ticket.created', 'ticket.updated'], active: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ events: ['ticket.created', 'ticket.updated'], active: false });
    expect((await admin.delete(`/webhooks/${hook.id}`)).status).toBe(204);
    expectError(await admin.get(`/webhooks/${hook.id}`), 404, 'WEBHOOK_NOT_FOUND');
    expectError(await admin.delete(`/webhooks/${hook.id}`), 404, 'WEBHOOK_NOT_FOUND');
  });

  it('refuses bad input with a 400 naming the field, and agents', async () => {
    expectFieldErrors(await admin.post('/webhooks', {}), ['url', 'events']);
    expectFieldErrors(await admin.post('/webhooks', { url: 'ftp://example.pl/x', events: ['ticket.created'] }), ['url'], 'WEBHOOK_URL_REFUSED');
    expectFieldErrors(await admin.post('/webhooks', { url: 'https://example.pl/x', events: ['ticket.deleted'] }), ['events']);
    expectFieldErrors(await admin.get('/webhooks/nope'), ['id']);
    const agent = await createUser(product, admin, { email: 'ola@okienko.test', name: 'Ola Agentka' });
    expect((await agent.api.get('/webhooks')).status).toBe(403);
  });

  it('sends ticket.created and message.created signed; a note only to endpoints that include notes', async () => {
    const hook = await create({ url: `${receiver.url}/events`, events: ['ticket.created', 'message.created'] });
    const withNotes = await create({ url: `${receiver.url}/notes`, events: ['message.created'], includeNotes: true });
    const ticket = await openTicket('Zamówienie 1042');
    const calls = await waitFor(() => {
      const mine = callsTo('/events').filter((c) => JSON.stringify(c.json).includes(ticket.id));
      return mine.length >= 2 ? mine : null;
    }, { description: 'ticket.created and message.created' });
    expect(calls.map((c) => c.json.type).sort()).toEqual(['message.created', 'ticket.created']);
    for (const call of calls) {
      expect(verifyStandardWebhook(hook.secret!, call.headers, call.body)).toBe(true);
      expect(verifyStandardWebhook(withNotes.secret!, call.headers, call.body)).toBe(false);
      expect(call.headers['webhook-id']).toMatch(/^msg_/);
    }
    const created = calls.find((c) => c.json.type === 'ticket.created')!.json as { data: { ticket: { number: string; subject: string } } };
    expect(created.data.ticket).toMatchObject({ number: ticket.number, subject: 'Zamówienie 1042' });

    expect((await admin.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'Sprawdzić w magazynie.' })).status).toBe(201);
    const note = await waitFor(() => callsTo('/notes').find((c) => (c.json as { data?: { message?: { kind?: string } } }).data?.message?.kind === 'note'), {
      description: 'the note on the endpoint that includes notes',
    });
    expect(verifyStandardWebhook(withNotes.secret!, note.headers, note.body)).toBe(true);
    expect((note.json as { data: { message: { text: string } } }).data.message.text).toContain('Sprawdzić w magazynie.');
    // The other endpoint got no note (its deliveries are the two customer-side events).
    await waitFor(async () => (await deliveries(hook.id)).every((d) => d.state === 'delivered'));
    expect((await deliveries(hook.id)).map((d) => d.event).sort()).toEqual(['message.created', 'ticket.created']);
  });

  it('sends ticket.created, message.created and customer.created for a conversation a new e-mail opens', async () => {
    const hook = await create({ url: `${receiver.url}/mail`, events: ['ticket.created', 'message.created', 'customer.created'] });
    await addInboundAddress(admin, { address: 'sklep@rowerownia.pl' });
    const mail = composeMail({ from: 'ewa.zielinska@example.pl', fromName: 'Ewa Zielińska', to: 'sklep@rowerownia.pl', subject: 'Faktura do zamówienia', body: 'Proszę o fakturę.' });
    await deliverRaw(product, mail.raw, { to: ['sklep@rowerownia.pl'] });
    const filed = await waitForProcessed(admin, mail.messageId);
    // The customer's message, the ticket and the new customer (the acknowledgement that goes out is a message.created
    // of its own, whenever it is sent).
    const ofType = (type: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
      callsTo('/mail').find((c) => c.json.type === type && match((c.json as { data: Record<string, unknown> }).data));
    const calls = await waitFor(() => {
      const found = [
        ofType('ticket.created'),
        ofType('customer.created'),
        ofType('message.created', (data) => (data.message as { kind: string }).kind === 'customer'),
      ];
      return found.every(Boolean) ? (found as NonNullable<(typeof found)[number]>[]) : null;
    }, { description: 'the three events of the new mail' });
    for (const call of calls) expect(verifyStandardWebhook(hook.secret!, call.headers, call.body)).toBe(true);
    const created = calls.find((c) => c.json.type === 'ticket.created')!.json as { data: { ticket: { id: string; subject: string } } };
    expect(created.data.ticket).toMatchObject({ id: filed.ticketId, subject: 'Faktura do zamówienia' });
    const customerMessages = callsTo('/mail').filter((c) => c.json.type === 'message.created' && (c.json as { data: { message: { kind: string } } }).data.message.kind === 'customer');
    expect(customerMessages).toHaveLength(1);
    expect((customerMessages[0]!.json as { data: { message: { text: string } } }).data.message.text).toContain('Proszę o fakturę.');
  });

  it('sends customer.created for a new customer, and ticket.updated with the changed fields', async () => {
    const hook = await create({ url: `${receiver.url}/updated`, events: ['ticket.updated', 'customer.created'] });
    const ticket = await openTicket('Zmiana priorytetu');
    const customer = await waitFor(() => callsTo('/updated').find((c) => c.json.type === 'customer.created'), { description: 'customer.created' });
    expect((customer.json as { data: { customer: { name: string } } }).data.customer.name).toBe('Anna Nowak');
    expect((await admin.patch(`/tickets/${ticket.id}`, { priority: 'high' })).status).toBe(200);
    const call = await waitFor(() => callsTo('/updated').find((c) => JSON.stringify(c.json).includes(ticket.id)));
    expect(verifyStandardWebhook(hook.secret!, call.headers, call.body)).toBe(true);
    expect((call.json as { data: { changes: unknown[] } }).data.changes).toEqual([{ field: 'priority', oldValue: 'normal', newValue: 'high' }]);
  });

  it('retries an endpoint failing three times with the same webhook-id, and it gets the event once', async () => {
    const hook = await create({ url: `${receiver.url}/flaky`, events: ['ticket.created'] });
    receiver.answers.set('/flaky', [503, 503, 429]);
    const ticket = await openTicket('Ponawianie');
    const [delivery] = await waitFor(async () => {
      const list = await deliveries(hook.id);
      return list[0]?.state === 'delivered' ? list : null;
    }, { description: 'the delivery after three failures' });
    expect(delivery!.attempts).toBe(4);
    expect(delivery!.attemptLog.map((a) => a.status)).toEqual([503, 503, 429, 200]);
    expect(delivery!.attemptLog[0]!.responseExcerpt).toContain('try later');
    expect(delivery!.attemptLog.every((a) => typeof a.durationMs === 'number' && a.attemptedAt)).toBe(true);
    const calls = callsTo('/flaky').filter((c) => JSON.stringify(c.json).includes(ticket.id));
    expect(calls.map((c) => c.answered)).toEqual([503, 503, 429, 200]);
    expect(new Set(calls.map((c) => c.headers['webhook-id']))).toEqual(new Set([delivery!.messageId]));
    expect(calls.every((c) => verifyStandardWebhook(hook.secret!, c.headers, c.body))).toBe(true);
    expect(calls.filter((c) => c.answered === 200)).toHaveLength(1);
  });

  it('gives up at once on other 4xx answers, and redelivers on request with the same webhook-id', async () => {
    const hook = await create({ url: `${receiver.url}/gone`, events: ['ticket.created'] });
    receiver.answers.set('/gone', [410]);
    await openTicket('Odrzucone');
    const [failed] = await waitFor(async () => {
      const list = await deliveries(hook.id);
      return list[0]?.state === 'failed' ? list : null;
    });
    expect(failed!.attempts).toBe(1);
    const again = await admin.post(`/webhooks/${hook.id}/deliveries/${failed!.id}/redeliver`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: failed!.id, messageId: failed!.messageId, state: 'delivered', attempts: 2 });
    const calls = callsTo('/gone');
    expect(calls.map((c) => c.headers['webhook-id'])).toEqual([failed!.messageId, failed!.messageId]);
    expectError(await admin.post(`/webhooks/${hook.id}/deliveries/${randomUUID()}/redeliver`), 404, 'WEBHOOK_DELIVERY_NOT_FOUND');
  });

  it('sends a test event now, and signs with the old and the new secret for a day after a rotation', async () => {
    const hook = await create({ url: `${receiver.url}/rotate`, events: ['ticket.created'] });
    const test = await admin.post(`/webhooks/${hook.id}/test`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ event: 'webhook.test', state: 'delivered', attempts: 1 });
    const first = callsTo('/rotate')[0]!;
    expect(verifyStandardWebhook(hook.secret!, first.headers, first.body)).toBe(true);

    const rotated = await admin.post(`/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const { secret, previousSecretValidUntil } = rotated.body as { secret: string; previousSecretValidUntil: string };
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(hook.secret);
    expect(Date.parse(previousSecretValidUntil) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    expect((await admin.post(`/webhooks/${hook.id}/test`)).status).toBe(200);
    const second = callsTo('/rotate').at(-1)!;
    expect(callsTo('/rotate')).toHaveLength(2);
    expect(verifyStandardWebhook(secret, second.headers, second.body)).toBe(true);
    expect(verifyStandardWebhook(hook.secret!, second.headers, second.body)).toBe(true);
    expect((second.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
  });

  it('sends customer.created once for each new customer: POST /customers, a ticket for a new customer; none for a known one', async () => {
    const hook = await create({ url: `${receiver.url}/customers`, events: ['customer.created'] });
    const email = `nowy.${randomUUID().slice(0, 8)}@example.pl`;
    const made = await admin.post('/customers', { email, name: 'Jan Nowy', phones: ['+48 601 200 300'] });
    expect(made.status).toBe(201);
    const customerId = (made.body as { id: string }).id;
    // A ticket for the customer just created (known now) and one for a customer new with it.
    expect((await admin.post('/tickets', { subject: 'Znany klient', customer: { email }, message: { body: 'Pytanie' } })).status).toBe(201);
    const ticket = await openTicket('Nowy klient z biletem');
    const ticketCustomer = ((await admin.get(`/tickets/${ticket.id}`)).body as { customer: { id: string } }).customer.id;
    await waitFor(async () => {
      const list = await deliveries(hook.id);
      return list.length >= 2 && list.every((d) => d.state === 'delivered');
    }, { description: 'the customer.created deliveries' });
    const calls = callsTo('/customers');
    for (const call of calls) expect(verifyStandardWebhook(hook.secret!, call.headers, call.body)).toBe(true);
    const told = calls.map((c) => (c.json as { type: string; data: { customer: { id: string; email: string; name: string } } }));
    expect(told.every((c) => c.type === 'customer.created')).toBe(true);
    expect(told.map((c) => c.data.customer.id).sort()).toEqual([customerId, ticketCustomer].sort());
    expect(told.find((c) => c.data.customer.id === customerId)!.data.customer).toMatchObject({ email, name: 'Jan Nowy', phones: ['+48601200300'] });
    // A customer refused (the address is taken) raises nothing.
    expect((await admin.post('/customers', { email, name: 'Duplikat' })).status).toBe(409);
    expect((await deliveries(hook.id)).length).toBe(2);
  });

  it('disables an endpoint failing for 72 hours and tells the administrators in their notifications, not agents', async () => {
    const agent = await createUser(product, admin, { email: 'dyzurny@okienko.test', name: 'Dyżurny Agent' });
    const hook = await create({ url: `${receiver.url}/down`, events: ['ticket.created'], description: 'Stary ERP' });
    receiver.answers.set('/down', [500, 500, 500, 500, 500, 500]);
    // The endpoint has been failing since three days and an hour ago.
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE webhooks SET failing_since = now() - interval '73 hours' WHERE id = $1`, [hook.id]);
    } finally {
      await db.end();
    }
    await openTicket('Awaria integracji');
    const disabled = await waitFor(async () => {
      const read = (await admin.get(`/webhooks/${hook.id}`)).body as Webhook & { disabledReason: string | null };
      return read.disabledAt ? read : null;
    }, { description: 'the endpoint disabled' });
    expect(disabled.disabledReason).toBe('Every delivery failed for 72 hours');
    const notifications = await admin.get('/notifications');
    expect(notifications.status).toBe(200);
    const mine = (notifications.body as { items: { kind: string; ticketId: string | null; ticketNumber: string | null; readAt: string | null; payload: Record<string, unknown> }[] }).items
      .filter((n) => n.kind === 'webhook_disabled');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      ticketId: null, ticketNumber: null, readAt: null,
      payload: { webhookId: hook.id, url: `${receiver.url}/down`, description: 'Stary ERP', reason: 'Every delivery failed for 72 hours' },
    });
    const agentList = (await agent.api.get('/notifications')).body as { items: { kind: string }[] };
    expect(agentList.items.filter((n) => n.kind === 'webhook_disabled')).toEqual([]);
    // Nothing more is sent to it until an admin enables it again.
    const before = callsTo('/down').length;
    await openTicket('Po wyłączeniu');
    await waitFor(async () => (await deliveries(hook.id)).every((d) => d.state !== 'pending'), { description: 'the new delivery settled' });
    expect(callsTo('/down')).toHaveLength(before);
    const enabled = await admin.patch(`/webhooks/${hook.id}`, { active: true });
    expect(enabled.body).toMatchObject({ disabledAt: null });
  });

  it("sends a rule's call-a-webhook through the same engine: signed, retried and in the endpoint's delivery log", async () => {
    receiver.answers.set('/rule', [503]);
    const rule = await admin.post('/rules', {
      name: 'Nowe → CRM', enabled: true, trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [] }, actions: [{ type: 'call_webhook', url: `${receiver.url}/rule` }],
    });
    expect(rule.status).toBe(201);
    const ticket = await openTicket('Reguła z webhookiem');
    const calls = await waitFor(() => {
      const mine = callsTo('/rule').filter((c) => (c.json.ticket as { number?: string } | undefined)?.number === ticket.number);
      return mine.length === 2 ? mine : null;
    }, { description: 'the rule call, retried once' });
    expect(calls[1]!.json).toMatchObject({ event: 'ticket_created', rule: { name: 'Nowe → CRM' }, ticket: { number: ticket.number } });
    expect(calls[0]!.headers['webhook-id']).toBe(calls[1]!.headers['webhook-id']);
    const endpoint = ((await admin.get('/webhooks?limit=200')).body as { items: Webhook[] }).items.find((w) => w.url === `${receiver.url}/rule`)!;
    expect(endpoint.events).toEqual([]);
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 2, messageId: calls[0]!.headers['webhook-id'] });
    // Its secret is obtained by a rotation; the next call verifies with it.
    const { secret } = (await admin.post(`/webhooks/${endpoint.id}/rotate-secret`)).body as { secret: string };
    const next = await openTicket('Druga reguła');
    const signed = await waitFor(() => callsTo('/rule').find((c) => (c.json.ticket as { number?: string } | undefined)?.number === next.number));
    expect(verifyStandardWebhook(secret, signed.headers, signed.body)).toBe(true);
  });
});
