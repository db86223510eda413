import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin } from '../support/api-client.js';
import { composeMail } from '../support/compose-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { addInboundAddress, BIURO, deliverRaw, QUIET_MS, readTicket, sameMessageId, ticketCount, waitForProcessed, waitForQuiet, withDatabase } from './mail-kit.js';

// The intake writes a new mail's ticket, then the mail module records the
// mail as processed: two writes. A product that stops between them finds the
// mail unprocessed when it starts again and files it once more; the intake
// then answers what the first filing did (the same ticket, `new_ticket` or
// `appended`), so the mail's row is recorded as it should have been, no
// second ticket or message is written and the customer is not acknowledged
// twice.

jest.setTimeout(120_000);

interface MailRow {
  state: string;
  outcome: string | null;
  ticket_id: string | null;
}

describe('a mail filed again after a stop between the filing and its record', () => {
  const products: TestProduct[] = [];
  let sink: SmtpSink;

  afterAll(async () => {
    for (const product of products) await product.close().catch(() => undefined);
    await sink?.close();
  });

  it('answers the first outcome with the same ticket: nothing written twice, acknowledged once', async () => {
    sink = await startSmtpSink();
    const env = { OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' };
    const first = await startProduct(env);
    products.push(first);
    const admin = await asAdmin(first);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });

    const opening = composeMail({ from: 'ola@example.pl', fromName: 'Ola', to: BIURO, subject: 'Kask za mały', body: 'Czy mogę wymienić kask na większy?' });
    await deliverRaw(first, opening.raw, { to: [BIURO] });
    const ticketId = (await waitForProcessed(admin, opening.messageId)).ticketId!;
    const reply = composeMail({ from: 'ola@example.pl', fromName: 'Ola', to: BIURO, subject: 'Re: Kask za mały', body: 'Rozmiar L.', inReplyTo: opening.messageId });
    await deliverRaw(first, reply.raw, { to: [BIURO] });
    expect((await waitForProcessed(admin, reply.messageId)).ticketId).toBe(ticketId);
    await sink.waitFor((m) => sameMessageId(m.inReplyTo, opening.messageId));

    const rows = (db: Parameters<Parameters<typeof withDatabase>[1]>[0]) =>
      db.query<MailRow & { message_id: string; attempts: number }>(`SELECT state, outcome, ticket_id, message_id, attempts FROM inbound_mails ORDER BY received_at`).then((r) => r.rows);
    const recorded = await withDatabase(first, rows);
    expect(recorded.map(({ state, outcome, ticket_id }) => ({ state, outcome, ticket_id }))).toEqual([
      { state: 'processed', outcome: 'new_ticket', ticket_id: ticketId },
      { state: 'processed', outcome: 'appended', ticket_id: ticketId },
    ]);

    // The stop: both tickets' writes committed, neither mail recorded as processed.
    await first.close();
    products.splice(products.indexOf(first), 1);
    await withDatabase(first, (db) => db.query(`UPDATE inbound_mails SET state = 'processing', outcome = NULL, ticket_id = NULL, processed_at = NULL`));

    const second = await startProduct(env, { reuseDatabaseOf: first });
    products.push(second);
    const admin2 = await asAdmin(second);
    await waitForQuiet(admin2);

    const refiled = await withDatabase(second, rows);
    // Each mail was tried twice: once before the stop, once after it.
    expect(refiled.map(({ state, outcome, ticket_id, attempts }) => ({ state, outcome, ticket_id, attempts }))).toEqual([
      { state: 'processed', outcome: 'new_ticket', ticket_id: ticketId, attempts: 2 },
      { state: 'processed', outcome: 'appended', ticket_id: ticketId, attempts: 2 },
    ]);
    expect(await ticketCount(admin2)).toBe(1);
    const ticket = await readTicket(admin2, ticketId);
    expect(ticket.messages.filter((m) => m.direction === 'inbound').map((m) => sameMessageId(m.messageId, opening.messageId) || sameMessageId(m.messageId, reply.messageId)))
      .toEqual([true, true]);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(sink.messages.filter((m) => sameMessageId(m.inReplyTo, opening.messageId))).toHaveLength(1);
  });
});
