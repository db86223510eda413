import { afterAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { COMPLAINT_REMEDIES } from '@okienko/domain';
import { OneStatementOpenings } from '../../apps/api/src/modules/intake/one-statement-openings.js';
import { deriveFormKey, signFormToken } from '../../apps/api/src/modules/web-forms/form-token.js';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { changedWithCreation, idNames, normalisedRows, pathMarker, writtenAt, type ColumnRules } from '../support/filing-equivalence.js';
import { solveFormProof } from '../support/form-proof.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProductInProcess, type InProcessTestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// A form submission that opens a conversation is filed either on the intake's
// one-statement path (the ticket with the submissions arriving at the same
// moment, and the submission row, its status link and the confirmation mail
// in the same transaction) or on the general path (a transaction of its own).
// The same submissions are sent to one product on the fast path and to
// another with it turned off, and every column of what they stored is
// compared: ticket, messages (the customer's and the confirmation), events,
// customer, identities, submission and status link. What cannot be equal
// between two databases or two moments is normalised, and only that.

jest.setTimeout(120_000);

const SECRET = 'a-form-equivalence-secret-of-at-least-32-characters';
const DOMAIN = 'rowerownia.pl';
const ROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

/** Moments of each product's own run, or random by design; everything else is compared as it is. */
const RULES: ColumnRules = {
  ticket_events: { created_at: writtenAt },
  customers: { created_at: writtenAt, updated_at: writtenAt },
  customer_identities: { created_at: writtenAt },
  tickets: { updated_at: changedWithCreation },
  messages: {
    search_counted: pathMarker,
    // The confirmation is written after the customer's message, a few ms later on either path.
    created_at: (v, createdAt) => (new Date(v as string).getTime() === createdAt ? 'created_at' : new Date(v as string).getTime() > createdAt ? 'after created_at' : v),
    sent_at: writtenAt,
    // Our Message-ID is random; the status link in the confirmation carries a random token.
    message_id: (v) => (typeof v === 'string' && v.endsWith(`@${DOMAIN}`) ? `<our Message-ID>` : v),
    body_text: (v) => (typeof v === 'string' ? v.replace(/\/s\/[A-Za-z0-9_-]{43}/g, '/s/<token>') : v),
  },
  form_submissions: { created_at: writtenAt, filed_at: writtenAt },
  ticket_status_links: { created_at: writtenAt, token_sha256: () => '<token>' },
};

interface Filed {
  ticket: Record<string, unknown>;
  tables: Record<string, Record<string, unknown>[]>;
}

describe('a form submission is filed alike on the one-statement path and the general path', () => {
  const products: InProcessTestProduct[] = [];
  const sinks: SmtpSink[] = [];
  const key = deriveFormKey(SECRET);

  afterAll(async () => {
    for (const product of products) await product.close().catch(() => undefined);
    for (const sink of sinks) await sink.close().catch(() => undefined);
  });

  /** The same configuration on both: a calendar, an SLA policy for forms, a rule that only sets fields, a known customer, two forms. */
  const configure = async (admin: ApiClient) => {
    expect((await admin.post('/calendars', { name: 'Całą dobę', weeklyPeriods: ROUND_THE_CLOCK, holidays: 'none', isDefault: true })).status).toBe(201);
    const policy = await admin.post('/sla-policies', {
      name: 'Formularze', conditions: { channels: ['web_form'] },
      firstResponse: { minutes: 120, mode: 'calendar' }, nextResponse: { minutes: 60, mode: 'calendar' }, resolution: { minutes: 900, mode: 'calendar' },
    });
    expect(policy.status).toBe(201);
    const rule = await admin.post('/rules', {
      name: 'Formularz, pilne → pilny', trigger: 'ticket_created',
      conditions: {
        match: 'all',
        conditions: [
          { field: 'channel', operator: 'is', value: ['web_form'] },
          { field: 'body', operator: 'contains_any_word', value: ['pilne'] },
        ],
      },
      actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'add_tag', tag: 'pilne' }],
    });
    expect(rule.status).toBe(201);
    expect((await admin.patch(`/rules/${(rule.body as { id: string }).id}`, { enabled: true })).status).toBe(200);
    // Known before, without a name or a language: the submission fills both in.
    expect((await admin.post('/customers', { email: 'stala.klientka@example.pl', tags: ['vip'] })).status).toBe(201);
    const contact = await admin.post('/channels', { type: 'web_form', name: 'Kontakt', settings: { kind: 'contact' } });
    const complaint = await admin.post('/channels', { type: 'web_form', name: 'Reklamacje', settings: { kind: 'complaint' } });
    expect([contact.status, complaint.status]).toEqual([201, 201]);
    return { contact: contact.body as { id: string; key: string }, complaint: complaint.body as { id: string; key: string } };
  };

  type FormName = 'contact' | 'complaint';
  const submissions: { name: string; form: FormName; body: Record<string, unknown> }[] = [
    { name: 'a contact submission of a new customer', form: 'contact', body: { name: 'Anna Klientka', email: 'anna@example.pl', subject: 'Dostawa', message: 'Gdzie jest mój rower?' } },
    { name: 'an English one', form: 'contact', body: { name: 'John Client', email: 'john@example.com', subject: 'Delivery', message: 'Where is my bike?', lang: 'en' } },
    { name: 'one a rule changes (priority, tag) before the deadlines are set', form: 'contact', body: { email: 'pilny@example.pl', subject: 'Faktura', message: 'To pilne: zła faktura.' } },
    { name: 'a known customer (name and language filled in)', form: 'contact', body: { name: 'Stała Klientka', email: 'Stala.Klientka@example.pl', subject: 'Znowu ja', message: 'Dzień dobry ponownie.' } },
    {
      name: 'a complaint (complaints queue and category, statutory deadline)', form: 'complaint',
      body: {
        name: 'Ewa Reklamująca', email: 'ewa@example.pl', orderNumber: 'ZAM-77', product: 'Rower miejski', purchaseDate: '2026-11-02',
        message: 'Pękła rama po tygodniu.', remedy: COMPLAINT_REMEDIES[0].value,
      },
    },
  ];

  /** A product on a database of its own files every submission, one at a time (so the ticket numbers are the same); what it stored, per submission. */
  const fileAll = async (oneStatement: boolean): Promise<{ filed: Filed[]; names: Map<string, string> }> => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const product = await startProductInProcess({
      JWT_SECRET: SECRET, MAIL_DOMAIN: DOMAIN, PUBLIC_URL: 'https://pomoc.rowerownia.pl', OUTBOUND_SMTP_URL: sink.url, FORMS_CHECK_EMAIL_DOMAIN: 'off', FORMS_SUBMISSIONS_PER_IP: '1000',
    });
    products.push(product);
    product.running.app.get(OneStatementOpenings, { strict: false }).enabled = oneStatement;
    const admin = await asAdmin(product);
    const forms = await configure(admin);
    const numbers: string[] = [];
    for (const [i, submission] of submissions.entries()) {
      const form = forms[submission.form];
      const token = signFormToken(key, form.id, new Date(Date.now() - 30_000), 4);
      const res = await request(product.baseUrl).post(`/api/public/forms/${form.key}/submissions`).set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send({ ...submission.body, token, nonce: solveFormProof(token, 4) });
      expect({ submission: submission.name, status: res.status }).toEqual({ submission: submission.name, status: 201 });
      numbers.push((res.body as { ticketNumber: string }).ticketNumber);
    }
    // Every confirmation delivered (its state is part of what is compared).
    await waitFor(() => sink.messages.length >= submissions.length, { timeoutMs: 20_000, description: 'every confirmation to be delivered' });
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      await waitFor(async () => (await db.query(`SELECT 1 FROM messages WHERE direction = 'outbound' AND delivery_state <> 'sent'`)).rowCount === 0, { timeoutMs: 20_000 });
      const filed: Filed[] = [];
      for (const number of numbers) filed.push(await filedRows(db, number));
      const names = await idNames(db, `
        UNION ALL SELECT m.id::text, 'message:' || t.number || ':' || m.direction FROM messages m JOIN tickets t ON t.id = m.ticket_id
        UNION ALL SELECT id::text, 'submission:' || coalesce(email, '') FROM form_submissions
        UNION ALL SELECT l.id::text, 'link:' || t.number FROM ticket_status_links l JOIN tickets t ON t.id = l.ticket_id`);
      return { filed, names };
    } finally {
      await db.end();
    }
  };

  async function filedRows(db: pg.Client, number: string): Promise<Filed> {
    const rows = async (sql: string, params: unknown[]) => (await db.query<{ row: Record<string, unknown> }>(sql, params)).rows.map((r) => r.row);
    const [ticket] = await rows(`SELECT to_jsonb(t) || jsonb_build_object('search_vector', t.search_vector::text) AS row FROM tickets t WHERE t.number = $1`, [number]);
    expect(ticket).toBeDefined();
    return {
      ticket,
      tables: {
        messages: await rows(`SELECT to_jsonb(m) AS row FROM messages m WHERE m.ticket_id = $1 ORDER BY m.created_at, m.direction`, [ticket.id]),
        ticket_events: await rows(`SELECT to_jsonb(e) - 'id' AS row FROM ticket_events e WHERE e.ticket_id = $1 ORDER BY e.id`, [ticket.id]),
        customers: await rows(`SELECT to_jsonb(c) AS row FROM customers c WHERE c.id = $1`, [ticket.customer_id]),
        customer_identities: await rows(`SELECT to_jsonb(i) AS row FROM customer_identities i WHERE i.customer_id = $1 ORDER BY i.kind, i.value`, [ticket.customer_id]),
        form_submissions: await rows(`SELECT to_jsonb(s) AS row FROM form_submissions s WHERE s.ticket_id = $1`, [ticket.id]),
        ticket_status_links: await rows(`SELECT to_jsonb(l) AS row FROM ticket_status_links l WHERE l.ticket_id = $1`, [ticket.id]),
      },
    };
  }

  function normalised(filed: Filed, names: Map<string, string>): Record<string, unknown> {
    const createdAt = new Date(filed.ticket.created_at as string).getTime();
    return {
      ticket: normalisedRows('tickets', [filed.ticket], createdAt, names, RULES)[0],
      ...Object.fromEntries(Object.entries(filed.tables).map(([table, rows]) => [table, normalisedRows(table, rows, createdAt, names, RULES)])),
    };
  }

  it('every column of the ticket, messages, events, customer, submission and status link is the same', async () => {
    const fast = await fileAll(true);
    const general = await fileAll(false);
    for (const [i, submission] of submissions.entries()) {
      const customerMessage = (f: Filed) => f.tables.messages.find((m) => m.direction === 'inbound')!;
      // Each product took the path it was meant to (the words came with the ticket only on the one statement).
      expect({ submission: submission.name, fast: customerMessage(fast.filed[i]).search_counted, general: customerMessage(general.filed[i]).search_counted })
        .toEqual({ submission: submission.name, fast: true, general: false });
      expect({ submission: submission.name, ...normalised(general.filed[i], general.names) })
        .toEqual({ submission: submission.name, ...normalised(fast.filed[i], fast.names) });
    }
    // What the comparison covers is not empty: the confirmation, the rule, the SLA, the complaint's deadline, the known customer.
    const [plain, english, urgent, known, complaint] = fast.filed;
    expect(plain.tables.messages.map((m) => [m.direction, m.delivery_state])).toEqual([['inbound', 'received'], ['outbound', 'sent']]);
    expect(plain.tables.ticket_status_links).toHaveLength(1);
    expect(plain.ticket).toMatchObject({ channel: 'web_form' });
    expect(plain.ticket.first_response_due_at).not.toBeNull();
    expect(english.tables.customers[0]).toMatchObject({ language: 'en' });
    expect(String(english.tables.messages[1].subject)).toMatch(/^Ticket received/);
    expect(urgent.ticket).toMatchObject({ priority: 'urgent', tags: ['pilne'] });
    expect(known.tables.customers[0]).toMatchObject({ name: 'Stała Klientka', language: 'pl', tags: ['vip'] });
    expect(complaint.ticket.statutory_due_at).not.toBeNull();
  });
});
