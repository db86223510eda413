import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { loadFixture, setHeader } from '../support/send-mail.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';
import {
  addInboundAddress, BIURO, deliverFixture, deliverRaw, messageWithId, QUIET_MS, readTicket, sameMessageId, ticketCount,
  ticketOfMail, unknownMessageId, waitForProcessed, type MailTicket,
} from './mail-kit.js';

// Loop and noise protection: auto-replies, out-of-office notes, newsletters,
// notifications, loops and bounces. They land on their ticket when they
// thread (a vacation reply is information), but never get an
// acknowledgement, never reopen anything, and bounces and auto-replies never
// open a ticket of their own.

jest.setTimeout(60_000);

describe('automated mail', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', replyFromName: 'Rowerownia' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  interface Conversation {
    ticket: MailTicket;
    /** The customer's first mail. */
    customerMessageId: string;
    /** Our acknowledgement, as the customer received it. */
    acknowledgement: CapturedMail;
  }

  /** A customer writes, the ticket opens, the acknowledgement goes out. */
  const converse = async (): Promise<Conversation> => {
    const sent = await deliverFixture(product, 'gmail-plain', { TO: BIURO });
    const ticket = await ticketOfMail(admin, sent.messageId!);
    const acknowledgement = await sink.waitFor((m) => sameMessageId(m.inReplyTo, sent.messageId));
    return { ticket, customerMessageId: sent.messageId!, acknowledgement };
  };

  /** An agent replies; answers the reply as the relay received it. */
  const agentReply = async (ticket: MailTicket, body: string): Promise<CapturedMail> => {
    expect((await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body })).status).toBe(201);
    return sink.waitFor((m) => m.text.includes(body));
  };

  /** Nothing goes out to `address` or in reply to the mail `messageId`. */
  const expectNoAnswer = (address: string, messageId: string | null) =>
    sink.expectNone((m) => m.envelope.rcptTo.some((r) => r.toLowerCase() === address.toLowerCase()) || sameMessageId(m.inReplyTo, messageId), QUIET_MS);

  describe('auto-replies', () => {
    it('a vacation reply (Auto-Submitted: auto-replied) to our acknowledgement lands on the ticket as automated, unanswered, status unchanged', async () => {
      const { ticket, acknowledgement } = await converse();
      const before = await ticketCount(admin);
      const sent = await deliverFixture(product, 'auto-reply-vacation', { TO: BIURO, REPLY_TO: acknowledgement.messageId! });
      const after = await ticketOfMail(admin, sent.messageId!);
      expect(after.id).toBe(ticket.id);
      expect(await ticketCount(admin)).toBe(before);
      expect(after.status).toBe(ticket.status);
      expect(messageWithId(after, sent.messageId!)).toMatchObject({
        direction: 'inbound', automated: true, fromAddress: 'marek.jablonski@transport-mj.example',
      });
      expect(messageWithId(after, sent.messageId!)!.bodyText).toContain('Jestem na urlopie do 30 listopada 2026 r.');
      await expectNoAnswer('marek.jablonski@transport-mj.example', sent.messageId);
    });

    it('an Exchange out-of-office ("Automatic reply:", X-Auto-Response-Suppress, no Auto-Submitted) to an agent\'s reply lands unanswered', async () => {
      const { ticket } = await converse();
      const reply = await agentReply(ticket, 'Zamówienie hurtowe wyślemy w piątek.');
      const sent = await deliverFixture(product, 'exchange-oof', { TO: BIURO, REPLY_TO: reply.messageId!, TICKET: ticket.number });
      const after = await ticketOfMail(admin, sent.messageId!);
      expect(after.id).toBe(ticket.id);
      expect(messageWithId(after, sent.messageId!)).toMatchObject({ automated: true });
      await expectNoAnswer('joanna.krawczyk@logistyka-pl.example', sent.messageId);
    });

    it.each([
      ['auto-reply-vacation', 'marek.jablonski@transport-mj.example'],
      ['exchange-oof', 'joanna.krawczyk@logistyka-pl.example'],
    ])('%s threading to nothing opens no ticket and is not answered; it is kept as a processed mail', async (fixture, sender) => {
      const before = await ticketCount(admin);
      const sent = await deliverFixture(product, fixture, { TO: BIURO, REPLY_TO: unknownMessageId(), TICKET: `${new Date().getFullYear()}-999999` });
      const mail = await waitForProcessed(admin, sent.messageId!);
      expect(mail).toMatchObject({ state: 'processed', ticketId: null, error: null });
      expect(await ticketCount(admin)).toBe(before);
      await expectNoAnswer(sender, sent.messageId);
    });
  });

  describe('bulk, notifications and loops', () => {
    it('a newsletter (List-Unsubscribe, Precedence: bulk) becomes an automated ticket message and gets no acknowledgement', async () => {
      const sent = await deliverFixture(product, 'newsletter-bulk', { TO: BIURO });
      const ticket = await ticketOfMail(admin, sent.messageId!);
      expect(ticket.subject).toBe('Black Week w hurtowni: -30% na opony zimowe');
      expect(ticket.messages[0]).toMatchObject({ direction: 'inbound', automated: true });
      await expectNoAnswer('newsletter@czesci-hurt.example', sent.messageId);
    });

    it('a notification from a no-reply sender becomes an automated ticket message and gets no acknowledgement', async () => {
      const sent = await deliverFixture(product, 'noreply-notification', { TO: BIURO });
      const ticket = await ticketOfMail(admin, sent.messageId!);
      expect(ticket.subject).toBe('Przesyłka 6200987654321 została doręczona');
      expect(ticket.messages[0]).toMatchObject({ direction: 'inbound', automated: true });
      await expectNoAnswer('no-reply@powiadomienia.kurier24.example', sent.messageId);
    });

    it('another helpdesk\'s acknowledgement (X-Loop: okienko) is never answered, so the two cannot ping-pong', async () => {
      const sent = await deliverFixture(product, 'loop-x-loop', { TO: BIURO });
      const mail = await waitForProcessed(admin, sent.messageId!);
      expect(mail.state).toBe('processed');
      await expectNoAnswer('biuro@serwis-krakow.example', sent.messageId);
    });

    it('a loop mail that threads lands on its ticket as automated', async () => {
      const { ticket, acknowledgement } = await converse();
      const raw = setHeader(loadFixture('loop-x-loop', { TO: BIURO }), 'In-Reply-To', `<${acknowledgement.messageId}>`);
      const sent = await deliverRaw(product, raw, { to: [BIURO] });
      const after = await ticketOfMail(admin, sent.messageId!);
      expect(after.id).toBe(ticket.id);
      expect(messageWithId(after, sent.messageId!)).toMatchObject({ automated: true });
      await expectNoAnswer('biuro@serwis-krakow.example', sent.messageId);
    });

    it('mail from one of our own addresses (our acknowledgement forwarded back) is never answered', async () => {
      let raw = loadFixture('gmail-plain', { TO: BIURO });
      raw = setHeader(raw, 'From', `Rowerownia <${BIURO}>`);
      const sent = await deliverRaw(product, raw, { from: BIURO, to: [BIURO] });
      const mail = await waitForProcessed(admin, sent.messageId!);
      expect(mail.state).toBe('processed');
      await expectNoAnswer(BIURO, sent.messageId);
    });
  });

  describe('bounces', () => {
    it.each([
      ['bounce-postfix-dsn', 'a Postfix DSN (multipart/report with the original as message/rfc822)', 'mailer-daemon@mx1.relay-rowerownia.example'],
      ['bounce-exim', 'an Exim bounce (plain text with the original copied in)', 'mailer-daemon@mail.hosting-serwer.example'],
      ['bounce-exchange-ndr', 'an Exchange NDR (text/rfc822-headers only)', 'postmaster@budmat-hurtownia.onmicrosoft.example'],
    ])('%s: %s marks our reply bounced, lands on its ticket, opens no ticket and is not answered', async (fixture, _what, daemon) => {
      const { ticket } = await converse();
      const reply = await agentReply(ticket, `Odpowiedź, która nie dotrze (${fixture}).`);
      const replyRow = messageWithId(await readTicket(admin, ticket.id), reply.messageId!)!;
      expect(replyRow.direction).toBe('outbound');
      const before = await ticketCount(admin);

      const sent = await deliverFixture(product, fixture, { TO: BIURO, BOUNCED_ID: reply.messageId!, TICKET: ticket.number }, { from: '' });
      const mail = await waitForProcessed(admin, sent.messageId!);
      expect(mail).toMatchObject({ state: 'processed', ticketId: ticket.id, envelopeFrom: expect.stringMatching(/^$|^<>$/) });
      expect(await ticketCount(admin)).toBe(before);

      const after = await waitFor(async () => {
        const t = await readTicket(admin, ticket.id);
        return messageWithId(t, reply.messageId!)!.deliveryState === 'bounced' ? t : null;
      }, { description: 'the reply to be marked bounced' });
      expect(messageWithId(after, sent.messageId!)).toMatchObject({ direction: 'inbound', automated: true });
      expect(after.status).toBe((await readTicket(admin, ticket.id)).status);
      await expectNoAnswer(daemon, sent.messageId);
    });

    it('a bounce about a mail we never sent opens no ticket, is not answered, and is kept as a processed mail', async () => {
      const before = await ticketCount(admin);
      const sent = await deliverFixture(
        product, 'bounce-postfix-dsn', { TO: BIURO, BOUNCED_ID: unknownMessageId(), TICKET: `${new Date().getFullYear()}-999998` }, { from: '' },
      );
      const mail = await waitForProcessed(admin, sent.messageId!);
      expect(mail).toMatchObject({ state: 'processed', ticketId: null, error: null });
      expect(await ticketCount(admin)).toBe(before);
      await expectNoAnswer('mailer-daemon@mx1.relay-rowerownia.example', sent.messageId);
    });
  });
});
