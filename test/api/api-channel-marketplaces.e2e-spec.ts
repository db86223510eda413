import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { API, asAdmin, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { signStandardWebhook, startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/stand-ins/webhook-receiver.js';
import { waitFor } from '../support/wait-for.js';

// The API channel as an integrator uses it from a script: messages posted
// signed with the channel's secret become tickets (a redelivery is stored
// once, even when it arrives several times at once), and an agent's reply
// reaches the integrator's endpoint signed, with links to its attachments.

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

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    product = await startProduct({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' });
    admin = await asAdmin(product);
    const res = await admin.post('/channels', { type: 'api', name: 'WhatsApp', settings: { outboundUrl: `${receiver.url}/whatsapp`, replyWindowHours: 24 } });
    expect(res.status).toBe(201);
    channel = res.body as Channel;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await receiver?.close();
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
});
