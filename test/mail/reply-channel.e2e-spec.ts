import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';
import {
  addInboundAddress, BIURO, deliverFixture, QUIET_MS, readTicket, REKLAMACJE, ticketOfMail, withDatabase, type MailMessage, type MailTicket,
} from './mail-kit.js';

// A reply goes back on the channel the customer last wrote on: a customer who
// opened a ticket at biuro@ and then wrote about it to reklamacje@ is
// answered from reklamacje@, unless the agent picks another of the
// customer's channels. A reply on a channel type replies cannot be sent on
// yet is marked failed with the reason.

jest.setTimeout(90_000);

const JAN = 'jan.kowalski.rower@gmail.com';

interface ChannelRef { id: string | null; type: string; name: string | null }
type Message = MailMessage & { channel: ChannelRef };
type Ticket = Omit<MailTicket, 'messages'> & { messages: Message[]; channels: ChannelRef[] };
interface ReplyTarget { channelId: string | null; type: string; name: string; recipient: string; isDefault: boolean; canSend: boolean }

describe('replies go back on the customer\'s channel', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;
  let biuroChannel: string;
  let reklamacjeChannel: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl' });
    admin = await asAdmin(product);
    // No acknowledgements: every mail at the sink is an agent's reply.
    const biuro = await addInboundAddress(admin, { address: BIURO, name: 'Biuro', replyFromName: 'Rowerownia', autoAcknowledge: false });
    const reklamacje = await addInboundAddress(admin, { address: REKLAMACJE, name: 'Reklamacje', replyFromName: 'Rowerownia – reklamacje', autoAcknowledge: false });
    const channels = (await admin.get('/channels?type=email')).body.items as { id: string; inboundAddressId: string }[];
    biuroChannel = channels.find((c) => c.inboundAddressId === biuro.id)!.id;
    reklamacjeChannel = channels.find((c) => c.inboundAddressId === reklamacje.id)!.id;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  const ticketOf = async (ref: string): Promise<Ticket> => (await readTicket(admin, ref)) as unknown as Ticket;

  /** A ticket opened by mail to biuro@, then written to about at reklamacje@. */
  const writtenToBiuroThenReklamacje = async (): Promise<Ticket> => {
    const first = await deliverFixture(product, 'gmail-plain', { TO: BIURO });
    const opened = await ticketOfMail(admin, first.messageId!);
    const second = await deliverFixture(product, 'gmail-reply', { TO: REKLAMACJE, REPLY_TO: first.messageId! });
    expect((await ticketOfMail(admin, second.messageId!)).id).toBe(opened.id);
    return ticketOf(opened.id);
  };

  const reply = async (ticketId: string, body: string, extra: Record<string, unknown> = {}): Promise<Message> => {
    const res = await admin.post(`/tickets/${ticketId}/messages`, { type: 'reply', body, ...extra });
    expect(res.status).toBe(201);
    return res.body as Message;
  };

  const deliveredAs = (ticketId: string, messageId: string, state: string): Promise<Message> =>
    waitFor(async () => {
      const message = (await ticketOf(ticketId)).messages.find((m) => m.id === messageId)!;
      return message.deliveryState === state ? message : null;
    }, { timeoutMs: 15_000, description: `the reply to become ${state}` });

  it('each mail shows the channel of the address it reached, and the ticket both channels, oldest first', async () => {
    const ticket = await writtenToBiuroThenReklamacje();
    const inbound = ticket.messages.filter((m) => m.direction === 'inbound');
    expect(inbound.map((m) => m.channel)).toEqual([
      { id: biuroChannel, type: 'email', name: 'Biuro' },
      { id: reklamacjeChannel, type: 'email', name: 'Reklamacje' },
    ]);
    expect(ticket.channels).toEqual([
      { id: biuroChannel, type: 'email', name: 'Biuro' },
      { id: reklamacjeChannel, type: 'email', name: 'Reklamacje' },
    ]);
  });

  it('the reply targets are both addresses, the one the customer wrote to last first and the default', async () => {
    const ticket = await writtenToBiuroThenReklamacje();
    const res = await admin.get(`/tickets/${ticket.id}/reply-targets`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { channelId: reklamacjeChannel, type: 'email', name: 'Reklamacje', recipient: JAN, isDefault: true, canSend: true, replyWindowEndsAt: null },
      { channelId: biuroChannel, type: 'email', name: 'Biuro', recipient: JAN, isDefault: false, canSend: true, replyWindowEndsAt: null },
    ]);
    expect((await admin.get(`/tickets/${ticket.number}/reply-targets`)).body).toEqual(res.body);
  });

  it('an agent\'s reply without a channel goes out from reklamacje@, where the customer wrote last, and shows that channel', async () => {
    const ticket = await writtenToBiuroThenReklamacje();
    const body = 'Reklamację przyjęliśmy, kurier odbierze rower jutro.';
    const queued = await reply(ticket.id, body);
    expect(queued.channel).toEqual({ id: reklamacjeChannel, type: 'email', name: 'Reklamacje' });

    const mail = await sink.waitFor((m) => m.text.includes(body));
    expect(mail.from).toEqual({ address: REKLAMACJE, name: 'Rowerownia – reklamacje' });
    expect(mail.envelope.rcptTo).toEqual([JAN]);
    const sent = await deliveredAs(ticket.id, queued.id, 'sent');
    expect(sent.channel).toEqual({ id: reklamacjeChannel, type: 'email', name: 'Reklamacje' });
  });

  it('with the channelId of biuro@ it goes out from biuro@', async () => {
    const ticket = await writtenToBiuroThenReklamacje();
    const body = 'Odpowiadamy z biura: faktura korygująca w załączniku.';
    const queued = await reply(ticket.id, body, { channelId: biuroChannel });
    expect(queued.channel).toEqual({ id: biuroChannel, type: 'email', name: 'Biuro' });
    const mail = await sink.waitFor((m) => m.text.includes(body));
    expect(mail.from).toEqual({ address: BIURO, name: 'Rowerownia' });
    expect(mail.envelope.rcptTo).toEqual([JAN]);
    await deliveredAs(ticket.id, queued.id, 'sent');
  });

  it('a channelId that is not a reply target of the ticket is a 400 naming channelId, and nothing is stored or sent', async () => {
    const opened = await ticketOfMail(admin, (await deliverFixture(product, 'gmail-plain', { TO: BIURO })).messageId!);
    const messagesBefore = (await ticketOf(opened.id)).messages.length;
    // reklamacje@ is a channel, but this customer never wrote there on this ticket.
    for (const channelId of [randomUUID(), reklamacjeChannel]) {
      expectFieldErrors(await admin.post(`/tickets/${opened.id}/messages`, { type: 'reply', body: 'Nie wyślemy tego.', channelId }), ['channelId'], 'CHANNEL_NOT_A_REPLY_TARGET');
    }
    expectFieldErrors(await admin.post(`/tickets/${opened.id}/messages`, { type: 'reply', body: 'Nie wyślemy tego.', channelId: 'biuro' }), ['channelId']);
    expectFieldErrors(await admin.post(`/tickets/${opened.id}/messages`, { type: 'note', body: 'Nie wyślemy tego.', channelId: biuroChannel }), ['channelId']);
    expect((await ticketOf(opened.id)).messages).toHaveLength(messagesBefore);
    await sink.expectNone((m) => m.text.includes('Nie wyślemy tego.'), QUIET_MS);
  });

  it('a rule\'s automatic answer to the customer\'s mail to reklamacje@ goes out from reklamacje@ too', async () => {
    const template = await admin.post('/templates', { title: 'Potwierdzenie reklamacji', slug: 'potwierdzenie-reklamacji', body: 'Rozpatrzymy reklamację w 14 dni.' });
    expect(template.status).toBe(201);
    const rule = await admin.post('/rules', {
      name: 'Odpowiedź na list klienta', enabled: true, trigger: 'customer_replied', conditions: { match: 'all', conditions: [] },
      actions: [{ type: 'reply_with_template', templateId: template.body.id }],
    });
    expect(rule.status).toBe(201);
    try {
      const ticket = await writtenToBiuroThenReklamacje();
      const answer = await sink.waitFor((m) => m.text.includes('Rozpatrzymy reklamację w 14 dni.') && m.subject.includes(ticket.number));
      expect(answer.from).toEqual({ address: REKLAMACJE, name: 'Rowerownia – reklamacje' });
      expect(answer.envelope.rcptTo).toEqual([JAN]);
      const stored = (await ticketOf(ticket.id)).messages.find((m) => m.direction === 'outbound' && m.automated);
      expect(stored?.channel).toEqual({ id: reklamacjeChannel, type: 'email', name: 'Reklamacje' });
    } finally {
      expect((await admin.delete(`/rules/${rule.body.id}`)).status).toBe(204);
    }
  });

  it('after the customer called, a reply on the phone channel is marked failed with the reason; e-mail stays a target', async () => {
    const opened = await ticketOfMail(admin, (await deliverFixture(product, 'gmail-plain', { TO: BIURO })).messageId!);
    // No phone adapter yet: the channel and the customer's call are written as an adapter would.
    const phoneChannel = await withDatabase(product, async (db) => {
      const channel = (await db.query(`INSERT INTO channels (type, name) VALUES ('phone', 'Infolinia') RETURNING id`)).rows[0].id as string;
      await db.query(
        `INSERT INTO messages (ticket_id, direction, author_customer_id, from_address, body_text, delivery_state, automated, delivery_attempts,
                               channel_id, channel_type, external_thread_id, external_message_id, created_at)
         SELECT id, 'inbound', customer_id, '+48600100200', 'Dzwonię w sprawie roweru.', 'received', false, 0,
                $2, 'phone', 'call-1', 'call-1-msg', now() + interval '1 second'
           FROM tickets WHERE id = $1`,
        [opened.id, channel],
      );
      return channel;
    });

    const targets = (await admin.get(`/tickets/${opened.id}/reply-targets`)).body as ReplyTarget[];
    expect(targets).toEqual([
      { channelId: phoneChannel, type: 'phone', name: 'Infolinia', recipient: '+48600100200', isDefault: true, canSend: false, replyWindowEndsAt: null },
      { channelId: biuroChannel, type: 'email', name: 'Biuro', recipient: JAN, isDefault: false, canSend: true, replyWindowEndsAt: null },
    ]);

    const body = 'Oddzwonimy w sprawie roweru.';
    const queued = await reply(opened.id, body);
    expect(queued.channel).toEqual({ id: phoneChannel, type: 'phone', name: 'Infolinia' });
    const failed = await deliveredAs(opened.id, queued.id, 'failed');
    expect(failed.deliveryError).toBe('Replies on phone cannot be sent yet');
    await sink.expectNone((m) => m.text.includes(body), QUIET_MS);

    // The agent answers by e-mail instead.
    const byMail = 'Odpowiadamy mailowo: rower wyjechał.';
    await reply(opened.id, byMail, { channelId: biuroChannel });
    expect((await sink.waitFor((m) => m.text.includes(byMail))).from).toEqual({ address: BIURO, name: 'Rowerownia' });
    expect((await ticketOf(opened.id)).channels).toEqual([
      { id: biuroChannel, type: 'email', name: 'Biuro' },
      { id: phoneChannel, type: 'phone', name: 'Infolinia' },
    ]);
  });
});
