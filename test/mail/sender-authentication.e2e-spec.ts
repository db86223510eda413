import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { createDkimKey, type DkimKey } from '../support/dkim-key.js';
import { startDnsStub, type DnsStub } from '../support/dns-stub.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import {
  addInboundAddress, BIURO, deliverRaw, QUIET_MS, readTicket, sameMessageId, ticketOfMail, type MailMessage, type MailTicket,
} from './mail-kit.js';

// Backscatter and spoofing: the sender of every inbound mail is checked (SPF,
// DKIM, DMARC) against DNS — here a DNS server on loopback with the test
// domains' records. The result is on the message for the team to see; a mail
// whose From domain fails DMARC still becomes a ticket, but the forged sender
// gets no acknowledgement and no automatic answer, and the ticket says why.

jest.setTimeout(60_000);

interface Authentication {
  verdict: 'pass' | 'fail' | 'none' | 'temperror';
  domain: string | null;
  spf: string;
  spfDomain: string | null;
  dkim: string;
  dkimDomain: string | null;
  dmarc: string;
  dmarcPolicy: string | null;
}

type CheckedMessage = MailMessage & { authentication: Authentication | null };

/** The SMTP session of the tests comes from 127.0.0.1: the genuine shop's SPF allows it, the bank's does not. */
const SHOP = 'sklep-rowerowy.example';
const BANK = 'bank-polski.example';
const PLAIN = 'bez-rekordow.example';

let counter = 0;
function mail(from: string, subject: string, body: string): { raw: Buffer; messageId: string } {
  const messageId = `${Date.now()}.${++counter}@${from.split('@')[1]}`;
  const raw = Buffer.from(
    [
      `From: ${from}`, `To: ${BIURO}`, `Subject: ${subject}`, 'Date: Mon, 07 Dec 2026 10:00:00 +0100', `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body, '',
    ].join('\r\n'),
  );
  return { raw, messageId };
}

describe('sender authentication of inbound mail', () => {
  let dns: DnsStub;
  let key: DkimKey;
  let sink: SmtpSink;
  let product: TestProduct;
  let admin: ApiClient;

  beforeAll(async () => {
    key = createDkimKey(SHOP);
    dns = await startDnsStub({
      [SHOP]: { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
      [`_dmarc.${SHOP}`]: { TXT: ['v=DMARC1; p=reject'] },
      [key.recordName]: { TXT: [key.record] },
      // The bank sends only from its own servers and rejects everything else.
      [BANK]: { TXT: ['v=spf1 ip4:192.0.2.10 -all'] },
      [`_dmarc.${BANK}`]: { TXT: ['v=DMARC1; p=reject'] },
    });
    sink = await startSmtpSink();
    product = await startProduct({
      OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000', MAIL_AUTH_DNS_SERVERS: dns.server,
    });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
    await dns?.close();
  });

  const deliver = async (raw: Buffer, messageId: string): Promise<{ ticket: MailTicket; message: CheckedMessage }> => {
    expect((await deliverRaw(product, raw, { to: [BIURO] })).delivery.response).toMatch(/^250/);
    const ticket = await ticketOfMail(admin, messageId);
    const message = ticket.messages.find((m) => m.direction === 'inbound' && sameMessageId(m.messageId, messageId)) as CheckedMessage;
    expect(message).toBeDefined();
    return { ticket, message };
  };
  const answers = (messageId: string) => (m: CapturedMail) => sameMessageId(m.inReplyTo, messageId);

  it('a mail signed by its domain from a server its SPF allows passes, and the sender is acknowledged', async () => {
    const { raw, messageId } = mail(`Anna Nowak <anna@${SHOP}>`, 'Zamówienie 4411', 'Dzień dobry, proszę o fakturę do zamówienia 4411.');
    const { ticket, message } = await deliver(await key.sign(raw), messageId);

    expect(message.authentication).toEqual({
      verdict: 'pass', domain: SHOP, spf: 'pass', spfDomain: SHOP, dkim: 'pass', dkimDomain: SHOP, dmarc: 'pass', dmarcPolicy: 'reject',
    });
    const ack = await sink.waitFor(answers(messageId));
    expect(ack.envelope.rcptTo).toEqual([`anna@${SHOP}`]);
    expect(ack.subject).toContain(`[#${ticket.number}]`);
    // The DNS stub was really asked: the DKIM key and the DMARC policy.
    expect(dns.queries).toEqual(expect.arrayContaining([`TXT ${key.recordName}`, `TXT _dmarc.${SHOP}`, `TXT ${SHOP}`]));
  });

  it('a forged From of a domain with DMARC p=reject becomes a ticket marked not verified, and the forger gets nothing', async () => {
    const { raw, messageId } = mail(
      `Bank Polski <ksiegowosc@${BANK}>`, 'Zmiana numeru konta', 'Prosimy o przelewy na nowy numer konta 12 3456 7890.',
    );
    const { ticket, message } = await deliver(raw, messageId);

    expect(message.authentication).toEqual({
      verdict: 'fail', domain: BANK, spf: 'fail', spfDomain: BANK, dkim: 'none', dkimDomain: null, dmarc: 'fail', dmarcPolicy: 'reject',
    });
    expect(ticket.customer.email).toBe(`ksiegowosc@${BANK}`);
    // Why no acknowledgement went out is in the ticket's history.
    expect(ticket.events).toContainEqual(expect.objectContaining({
      type: 'auto_reply_withheld', actorType: 'system',
      newValue: { kind: 'acknowledgement', reason: 'sender_not_verified', recipient: `ksiegowosc@${BANK}`, domain: BANK },
    }));
    await sink.expectNone((m) => answers(messageId)(m) || m.envelope.rcptTo.includes(`ksiegowosc@${BANK}`), QUIET_MS);
    expect(ticket.messages.filter((m) => m.direction === 'outbound')).toEqual([]);
  });

  it('a rule\'s automatic answer is not sent to a sender that failed DMARC either, and the history says why', async () => {
    const template = await admin.post('/templates', { title: 'Numer konta', slug: 'numer-konta', body: 'Przyjęliśmy zmianę numeru konta.' });
    expect(template.status).toBe(201);
    const rule = await admin.post('/rules', {
      name: 'Numer konta: odpowiedź', enabled: true, trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['przelewu'] }] },
      actions: [{ type: 'reply_with_template', templateId: template.body.id }],
    });
    expect(rule.status).toBe(201);

    const forged = mail(`Bank Polski <ksiegowosc@${BANK}>`, 'Nowe dane do przelewu', 'Prosimy o przelew na nowy numer konta.');
    const { ticket } = await deliver(forged.raw, forged.messageId);
    expect(ticket.events).toContainEqual(expect.objectContaining({
      type: 'rule_action_skipped', actorType: 'rule', newValue: { action: 'reply_with_template', reason: 'sender_not_verified' },
    }));
    await sink.expectNone(answers(forged.messageId), QUIET_MS);

    // The same rule still answers a verified sender.
    const genuine = mail(`Anna Nowak <anna@${SHOP}>`, 'Dane do przelewu', 'Proszę o dane do przelewu.');
    await deliver(await key.sign(genuine.raw), genuine.messageId);
    const answer = await sink.waitFor(answers(genuine.messageId));
    expect(answer.text).toContain('Przyjęliśmy zmianę numeru konta.');
  });

  it('no satisfaction survey goes to a sender that failed DMARC when the ticket is closed', async () => {
    const rule = await admin.post('/rules', {
      name: 'Ankieta po zamknięciu', enabled: true, trigger: 'ticket_closed', conditions: { match: 'all', conditions: [] },
      actions: [{ type: 'send_survey', kind: 'csat' }],
    });
    expect(rule.status).toBe(201);
    const forged = mail(`Bank Polski <ksiegowosc@${BANK}>`, 'Potwierdzenie danych', 'Prosimy o potwierdzenie danych firmy.');
    const { ticket } = await deliver(forged.raw, forged.messageId);
    expect((await admin.patch(`/tickets/${ticket.id}`, { status: 'closed' })).status).toBe(200);

    const closed = await readTicket(admin, ticket.id);
    expect(closed.events).toContainEqual(expect.objectContaining({
      type: 'rule_action_skipped', actorType: 'rule', newValue: { action: 'send_survey', reason: 'sender_not_verified' },
    }));
    expect(closed.events.filter((e) => e.type === 'survey_sent')).toEqual([]);
    await sink.expectNone((m) => m.envelope.rcptTo.includes(`ksiegowosc@${BANK}`), QUIET_MS);
    expect((await admin.patch(`/rules/${rule.body.id}`, { enabled: false })).status).toBe(200);
  });

  it('a domain that publishes no records is neither verified nor failed, and is acknowledged as before', async () => {
    const { raw, messageId } = mail(`Jan Kowalski <jan@${PLAIN}>`, 'Pytanie o rower', 'Czy rower jest dostępny w rozmiarze L?');
    const { ticket, message } = await deliver(raw, messageId);

    expect(message.authentication).toEqual({
      verdict: 'none', domain: PLAIN, spf: 'none', spfDomain: PLAIN, dkim: 'none', dkimDomain: null, dmarc: 'none', dmarcPolicy: null,
    });
    const ack = await sink.waitFor(answers(messageId));
    expect(ack.envelope.rcptTo).toEqual([`jan@${PLAIN}`]);
    expect(ack.subject).toContain(`[#${ticket.number}]`);
  });
});
