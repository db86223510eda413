import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { loadFixture, messageIdOf } from '../support/send-mail.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { sleep } from '../support/wait-for.js';
import {
  addInboundAddress, addQueue, bare, BIURO, deliverRaw, listInboundMails, QUIET_MS, REKLAMACJE, sameMessageId, ticketCount,
  ticketOfMail, waitForQuiet, type MailTicket,
} from './mail-kit.js';

// No duplicates: the same Message-ID arriving again (an MTA retrying, or one
// mail reaching biuro@ and reklamacje@ at once) is stored once, and the
// ticket records every address of ours it reached.

jest.setTimeout(60_000);

describe('duplicate mail', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    const complaints = await addQueue(product, 'Reklamacje', 'complaints');
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
    await addInboundAddress(admin, { address: REKLAMACJE, name: 'Reklamacje', queueId: complaints });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  const bareId = (raw: Buffer): string => messageIdOf(raw)!;
  const inbound = (ticket: MailTicket) => ticket.messages.filter((m) => m.direction === 'inbound');
  const acknowledgementsOf = (messageId: string) => (m: CapturedMail) => sameMessageId(m.inReplyTo, messageId);

  /** Every copy delivered, every copy processed: the one ticket they make, and how many tickets that added. */
  const settle = async (messageId: string, before: number): Promise<{ ticket: MailTicket; added: number }> => {
    await waitForQuiet(admin);
    const ticket = await ticketOfMail(admin, messageId);
    return { ticket, added: (await ticketCount(admin)) - before };
  };

  it('the same mail delivered twice (an MTA retrying after a lost 250) makes one ticket with one message', async () => {
    const before = await ticketCount(admin);
    const raw = loadFixture('gmail-plain', { TO: BIURO });
    await deliverRaw(product, raw, { to: [BIURO] });
    await deliverRaw(product, raw, { to: [BIURO] });
    const { ticket, added } = await settle(bareId(raw), before);
    expect(added).toBe(1);
    expect(inbound(ticket)).toHaveLength(1);
    expect(ticket.inboundAddresses).toEqual([BIURO]);
    // Both copies are accounted for: none failed, none waits.
    const copies = (await listInboundMails(admin)).filter((m) => sameMessageId(m.messageId, bareId(raw)));
    expect(copies.length).toBeGreaterThanOrEqual(1);
    for (const copy of copies) expect(copy).toMatchObject({ state: 'processed', ticketId: ticket.id });
  });

  it('the same mail delivered twice at the same moment over two connections still makes one ticket', async () => {
    const before = await ticketCount(admin);
    const raw = loadFixture('interia-html-only', { TO: BIURO });
    await Promise.all([deliverRaw(product, raw, { to: [BIURO] }), deliverRaw(product, raw, { to: [BIURO] })]);
    const { ticket, added } = await settle(bareId(raw), before);
    expect(added).toBe(1);
    expect(inbound(ticket)).toHaveLength(1);
  });

  it('one mail to two of our addresses in one transaction: one ticket that lists both, one acknowledgement', async () => {
    const before = await ticketCount(admin);
    const raw = loadFixture('gmail-two-addresses', { TO: BIURO, CC: REKLAMACJE });
    await deliverRaw(product, raw, { to: [BIURO, REKLAMACJE] });
    const { ticket, added } = await settle(bareId(raw), before);
    expect(added).toBe(1);
    expect(inbound(ticket)).toHaveLength(1);
    expect([...ticket.inboundAddresses].sort()).toEqual([BIURO, REKLAMACJE]);

    await sink.waitFor(acknowledgementsOf(bareId(raw)));
    await sleep(QUIET_MS);
    expect(sink.messages.filter(acknowledgementsOf(bareId(raw)))).toHaveLength(1);
  });

  it('the same mail as two transactions (each address forwarding its own copy): one ticket that lists both', async () => {
    const before = await ticketCount(admin);
    const raw = loadFixture('gmail-two-addresses', { TO: BIURO, CC: REKLAMACJE });
    await deliverRaw(product, raw, { to: [REKLAMACJE] });
    await deliverRaw(product, raw, { to: [BIURO] });
    const { ticket, added } = await settle(bareId(raw), before);
    expect(added).toBe(1);
    expect(inbound(ticket)).toHaveLength(1);
    expect([...ticket.inboundAddresses].sort()).toEqual([BIURO, REKLAMACJE]);
  });

  it('the two copies arriving at the same moment: one ticket that lists both, one acknowledgement', async () => {
    const before = await ticketCount(admin);
    const raw = loadFixture('gmail-two-addresses', { TO: BIURO, CC: REKLAMACJE });
    await Promise.all([deliverRaw(product, raw, { to: [BIURO] }), deliverRaw(product, raw, { to: [REKLAMACJE] })]);
    const { ticket, added } = await settle(bareId(raw), before);
    expect(added).toBe(1);
    expect(inbound(ticket)).toHaveLength(1);
    expect([...ticket.inboundAddresses].sort()).toEqual([BIURO, REKLAMACJE]);

    await sink.waitFor(acknowledgementsOf(bareId(raw)));
    await sleep(QUIET_MS);
    expect(sink.messages.filter(acknowledgementsOf(bareId(raw)))).toHaveLength(1);
  });

  it('a reply delivered twice adds one message to the thread, not two', async () => {
    const first = loadFixture('gmail-plain', { TO: BIURO });
    await deliverRaw(product, first, { to: [BIURO] });
    const ticket = await ticketOfMail(admin, bareId(first));
    const reply = loadFixture('gmail-reply', { TO: BIURO, REPLY_TO: bareId(first) });
    await deliverRaw(product, reply, { to: [BIURO] });
    await deliverRaw(product, reply, { to: [BIURO] });
    const { ticket: after } = await settle(bareId(reply), 0);
    expect(after.id).toBe(ticket.id);
    expect(inbound(after).map((m) => bare(m.messageId!))).toEqual([bareId(first), bareId(reply)]);
  });
});

