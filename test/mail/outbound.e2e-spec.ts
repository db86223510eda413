import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { sleep, waitFor } from '../support/wait-for.js';
import {
  addInboundAddress, BIURO, deliverFixture, QUIET_MS, readTicket, REKLAMACJE, sameMessageId, ticketOfMail, type MailMessage,
  type MailTicket,
} from './mail-kit.js';

// Agents' replies leave through the relay (OUTBOUND_SMTP_URL, here the test
// sink): with our Message-ID, threading headers, the subject tag and the
// From of the address the customer wrote to. The message shows queued →
// sent, or failed with the relay's answer.

jest.setTimeout(90_000);

const JAN = 'jan.kowalski.rower@gmail.com';

describe('outbound mail', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl' });
    admin = await asAdmin(product);
    // No acknowledgements here: every mail at the sink is an agent's reply.
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', replyFromName: 'Rowerownia', autoAcknowledge: false });
    await addInboundAddress(admin, { address: REKLAMACJE, name: 'Reklamacje', replyFromName: 'Rowerownia – reklamacje', autoAcknowledge: false });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  const openByMail = async (fixture = 'gmail-plain', to = BIURO): Promise<{ ticket: MailTicket; messageId: string }> => {
    const sent = await deliverFixture(product, fixture, { TO: to });
    return { ticket: await ticketOfMail(admin, sent.messageId!), messageId: sent.messageId! };
  };

  const reply = async (ticket: MailTicket, body: string, extra: Record<string, unknown> = {}): Promise<MailMessage> => {
    const res = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body, ...extra });
    expect(res.status).toBe(201);
    return res.body as MailMessage;
  };

  /** The message as the ticket shows it, once it has reached `state`. */
  const deliveredAs = (ticket: MailTicket, messageRowId: string, state: string, timeoutMs = 15_000): Promise<MailMessage> =>
    waitFor(async () => {
      const message = (await readTicket(admin, ticket.id)).messages.find((m) => m.id === messageRowId)!;
      return message.deliveryState === state ? message : null;
    }, { timeoutMs, description: `the reply to become ${state}` });

  it('an agent\'s reply goes out with our Message-ID, threading headers, the subject tag and the address\'s From; queued → sent', async () => {
    const { ticket, messageId } = await openByMail();
    const body = 'Dzień dobry, paczka wyjechała dziś z magazynu w Łodzi.';
    const queued = await reply(ticket, body);
    expect(queued.deliveryState).toBe('queued');

    const mail = await sink.waitFor((m) => m.text.includes(body));
    const sent = await deliveredAs(ticket, queued.id, 'sent');
    expect(sent.deliveryError).toBeNull();

    expect(mail.envelope.rcptTo).toEqual([JAN]);
    expect(mail.to).toEqual([JAN]);
    expect(mail.from).toEqual({ address: BIURO, name: 'Rowerownia' });
    expect(mail.subject).toContain(`[#${ticket.number}]`);
    expect(mail.subject).toContain('Zamówienie 4521 – rower nie dotarł');
    expect(sameMessageId(mail.messageId, sent.messageId)).toBe(true);
    expect(mail.messageId).toMatch(/@/);
    expect(sameMessageId(mail.inReplyTo, messageId)).toBe(true);
    expect(mail.references).toContain(messageId);
    expect(mail.header('Auto-Submitted')).toBeNull();

    // Sent exactly once.
    await sleep(QUIET_MS);
    expect(sink.messages.filter((m) => sameMessageId(m.messageId, sent.messageId))).toHaveLength(1);
  });

  it('a reply on a ticket that came through reklamacje@ goes out from reklamacje@', async () => {
    const { ticket } = await openByMail('outlook-html-inline-pdf', REKLAMACJE);
    const body = 'Prosimy odesłać ramę, etykieta DPD w załączeniu.';
    await reply(ticket, body);
    const mail = await sink.waitFor((m) => m.text.includes(body));
    expect(mail.from).toEqual({ address: REKLAMACJE, name: 'Rowerownia – reklamacje' });
    expect(mail.envelope.rcptTo).toEqual(['k.nowak@budmat-hurtownia.pl']);
  });

  it('a later reply answers the customer\'s latest mail and carries its References on (RFC 5322 3.6.4)', async () => {
    const { ticket } = await openByMail();
    await reply(ticket, 'Który kolor ramy?');
    const ourFirst = await sink.waitFor((m) => m.text.includes('Który kolor ramy?'));
    const customerReply = await deliverFixture(product, 'gmail-reply', { TO: BIURO, REPLY_TO: ourFirst.messageId! });
    expect((await ticketOfMail(admin, customerReply.messageId!)).id).toBe(ticket.id);

    await reply(ticket, 'Dziękujemy, zmieniamy kolor na czarny.');
    const second = await sink.waitFor((m) => m.text.includes('zmieniamy kolor na czarny'));
    expect(sameMessageId(second.inReplyTo, customerReply.messageId)).toBe(true);
    // The customer's reply referenced our first reply; ours must carry that on and add the customer's reply.
    expect(second.references).toEqual(expect.arrayContaining([ourFirst.messageId, customerReply.messageId]));
    expect(second.references.at(-1)).toBe(customerReply.messageId);
    expect(second.references).not.toContain(second.messageId);
    expect(second.subject).toContain(`[#${ticket.number}]`);
  });

  it('a note is never sent', async () => {
    const { ticket } = await openByMail();
    const res = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'Klient dzwonił, prosi o fakturę na firmę.' });
    expect(res.status).toBe(201);
    await sink.expectNone((m) => m.text.includes('prosi o fakturę na firmę'), QUIET_MS);
  });

  it('a permanent refusal by the relay (550) marks the reply failed with the SMTP error, and it is not retried', async () => {
    const { ticket } = await openByMail();
    const rejectionsBefore = sink.rejections.length;
    sink.failNext(550, `5.1.1 <${JAN}>: Recipient address rejected: User unknown in virtual mailbox table`);
    const body = 'Ta odpowiedź nie dotrze.';
    const queued = await reply(ticket, body);

    const failed = await deliveredAs(ticket, queued.id, 'failed');
    expect(failed.deliveryError).toContain('550');
    expect(failed.deliveryError).toContain('User unknown');

    await sleep(3000);
    expect(sink.rejections.length - rejectionsBefore).toBe(1);
    expect(sink.messages.filter((m) => m.text.includes(body))).toHaveLength(0);
    expect((await readTicket(admin, ticket.id)).messages.find((m) => m.id === queued.id)!.deliveryState).toBe('failed');
  });

  it('a temporary refusal (451) is retried, and the reply is sent once', async () => {
    const { ticket } = await openByMail();
    sink.failNext(451, '4.3.0 Mailbox temporarily unavailable, try again later', { stage: 'data' });
    const body = 'Ta odpowiedź dotrze za drugim razem.';
    const queued = await reply(ticket, body);

    const sent = await deliveredAs(ticket, queued.id, 'sent', 60_000);
    expect(sink.rejections.some((r) => r.code === 451 && r.rcptTo.includes(JAN))).toBe(true);
    await sleep(QUIET_MS);
    expect(sink.messages.filter((m: CapturedMail) => sameMessageId(m.messageId, sent.messageId))).toHaveLength(1);
  });
});
