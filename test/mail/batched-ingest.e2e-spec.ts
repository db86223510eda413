import { afterAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { loadFixture, messageIdOf } from '../support/send-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import {
  addInboundAddress, BIURO, deliverRaw, listInboundMails, sameMessageId, ticketCount, ticketOfMail, unknownMessageId, waitForQuiet,
  withDatabase, type MailTicket,
} from './mail-kit.js';

// Mails that arrive together are filed together: the tickets of many new
// mails are written with one statement. Nothing a customer or an agent sees
// may change for it. A backlog waiting at a restart is processed as one
// batch, so here the batch is certain: every mail still becomes exactly one
// ticket (two copies of one Message-ID, one), a sender writing twice is one
// customer, every ticket has its history, and a mail the database refuses
// fails alone while the others of its batch become tickets.

jest.setTimeout(120_000);

describe('mails filed together', () => {
  const products: TestProduct[] = [];

  afterAll(async () => {
    for (const product of products) await product.close().catch(() => undefined);
  });

  /**
   * Delivers the mails to a listener without a worker (they wait, stored),
   * then starts the product with every role on the same database: the backlog
   * is taken as one batch. `prepare` runs on the database before.
   */
  const backlog = async (raws: Buffer[], prepare?: (db: pg.Client) => Promise<unknown>): Promise<ApiClient> => {
    const first = await startProduct({ MAIL_DOMAIN: 'rowerownia.pl', OKIENKO_ROLES: 'api,smtp' });
    products.push(first);
    await addInboundAddress(await asAdmin(first), { address: BIURO, name: 'Biuro', autoAcknowledge: false });
    if (prepare) await withDatabase(first, prepare);
    for (const raw of raws) expect((await deliverRaw(first, raw, { to: [BIURO] })).delivery.response).toMatch(/^250/);
    await first.close();
    products.splice(products.indexOf(first), 1);
    const second = await startProduct({ MAIL_DOMAIN: 'rowerownia.pl' }, { reuseDatabaseOf: first });
    products.push(second);
    const admin = await asAdmin(second);
    await waitForQuiet(admin);
    return admin;
  };

  /** The ticket of each mail: one each, with its one inbound message, opened by its customer. */
  const ticketsOf = async (admin: ApiClient, raws: Buffer[]): Promise<MailTicket[]> => {
    const tickets: MailTicket[] = [];
    for (const raw of raws) tickets.push(await ticketOfMail(admin, messageIdOf(raw)!));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(raws.length);
    expect(new Set(tickets.map((t) => t.number)).size).toBe(raws.length);
    expect(await ticketCount(admin)).toBe(raws.length);
    for (const [i, ticket] of tickets.entries()) {
      const inbound = ticket.messages.filter((m) => m.direction === 'inbound');
      expect(inbound).toHaveLength(1);
      expect(sameMessageId(inbound[0].messageId, messageIdOf(raws[i]))).toBe(true);
      expect(ticket.events[0]).toMatchObject({ type: 'created', actorType: 'customer', actorId: ticket.customer.id });
    }
    return tickets;
  };

  it('two copies of one mail and one sender writing twice in one batch: one ticket per mail, one customer per sender', async () => {
    const first = loadFixture('gmail-plain', { TO: BIURO });
    const again = loadFixture('gmail-plain', { TO: BIURO }); // the same sender, another mail
    const copied = loadFixture('interia-html-only', { TO: BIURO });
    const others = ['utf8-8bitmime', 'html-dangerous', 'gmail-forward-inline', 'interia-windows-1250'].map((f) => loadFixture(f, { TO: BIURO }));
    // A reply to a mail this installation never saw opens a ticket too: its quoted history is cut from the visible text.
    const reply = loadFixture('thunderbird-reply', { TO: BIURO, REPLY_TO: unknownMessageId() });
    others.push(reply);
    const mails = [first, again, copied, ...others];
    const admin = await backlog([first, copied, again, ...others, copied]);
    const tickets = await ticketsOf(admin, mails);

    expect(tickets[0].customer).toMatchObject({ email: 'jan.kowalski.rower@gmail.com', name: 'Jan Kowalski' });
    expect(tickets[1].customer.id).toBe(tickets[0].customer.id);
    expect(tickets[0].events[0].actorName).toBe('Jan Kowalski');
    expect(tickets[0].subject).toBe('Zamówienie 4521 – rower nie dotarł');

    // What the agent reads of each mail: a mail quoting nothing shows its whole body; a reply shows itself, not the quote.
    const [plain] = tickets[0].messages;
    expect(plain.bodyText).toContain('nie dotarło');
    expect(plain.visibleText).toBe(plain.bodyText);
    const [answer] = tickets.at(-1)!.messages;
    expect(answer.visibleText).toContain('kask odesłałem dziś paczkomatem');
    expect(answer.visibleText).not.toContain('Zwrot środków nastąpi w ciągu 14 dni');
    expect(answer.bodyText.replace(/\n> ?/g, '\n').replace(/\s+/g, ' ')).toContain('Zwrot środków nastąpi w ciągu 14 dni');

    const copies = (await listInboundMails(admin)).filter((m) => sameMessageId(m.messageId, messageIdOf(copied)));
    expect(copies).toHaveLength(2);
    for (const copy of copies) expect(copy).toMatchObject({ state: 'processed', ticketId: tickets[2].id });
    expect(await listInboundMails(admin, 'failed')).toEqual([]);
  });

  it('a mail the database refuses fails alone; the others of its batch become tickets', async () => {
    const refused = loadFixture('forced-failure', { TO: BIURO });
    const mails = ['gmail-plain', 'interia-html-only', 'utf8-8bitmime', 'html-dangerous'].map((f) => loadFixture(f, { TO: BIURO }));
    // PostgreSQL refuses the ticket of one mail, the way it refuses text it cannot store (a NUL byte).
    const admin = await backlog([mails[0], refused, ...mails.slice(1)], async (db) => {
      await db.query(`
        CREATE FUNCTION okienko_test_refuse_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.subject LIKE '%FV/2026/11/0912%' THEN
            RAISE EXCEPTION 'invalid byte sequence for encoding "UTF8": 0x00' USING ERRCODE = '22021';
          END IF;
          RETURN NEW;
        END $$`);
      await db.query(`CREATE TRIGGER okienko_test_refuse_ticket BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION okienko_test_refuse_ticket()`);
    });
    await ticketsOf(admin, mails);

    const failed = await listInboundMails(admin, 'failed');
    expect(failed).toHaveLength(1);
    expect(sameMessageId(failed[0].messageId, messageIdOf(refused))).toBe(true);
    expect(failed[0]).toMatchObject({ ticketId: null });
    expect(failed[0].error).toEqual(expect.stringContaining('invalid byte sequence'));
    expect(await listInboundMails(admin, 'processed')).toHaveLength(mails.length);
  });
});
