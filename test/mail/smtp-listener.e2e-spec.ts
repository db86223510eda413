import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import net from 'node:net';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { loadFixture, messageIdOf, replyCode, sendRaw, setHeader, smtpConversation, type SmtpRejection } from '../support/send-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';
import {
  addInboundAddress, BIURO, binary, listInboundMails, ticketCount, ticketOfMail, unknownMessageId, waitForQuiet,
} from './mail-kit.js';

// The SMTP listener as a sending MTA meets it: what EHLO offers, which
// recipients it takes (never an open relay), the size limit, and that 250
// means "stored".

jest.setTimeout(60_000);

const LIMIT = 200_000;

/** A plain-text mail of about `bytes` bytes (Thunderbird reply with a long body). */
function mailOfSize(bytes: number): Buffer {
  const base = setHeader(loadFixture('thunderbird-reply', { TO: BIURO, REPLY_TO: unknownMessageId() }), 'Subject', 'Skan umowy w treści');
  const line = 'Lorem ipsum dolor sit amet, zażółć gęślą jaźń, consectetur adipiscing elit sed do.\r\n';
  const lines = Math.max(0, Math.ceil((bytes - base.length) / Buffer.byteLength(line)));
  return Buffer.concat([base, Buffer.from(line.repeat(lines), 'utf8')]);
}

describe('SMTP listener', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ SMTP_MAX_SIZE: String(LIMIT), OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  const talk = (items: (string | Buffer)[]) => smtpConversation(product.smtpPort!, items);

  it('greets with 220 and offers SIZE with the configured limit, 8BITMIME, SMTPUTF8 and PIPELINING', async () => {
    const [greeting, ehlo] = await talk(['EHLO mx.google.example', 'QUIT']);
    expect(replyCode(greeting)).toBe(220);
    expect(replyCode(ehlo)).toBe(250);
    const offered = ehlo.split('\n').map((line) => line.slice(4).trim().toUpperCase());
    expect(offered).toEqual(expect.arrayContaining([`SIZE ${LIMIT}`, '8BITMIME', 'SMTPUTF8', 'PIPELINING']));
  });

  it('is not an open relay: RCPT TO an address it does not serve gets 550, on our domain or any other', async () => {
    const replies = await talk([
      'EHLO mx.google.example',
      'MAIL FROM:<spammer@example.net>',
      'RCPT TO:<nieznany@rowerownia.pl>',
      'RCPT TO:<ofiara@gmail.com>',
      'RCPT TO:<biuro@rowerownia.pl.evil.example>',
      'DATA',
      'QUIT',
    ]);
    expect(replies.slice(3, 6).map(replyCode)).toEqual([550, 550, 550]);
    // With no recipient accepted there is nothing to send data for.
    expect(replyCode(replies[6])).toBeGreaterThanOrEqual(500);
  });

  it('takes RCPT TO our address in any letter case', async () => {
    const replies = await talk(['EHLO mx.google.example', 'MAIL FROM:<jan.kowalski.rower@gmail.com>', 'RCPT TO:<Biuro@ROWEROWNIA.pl>', 'RSET', 'QUIT']);
    expect(replyCode(replies[3])).toBe(250);
  });

  it('takes the null sender <> that bounces use', async () => {
    const replies = await talk(['EHLO mx.example', 'MAIL FROM:<>', `RCPT TO:<${BIURO}>`, 'RSET', 'QUIT']);
    expect(replies.slice(2, 4).map(replyCode)).toEqual([250, 250]);
  });

  it('refuses MAIL FROM with a SIZE over the limit with 552 before any data is sent, and takes one under it', async () => {
    const over = await talk(['EHLO mx.google.example', `MAIL FROM:<jan.kowalski.rower@gmail.com> SIZE=${LIMIT + 1}`, 'QUIT']);
    expect(replyCode(over[2])).toBe(552);
    const under = await talk(['EHLO mx.google.example', `MAIL FROM:<jan.kowalski.rower@gmail.com> SIZE=${LIMIT - 1000}`, 'RSET', 'QUIT']);
    expect(replyCode(under[2])).toBe(250);
  });

  it('refuses a message over the limit sent without SIZE with 552 after the data, and keeps nothing of it', async () => {
    await waitForQuiet(admin);
    const [mailsBefore, ticketsBefore] = [(await listInboundMails(admin)).length, await ticketCount(admin)];
    const replies = await talk(['EHLO mx.google.example', 'MAIL FROM:<piotr.wisniewski@onet.pl>', `RCPT TO:<${BIURO}>`, 'DATA', mailOfSize(LIMIT + 50_000), 'QUIT']);
    expect(replies.slice(2, 6).map(replyCode)).toEqual([250, 250, 354, 552]);
    // The session goes on after a refusal.
    expect(replyCode(replies[6])).toBe(221);
    await expect(sendRaw(product.smtpPort!, { from: 'piotr.wisniewski@onet.pl', to: [BIURO], raw: mailOfSize(LIMIT * 2) })).rejects.toMatchObject({
      responseCode: 552,
    } as Partial<SmtpRejection>);
    expect((await listInboundMails(admin)).length).toBe(mailsBefore);
    expect(await ticketCount(admin)).toBe(ticketsBefore);
  });

  it('takes a message just under the limit and makes a ticket of it', async () => {
    const raw = mailOfSize(LIMIT - 10_000);
    expect(raw.length).toBeLessThan(LIMIT);
    const { response } = await sendRaw(product.smtpPort!, { from: 'piotr.wisniewski@onet.pl', to: [BIURO], raw });
    expect(replyCode(response)).toBe(250);
    const ticket = await ticketOfMail(admin, messageIdOf(raw)!);
    expect(ticket.subject).toBe('Skan umowy w treści');
    expect(ticket.messages[0].bodyText).toContain('Lorem ipsum dolor sit amet, zażółć gęślą jaźń');
  });

  it('answers 250 only once the mail is stored: it is listed, with its envelope, the moment the answer arrives', async () => {
    const sender = `bartek.lecki+${Date.now()}@posteo.example`;
    const raw = loadFixture('utf8-8bitmime', { TO: BIURO });
    const before = Date.now();
    const { response } = await sendRaw(product.smtpPort!, { from: sender, to: [BIURO], raw });
    expect(replyCode(response)).toBe(250);

    // No waiting here: whatever its processing state, the mail must already be there.
    const stored = (await listInboundMails(admin)).find((m) => m.envelopeFrom === sender);
    expect(stored).toMatchObject({
      envelopeFrom: sender,
      envelopeTo: [BIURO],
      clientIp: expect.stringMatching(/127\.0\.0\.1$/),
      state: expect.stringMatching(/^(received|processing|processed)$/),
      size: raw.length,
    });
    expect(Date.parse(stored!.receivedAt)).toBeGreaterThanOrEqual(before - 1000);

    const source = await admin.get(`/inbound-mails/${stored!.id}/raw`).buffer(true).parse(binary);
    expect(source.status).toBe(200);
    expect(source.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(Buffer.isBuffer(source.body) && (source.body as Buffer).equals(raw)).toBe(true);

    // …and processing fills in what the mail says.
    const ticket = await ticketOfMail(admin, messageIdOf(raw)!);
    const processed = (await listInboundMails(admin)).find((m) => m.id === stored!.id)!;
    expect(processed).toMatchObject({
      state: 'processed',
      ticketId: ticket.id,
      subject: 'Łańcuch spadł z zębatki – pilne, źle założony?',
      fromAddress: 'bartek.lecki@posteo.example',
      error: null,
    });
    expect(Date.parse(processed.processedAt!)).toBeGreaterThanOrEqual(Date.parse(processed.receivedAt));
  });

  it('takes a pipelined envelope with BODY=8BITMIME and SMTPUTF8, and decodes the raw UTF-8 mail', async () => {
    const raw = loadFixture('utf8-8bitmime', { TO: BIURO });
    const replies = await talk([
      'EHLO mail.posteo.example',
      `MAIL FROM:<bartek.lecki@posteo.example> BODY=8BITMIME SMTPUTF8 SIZE=${raw.length}\r\nRCPT TO:<${BIURO}>\r\nDATA`,
      raw,
      'QUIT',
    ]);
    expect(replies.slice(2).map(replyCode)).toEqual([250, 250, 354, 250, 221]);
    const ticket = await ticketOfMail(admin, messageIdOf(raw)!);
    expect(ticket.subject).toBe('Łańcuch spadł z zębatki – pilne, źle założony?');
    expect(ticket.customer.name).toBe('Bartłomiej Łęcki');
    expect(ticket.messages[0].bodyText).toContain('Jeżdżę głównie po Łodzi, żadnych skoków');
  });

  it('takes 100 recipients in a transaction and answers 452 to the 101st; the mail goes to those it took', async () => {
    const raw = loadFixture('gmail-plain', { TO: BIURO });
    const rcpts = [`RCPT TO:<${BIURO}>`, ...Array.from({ length: 100 }, (_, i) => `RCPT TO:<zgadywany${i}@rowerownia.pl>`)];
    const replies = await talk(['EHLO mx.google.example', 'MAIL FROM:<jan.kowalski.rower@gmail.com>', ...rcpts, 'DATA', raw, 'QUIT']);
    const codes = replies.slice(3, 104).map(replyCode);
    // Refused recipients count too: guessing mailboxes is capped as well.
    expect(codes[0]).toBe(250);
    expect(new Set(codes.slice(1, 100))).toEqual(new Set([550]));
    expect(codes[100]).toBe(452);
    expect(replies[103]).toMatch(/Too many recipients/i);
    expect(replies.slice(104, 106).map(replyCode)).toEqual([354, 250]);
    expect((await ticketOfMail(admin, messageIdOf(raw)!)).inboundAddresses).toEqual([BIURO]);

    // The count starts again with the next transaction.
    const again = await talk(['EHLO mx.google.example', 'MAIL FROM:<a@example.com>', ...Array.from({ length: 100 }, () => `RCPT TO:<${BIURO}>`), 'RSET',
      'MAIL FROM:<a@example.com>', `RCPT TO:<${BIURO}>`, 'RSET', 'QUIT']);
    expect(new Set(again.slice(3, 103).map(replyCode))).toEqual(new Set([250]));
    expect(again.slice(104, 106).map(replyCode)).toEqual([250, 250]);
  });

  it('takes a mail with NUL characters in its subject, text and HTML as a normal ticket (the NULs left out)', async () => {
    const id = `${unknownMessageId()}`;
    const raw = Buffer.from([
      'From: Jan Kowalski <jan.kowalski.rower@gmail.com>', `To: ${BIURO}`, 'Subject: Zam\u0000\u00f3wienie roweru', `Message-ID: <${id}>`,
      'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="nul"', '',
      '--nul', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'Dzie\u0144 dobry,\u0000 prosz\u0119 o faktur\u0119.',
      '--nul', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '<p>Dzie\u0144 dobry,\u0000 prosz\u0119 o faktur\u0119.</p>',
      '--nul--', '',
    ].join('\r\n'), 'utf8');
    const { response } = await sendRaw(product.smtpPort!, { from: 'jan.kowalski.rower@gmail.com', to: [BIURO], raw });
    expect(replyCode(response)).toBe(250);
    const ticket = await ticketOfMail(admin, id);
    expect(ticket.subject).toBe('Zamówienie roweru');
    expect(ticket.customer).toMatchObject({ email: 'jan.kowalski.rower@gmail.com', name: 'Jan Kowalski' });
    expect(ticket.messages[0].bodyText).toBe('Dzień dobry, proszę o fakturę.');
    expect(ticket.messages[0].bodyHtml).toContain('Dzień dobry, proszę o fakturę.');
    expect((await listInboundMails(admin)).find((m) => m.messageId === id)).toMatchObject({ state: 'processed', subject: 'Zamówienie roweru' });
  });

  it('delivers to the recipients it took when others in the same transaction were refused', async () => {
    const raw = loadFixture('gmail-plain', { TO: BIURO });
    const replies = await talk([
      'EHLO mail-lj1-f176.google.example',
      'MAIL FROM:<jan.kowalski.rower@gmail.com>',
      'RCPT TO:<nieznany@rowerownia.pl>',
      `RCPT TO:<${BIURO}>`,
      'DATA',
      raw,
      'QUIT',
    ]);
    expect(replies.slice(3, 7).map(replyCode)).toEqual([550, 250, 354, 250]);
    const ticket = await ticketOfMail(admin, messageIdOf(raw)!);
    expect(ticket.inboundAddresses).toEqual([BIURO]);
  });
});

describe('SMTP listener limits per client address', () => {
  let product: TestProduct;
  let admin: ApiClient;
  const held: net.Socket[] = [];

  beforeAll(async () => {
    product = await startProduct({ SMTP_MAX_CONNECTIONS_PER_IP: '2', SMTP_MAX_MESSAGES_PER_IP_PER_MINUTE: '3', MAIL_DOMAIN: 'rowerownia.pl' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, autoAcknowledge: false });
  }, 60_000);

  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await product?.close();
  });

  /** Opens a connection and keeps it, answering the greeting. */
  const hold = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = net.connect(product.smtpPort!, '127.0.0.1');
      held.push(socket);
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1')));
      socket.once('error', reject);
    });

  it('answers 421 to a connection over the per-address limit, and takes connections again once others close', async () => {
    expect(replyCode(await hold())).toBe(220);
    expect(replyCode(await hold())).toBe(220);
    const refused = await smtpConversation(product.smtpPort!, ['EHLO klient.example', 'QUIT']);
    expect(replyCode(refused[0])).toBe(421);

    for (const socket of held.splice(0)) socket.destroy();
    const again = await waitFor(async () => {
      const replies = await smtpConversation(product.smtpPort!, ['EHLO klient.example', 'QUIT']);
      return replyCode(replies[0]) === 220 ? replies : null;
    }, { description: 'the listener to take connections again' });
    expect(replyCode(again[1])).toBe(250);
  });

  it('counts only the connections it took: refused ones closing free no slot', async () => {
    expect(replyCode(await hold())).toBe(220);
    expect(replyCode(await hold())).toBe(220);
    for (let i = 0; i < 4; i++) {
      const refused = await smtpConversation(product.smtpPort!, ['EHLO klient.example', 'QUIT']);
      expect(replyCode(refused[0])).toBe(421);
    }
    // The refused ones are closed now; the two held ones still fill the limit.
    const stillRefused = await smtpConversation(product.smtpPort!, ['EHLO klient.example', 'QUIT']);
    expect(replyCode(stillRefused[0])).toBe(421);
    const third = await hold();
    expect(replyCode(third)).toBe(421);

    for (const socket of held.splice(0)) socket.destroy();
    await waitFor(async () => {
      const replies = await smtpConversation(product.smtpPort!, ['EHLO klient.example', 'QUIT']);
      return replyCode(replies[0]) === 220;
    }, { description: 'the listener to take connections again' });
  });

  it('answers 451 (try later) to messages over the per-minute limit; what it took becomes tickets', async () => {
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) {
      const raw = loadFixture('gmail-plain', { TO: BIURO });
      await sendRaw(product.smtpPort!, { from: 'jan.kowalski.rower@gmail.com', to: [BIURO], raw });
      sent.push(messageIdOf(raw)!);
    }
    await expect(
      sendRaw(product.smtpPort!, { from: 'jan.kowalski.rower@gmail.com', to: [BIURO], raw: loadFixture('gmail-plain', { TO: BIURO }) }),
    ).rejects.toMatchObject({ responseCode: 451 } as Partial<SmtpRejection>);
    for (const id of sent) expect((await ticketOfMail(admin, id)).channel).toBe('email');
  });
});
