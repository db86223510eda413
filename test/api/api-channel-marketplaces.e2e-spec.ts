import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { API, asAdmin, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { composeMail } from '../support/compose-mail.js';
import { sendRaw } from '../support/send-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { startAllegroStandIn, type AllegroStandIn } from '../support/stand-ins/allegro.js';
import { signStandardWebhook, startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/stand-ins/webhook-receiver.js';
import { waitFor } from '../support/wait-for.js';

// The API channel as an integrator uses it from a script: messages posted
// signed with the channel's secret become tickets (a redelivery is stored
// once, even when it arrives several times at once), and an agent's reply
// reaches the integrator's endpoint signed, with links to its attachments.
// Allegro's message centre, against a stand-in of its API: the device-flow
// authorisation, threads that become tickets, replies sent back, 429 and 5xx.
// Amazon buyer messages by mail through Amazon's relay addresses.

interface Channel {
  id: string;
  type: string;
  key: string;
  secret?: string;
  settings: Record<string, unknown>;
}

interface TicketMessage {
  id: string;
  direction: string;
  bodyText: string;
  deliveryState: string;
  deliveryError: string | null;
  channel: { id: string | null; type: string };
}

interface TicketRead {
  id: string;
  number: string;
  subject: string;
  messages: TicketMessage[];
  customer: { id: string; name: string | null; identities?: { kind: string; value: string }[] };
}

describe('API channel', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let receiver: WebhookReceiver;
  let channel: Channel;
  let allegro: AllegroStandIn;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    allegro = await startAllegroStandIn();
    product = await startProduct({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', MARKETPLACES_TICK_MS: '200' });
    admin = await asAdmin(product);
    const res = await admin.post('/channels', { type: 'api', name: 'WhatsApp', settings: { outboundUrl: `${receiver.url}/whatsapp`, replyWindowHours: 24 } });
    expect(res.status).toBe(201);
    channel = res.body as Channel;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await receiver?.close();
    await allegro?.close();
  });

  /** Posts a message signed as an integrator's script does. */
  const post = (body: Record<string, unknown>, options: { secret?: string; key?: string; timestamp?: number; id?: string } = {}) => {
    const text = JSON.stringify(body);
    const headers = signStandardWebhook(options.secret ?? channel.secret!, options.id ?? `msg_${randomUUID()}`, text, options.timestamp);
    return request(product.baseUrl).post(`${API}/channels/${options.key ?? channel.key}/messages`).set(headers).send(text);
  };
  const message = (overrides: Record<string, unknown> = {}) => ({
    externalThreadId: 'wa-48600100200',
    externalMessageId: `wamid.${randomUUID()}`,
    sender: { name: 'Anna Nowak', identities: [{ kind: 'phone', value: '+48 600 100 200' }] },
    text: 'Dzień dobry, chcę zwrócić buty z zamówienia 1042.',
    ...overrides,
  });
  const ticket = async (id: string): Promise<TicketRead> => {
    const res = await admin.get(`/tickets/${id}`);
    expect(res.status).toBe(200);
    return res.body as TicketRead;
  };

  it('is created with its key and secret, the secret shown only then', async () => {
    expect(channel).toMatchObject({ type: 'api', settings: { outboundUrl: `${receiver.url}/whatsapp`, replyWindowHours: 24 } });
    expect(channel.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(channel.secret).toMatch(/^whsec_/);
    const read = await admin.get(`/channels/${channel.id}`);
    expect(read.body).not.toHaveProperty('secret');
    expectFieldErrors(await admin.post('/channels', { type: 'api', name: 'Zły', settings: { outboundUrl: 'ftp://example.pl' } }), ['settings.outboundUrl']);
    expectFieldErrors(await admin.post('/channels', { type: 'api', name: 'Zły', settings: { replyWindowHours: 0 } }), ['settings.replyWindowHours']);
  });

  it('files a signed message as a ticket (201), and the same message again answers 200 with the same answer', async () => {
    const body = message({ externalThreadId: 'wa-first' });
    const first = await post(body);
    expect(first.status).toBe(201);
    const answer = first.body as { ticketId: string; ticketNumber: string; messageId: string };
    expect(answer).toEqual({ ticketId: expect.any(String), ticketNumber: expect.stringMatching(/^\d{4}-\d{6}$/), messageId: expect.any(String) });
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(answer);
    const read = await ticket(answer.ticketId);
    expect(read.subject).toBe('Dzień dobry, chcę zwrócić buty z zamówienia 1042.');
    expect(read.messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
    expect(read.messages[0]).toMatchObject({ id: answer.messageId, channel: { id: channel.id, type: 'api' } });
    expect(read.customer.name).toBe('Anna Nowak');

    // The next message of the conversation joins the ticket.
    const next = await post(message({ externalThreadId: 'wa-first', text: 'Numer zamówienia: 1042.' }));
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ ticketId: answer.ticketId, ticketNumber: answer.ticketNumber });
    expect((await ticket(answer.ticketId)).messages.filter((m) => m.direction === 'inbound')).toHaveLength(2);
  });

  it("tells the panel when the channel's reply window closes: the customer's last message plus replyWindowHours", async () => {
    const inbound = await post(message({ externalThreadId: `wa-window-${randomUUID()}` }));
    const { ticketId } = inbound.body as { ticketId: string };
    const targets = async () => (await admin.get(`/tickets/${ticketId}/reply-targets`)).body as { channelId: string | null; replyWindowEndsAt: string | null }[];
    const within = (await targets()).find((t) => t.channelId === channel.id)!;
    const closes = Date.parse(within.replyWindowEndsAt!);
    expect(closes - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(closes - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    // The customer wrote 30 hours ago: the window closed six hours ago.
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE messages SET created_at = now() - interval '30 hours' WHERE ticket_id = $1 AND direction = 'inbound'`, [ticketId]);
    } finally {
      await db.end();
    }
    const after = (await targets()).find((t) => t.channelId === channel.id)!;
    expect(Date.now() - Date.parse(after.replyWindowEndsAt!)).toBeGreaterThan(5.9 * 3_600_000);
    expect(Date.now() - Date.parse(after.replyWindowEndsAt!)).toBeLessThan(6.1 * 3_600_000);
  });

  it('stores a message redelivered concurrently once', async () => {
    const body = message({ externalThreadId: `wa-${randomUUID()}` });
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => JSON.stringify(a.body)));
    expect(ids.size).toBe(1);
    const { ticketId } = answers[0]!.body as { ticketId: string };
    expect((await ticket(ticketId)).messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
  });

  it('refuses a wrong signature, an old timestamp, an unknown key and bad fields', async () => {
    expectError(await post(message(), { secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}` }), 401, 'SIGNATURE_INVALID');
    expectError(await post(message(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }), 401, 'SIGNATURE_EXPIRED');
    const unsigned = await request(product.baseUrl).post(`${API}/channels/${channel.key}/messages`).send(message());
    expectError(unsigned, 401, 'SIGNATURE_MISSING');
    expectError(await post(message(), { key: 'x'.repeat(43) }), 404, 'CHANNEL_NOT_FOUND');
    expectFieldErrors(await post({ externalThreadId: 't', sender: { identities: [] }, text: 'x' }), ['externalMessageId']);
    expectFieldErrors(await post(message({ sender: { identities: [{ kind: 'phone', value: 'abc' }] } })), ['sender.identities.0']);
  });

  it("posts an agent's reply to the integrator signed, with signed links to its attachments", async () => {
    receiver.answers.set('/whatsapp', [{ status: 200, body: '{"externalMessageId":"wamid.reply-1"}' }]);
    const inbound = await post(message({ externalThreadId: 'wa-reply' }));
    const { ticketId, ticketNumber } = inbound.body as { ticketId: string; ticketNumber: string };
    const reply = await admin.post(`/tickets/${ticketId}/messages`, {
      type: 'reply',
      body: 'Dzień dobry, prosimy odesłać buty.',
      attachments: [{ filename: 'etykieta.txt', contentType: 'text/plain', contentBase64: Buffer.from('ETYKIETA 1042').toString('base64') }],
    });
    expect(reply.status).toBe(201);
    const call = await waitFor(() => receiver.calls.find((c) => c.path === '/whatsapp'), { description: 'the reply at the integrator' });
    expect(verifyStandardWebhook(channel.secret!, call.headers, call.body)).toBe(true);
    const data = (call.json as { type: string; data: Record<string, unknown> }).data;
    expect(call.json.type).toBe('message.created');
    expect(data).toMatchObject({ externalThreadId: 'wa-reply', ticketNumber, text: expect.stringContaining('prosimy odesłać buty') });
    const [file] = data.attachments as { filename: string; contentType: string; url: string }[];
    expect(file).toMatchObject({ filename: 'etykieta.txt', contentType: 'text/plain' });
    const url = new URL(file!.url);
    const fetched = await request(product.baseUrl).get(`${url.pathname}${url.search}`);
    expect(fetched.status).toBe(200);
    expect(fetched.text ?? fetched.body.toString()).toContain('ETYKIETA 1042');
    const tampered = await request(product.baseUrl).get(`${url.pathname}${url.search.replace(/signature=./, 'signature=A')}`);
    expectError(tampered, 404, 'ATTACHMENT_LINK_INVALID');
    const sent = await waitFor(async () => (await ticket(ticketId)).messages.find((m) => m.direction === 'outbound' && m.deliveryState === 'sent'));
    expect(sent.bodyText).toContain('prosimy odesłać buty');
  });

  it('shows a reply the integrator refused as failed, with the reason', async () => {
    receiver.answers.set('/whatsapp', [{ status: 422, body: '{"error":"outside the 24 hour window"}' }]);
    const inbound = await post(message({ externalThreadId: 'wa-refused' }));
    const { ticketId } = inbound.body as { ticketId: string };
    expect((await admin.post(`/tickets/${ticketId}/messages`, { type: 'reply', body: 'Odpowiedź.' })).status).toBe(201);
    const failed = await waitFor(async () => (await ticket(ticketId)).messages.find((m) => m.direction === 'outbound' && m.deliveryState === 'failed'));
    expect(failed.deliveryError).toContain('422');
    expect(failed.deliveryError).toContain('outside the 24 hour window');
  });

  describe('Allegro', () => {
    let allegroChannel: Channel & { status?: string; lastReadAt?: string | null; lastError?: string | null };
    const read = async () => (await admin.get(`/channels/${allegroChannel.id}`)).body as typeof allegroChannel;
    const ticketsOf = async (login: string): Promise<{ id: string; number: string; subject: string }[]> => {
      const res = await admin.get('/tickets?limit=200');
      return (res.body as { items: { id: string; number: string; subject: string }[] }).items.filter((t) => t.subject === `Allegro: ${login}`);
    };

    it('is created with its settings (the client secret never shown) and authorised with the device flow', async () => {
      expectFieldErrors(await admin.post('/channels', { type: 'allegro', name: 'Allegro', settings: {} }), ['settings.clientId']);
      expectFieldErrors(await admin.post('/channels', { type: 'allegro', name: 'Allegro', settings: { clientId: 'x' } }), ['settings.clientSecret']);
      const res = await admin.post('/channels', {
        type: 'allegro', name: 'Allegro: sklep_rowerowy',
        settings: { clientId: allegro.clientId, clientSecret: allegro.clientSecret, apiUrl: allegro.url, authUrl: allegro.url, pollSeconds: 1 },
      });
      expect(res.status).toBe(201);
      allegroChannel = res.body as typeof allegroChannel;
      expect(allegroChannel).toMatchObject({ status: 'new', settings: { clientId: allegro.clientId, apiUrl: allegro.url, pollSeconds: 1 } });
      expect(JSON.stringify(allegroChannel)).not.toContain(allegro.clientSecret);

      const authorize = await admin.post(`/channels/${allegroChannel.id}/authorize`);
      expect(authorize.status).toBe(200);
      expect(authorize.body).toEqual({
        userCode: 'ABC-DEF-GHI', verificationUri: `${allegro.url}/skojarz-aplikacje`,
        verificationUriComplete: `${allegro.url}/skojarz-aplikacje?code=ABCDEFGHI`, expiresAt: expect.any(String),
      });
      expect((await read()).status).toBe('authorizing');
      await waitFor(() => allegro.tokenRequests.length >= 1, { description: 'the token endpoint polled while the user has not confirmed' });
      expect((await read()).status).toBe('authorizing');
      allegro.approve();
      await waitFor(async () => (await read()).status === 'connected', { description: 'the channel connected' });
      expect(JSON.stringify(await read())).not.toContain(allegro.clientSecret);
    });

    it('lets a rule match Allegro messages by marketplace and text: "zwrot" on Allegro → complaint category, not on other channels', async () => {
      const categories = (await admin.get('/categories')).body as { items?: { id: string; slug: string }[] } | { id: string; slug: string }[];
      const complaint = (Array.isArray(categories) ? categories : categories.items!).find((c) => c.slug === 'complaint-return')!;
      expectFieldErrors(await admin.post('/rules', {
        name: 'Zły serwis', enabled: true, trigger: 'ticket_created',
        conditions: { match: 'all', conditions: [{ field: 'marketplace', operator: 'is', value: 'ebay' }] }, actions: [{ type: 'add_tag', tag: 'x' }],
      }), ['conditions[0]'], 'RULE_INVALID');
      const rule = await admin.post('/rules', {
        name: 'Allegro: zwrot → reklamacja', enabled: true, trigger: 'ticket_created',
        conditions: { match: 'all', conditions: [{ field: 'marketplace', operator: 'is', value: 'allegro' }, { field: 'body', operator: 'contains', value: 'zwrot' }] },
        actions: [{ type: 'set_category', categoryId: complaint.id }, { type: 'add_tag', tag: 'allegro-zwrot' }],
      });
      expect(rule.status).toBe(201);
      allegro.addMessage('thread-zwrot', { login: 'zwrotny_klient', text: 'Chcę zrobić zwrot kasku, jest za mały.' });
      const [opened] = await waitFor(async () => {
        const found = await ticketsOf('zwrotny_klient');
        return found.length ? found : null;
      }, { description: 'the Allegro return as a ticket' });
      const read = (await admin.get(`/tickets/${opened!.id}`)).body as { categoryId: string | null; tags: string[] };
      expect(read).toMatchObject({ categoryId: complaint.id, tags: expect.arrayContaining(['allegro-zwrot']) });
      // The same words through the API channel are no Allegro message.
      const other = await post(message({ externalThreadId: `wa-zwrot-${randomUUID()}`, text: 'Chcę zrobić zwrot kasku.' }));
      const plain = (await admin.get(`/tickets/${(other.body as { ticketId: string }).ticketId}`)).body as { categoryId: string | null; tags: string[] };
      expect(plain.tags).not.toContain('allegro-zwrot');
      expect(plain.categoryId).not.toBe(complaint.id);
      expect((await admin.patch(`/rules/${(rule.body as { id: string }).id}`, { enabled: false })).status).toBe(200);
    });

    it("files the buyer's messages as a ticket, never the shop's own, and marks the thread read", async () => {
      allegro.addMessage('thread-1', { login: 'rowerzysta_88', text: 'Dzień dobry, kiedy wysyłka roweru?', orderId: 'order-29f1' });
      allegro.addMessage('thread-1', { login: 'sklep_rowerowy', text: 'Wiadomość sklepu z panelu Allegro.', fromBuyer: false });
      const [opened] = await waitFor(async () => {
        const found = await ticketsOf('rowerzysta_88');
        return found.length ? found : null;
      }, { description: 'the Allegro thread as a ticket' });
      const detail = await ticket(opened!.id);
      const inbound = detail.messages.filter((m) => m.direction === 'inbound');
      expect(inbound).toHaveLength(1);
      expect(inbound[0]!.bodyText).toContain('kiedy wysyłka roweru?');
      expect(inbound[0]!.bodyText).toContain('order-29f1');
      expect(inbound[0]!.channel).toMatchObject({ id: allegroChannel.id, type: 'allegro' });
      await waitFor(() => allegro.threads.get('thread-1')!.read, { description: 'the thread marked read' });
      await waitFor(async () => (await read()).lastReadAt, { description: 'the last read shown' });
    });

    it("sends an agent's reply into the thread (with its attachment), and the next buyer message joins the ticket", async () => {
      const [opened] = await ticketsOf('rowerzysta_88');
      const reply = await admin.post(`/tickets/${opened!.id}/messages`, {
        type: 'reply', body: 'Wysyłka jutro.',
        attachments: [{ filename: 'faktura.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 faktura').toString('base64') }],
      });
      expect(reply.status).toBe(201);
      const sent = await waitFor(() => allegro.sent.find((s) => s.threadId === 'thread-1'), { description: 'the reply at Allegro' });
      expect(sent.text).toContain('Wysyłka jutro.');
      expect(sent.attachments).toHaveLength(1);
      expect(allegro.uploads.get(sent.attachments[0]!.id)).toMatchObject({ filename: 'faktura.pdf', contentType: 'application/pdf' });
      await waitFor(async () => (await ticket(opened!.id)).messages.find((m) => m.direction === 'outbound' && m.deliveryState === 'sent'));

      allegro.addMessage('thread-1', { login: 'rowerzysta_88', text: 'Dziękuję!' });
      await waitFor(async () => (await ticket(opened!.id)).messages.filter((m) => m.direction === 'inbound').length === 2, { description: 'the second message' });
      expect(await ticketsOf('rowerzysta_88')).toHaveLength(1);
      // Our own reply, read back from the thread, was not filed as the buyer's.
      expect((await ticket(opened!.id)).messages.filter((m) => m.bodyText.includes('Wysyłka jutro.'))).toHaveLength(1);
    });

    it('waits out a 429, shows an outage as its last error, and reads on without losing or doubling messages', async () => {
      allegro.failures.set('GET /messaging/threads', [{ status: 429, retryAfter: 1 }]);
      allegro.addMessage('thread-2', { login: 'kolarz_pl', text: 'Czy jest rozmiar L?' });
      await waitFor(async () => (await read()).lastError?.includes('429'), { description: 'the 429 shown' });
      await waitFor(async () => (await ticketsOf('kolarz_pl')).length === 1, { description: 'the message after the wait' });

      const lastRead = (await read()).lastReadAt;
      allegro.failures.set('GET /messaging/threads/{id}/messages', [{ status: 503 }, { status: 503 }]);
      allegro.addMessage('thread-2', { login: 'kolarz_pl', text: 'A rozmiar M?' });
      await waitFor(async () => (await read()).lastError?.includes('503'), { description: 'the outage shown' });
      const during = await read();
      expect(during.lastReadAt).toBe(lastRead);
      const [kolarz] = await ticketsOf('kolarz_pl');
      await waitFor(async () => (await ticket(kolarz!.id)).messages.filter((m) => m.direction === 'inbound').length === 2, { description: 'the message after the outage' });
      await waitFor(async () => (await read()).lastError === null, { description: 'the error cleared' });
      expect(await ticketsOf('kolarz_pl')).toHaveLength(1);
    });
  });

  it("recognises Amazon's relay mail: the relay kept as an external identity, the order id tagged, replies to the relay", async () => {
    expect((await admin.post('/inbound-addresses', { address: 'sklep@okienko.test' })).status).toBe(201);
    const rule = await admin.post('/rules', {
      name: 'Amazon: paczka → wysoki', enabled: true, trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [{ field: 'marketplace', operator: 'is', value: 'amazon' }, { field: 'body', operator: 'contains', value: 'paczk' }] },
      actions: [{ type: 'set_priority', priority: 'high' }],
    });
    expect(rule.status).toBe(201);
    const relay = 'x7pq2kz9m1c4@marketplace.amazon.pl';
    const { raw } = composeMail({
      from: relay, fromName: 'Jan - Amazon Marketplace', to: 'sklep@okienko.test',
      subject: 'Zapytanie od klienta dotyczące zamówienia 405-1234567-7654321', body: 'Dzień dobry, kiedy wyślecie paczkę?',
    });
    await sendRaw(product.smtpPort!, { from: relay, to: ['sklep@okienko.test'], raw });
    const found = await waitFor(async () => {
      const res = await admin.get('/tickets?limit=200');
      return (res.body as { items: { id: string; subject: string; tags: string[]; customerId: string }[] }).items.find((t) => t.subject.includes('405-1234567-7654321'));
    }, { description: 'the Amazon mail as a ticket' });
    await waitFor(async () => ((await admin.get(`/tickets/${found.id}`)).body as { tags: string[] }).tags.includes('amazon-order:405-1234567-7654321'));
    expect(((await admin.get(`/tickets/${found.id}`)).body as { tags: string[] }).tags).toEqual(expect.arrayContaining(['amazon', 'amazon-order:405-1234567-7654321']));
    const customer = (await admin.get(`/customers/${found.customerId}`)).body as { identities: { kind: string; source?: string; value: string }[] };
    expect(customer.identities).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'external', source: 'amazon', value: relay })]));
    const targets = (await admin.get(`/tickets/${found.id}/reply-targets`)).body as { recipient: string; isDefault: boolean }[];
    expect(targets.find((t) => t.isDefault)?.recipient).toBe(relay);
    // The rule on the marketplace matched the Amazon buyer's mail.
    expect(((await admin.get(`/tickets/${found.id}`)).body as { priority: string }).priority).toBe('high');
  });

  it('splits volume and response times by channel, each marketplace on its own', async () => {
    const volume = (await admin.get('/reports/volume')).body as { channels: { channel: string; created: number; resolved: number; closed: number }[] };
    const created = Object.fromEntries(volume.channels.map((c) => [c.channel, c.created]));
    const tickets = ((await admin.get('/tickets?limit=200')).body as { items: { channel: string; tags: string[] }[] }).items;
    const expected = (channel: string) => tickets.filter((t) => (channel === 'allegro' ? t.channel === 'marketplace' : channel === 'amazon' ? t.tags.includes('amazon') : t.channel === channel && !t.tags.includes('amazon'))).length;
    expect(created.allegro).toBe(expected('allegro'));
    expect(created.allegro).toBeGreaterThanOrEqual(3);
    expect(created.amazon).toBe(1);
    expect(created.api).toBe(expected('api'));
    expect(volume.channels.map((c) => c.channel)).not.toContain('marketplace');
    // Agents answered on the API channel and on Allegro: their first responses are counted there.
    const times = (await admin.get('/reports/response-times')).body as { channels: { channel: string; firstResponse: { calendar: { count: number; median: number | null } } }[] };
    const first = Object.fromEntries(times.channels.map((c) => [c.channel, c.firstResponse.calendar]));
    expect(first.allegro!.count).toBe(1);
    expect(first.api!.count).toBeGreaterThanOrEqual(2);
    expect(first.allegro!.median).toEqual(expect.any(Number));
    expect(first.amazon).toBeUndefined();
  });
});
