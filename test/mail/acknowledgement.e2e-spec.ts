import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { sleep } from '../support/wait-for.js';
import {
  addInboundAddress, BIURO, deliverFixture, messageWithId, QUIET_MS, readTicket, REKLAMACJE, sameMessageId, SKLEP, ticketOfMail,
  type MailTicket,
} from './mail-kit.js';

// The acknowledgement a person gets for a new ticket: exactly one, from the
// address they wrote to, with the ticket number in the subject tag and the
// body, marked as an automatic reply and threaded to their mail; capped per
// sender so two auto-responders can never ping-pong.

jest.setTimeout(60_000);

const JAN = 'jan.kowalski.rower@gmail.com';

interface Opened {
  ticket: MailTicket;
  messageId: string;
}

describe('acknowledgement', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', replyFromName: 'Rowerownia – obsługa klienta' });
    await addInboundAddress(admin, { address: REKLAMACJE, name: 'Reklamacje', autoAcknowledge: false });
    await addInboundAddress(admin, { address: SKLEP, name: 'Sklep' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  const open = async (fixture: string, to: string, placeholders: Record<string, string> = {}): Promise<Opened> => {
    const sent = await deliverFixture(product, fixture, { TO: to, ...placeholders });
    return { ticket: await ticketOfMail(admin, sent.messageId!), messageId: sent.messageId! };
  };
  const inReplyTo = (messageId: string) => (m: CapturedMail) => sameMessageId(m.inReplyTo, messageId);

  it('a new ticket from a person gets exactly one acknowledgement, from the address written to, with the number, marked automatic and threaded', async () => {
    const { ticket, messageId } = await open('gmail-plain', BIURO);
    const ack = await sink.waitFor(inReplyTo(messageId));

    expect(ack.envelope.rcptTo).toEqual([JAN]);
    expect(ack.to).toEqual([JAN]);
    expect(ack.from).toEqual({ address: BIURO, name: 'Rowerownia – obsługa klienta' });
    expect(ack.subject).toContain(`[#${ticket.number}]`);
    expect(ack.text).toContain(ticket.number);
    expect(ack.header('Auto-Submitted')).toBe('auto-replied');
    expect(ack.references).toContain(messageId);
    expect(ack.messageId).toBeTruthy();
    expect(ack.messageId).not.toBe(messageId);

    await sleep(QUIET_MS);
    expect(sink.messages.filter((m) => m.envelope.rcptTo.includes(JAN) && sameMessageId(m.inReplyTo, messageId))).toHaveLength(1);

    // The team sees on the ticket that it went out.
    const after = await readTicket(admin, ticket.id);
    expect(messageWithId(after, ack.messageId!)).toMatchObject({ direction: 'outbound', automated: true });
  });

  it('the customer\'s reply to the acknowledgement joins the ticket and is not acknowledged again', async () => {
    const { ticket, messageId } = await open('gmail-plain', BIURO);
    const ack = await sink.waitFor(inReplyTo(messageId));
    const reply = await deliverFixture(product, 'gmail-reply', { TO: BIURO, REPLY_TO: ack.messageId! });
    expect((await ticketOfMail(admin, reply.messageId!)).id).toBe(ticket.id);
    await sink.expectNone(inReplyTo(reply.messageId!), QUIET_MS);
  });

  it("uses the address's own acknowledgement text with its placeholders filled in", async () => {
    const own = 'zamowienia@rowerownia.pl';
    await addInboundAddress(admin, {
      address: own,
      name: 'Zamówienia',
      acknowledgementSubject: 'Mamy Twoje zgłoszenie {{ticket.number}}',
      acknowledgementBody: 'Cześć {{customer.name}}!\nNumer: {{ticket.number}} ({{ticket.subject}}). Odpowiemy {{expected_response}}. \\{{literal}}',
    });
    const { ticket, messageId } = await open('gmail-plain', own);
    const ack = await sink.waitFor(inReplyTo(messageId));
    expect(ack.subject).toBe(`Mamy Twoje zgłoszenie ${ticket.number} [#${ticket.number}]`);
    expect(ack.text?.trim()).toBe(
      `Cześć Jan Kowalski!\nNumer: ${ticket.number} (${ticket.subject}). Odpowiemy w ciągu 1 dnia roboczego. {{literal}}`,
    );
  });

  it("promises the ticket's first-response deadline, in the default text and through its placeholder", async () => {
    const own = 'terminy@rowerownia.pl';
    await addInboundAddress(admin, { address: own, name: 'Terminy', acknowledgementBody: 'Odpowiemy najpóźniej {{ticket.firstResponseDueAt}}.' });
    const { ticket, messageId } = await open('gmail-plain', own);
    const due = (await readTicket(admin, ticket.id)) as unknown as { sla: { firstResponseDueAt: string } };
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(due.sla.firstResponseDueAt))
        .map((p) => [p.type, p.value]),
    );
    const ack = await sink.waitFor(inReplyTo(messageId));
    expect(ack.text?.trim()).toBe(`Odpowiemy najpóźniej ${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}.`);

    const standard = await open('gmail-plain', BIURO);
    const standardAck = await sink.waitFor(inReplyTo(standard.messageId));
    expect(standardAck.text).toMatch(/Odpowiemy w ciągu 1 dnia roboczego \(najpóźniej \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\)\./);
  });

  it('an address with acknowledgements switched off sends none', async () => {
    const { ticket, messageId } = await open('outlook-html-inline-pdf', REKLAMACJE);
    expect(ticket.inboundAddresses).toEqual([REKLAMACJE]);
    await sink.expectNone((m) => sameMessageId(m.inReplyTo, messageId) || m.envelope.rcptTo.includes('k.nowak@budmat-hurtownia.pl'), QUIET_MS);
  });

  it('comes from the address the customer wrote to, also without a reply name', async () => {
    const { ticket, messageId } = await open('interia-html-only', SKLEP);
    const ack = await sink.waitFor(inReplyTo(messageId));
    expect(ack.from?.address).toBe(SKLEP);
    expect(ack.envelope.rcptTo).toEqual(['a.kolodziej@interia.pl']);
    expect(ack.subject).toContain(`[#${ticket.number}]`);
  });

  it('repeats the customer\'s subject, decoded from Windows-1250, next to the tag', async () => {
    const { ticket, messageId } = await open('interia-windows-1250', BIURO);
    const ack = await sink.waitFor(inReplyTo(messageId));
    expect(ack.envelope.rcptTo).toEqual(['g.dabrowski@interia.pl']);
    expect(ack.subject).toContain(`[#${ticket.number}]`);
    expect(ack.subject).toContain('Korekta faktury – zażółć gęślą jaźń');
  });
});

describe('acknowledgement settings and rate limit', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({
      OUTBOUND_SMTP_URL: sink.url,
      MAIL_DOMAIN: 'rowerownia.pl',
      AUTO_REPLY_PER_SENDER_PER_HOUR: '2',
      ACK_EXPECTED_RESPONSE: 'w ciągu 2 dni roboczych',
      ACK_FAQ_URL: 'https://rowerownia.pl/pomoc',
    });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', replyFromName: 'Rowerownia' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  it('tells the expected response time and the FAQ link from the configuration', async () => {
    const sent = await deliverFixture(product, 'utf8-8bitmime', { TO: BIURO });
    const ack = await sink.waitFor((m) => sameMessageId(m.inReplyTo, sent.messageId));
    expect(ack.text).toContain('w ciągu 2 dni roboczych');
    expect(ack.text).toContain('https://rowerownia.pl/pomoc');
  });

  it('with AUTO_REPLY_PER_SENDER_PER_HOUR=2 the third new ticket from one sender within the hour gets none; other senders still do', async () => {
    const tickets: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sent = await deliverFixture(product, 'gmail-plain', { TO: BIURO });
      tickets.push((await ticketOfMail(admin, sent.messageId!)).id);
      ids.push(sent.messageId!);
    }
    expect(new Set(tickets).size).toBe(3);
    await sink.waitFor((m) => sameMessageId(m.inReplyTo, ids[0]));
    await sink.waitFor((m) => sameMessageId(m.inReplyTo, ids[1]));
    await sink.expectNone((m) => sameMessageId(m.inReplyTo, ids[2]), QUIET_MS);
    expect(sink.messages.filter((m) => m.envelope.rcptTo.includes(JAN))).toHaveLength(2);

    const other = await deliverFixture(product, 'interia-html-only', { TO: BIURO });
    await ticketOfMail(admin, other.messageId!);
    const ack = await sink.waitFor((m) => sameMessageId(m.inReplyTo, other.messageId));
    expect(ack.envelope.rcptTo).toEqual(['a.kolodziej@interia.pl']);
  });
});
