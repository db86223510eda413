import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { API, asAdmin, createUser, expectFieldErrors, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { openEventStream } from '../support/event-stream.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Bulk actions of the ticket list: POST /tickets/bulk changes many tickets,
// each through the checks of PATCH /tickets/:id in its own transaction, and
// answers per ticket whether it changed or why it was refused.

interface Event { type: string; field: string | null; oldValue: unknown; newValue: unknown; actorType: string; actorId: string | null; actorName: string | null }
interface Ticket {
  id: string; number: string; subject: string; status: string; priority: string; queueId: string | null; assigneeId: string | null;
  tags: string[]; events: Event[];
}
interface BulkItem { id: string; ok: boolean; error?: { statusCode: number; code: string; message: string } }

// Generous: the machines running the suites are shared.
jest.setTimeout(60_000);

describe('bulk changes of tickets', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminName: string;
  let anna: CreatedUser;
  let piotr: CreatedUser;
  let salesQueueId: string;
  let complaintsQueueId: string;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    adminName = (await admin.get('/auth/me')).body.name;
    anna = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    piotr = await createUser(product, admin, { email: 'piotr@okienko.test', name: 'Piotr Lis' });
    const queues = (await admin.get('/queues')).body.items as { id: string; slug: string }[];
    salesQueueId = queues.find((q) => q.slug === 'sales')!.id;
    complaintsQueueId = queues.find((q) => q.slug === 'complaints')!.id;
    // Anna works in sales only.
    expect((await admin.put(`/queues/${salesQueueId}/members`, { userIds: [anna.id] })).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const open = async (subject: string, extra: Record<string, unknown> = {}): Promise<Ticket> => {
    const res = await admin.post('/tickets', {
      subject,
      customer: { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' },
      message: { body: 'Dzień dobry.' },
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };
  const read = async (id: string): Promise<Ticket> => {
    const res = await admin.get(`/tickets/${id}`);
    expect(res.status).toBe(200);
    return res.body as Ticket;
  };
  const bulk = (api: ApiClient, body: object) => api.post('/tickets/bulk', body);

  it('assigns, sets status and priority on every ticket, each change an audit event by the caller; a ticket whose workflow refuses the status is refused alone', async () => {
    const first = await open('Paczka nie dotarła');
    const second = await open('Zwrot butów', { tags: ['allegro'] });
    const closed = await open('Stare pytanie');
    expect((await admin.patch(`/tickets/${closed.id}`, { status: 'closed' })).status).toBe(200);

    const res = await bulk(admin, {
      ticketIds: [first.id, closed.number, second.id],
      changes: { assigneeId: anna.id, status: 'waiting_customer', priority: 'high' },
    });
    expect(res.status).toBe(200);
    const items = res.body.items as BulkItem[];
    expect(items.map((item) => [item.id, item.ok])).toEqual([[first.id, true], [closed.number, false], [second.id, true]]);
    expect(items[1].error).toEqual({ statusCode: 409, code: 'TICKET_INVALID_TRANSITION', message: expect.stringContaining('closed to waiting_customer') });

    for (const ticket of [first, second]) {
      const after = await read(ticket.id);
      expect(after).toMatchObject({ assigneeId: anna.id, status: 'waiting_customer', priority: 'high' });
      const changes = after.events.filter((e) => e.type === 'field_changed').map((e) => ({ field: e.field, oldValue: e.oldValue, newValue: e.newValue, actorName: e.actorName, actorType: e.actorType }));
      expect(changes).toEqual(expect.arrayContaining([
        { field: 'assigneeId', oldValue: null, newValue: anna.id, actorName: adminName, actorType: 'user' },
        { field: 'status', oldValue: 'new', newValue: 'waiting_customer', actorName: adminName, actorType: 'user' },
        { field: 'priority', oldValue: 'normal', newValue: 'high', actorName: adminName, actorType: 'user' },
      ]));
    }
    // The refused ticket kept everything: no part of the change was made, nothing was written in its history.
    const untouched = await read(closed.id);
    expect(untouched).toMatchObject({ status: 'closed', priority: 'normal', assigneeId: null });
    expect(untouched.events.filter((e) => e.type === 'field_changed').map((e) => e.field)).toEqual(['status']);
  });

  it('adds and removes tags on each ticket\'s own, and unassigns', async () => {
    const first = await open('Faktura 1', { tags: ['b2b', 'pilne'], assigneeId: piotr.id });
    const second = await open('Faktura 2', { tags: ['allegro'] });
    const res = await bulk(admin, { ticketIds: [first.id, second.id], changes: { addTags: ['faktura', 'b2b'], removeTags: ['pilne'], assigneeId: null } });
    expect(res.status).toBe(200);
    expect((res.body.items as BulkItem[]).every((item) => item.ok)).toBe(true);
    expect((await read(first.id))).toMatchObject({ tags: ['b2b', 'faktura'], assigneeId: null });
    expect((await read(second.id))).toMatchObject({ tags: ['allegro', 'faktura', 'b2b'], assigneeId: null });
    const tagEvent = (await read(first.id)).events.find((e) => e.field === 'tags');
    expect(tagEvent).toMatchObject({ oldValue: ['b2b', 'pilne'], newValue: ['b2b', 'faktura'] });
  });

  it('lets an agent change only tickets of the queues they work in (and tickets assigned to them); the others are refused as not found and stay as they were', async () => {
    const inSales = await open('Oferta hurtowa', { queueId: salesQueueId });
    const inComplaints = await open('Reklamacja kurtki', { queueId: complaintsQueueId });
    const assignedToAnna = await open('Pytanie o rozmiar', { queueId: complaintsQueueId, assigneeId: anna.id });

    const res = await bulk(anna.api, { ticketIds: [inSales.id, inComplaints.id, assignedToAnna.id], changes: { priority: 'urgent' } });
    expect(res.status).toBe(200);
    const items = res.body.items as BulkItem[];
    expect(items.map((item) => item.ok)).toEqual([true, false, true]);
    // As for a ticket that does not exist: nothing tells the agent that it is there.
    expect(items[1].error).toMatchObject({ statusCode: 404, code: 'TICKET_NOT_FOUND', message: `Ticket ${inComplaints.id} does not exist` });

    expect((await read(inSales.id)).priority).toBe('urgent');
    expect((await read(assignedToAnna.id)).priority).toBe('urgent');
    const refused = await read(inComplaints.id);
    expect(refused.priority).toBe('normal');
    expect(refused.events.some((e) => e.type === 'field_changed')).toBe(false);
    const annaEvent = (await read(inSales.id)).events.find((e) => e.field === 'priority');
    expect(annaEvent).toMatchObject({ actorType: 'user', actorId: anna.id, actorName: 'Anna Nowak' });

    // Moving her ticket to another queue is hers to do; afterwards it is no longer hers to change.
    const moved = await bulk(anna.api, { ticketIds: [inSales.id], changes: { queueId: complaintsQueueId } });
    expect((moved.body.items as BulkItem[])[0].ok).toBe(true);
    const again = await bulk(anna.api, { ticketIds: [inSales.id], changes: { priority: 'low' } });
    expect((again.body.items as BulkItem[])[0]).toMatchObject({ ok: false, error: { code: 'TICKET_NOT_FOUND' } });
  });

  it('tells the panels watching about every ticket it changed, and nothing about a refused one', async () => {
    const stream = await openEventStream(`${product.baseUrl}${API}/live`, await login(product.baseUrl, product.admin.email, product.admin.password));
    try {
      await stream.next('ready');
      // Opened while the panel listens, and each change waited for, so no two of them reach it as one event.
      const changed = await open('Pierwsze');
      const refused = await open('Drugie');
      for (const ticket of [changed, refused]) await stream.next<{ id: string }>('ticket.created', (d) => d.id === ticket.id);
      expect((await admin.patch(`/tickets/${refused.id}`, { status: 'closed' })).status).toBe(200);
      await stream.next<{ id: string; fields: string[] }>('ticket.updated', (d) => d.id === refused.id && d.fields.includes('status'));
      const res = await bulk(admin, { ticketIds: [changed.id, refused.id], changes: { status: 'waiting_customer' } });
      expect((res.body.items as BulkItem[]).map((item) => item.ok)).toEqual([true, false]);
      await stream.next<{ id: string; fields: string[] }>('ticket.updated', (d) => d.id === changed.id && d.fields.includes('status'));
      // A later change shows the stream is past the bulk change, which wrote nothing for the refused ticket.
      expect((await admin.patch(`/tickets/${refused.id}`, { priority: 'low' })).status).toBe(200);
      await stream.next<{ id: string; fields: string[] }>('ticket.updated', (d) => d.id === refused.id && d.fields.includes('priority'));
      const aboutRefused = stream.events.filter((e) => e.event === 'ticket.updated' && (e.data as { id: string }).id === refused.id);
      // Closing it before, and the change after: nothing in between.
      expect(aboutRefused.map((e) => (e.data as { fields: string[] }).fields)).toEqual([['status'], ['priority']]);
    } finally {
      stream.close();
    }
  });

  it('answers per ticket for tickets that do not exist, and changes the rest', async () => {
    const ticket = await open('Zamówienie 4521');
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await bulk(admin, { ticketIds: [missing, ticket.id, '2026-999999'], changes: { status: 'open' } });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: missing, ok: false, error: { statusCode: 404, code: 'TICKET_NOT_FOUND', message: expect.any(String) } },
      { id: ticket.id, ok: true },
      { id: '2026-999999', ok: false, error: { statusCode: 404, code: 'TICKET_NOT_FOUND', message: expect.any(String) } },
    ]);
    expect((await read(ticket.id)).status).toBe('open');
  });

  describe('refuses bad input as a whole with 400 naming the field, changing nothing', () => {
    let ticket: Ticket;
    beforeAll(async () => {
      ticket = await open('Nie ruszać');
    });

    it.each([
      ['no tickets', () => ({ ticketIds: [], changes: { priority: 'high' } }), ['ticketIds']],
      ['more than 500 tickets', () => ({ ticketIds: Array.from({ length: 501 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`), changes: { priority: 'high' } }), ['ticketIds']],
      ['a ticket named twice', () => ({ ticketIds: [ticket.id, ticket.id], changes: { priority: 'high' } }), ['ticketIds']],
      ['something that is no ticket id', () => ({ ticketIds: ['abc'], changes: { priority: 'high' } }), ['ticketIds']],
      ['no changes object', () => ({ ticketIds: [ticket.id] }), ['changes']],
      ['nothing to change', () => ({ ticketIds: [ticket.id], changes: {} }), ['changes']],
      ['an unknown status', () => ({ ticketIds: [ticket.id], changes: { status: 'done' } }), ['changes.status']],
      ['an unknown field', () => ({ ticketIds: [ticket.id], changes: { subject: 'Nowy' } }), ['changes.subject']],
      ['an empty tag', () => ({ ticketIds: [ticket.id], changes: { addTags: [''] } }), ['changes.addTags']],
    ])('%s', async (_, body, fields) => {
      expectFieldErrors(await bulk(admin, body()), fields);
      expect((await read(ticket.id)).priority).toBe('normal');
    });

    it('an assignee who is no active user, or a queue that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000001';
      expectFieldErrors(await bulk(admin, { ticketIds: [ticket.id], changes: { assigneeId: missing, priority: 'high' } }), ['changes.assigneeId'], 'TICKET_ASSIGNEE_NOT_FOUND');
      expectFieldErrors(await bulk(admin, { ticketIds: [ticket.id], changes: { queueId: missing } }), ['changes.queueId'], 'QUEUE_NOT_FOUND');
      const after = await read(ticket.id);
      expect(after).toMatchObject({ priority: 'normal', assigneeId: null });
    });
  });

  // Last: the rule below acts on every ticket closed from here on.
  it('runs the rules and the SLA recount for each ticket it changes, as PATCH does', async () => {
    const created = await admin.post('/rules', {
      name: 'Po zamknięciu', trigger: 'ticket_closed', enabled: true, conditions: { match: 'all', conditions: [] }, actions: [{ type: 'add_tag', tag: 'po-zamknieciu' }],
    });
    expect(created.status).toBe(201);
    const first = await open('Do zamknięcia 1', { priority: 'urgent' });
    const second = await open('Do zamknięcia 2');
    expect((await read(first.id)) as unknown).toMatchObject({ sla: { state: 'ok' } });

    const res = await bulk(admin, { ticketIds: [first.id, second.id], changes: { status: 'closed' } });
    expect((res.body.items as BulkItem[]).map((item) => item.ok)).toEqual([true, true]);
    for (const ticket of [first, second]) {
      const after = await read(ticket.id);
      expect(after).toMatchObject({ status: 'closed', tags: ['po-zamknieciu'] });
      expect(after as unknown).toMatchObject({ sla: { state: 'none' } });
      const byRule = after.events.filter((e) => e.actorType === 'rule').map((e) => `${e.actorName}: ${e.type}${e.field ? ` ${e.field}` : ''}`);
      expect(byRule).toEqual(['Po zamknięciu: rule_applied', 'Po zamknięciu: field_changed tags']);
    }
  });
});
