import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { loadFixture, setHeader } from '../support/send-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import {
  addInboundAddress, BIURO, deliverFixture, deliverRaw, messageWithId, readTicket, sameMessageId, ticketCount, ticketOfMail,
  unknownMessageId, type MailTicket,
} from './mail-kit.js';

// Replies join their ticket: by In-Reply-To/References to a mail we stored
// or sent, or by the [#number] subject tag. A customer's reply gives the
// ball back to the team and reopens resolved and (recently) closed tickets;
// an automated reply never does.

jest.setTimeout(60_000);

interface Opened {
  ticket: MailTicket;
  /** The customer's first mail. */
  messageId: string;
}

/** Everything one suite's product needs to open tickets by mail and reply to them. */
function mailDesk(env: Record<string, string>) {
  const desk = {
    product: undefined as unknown as TestProduct,
    sink: undefined as unknown as SmtpSink,
    admin: undefined as unknown as ApiClient,

    async start(): Promise<void> {
      desk.sink = await startSmtpSink();
      desk.product = await startProduct({ OUTBOUND_SMTP_URL: desk.sink.url, MAIL_DOMAIN: 'rowerownia.pl', ...env });
      desk.admin = await asAdmin(desk.product);
      await addInboundAddress(desk.admin, { address: BIURO, name: 'Biuro', replyFromName: 'Rowerownia', autoAcknowledge: false });
    },
    async stop(): Promise<void> {
      await desk.product?.close();
      await desk.sink?.close();
    },
    /** Jan writes to biuro@: a new ticket. */
    async open(): Promise<Opened> {
      const sent = await deliverFixture(desk.product, 'gmail-plain', { TO: BIURO });
      return { ticket: await ticketOfMail(desk.admin, sent.messageId!), messageId: sent.messageId! };
    },
    /** Sends a fixture to biuro@ and answers the ticket it was filed on and its Message-ID. */
    async send(fixture: string, placeholders: Record<string, string>): Promise<{ ticket: MailTicket; messageId: string }> {
      const sent = await deliverFixture(desk.product, fixture, { TO: BIURO, ...placeholders });
      return { ticket: await ticketOfMail(desk.admin, sent.messageId!), messageId: sent.messageId! };
    },
    async setStatus(ticket: MailTicket, status: string): Promise<MailTicket> {
      const res = await desk.admin.patch(`/tickets/${ticket.id}`, { status });
      expect(res.status).toBe(200);
      return res.body as MailTicket;
    },
  };
  return desk;
}

const inbound = (ticket: MailTicket) => ticket.messages.filter((m) => m.direction === 'inbound');

describe('threading', () => {
  const desk = mailDesk({ AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
  beforeAll(() => desk.start(), 60_000);
  afterAll(() => desk.stop());

  it('a reply whose In-Reply-To is the customer\'s mail joins that ticket as a new inbound message', async () => {
    const { ticket, messageId } = await desk.open();
    const before = await ticketCount(desk.admin);

    const reply = await desk.send('thunderbird-reply', { REPLY_TO: messageId });
    expect(reply.ticket.id).toBe(ticket.id);
    expect(await ticketCount(desk.admin)).toBe(before);
    expect(inbound(reply.ticket)).toHaveLength(2);
    const joined = messageWithId(reply.ticket, reply.messageId)!;
    expect(joined).toMatchObject({ direction: 'inbound', fromAddress: 'piotr.wisniewski@onet.pl', automated: false });
    expect(sameMessageId(joined.inReplyTo, messageId)).toBe(true);
    expect(joined.bodyText).toContain('kask odesłałem dziś paczkomatem');
    // A reply to a ticket nobody has answered yet leaves it new.
    expect(reply.ticket.status).toBe('new');
    expect(reply.ticket.subject).toBe(ticket.subject);
  });

  it('References alone are enough, wherever in the chain the known Message-ID is', async () => {
    const { ticket, messageId } = await desk.open();
    let raw = loadFixture('apple-mail-reply', { TO: BIURO, REPLY_TO: unknownMessageId() });
    raw = setHeader(raw, 'In-Reply-To', null);
    raw = setHeader(raw, 'References', `<${unknownMessageId()}> <${messageId}> <${unknownMessageId()}>`);
    const sent = await deliverRaw(desk.product, raw, { to: [BIURO] });
    expect((await ticketOfMail(desk.admin, sent.messageId!)).id).toBe(ticket.id);
  });

  it('a reply to our reply, by the Message-ID we sent it with, joins the ticket and gives the ball back: waiting_customer → open', async () => {
    const { ticket } = await desk.open();
    const answer = await desk.admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Przesyłka utknęła w sortowni, kurier dostarczy ją dzisiaj.', status: 'waiting_customer' });
    expect(answer.status).toBe(201);
    const sentAnswer = await desk.sink.waitFor((m) => m.text.includes('Przesyłka utknęła w sortowni') && m.envelope.rcptTo.includes('jan.kowalski.rower@gmail.com'));
    expect((await readTicket(desk.admin, ticket.id)).status).toBe('waiting_customer');

    const reply = await desk.send('gmail-reply', { REPLY_TO: sentAnswer.messageId! });
    expect(reply.ticket.id).toBe(ticket.id);
    expect(reply.ticket.status).toBe('open');
    expect(reply.ticket.events.at(-1)).toMatchObject({ type: 'field_changed', field: 'status', oldValue: 'waiting_customer', newValue: 'open' });
  });

  it('the subject tag [#number] alone joins the ticket (webmail that drops threading headers)', async () => {
    const { ticket } = await desk.open();
    const before = await ticketCount(desk.admin);
    const reply = await desk.send('wp-subject-tag-reply', { TICKET: ticket.number });
    expect(reply.ticket.id).toBe(ticket.id);
    expect(await ticketCount(desk.admin)).toBe(before);
    expect(messageWithId(reply.ticket, reply.messageId)!.bodyText).toContain('RD-M6100-SGS 4K7Q2');
  });

  it('a tag of a ticket that does not exist opens a new ticket', async () => {
    const before = await ticketCount(desk.admin);
    const { ticket } = await desk.send('wp-subject-tag-reply', { TICKET: `${new Date().getFullYear()}-999999` });
    expect(await ticketCount(desk.admin)).toBe(before + 1);
    expect(inbound(ticket)).toHaveLength(1);
    expect(ticket.customer.email).toBe('tomek.lewandowski@wp.pl');
  });

  it('a customer reply reopens a resolved ticket', async () => {
    const { ticket, messageId } = await desk.open();
    await desk.setStatus(ticket, 'resolved');
    const reply = await desk.send('gmail-reply', { REPLY_TO: messageId });
    expect(reply.ticket.id).toBe(ticket.id);
    expect(reply.ticket).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('a customer reply reopens a closed ticket within the reopen window', async () => {
    const { ticket, messageId } = await desk.open();
    await desk.setStatus(ticket, 'closed');
    const reply = await desk.send('gmail-reply', { REPLY_TO: messageId });
    expect(reply.ticket.id).toBe(ticket.id);
    expect(reply.ticket).toMatchObject({ status: 'open', closedAt: null, resolvedAt: null });
  });

  it('an automated reply lands on its ticket but never reopens it or moves it', async () => {
    const resolved = await desk.open();
    await desk.setStatus(resolved.ticket, 'resolved');
    const vacation = await desk.send('auto-reply-vacation', { REPLY_TO: resolved.messageId });
    expect(vacation.ticket.id).toBe(resolved.ticket.id);
    expect(vacation.ticket.status).toBe('resolved');
    expect(messageWithId(vacation.ticket, vacation.messageId)).toMatchObject({ direction: 'inbound', automated: true });

    const closed = await desk.open();
    await desk.setStatus(closed.ticket, 'closed');
    const oof = await desk.send('exchange-oof', { REPLY_TO: closed.messageId, TICKET: closed.ticket.number });
    expect(oof.ticket.id).toBe(closed.ticket.id);
    expect(oof.ticket.status).toBe('closed');
    expect(messageWithId(oof.ticket, oof.messageId)).toMatchObject({ automated: true });

    const waiting = await desk.open();
    await desk.setStatus(waiting.ticket, 'waiting_customer');
    const again = await desk.send('auto-reply-vacation', { REPLY_TO: waiting.messageId });
    expect(again.ticket.id).toBe(waiting.ticket.id);
    expect(again.ticket.status).toBe('waiting_customer');
  });
});

describe('threading after the reopen window (REOPEN_WINDOW_DAYS=0)', () => {
  const desk = mailDesk({ REOPEN_WINDOW_DAYS: '0', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
  beforeAll(() => desk.start(), 60_000);
  afterAll(() => desk.stop());

  it('a reply to a ticket closed longer than the window opens a new ticket linked to the old one, which stays closed', async () => {
    const { ticket, messageId } = await desk.open();
    const closed = await desk.setStatus(ticket, 'closed');
    const before = await ticketCount(desk.admin);

    const reply = await desk.send('gmail-reply', { REPLY_TO: messageId });
    expect(reply.ticket.id).not.toBe(ticket.id);
    expect(await ticketCount(desk.admin)).toBe(before + 1);
    expect(reply.ticket).toMatchObject({ status: 'new', channel: 'email', customerId: ticket.customerId, inboundAddresses: [BIURO] });
    expect(reply.ticket.previousTicketId).toBe(ticket.id);
    expect(inbound(reply.ticket)).toHaveLength(1);

    const old = await readTicket(desk.admin, ticket.id);
    expect(old).toMatchObject({ status: 'closed', closedAt: closed.closedAt });
    expect(inbound(old)).toHaveLength(1);
  });

  it('a resolved (not closed) ticket still reopens', async () => {
    const { ticket, messageId } = await desk.open();
    await desk.setStatus(ticket, 'resolved');
    const reply = await desk.send('gmail-reply', { REPLY_TO: messageId });
    expect(reply.ticket.id).toBe(ticket.id);
    expect(reply.ticket.status).toBe('open');
  });
});
