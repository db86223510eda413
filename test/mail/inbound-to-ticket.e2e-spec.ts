import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { loadFixture, messageIdOf } from '../support/send-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import {
  addCategory, addInboundAddress, addQueue, BIURO, defaultQueueId, deliverFixture, deliverRaw, listInboundMails, REKLAMACJE,
  sameMessageId, ticketCount, ticketOfMail, unknownMessageId, waitForProcessed, type MailTicket,
} from './mail-kit.js';

// What a customer's mail looks like once it is a ticket: who it is from, the
// subject, the bodies (text, safe HTML, the reply without its quoted
// history), attachments, Polish charsets, forwarded mail, and which queue it
// lands in.

jest.setTimeout(60_000);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('inbound mail becomes a ticket', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;
  let complaintsQueueId: string;
  let complaintCategoryId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    complaintsQueueId = await addQueue(product, 'Reklamacje', 'complaints');
    complaintCategoryId = await addCategory(product, 'Reklamacja', 'complaint');
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
    await addInboundAddress(admin, {
      address: REKLAMACJE, name: 'Reklamacje', queueId: complaintsQueueId, categoryId: complaintCategoryId, priority: 'high',
    });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  /** Sends a fixture to biuro@ (or `to`) and answers the ticket it became. */
  const ticketFrom = async (fixture: string, placeholders: Record<string, string> = {}, to = BIURO): Promise<MailTicket> => {
    const sent = await deliverFixture(product, fixture, { TO: to, ...placeholders });
    return ticketOfMail(admin, sent.messageId!);
  };

  it('a Gmail message opens a new e-mail ticket: customer from From, subject, and the mail as the first inbound message', async () => {
    const before = await ticketCount(admin);
    const sent = await deliverFixture(product, 'gmail-plain', { TO: BIURO });
    const mail = await waitForProcessed(admin, sent.messageId!);
    expect(mail).toMatchObject({
      state: 'processed', envelopeFrom: 'jan.kowalski.rower@gmail.com', envelopeTo: [BIURO], fromAddress: 'jan.kowalski.rower@gmail.com',
      subject: 'Zamówienie 4521 – rower nie dotarł', error: null, ticketId: expect.any(String),
    });
    expect(sameMessageId(mail.messageId, sent.messageId)).toBe(true);
    expect(mail.processedAt).toMatch(ISO);
    expect(mail.attempts).toBe(1);
    expect(await ticketCount(admin)).toBe(before + 1);

    const ticket = await ticketOfMail(admin, sent.messageId!);
    expect(ticket).toMatchObject({
      subject: 'Zamówienie 4521 – rower nie dotarł',
      status: 'new',
      channel: 'email',
      priority: 'normal',
      queueId: await defaultQueueId(admin),
      categoryId: null,
      inboundAddresses: [BIURO],
      customer: expect.objectContaining({ email: 'jan.kowalski.rower@gmail.com', name: 'Jan Kowalski' }),
    });
    // (An acknowledgement sent back may show in the thread too; the customer's mail is the one inbound message.)
    const inbound = ticket.messages.filter((m) => m.direction === 'inbound');
    expect(inbound).toHaveLength(1);
    const [message] = inbound;
    expect(ticket.messages[0]).toBe(message);
    expect(message).toMatchObject({
      direction: 'inbound',
      fromAddress: 'jan.kowalski.rower@gmail.com',
      subject: 'Zamówienie 4521 – rower nie dotarł',
      automated: false,
      attachments: [],
    });
    expect(sameMessageId(message.messageId, sent.messageId)).toBe(true);
    expect(message.bodyText).toContain('do dziś nic\nnie dotarło, a status od trzech dni się nie zmienia.');
    expect(message.bodyHtml).toContain('Czy mogą Państwo sprawdzić, co się dzieje z paczką?');
    expect(message.visibleText).toContain('Czy mogą Państwo sprawdzić, co się dzieje z paczką?');

    // The history starts with the ticket as it was opened, by the customer.
    expect(ticket.events[0]).toMatchObject({
      type: 'created',
      actorType: 'customer',
      actorId: ticket.customer.id,
      actorName: 'Jan Kowalski',
      newValue: {
        number: ticket.number, subject: 'Zamówienie 4521 – rower nie dotarł', status: 'new', priority: 'normal', channel: 'email',
        queueId: ticket.queueId, categoryId: null, assigneeId: null, tags: [], inboundAddresses: [BIURO], previousTicketId: null,
      },
    });
  });

  it('lands in the queue, category and priority of the address it was sent to, and records that address', async () => {
    const ticket = await ticketFrom('outlook-html-inline-pdf', {}, REKLAMACJE);
    expect(ticket).toMatchObject({
      queueId: complaintsQueueId, categoryId: complaintCategoryId, priority: 'high', inboundAddresses: [REKLAMACJE],
    });
  });

  it('records the address as configured when the envelope wrote it in other letters', async () => {
    const sent = await deliverFixture(product, 'interia-html-only', { TO: 'Biuro@Rowerownia.PL' });
    const ticket = await ticketOfMail(admin, sent.messageId!);
    expect(ticket.inboundAddresses).toEqual([BIURO]);
  });

  it('Outlook: keeps text and HTML bodies, and lists the inline image and the PDF with name, type, size and content hash', async () => {
    const raw = loadFixture('outlook-html-inline-pdf', { TO: BIURO });
    await deliverRaw(product, raw, { to: [BIURO] });
    const ticket = await ticketOfMail(admin, messageIdOf(raw)!);
    expect(ticket.subject).toBe('Reklamacja – pęknięta rama, zamówienie 4388');
    expect(ticket.customer).toMatchObject({ email: 'k.nowak@budmat-hurtownia.pl', name: 'Nowak Katarzyna' });
    const [message] = ticket.messages;
    expect(message.bodyText).toContain('pękł spaw przy główce ramy');
    expect(message.bodyHtml).toContain('pękł spaw przy główce ramy');

    // What the attachments must be, straight from the mail.
    const original = await simpleParser(raw);
    const sha256 = (name: string) => createHash('sha256').update(original.attachments.find((a) => a.filename === name)!.content).digest('hex');
    const attachments = [...message.attachments].sort((a, b) => a.filename.localeCompare(b.filename));
    expect(attachments).toEqual([
      expect.objectContaining({ filename: 'Faktura FV-2026-11-0345.pdf', contentType: 'application/pdf', size: 735, inline: false, sha256: sha256('Faktura FV-2026-11-0345.pdf') }),
      expect.objectContaining({ filename: 'image001.png', contentType: 'image/png', size: 196, inline: true, sha256: sha256('image001.png') }),
    ]);
    // The logo in the signature (cid:) points at its attachment, which a browser can fetch.
    const logo = message.attachments.find((a) => a.filename === 'image001.png')!;
    expect(message.bodyHtml).toContain(`src="/api/v1/tickets/${ticket.id}/attachments/${logo.id}"`);
    expect(message.bodyHtml).not.toContain('cid:');
  });

  it('a reply that threads to nothing opens a new ticket whose subject has no Re:', async () => {
    const ticket = await ticketFrom('thunderbird-reply', { REPLY_TO: unknownMessageId() });
    expect(ticket.subject).toBe('Zwrot kasku rowerowego');
    expect(ticket.customer).toMatchObject({ email: 'piotr.wisniewski@onet.pl', name: 'Piotr Wiśniewski' });
  });

  it.each([
    ['outlook-odp-reply', 'ODP:', { REPLY_TO: unknownMessageId() }, 'Reklamacja – pęknięta rama, zamówienie 4388'],
    ['outlook-forward-attached', 'PD:', {}, 'Odpowiedź w sprawie szkody - przesyłka 6200123456789'],
    ['gmail-forward-inline', 'Fwd:', {}, 'Potwierdzenie zamówienia nr 4602'],
  ])('%s: the ticket subject drops the %s prefix', async (fixture, _prefix, placeholders, subject) => {
    expect((await ticketFrom(fixture, placeholders)).subject).toBe(subject);
  });

  it('a mail forwarded as an attachment (PD:) comes from the forwarder and keeps the forwarded mail', async () => {
    const ticket = await ticketFrom('outlook-forward-attached');
    expect(ticket.customer.email).toBe('ewelina.pawlak@outlook.com');
    const [message] = ticket.messages;
    expect(message.bodyText).toContain('przesyłam odpowiedź kuriera w sprawie uszkodzonej paczki');
    const forwardedInBody = message.bodyText.includes('może wszcząć wyłącznie nadawca');
    const forwardedAsAttachment = message.attachments.some((a) => a.contentType === 'message/rfc822' && a.size > 0);
    expect(forwardedInBody || forwardedAsAttachment).toBe(true);
  });

  it('an inline forward (Fwd:) keeps the forwarded text in the body', async () => {
    const ticket = await ticketFrom('gmail-forward-inline');
    expect(ticket.customer.email).toBe('adam.sikora84@gmail.com');
    expect(ticket.messages[0].bodyText).toContain('zamówiłem zły rozmiar ramy (M zamiast L)');
    expect(ticket.messages[0].bodyText).toContain('Razem: 3 299,00 zł');
  });

  describe('the visible reply is separated from the quoted history, and the full body is kept', () => {
    it.each([
      ['apple-mail-reply', 'przywiozę rower w sobotę około 10:00', 'przegląd sezonowy kosztuje 149 zł'],
      ['gmail-reply', 'Paczka właśnie przyszła, wszystko w porządku.', 'przesyłka utknęła w sortowni w Strykowie'],
      ['outlook-odp-reply', 'ramę odeślemy w poniedziałek kurierem DPD', 'prosimy o odesłanie ramy na nasz koszt'],
      ['thunderbird-reply', 'kask odesłałem dziś paczkomatem', 'Zwrot środków nastąpi w ciągu 14 dni'],
    ])('%s', async (fixture, reply, quoted) => {
      const [message] = (await ticketFrom(fixture, { REPLY_TO: unknownMessageId() })).messages;
      expect(message.visibleText).toContain(reply);
      expect(message.visibleText).not.toContain(quoted);
      expect(message.bodyText).toContain(reply);
      expect(message.bodyText.replace(/\n> ?/g, '\n').replace(/\s+/g, ' ')).toContain(quoted);
    });
  });

  describe('Polish charsets', () => {
    it('ISO-8859-2 (8bit body, encoded-word subject, sender and attachment name) decodes to correct Polish text', async () => {
      const ticket = await ticketFrom('onet-iso-8859-2');
      expect(ticket.subject).toBe('Zażółć gęślą jaźń - reklamacja dzwonka');
      expect(ticket.customer).toMatchObject({ email: 'zaneta.wojcik@op.pl', name: 'Żaneta Wójcik' });
      const [message] = ticket.messages;
      expect(message.bodyText).toContain('zgłaszam reklamację dzwonka rowerowego');
      expect(message.bodyText).toContain('"Zażółć gęślą jaźń" - tak mniej więcej brzmi ten dzwonek');
      expect(message.bodyText).toContain('Łączę pozdrowienia\nŻaneta Wójcik');
      expect(message.attachments).toEqual([
        expect.objectContaining({ filename: 'zdjęcie_żółtego_dzwonka.png', contentType: 'image/png', size: 167 }),
      ]);
    });

    it('Windows-1250 quoted-printable (with an RFC 2231 attachment name) decodes to correct Polish text', async () => {
      const ticket = await ticketFrom('interia-windows-1250');
      expect(ticket.subject).toBe('Korekta faktury – zażółć gęślą jaźń');
      expect(ticket.customer).toMatchObject({ email: 'g.dabrowski@interia.pl', name: 'Grzegorz Dąbrowski' });
      const [message] = ticket.messages;
      expect(message.bodyText).toContain('w załączniku przesyłam podpisaną korektę faktury za żółtą ramę.');
      expect(message.bodyText).toContain('Zażółć gęślą jaźń – tym razem bez błędów w nazwisku: Dąbrowski, nie Dabrowski.');
      expect(message.bodyText).toContain('Śląskie pozdrowienia');
      expect(message.bodyHtml).toContain('Śląskie pozdrowienia');
      expect(message.attachments).toEqual([
        expect.objectContaining({ filename: 'Korekta faktury – żółta rama.pdf', contentType: 'application/pdf', size: 702 }),
      ]);
    });

    it('the decoded words are searchable, with or without Polish letters', async () => {
      const onet = await ticketFrom('onet-iso-8859-2');
      const found = async (q: string) => ((await admin.get(`/tickets?q=${encodeURIComponent(q)}`)).body.items as { id: string }[]).map((t) => t.id);
      expect(await found('zgrzyta dzwonka')).toContain(onet.id);
      expect(await found('Żaneta jaźń')).toContain(onet.id);
      expect(await found('zaneta jazn')).toContain(onet.id);
    });
  });

  it('a new mail\'s ticket is found by its number, its subject and the words of its body, and later by the words of a reply', async () => {
    const found = async (q: string) => ((await admin.get(`/tickets?q=${encodeURIComponent(q)}`)).body.items as { id: string }[]).map((t) => t.id);
    const ticket = await ticketFrom('gmail-plain');
    expect(await found(ticket.number)).toEqual([ticket.id]);
    expect(await found('trekkingowy sledzenia przesylki')).toContain(ticket.id);
    expect(await found('rower nie dotarł')).toContain(ticket.id);
    expect(await found('sortowni Strykowie')).not.toContain(ticket.id);

    const reply = await deliverFixture(product, 'gmail-reply', { TO: BIURO, REPLY_TO: ticket.messages[0].messageId!, TICKET: ticket.number });
    expect((await waitForProcessed(admin, reply.messageId!)).ticketId).toBe(ticket.id);
    expect(await found('sortowni Strykowie')).toContain(ticket.id);
    expect(await found('trekkingowy')).toContain(ticket.id);
  });

  it('an HTML-only mail gets a plain-text body too', async () => {
    const [message] = (await ticketFrom('interia-html-only')).messages;
    expect(message.bodyText).toContain('czy fotelik dziecięcy Hamax Caress pasuje do ramy z bagażnikiem?');
    expect(message.bodyHtml).toContain('<b>Hamax Caress</b>');
  });

  it('HTML is sanitised: no scripts, event handlers, javascript: links, frames, forms or page-covering overlays; the content stays', async () => {
    const ticket = await ticketFrom('html-dangerous');
    const html = ticket.messages[0].bodyHtml!;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/keylogger|document\.cookie/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript(:|&colon;)/i);
    expect(html).not.toMatch(/<iframe|<form|<input|<svg|<style/i);
    expect(html).not.toMatch(/position\s*:\s*fixed/i);
    expect(html).toContain('przesyłam ofertę hurtową na opony na sezon 2027.');
    expect(html).toContain('href="https://hurtrow.example/cennik-2027"');
    expect(ticket.messages[0].bodyText).toContain('Cennik: https://hurtrow.example/cennik-2027');
  });

  it('twenty mails over parallel connections, a broken one among them, all become tickets', async () => {
    const fixtures = ['gmail-plain', 'interia-html-only', 'onet-iso-8859-2', 'interia-windows-1250', 'utf8-8bitmime', 'broken-mime', 'html-dangerous', 'gmail-forward-inline'];
    const before = await ticketCount(admin);
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) => deliverFixture(product, fixtures[i % fixtures.length], { TO: i % 2 ? BIURO : REKLAMACJE })),
    );
    const tickets = await Promise.all(sent.map((s) => ticketOfMail(admin, s.messageId!)));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(20);
    expect(await ticketCount(admin)).toBe(before + 20);
    expect((await listInboundMails(admin, 'failed')).length).toBe(0);
  });
});
