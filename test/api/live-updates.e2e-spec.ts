import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { composeMail } from '../support/compose-mail.js';
import { API, asAdmin, client, createUser, expectError, expectFieldErrors, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { sendRaw } from '../support/send-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Live updates across two API replicas on one database and one Redis prefix:
// replica A runs everything (API, SMTP, worker), replica B only the API.
// Streams are opened on B; the changes are made through A.

interface TicketChange {
  id: string;
  number: string;
  types: string[];
  fields: string[];
}
interface Presence {
  ticketId: string;
  agents: { userId: string; name: string; state: 'viewing' | 'replying'; expiresAt: string }[];
}

describe('live updates', () => {
  let a: TestProduct;
  let b: TestProduct;
  let adminA: ApiClient;
  let adminB: ApiClient;
  let adminToken: string;
  let ala: CreatedUser;
  let bartek: CreatedUser;
  let complaintsQueue: string;
  const streams: EventStream[] = [];

  const open = async (token: string | null): Promise<EventStream> => {
    const stream = await openEventStream(`${b.baseUrl}${API}/live`, token);
    streams.push(stream);
    if (stream.status === 200) await stream.next('ready');
    return stream;
  };
  const newTicket = async (api: ApiClient, fields: Record<string, unknown> = {}) => {
    const res = await api.post('/tickets', {
      subject: 'Zwrot zamówienia 4521',
      customer: { email: 'jan@example.pl', name: 'Jan Kowalski' },
      message: { body: 'Dzień dobry, chcę zwrócić buty.' },
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string };
  };

  beforeAll(async () => {
    a = await startProduct();
    b = await startProduct({ OKIENKO_ROLES: 'api' }, { reuseDatabaseOf: a });
    adminA = await asAdmin(a);
    adminToken = await login(b.baseUrl, b.admin.email, b.admin.password);
    adminB = client(b.baseUrl, adminToken);
    ala = await createUser(a, adminA, { email: 'ala@okienko.test', name: 'Ala Nowak' });
    bartek = await createUser(a, adminA, { email: 'bartek@okienko.test', name: 'Bartek Zieliński' });
    const queue = await adminA.post('/queues', { name: 'Reklamacje live' });
    expect(queue.status).toBe(201);
    complaintsQueue = queue.body.id as string;
    expect((await adminA.put(`/queues/${complaintsQueue}/members`, { userIds: [ala.id] })).status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await b?.close();
    await a?.close();
  });

  it('refuses a stream without a valid bearer credential', async () => {
    const res = await client(b.baseUrl, null).get('/live');
    expectError(res, 401, 'AUTH_MISSING_TOKEN');
    expectError(await client(b.baseUrl, 'not-a-token').get('/live'), 401, 'AUTH_INVALID_TOKEN');
  });

  it('streams a ticket created through the other replica, and its changes', async () => {
    const stream = await open(adminToken);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(stream.controlLines).toContain('retry: 3000');

    const ticket = await newTicket(adminA);
    const created = await stream.next<TicketChange>('ticket.created', (d) => d.id === ticket.id);
    expect(created).toEqual({ id: ticket.id, number: ticket.number, types: expect.arrayContaining(['created']), fields: expect.any(Array) });

    expect((await adminA.patch(`/tickets/${ticket.id}`, { priority: 'urgent', status: 'open' })).status).toBe(200);
    const updated = await stream.next<TicketChange>('ticket.updated', (d) => d.id === ticket.id && d.fields.includes('priority'));
    expect(updated).toEqual({ id: ticket.id, number: ticket.number, types: ['field_changed'], fields: expect.arrayContaining(['priority', 'status']) });
    // One change (one transaction) is one event per ticket, however many audit lines it wrote.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.events.filter((e) => e.event === 'ticket.updated' && (e.data as TicketChange).id === ticket.id)).toHaveLength(1);
  });

  it('streams a ticket opened by an inbound mail', async () => {
    const stream = await open(adminToken);
    expect((await adminA.post('/inbound-addresses', { address: 'biuro@rowerownia.pl' })).status).toBe(201);
    const mail = composeMail({ from: 'ewa@klient.pl', fromName: 'Ewa Klient', to: 'biuro@rowerownia.pl', subject: 'Nie działa hamulec', body: 'Pomocy.' });
    await sendRaw(a.smtpPort!, { from: 'ewa@klient.pl', to: ['biuro@rowerownia.pl'], raw: mail.raw });

    const created = await stream.next<TicketChange>('ticket.created', () => true, 20_000);
    const ticket = await adminB.get(`/tickets/${created.id}`);
    expect(ticket.status).toBe(200);
    expect(ticket.body).toMatchObject({ number: created.number, subject: 'Nie działa hamulec', channel: 'email' });
  });

  it('announces a change whose transaction commits after later ones, and never one that is rolled back', async () => {
    const stream = await open(adminToken);
    const slow = await newTicket(adminA, { subject: 'Długa transakcja' });
    const rolledBack = await newTicket(adminA, { subject: 'Wycofana zmiana' });
    const db = new pg.Client({ connectionString: a.databaseUrl });
    const other = new pg.Client({ connectionString: a.databaseUrl });
    await Promise.all([db.connect(), other.connect()]);
    const recordPriority = (client: pg.Client, ticketId: string) =>
      client.query(
        `INSERT INTO ticket_events (ticket_id, type, actor_type, actor_name, field, old_value, new_value)
         VALUES ($1, 'field_changed', 'system', 'test', 'priority', '"normal"', '"low"')`,
        [ticketId],
      );
    try {
      // A change takes its audit id first but commits last.
      await db.query('BEGIN');
      await db.query(`UPDATE tickets SET priority = 'low' WHERE id = $1`, [slow.id]);
      await recordPriority(db, slow.id);
      await other.query('BEGIN');
      await recordPriority(other, rolledBack.id);
      await other.query('ROLLBACK');
      const later = await newTicket(adminA, { subject: 'Szybka zmiana' });
      await stream.next<TicketChange>('ticket.created', (d) => d.id === later.id);
      await db.query('COMMIT');
      await stream.next<TicketChange>('ticket.updated', (d) => d.id === slow.id && d.fields.includes('priority'));
    } finally {
      await Promise.all([db.end(), other.end()]);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.events.filter((e) => (e.data as { id?: string }).id === rolledBack.id && e.event === 'ticket.updated')).toEqual([]);
  });

  it('tells an agent only about tickets of their queues and those assigned to them', async () => {
    const alaStream = await open(await login(b.baseUrl, ala.email, ala.password));
    const bartekStream = await open(await login(b.baseUrl, bartek.email, bartek.password));

    const complaint = await newTicket(adminA, { queueId: complaintsQueue, subject: 'Reklamacja roweru' });
    await alaStream.next<TicketChange>('ticket.created', (d) => d.id === complaint.id);
    const forBartek = await newTicket(adminA, { assigneeId: bartek.id, subject: 'Faktura' });
    await bartekStream.next<TicketChange>('ticket.created', (d) => d.id === forBartek.id);

    const seenBy = (stream: EventStream) => stream.events.map((e) => (e.data as { id?: string }).id).filter(Boolean);
    expect(seenBy(bartekStream)).not.toContain(complaint.id);
    // The other ticket is in the default queue, which Ala is not a member of, and not hers.
    expect(seenBy(alaStream)).not.toContain(forBartek.id);

    // Moved into her queue, it becomes hers to hear about.
    expect((await adminA.patch(`/tickets/${forBartek.id}`, { queueId: complaintsQueue })).status).toBe(200);
    await alaStream.next<TicketChange>('ticket.updated', (d) => d.id === forBartek.id && d.fields.includes('queueId'));
  });

  it('shares presence between the replicas and lets it lapse without heartbeats', async () => {
    const adminStream = await open(adminToken);
    const ticket = await newTicket(adminA, { queueId: complaintsQueue });
    const bartekStream = await open(await login(b.baseUrl, bartek.email, bartek.password));

    const viewing = await ala.api.put(`/tickets/${ticket.number}/presence`, { state: 'viewing' });
    expect(viewing.status).toBe(200);
    expect(viewing.body).toEqual({ ticketId: ticket.id, agents: [{ userId: ala.id, name: 'Ala Nowak', state: 'viewing', expiresAt: expect.any(String) }] });

    await adminStream.next<Presence>('presence', (p) => p.ticketId === ticket.id && p.agents.some((x) => x.userId === ala.id && x.state === 'viewing'));
    expect((await adminB.get(`/tickets/${ticket.id}/presence`)).body).toMatchObject({ agents: [{ userId: ala.id, state: 'viewing' }] });

    expect((await ala.api.put(`/tickets/${ticket.id}/presence`, { state: 'replying' })).status).toBe(200);
    await adminStream.next<Presence>('presence', (p) => p.ticketId === ticket.id && p.agents.some((x) => x.userId === ala.id && x.state === 'replying'));

    // Another agent of the queue joins and leaves again; Bartek, outside it, cannot join (as if the ticket did not exist).
    const celina = await createUser(a, adminA, { email: 'celina@okienko.test', name: 'Celina Wójcik' });
    expect((await adminA.put(`/queues/${complaintsQueue}/members`, { userIds: [ala.id, celina.id] })).status).toBe(200);
    const bartekOnA = client(a.baseUrl, await login(a.baseUrl, bartek.email, bartek.password));
    expectError(await bartekOnA.put(`/tickets/${ticket.id}/presence`, { state: 'viewing' }), 404, 'TICKET_NOT_FOUND');
    expect((await celina.api.put(`/tickets/${ticket.id}/presence`, { state: 'viewing' })).body.agents.map((x: { name: string }) => x.name)).toEqual([
      'Ala Nowak',
      'Celina Wójcik',
    ]);
    expect((await celina.api.delete(`/tickets/${ticket.id}/presence`)).status).toBe(204);
    await adminStream.next<Presence>('presence', (p) => p.ticketId === ticket.id && p.agents.length === 1 && p.agents[0].userId === ala.id && adminStream.events.some((e) => e.event === 'presence' && (e.data as Presence).agents.length === 2));

    // Ala stops sending heartbeats: she is gone within the lapse time (20 s).
    await adminStream.next<Presence>('presence', (p) => p.ticketId === ticket.id && p.agents.length === 0, 30_000);
    expect((await adminB.get(`/tickets/${ticket.id}/presence`)).body).toEqual({ ticketId: ticket.id, agents: [] });
    // Bartek is not in the ticket's queue: he hears nothing of who is on it.
    expect(bartekStream.events.filter((e) => e.event === 'presence')).toEqual([]);
  }, 60_000);

  it('validates presence and keeps it for signed-in users', async () => {
    const ticket = await newTicket(adminA);
    expectFieldErrors(await ala.api.put(`/tickets/${ticket.id}/presence`, { state: 'typing' }), ['state']);
    expectFieldErrors(await ala.api.put(`/tickets/${ticket.id}/presence`, {}), ['state']);
    expectError(await ala.api.put('/tickets/2026-999999/presence', { state: 'viewing' }), 404, 'TICKET_NOT_FOUND');
    const token = await adminA.post('/api-tokens', { name: 'integracja' });
    expect(token.status).toBe(201);
    expectError(await client(a.baseUrl, token.body.token).put(`/tickets/${ticket.id}/presence`, { state: 'viewing' }), 400, 'PRESENCE_NEEDS_USER');
  });
});
