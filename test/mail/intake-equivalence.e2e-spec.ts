import { afterAll, describe, expect, it, jest } from '@jest/globals';
import type pg from 'pg';
import { OneStatementOpenings } from '../../apps/api/src/modules/intake/one-statement-openings.js';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { composeMail, type PlainMail } from '../support/compose-mail.js';
import { changedWithCreation, idNames, normalisedRows, pathMarker, writtenAt, type ColumnRules } from '../support/filing-equivalence.js';
import { loadFixture, messageIdOf } from '../support/send-mail.js';
import { startProductInProcess, type InProcessTestProduct } from '../support/start-product.js';
import { addInboundAddress, BIURO, deliverRaw, REKLAMACJE, waitForProcessed, withDatabase } from './mail-kit.js';

// A new mail's ticket is written either in one statement (the fast path) or
// in a transaction of several (the general path, which then runs the rules
// and the SLA on the written ticket). Both build it from one plan, and what
// they store must be the same: the same mails are filed by one product on
// the fast path and by another with the fast path turned off, and every
// column of the ticket, its message, its events, its customer and the
// inbound mail's row is compared. What cannot be equal between two databases
// or two moments is normalised, and only that (see below).

jest.setTimeout(120_000);

const ROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

/**
 * Normalised (see filing-equivalence.ts): ids by what they name, timestamps
 * as offsets from the ticket's created_at, and per column, with the reason:
 */
const RULES: ColumnRules = {
  // When the row was written by the database's clock, which the two paths read at different points of their writes.
  ticket_events: { created_at: writtenAt },
  customers: { created_at: writtenAt, updated_at: writtenAt },
  customer_identities: { created_at: writtenAt },
  // When the mail arrived and when it was marked processed: moments of each product's own run.
  inbound_mails: { received_at: writtenAt, processed_at: writtenAt },
  tickets: { updated_at: changedWithCreation },
  messages: { search_counted: pathMarker },
};

interface Filed {
  ticket: Record<string, unknown>;
  messages: Record<string, unknown>[];
  events: Record<string, unknown>[];
  customer: Record<string, unknown>;
  identities: Record<string, unknown>[];
  mail: Record<string, unknown>;
}

/** Everything filing the mail wrote, as rows of JSON. */
async function filedRows(db: pg.Client, messageId: string): Promise<Filed> {
  const one = async (sql: string, params: unknown[]) => (await db.query<{ row: Record<string, unknown> }>(sql, params)).rows.map((r) => r.row);
  const [ticket] = await one(
    `SELECT to_jsonb(t) || jsonb_build_object('search_vector', t.search_vector::text) AS row
       FROM tickets t WHERE t.id = (SELECT ticket_id FROM messages WHERE message_id = $1)`,
    [messageId],
  );
  expect(ticket).toBeDefined();
  return {
    ticket,
    messages: await one(`SELECT to_jsonb(m) AS row FROM messages m WHERE m.ticket_id = $1 ORDER BY m.created_at, m.id`, [ticket.id]),
    events: await one(`SELECT to_jsonb(e) - 'id' AS row FROM ticket_events e WHERE e.ticket_id = $1 ORDER BY e.id`, [ticket.id]),
    customer: (await one(`SELECT to_jsonb(c) AS row FROM customers c WHERE c.id = $1`, [ticket.customer_id]))[0],
    identities: await one(`SELECT to_jsonb(i) AS row FROM customer_identities i WHERE i.customer_id = $1 ORDER BY i.kind, i.value`, [ticket.customer_id]),
    mail: (await one(`SELECT to_jsonb(m) - 'raw' AS row FROM inbound_mails m WHERE m.message_id = $1`, [messageId]))[0],
  };
}

/** The rows with ids named, times as offsets from the ticket's creation, and the listed columns replaced by what they are. */
function normalised(filed: Filed, names: Map<string, string>): unknown {
  const createdAt = new Date(filed.ticket.created_at as string).getTime();
  const rows = (table: string, r: Record<string, unknown>[]) => normalisedRows(table, r, createdAt, names, RULES);
  return {
    ticket: rows('tickets', [filed.ticket])[0],
    messages: rows('messages', filed.messages),
    events: rows('ticket_events', filed.events),
    customer: rows('customers', [filed.customer])[0],
    identities: rows('customer_identities', filed.identities),
    mail: rows('inbound_mails', [filed.mail])[0],
  };
}

describe('a new mail is filed alike on the one-statement path and the general path', () => {
  const products: InProcessTestProduct[] = [];

  afterAll(async () => {
    for (const product of products) await product.close().catch(() => undefined);
  });

  /** The same configuration on both: a round-the-clock calendar, an SLA policy, a rule that only sets fields, two addresses, a known customer. */
  const configure = async (admin: ApiClient) => {
    expect((await admin.post('/calendars', { name: 'Całą dobę', weeklyPeriods: ROUND_THE_CLOCK, holidays: 'none', isDefault: true })).status).toBe(201);
    const categories = (await admin.get('/categories')).body.items as { id: string; slug: string }[];
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', autoAcknowledge: false });
    await addInboundAddress(admin, { address: REKLAMACJE, name: 'Reklamacje', autoAcknowledge: false, categoryId: categories.find((c) => c.slug === 'complaint-return')!.id });
    const policy = await admin.post('/sla-policies', {
      name: 'Poczta', conditions: { channels: ['email'] },
      firstResponse: { minutes: 60, mode: 'calendar' }, nextResponse: { minutes: 30, mode: 'calendar' }, resolution: { minutes: 600, mode: 'calendar' },
    });
    expect(policy.status).toBe(201);
    const rule = await admin.post('/rules', {
      name: 'Pilne → pilny, oznacz', trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['pilne'] }] },
      actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'add_tag', tag: 'pilne' }],
    });
    expect(rule.status).toBe(201);
    expect((await admin.patch(`/rules/${(rule.body as { id: string }).id}`, { enabled: true })).status).toBe(200);
    // A customer known before, without a name: the mail's name fills it in.
    expect((await admin.post('/customers', { email: 'stala.klientka@example.pl', tags: ['vip'] })).status).toBe(201);
  };

  const plain = (mail: Omit<PlainMail, 'from'> & { from?: string }) =>
    composeMail({ from: 'anna.klientka@example.pl', fromName: 'Anna Klientka', ...mail }).raw;

  const mails: { name: string; raw: Buffer; to: string }[] = [
    { name: 'a plain mail', raw: plain({ to: BIURO, subject: 'Rower nie przyszedł', body: 'Dzień dobry, gdzie jest mój rower?' }), to: BIURO },
    { name: 'a mail a rule changes (priority, tags) before the deadlines are set', raw: plain({ to: BIURO, subject: 'Pilne: zła faktura', body: 'Proszę o korektę.' }), to: BIURO },
    { name: 'a complaint (category of the address, statutory deadline)', raw: plain({ to: REKLAMACJE, subject: 'Reklamacja ramy', body: 'Pękła rama po tygodniu.' }), to: REKLAMACJE },
    {
      name: 'a mail with Reply-To and a copy',
      raw: plain({ to: BIURO, subject: 'Odpowiedź proszę na inny adres', body: 'Piszę z pracy.', headers: { 'Reply-To': 'anna.prywatnie@example.pl', Cc: 'maz@example.pl' } }),
      to: BIURO,
    },
    { name: 'a known customer writes (the name is filled in)', raw: plain({ to: BIURO, from: 'stala.klientka@example.pl', fromName: 'Stała Klientka', subject: 'Znowu ja', body: 'Dzień dobry ponownie.' }), to: BIURO },
    { name: 'a mail from Gmail', raw: loadFixture('gmail-plain', { TO: BIURO }), to: BIURO },
    { name: 'an 8-bit UTF-8 mail', raw: loadFixture('utf8-8bitmime', { TO: BIURO }), to: BIURO },
    { name: 'an HTML mail', raw: loadFixture('interia-html-only', { TO: BIURO }), to: BIURO },
    {
      name: 'a mail with quoted history (its visible text is shorter)',
      raw: plain({ to: BIURO, subject: 'Dalej o dostawie', body: 'Nadal czekam.\n\nW dniu 1.12.2026 Sklep napisał:\n> Wysłaliśmy rower.\n> Pozdrawiamy' }),
      to: BIURO,
    },
  ];

  /** A product on a database of its own files every mail, one at a time (so the ticket numbers are the same); what it stored, per mail. */
  const fileAll = async (oneStatement: boolean): Promise<{ filed: Filed[]; names: Map<string, string> }> => {
    const product = await startProductInProcess({ MAIL_DOMAIN: 'rowerownia.pl' });
    products.push(product);
    product.running.app.get(OneStatementOpenings, { strict: false }).enabled = oneStatement;
    const admin = await asAdmin(product);
    await configure(admin);
    for (const mail of mails) {
      expect((await deliverRaw(product, mail.raw, { to: [mail.to] })).delivery.response).toMatch(/^250/);
      await waitForProcessed(admin, messageIdOf(mail.raw)!);
    }
    return withDatabase(product, async (db) => {
      const filed: Filed[] = [];
      for (const mail of mails) filed.push(await filedRows(db, messageIdOf(mail.raw)!));
      return {
        filed,
        names: await idNames(db, `UNION ALL SELECT id::text, 'message:' || coalesce(message_id, '') FROM messages
                                  UNION ALL SELECT id::text, 'mail:' || coalesce(message_id, '') FROM inbound_mails`),
      };
    });
  };

  it('every column of the ticket, message, events, SLA deadlines, customer and mail row is the same', async () => {
    const fast = await fileAll(true);
    const general = await fileAll(false);
    for (const [i, mail] of mails.entries()) {
      // Each product took the path it was meant to (the words came with the ticket only on the one statement).
      expect({ mail: mail.name, fast: fast.filed[i].messages[0].search_counted, general: general.filed[i].messages[0].search_counted })
        .toEqual({ mail: mail.name, fast: true, general: false });
      expect({ mail: mail.name, ...(normalised(general.filed[i], general.names) as object) })
        .toEqual({ mail: mail.name, ...(normalised(fast.filed[i], fast.names) as object) });
    }
    // The rule and the SLA did their part (the comparison above is not between two empty results).
    expect(fast.filed[1].ticket).toMatchObject({ priority: 'urgent', tags: ['pilne'] });
    expect(fast.filed[1].ticket.first_response_due_at).not.toBeNull();
    expect(fast.filed[1].events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'rule_applied', 'field_changed']));
    expect(fast.filed[2].ticket.statutory_due_at).not.toBeNull();
    expect(fast.filed[4].customer).toMatchObject({ name: 'Stała Klientka', tags: ['vip'] });
  });
});
