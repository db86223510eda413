import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type request from 'supertest';
import {
  API, asAdmin, client, createUser, expectError, expectFieldErrors, login, type ApiClient, type CreatedUser,
} from '../support/api-client.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Who sees which tickets: one rule on every ticket route, the list and its
// search, the "today" view, customer history, presence, template suggestions,
// attachments, bulk changes and live events. A ticket out of the caller's
// reach answers exactly as one that does not exist (404 TICKET_NOT_FOUND).
//
// Every check is a matrix: callers × three tickets of one customer —
// one in the "sales" queue, one in "complaints" assigned to Adam (who works in
// no queue), one in no queue — and the answer each caller gets.

jest.setTimeout(120_000);

type TicketKey = 'sales' | 'assigned' | 'unqueued';
type ActorKey = 'admin' | 'member' | 'lead' | 'outsider' | 'assignee' | 'adminToken' | 'salesToken' | 'noneToken';

const TICKETS: TicketKey[] = ['sales', 'assigned', 'unqueued'];
const ACTORS: ActorKey[] = ['admin', 'member', 'lead', 'outsider', 'assignee', 'adminToken', 'salesToken', 'noneToken'];
const USERS: ActorKey[] = ['admin', 'member', 'lead', 'outsider', 'assignee'];

/** An answer's status, or the error code of a 404. */
type Outcome = number | string;

/** What each caller may see (the setting for tickets in no queue is on, as by default). */
const REACH: Record<ActorKey, TicketKey[]> = {
  admin: ['sales', 'assigned', 'unqueued'],
  member: ['sales', 'unqueued'],
  lead: ['sales', 'unqueued'],
  outsider: ['unqueued'],
  assignee: ['assigned', 'unqueued'],
  adminToken: ['sales', 'assigned', 'unqueued'],
  salesToken: ['sales'],
  noneToken: [],
};

interface Ticket { id: string; number: string; queueId: string | null; assigneeId: string | null; customerId: string }
interface Message { id: string; direction: string; bodyText: string; attachments: { id: string }[] }
interface TicketDetail extends Ticket { messages: Message[]; events: { type: string; field: string | null; actorName: string | null }[]; customerTickets: { id: string }[] }

/** The answer each caller should get for each ticket: `seen` when in reach, else `hidden`. */
function expected(actors: ActorKey[], seen: Outcome, hidden: Outcome): Record<string, Record<TicketKey, Outcome>> {
  return Object.fromEntries(actors.map((a) => [a, Object.fromEntries(TICKETS.map((t) => [t, REACH[a].includes(t) ? seen : hidden]))])) as Record<
    string, Record<TicketKey, Outcome>
  >;
}

describe('ticket access', () => {
  let product: TestProduct;
  let admin: ApiClient;
  const api = {} as Record<ActorKey, ApiClient>;
  const bearer = {} as Record<ActorKey, string>;
  const names = {} as Record<ActorKey, string>;
  const tickets = {} as Record<TicketKey, Ticket>;
  const attachmentIds = {} as Record<TicketKey, string>;
  let customerId: string;
  let salesQueueId: string;
  let complaintsQueueId: string;
  let adam: CreatedUser;

  /** Runs `probe` for every caller and ticket; answers the matrix of results. */
  const matrix = async <T>(actors: ActorKey[], probe: (actor: ActorKey, ticket: Ticket, key: TicketKey) => Promise<T>) => {
    const result: Record<string, Record<string, T>> = {};
    for (const actor of actors) {
      result[actor] = {};
      for (const key of TICKETS) result[actor][key] = await probe(actor, tickets[key], key);
    }
    return result;
  };
  /** The status, or for a 404 the error code (which must be TICKET_NOT_FOUND, as for a ticket that does not exist). */
  const outcome = (res: request.Response): Outcome => {
    if (res.status !== 404) return res.status;
    expectError(res, 404, 'TICKET_NOT_FOUND');
    return 'TICKET_NOT_FOUND';
  };
  /** Which of the three tickets a list answer holds. */
  const held = (items: { id: string }[]): TicketKey[] => TICKETS.filter((key) => items.some((item) => item.id === tickets[key].id));

  beforeAll(async () => {
    // Keep-alive comments every second: the stream test waits for two of them.
    product = await startProduct({ OKIENKO_ROLES: 'api', LIVE_KEEPALIVE_SECONDS: '1' });
    admin = await asAdmin(product);
    api.admin = admin;
    bearer.admin = await login(product.baseUrl, product.admin.email, product.admin.password);
    names.admin = (await admin.get('/auth/me')).body.name as string;

    const users: Partial<Record<ActorKey, CreatedUser>> = {};
    for (const [key, email, name] of [
      ['member', 'maria@okienko.test', 'Maria Członek'],
      ['lead', 'leon@okienko.test', 'Leon Kierownik'],
      ['outsider', 'olga@okienko.test', 'Olga Obca'],
      ['assignee', 'adam@okienko.test', 'Adam Przypisany'],
    ] as const) {
      users[key] = await createUser(product, admin, { email, name });
      api[key] = users[key]!.api;
      bearer[key] = await login(product.baseUrl, email, users[key]!.password);
      names[key] = name;
    }
    adam = users.assignee!;

    const queue = async (name: string, fields: object) => {
      const res = await admin.post('/queues', { name, ...fields });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    salesQueueId = await queue('Sprzedaż (dostęp)', { leadId: users.lead!.id });
    complaintsQueueId = await queue('Reklamacje (dostęp)', {});
    const otherQueueId = await queue('Hurt (dostęp)', {});
    expect((await admin.put(`/queues/${salesQueueId}/members`, { userIds: [users.member!.id] })).status).toBe(200);
    // Olga works in a queue, just not in any of these tickets'.
    expect((await admin.put(`/queues/${otherQueueId}/members`, { userIds: [users.outsider!.id] })).status).toBe(200);

    const token = async (name: string, fields: object) => {
      const res = await admin.post('/api-tokens', { name, ...fields });
      expect(res.status).toBe(201);
      return res.body as { token: string; role: string; queueIds: string[] };
    };
    const adminToken = await token('Integracja (admin)', { role: 'admin' });
    const salesToken = await token('Sklep (sprzedaż)', { queueIds: [salesQueueId] });
    const noneToken = await token('Sklep (bez kolejek)', {});
    expect(salesToken).toMatchObject({ role: 'agent', queueIds: [salesQueueId] });
    expect(noneToken).toMatchObject({ role: 'agent', queueIds: [] });
    for (const [key, created, name] of [
      ['adminToken', adminToken, 'Integracja (admin)'],
      ['salesToken', salesToken, 'Sklep (sprzedaż)'],
      ['noneToken', noneToken, 'Sklep (bez kolejek)'],
    ] as const) {
      api[key] = client(product.baseUrl, created.token);
      bearer[key] = created.token;
      names[key] = name;
    }

    const open = async (subject: string, fields: object): Promise<Ticket> => {
      const res = await admin.post('/tickets', {
        subject,
        customer: { email: 'jan.kaloryfer@example.pl', name: 'Jan Kowalski' },
        message: { body: 'Dzień dobry, kaloryfer przecieka.' },
        ...fields,
      });
      expect(res.status).toBe(201);
      return res.body as Ticket;
    };
    tickets.sales = await open('Kaloryfer: oferta', { queueId: salesQueueId });
    tickets.assigned = await open('Kaloryfer: reklamacja', { queueId: complaintsQueueId, assigneeId: adam.id });
    const unqueued = await open('Kaloryfer: pytanie', {});
    const moved = await admin.patch(`/tickets/${unqueued.id}`, { queueId: null });
    expect(moved.status).toBe(200);
    tickets.unqueued = moved.body as Ticket;
    expect(tickets.sales).toMatchObject({ queueId: salesQueueId, assigneeId: null });
    expect(tickets.assigned).toMatchObject({ queueId: complaintsQueueId, assigneeId: adam.id });
    expect(tickets.unqueued).toMatchObject({ queueId: null, assigneeId: null });
    customerId = tickets.sales.customerId;

    for (const key of TICKETS) {
      const note = await admin.post(`/tickets/${tickets[key].id}/messages`, {
        type: 'note',
        body: 'Zdjęcie od klienta.',
        attachments: [{ filename: `${key}.png`, contentType: 'image/png', contentBase64: Buffer.from(`png ${key}`).toString('base64') }],
      });
      expect(note.status).toBe(201);
      const detail = (await admin.get(`/tickets/${tickets[key].id}`)).body as TicketDetail;
      attachmentIds[key] = detail.messages.find((m) => m.id === (note.body as Message).id)!.attachments[0].id;
    }
  }, 120_000);

  afterAll(async () => {
    await product?.close();
  });

  describe('reading one ticket', () => {
    it('GET /tickets/:id', async () => {
      expect(await matrix(ACTORS, async (a, t) => outcome(await api[a].get(`/tickets/${t.id}`)))).toEqual(expected(ACTORS, 200, 'TICKET_NOT_FOUND'));
    });

    it('GET /tickets/:number', async () => {
      expect(await matrix(ACTORS, async (a, t) => outcome(await api[a].get(`/tickets/${t.number}`)))).toEqual(expected(ACTORS, 200, 'TICKET_NOT_FOUND'));
    });

    it('answers a ticket out of reach exactly as one that does not exist', async () => {
      const hidden = await api.outsider.get(`/tickets/${tickets.sales.number}`);
      const missing = await api.outsider.get('/tickets/2026-999999');
      expect(hidden.status).toBe(404);
      expect({ ...hidden.body, message: hidden.body.message.replace(tickets.sales.number, 'REF') }).toEqual({
        ...missing.body, message: missing.body.message.replace('2026-999999', 'REF'),
      });
    });

    it('GET /tickets/:id/attachments/:attachmentId', async () => {
      expect(await matrix(ACTORS, async (a, t, k) => outcome(await api[a].get(`/tickets/${t.id}/attachments/${attachmentIds[k]}`)))).toEqual(
        expected(ACTORS, 200, 'TICKET_NOT_FOUND'),
      );
    });

    it('GET /tickets/:id/presence', async () => {
      expect(await matrix(ACTORS, async (a, t) => outcome(await api[a].get(`/tickets/${t.id}/presence`)))).toEqual(expected(ACTORS, 200, 'TICKET_NOT_FOUND'));
    });

    it('PUT and DELETE /tickets/:id/presence (signed-in users)', async () => {
      expect(await matrix(USERS, async (a, t) => outcome(await api[a].put(`/tickets/${t.id}/presence`, { state: 'viewing' })))).toEqual(
        expected(USERS, 200, 'TICKET_NOT_FOUND'),
      );
      // Nobody learns who is on a ticket they may not see.
      for (const key of TICKETS) {
        const onIt = ((await admin.get(`/tickets/${tickets[key].id}/presence`)).body.agents as { name: string }[]).map((x) => x.name).sort();
        expect(onIt).toEqual(USERS.filter((a) => REACH[a].includes(key)).map((a) => names[a]).sort());
      }
      expect(await matrix(USERS, async (a, t) => outcome(await api[a].delete(`/tickets/${t.id}/presence`)))).toEqual(
        expected(USERS, 204, 'TICKET_NOT_FOUND'),
      );
    });

    it('GET /tickets/:id/template-suggestions', async () => {
      expect(await matrix(ACTORS, async (a, t) => outcome(await api[a].get(`/tickets/${t.number}/template-suggestions`)))).toEqual(
        expected(ACTORS, 200, 'TICKET_NOT_FOUND'),
      );
    });

    it('POST /templates/preview for a ticket', async () => {
      const preview = (a: ActorKey, t: Ticket) => api[a].post('/templates/preview', { ticketId: t.id, body: 'Dzień dobry {{customer.name}}' });
      expect(await matrix(ACTORS, async (a, t) => outcome(await preview(a, t)))).toEqual(expected(ACTORS, 200, 'TICKET_NOT_FOUND'));
      expect((await preview('member', tickets.sales)).body.body).toBe('Dzień dobry Jan Kowalski');
    });

    it("shows on a ticket only those of the customer's other tickets the caller may see", async () => {
      for (const actor of ACTORS) {
        const [own] = REACH[actor];
        if (!own) continue;
        const detail = (await api[actor].get(`/tickets/${tickets[own].id}`)).body as TicketDetail;
        expect({ actor, others: held(detail.customerTickets) }).toEqual({ actor, others: REACH[actor].filter((t) => t !== own) });
      }
    });
  });

  describe('changing a ticket', () => {
    it('PATCH /tickets/:id changes only tickets in reach', async () => {
      expect(await matrix(ACTORS, async (a, t) => outcome(await api[a].patch(`/tickets/${t.id}`, { tags: [`by-${a}`] })))).toEqual(
        expected(ACTORS, 200, 'TICKET_NOT_FOUND'),
      );
      for (const key of TICKETS) {
        const events = ((await admin.get(`/tickets/${tickets[key].id}`)).body as TicketDetail).events;
        const changedBy = events.filter((e) => e.field === 'tags').map((e) => e.actorName).sort();
        expect({ key, changedBy }).toEqual({ key, changedBy: ACTORS.filter((a) => REACH[a].includes(key)).map((a) => names[a]).sort() });
      }
    });

    it('a change out of reach is refused before the names in it are looked up (no 400 that would confirm the ticket)', async () => {
      expectError(await api.outsider.patch(`/tickets/${tickets.sales.id}`, { queueId: '00000000-0000-4000-8000-000000000000' }), 404, 'TICKET_NOT_FOUND');
      const unknownTemplate = { type: 'reply', templateId: '00000000-0000-4000-8000-000000000000' };
      expectError(await api.noneToken.post(`/tickets/${tickets.sales.id}/messages`, unknownTemplate), 404, 'TICKET_NOT_FOUND');
      expectError(await api.salesToken.post(`/tickets/${tickets.sales.id}/messages`, unknownTemplate), 400, 'TEMPLATE_UNAVAILABLE');
      expectError(await api.outsider.get(`/tickets/${tickets.sales.id}/attachments/00000000-0000-4000-8000-000000000000`), 404, 'TICKET_NOT_FOUND');
    });

    it('POST /tickets/:id/messages adds notes only to tickets in reach', async () => {
      expect(
        await matrix(ACTORS, async (a, t) => outcome(await api[a].post(`/tickets/${t.id}/messages`, { type: 'note', body: `Notatka: ${a}` }))),
      ).toEqual(expected(ACTORS, 201, 'TICKET_NOT_FOUND'));
      for (const key of TICKETS) {
        const notes = ((await admin.get(`/tickets/${tickets[key].id}`)).body as TicketDetail).messages
          .map((m) => m.bodyText)
          .filter((body) => body.startsWith('Notatka: '))
          .sort();
        expect({ key, notes }).toEqual({ key, notes: ACTORS.filter((a) => REACH[a].includes(key)).map((a) => `Notatka: ${a}`).sort() });
      }
    });

    it('POST /tickets/bulk refuses tickets out of reach as not found, one by one', async () => {
      const ids = TICKETS.map((k) => tickets[k].id);
      for (const actor of ACTORS) {
        const res = await api[actor].post('/tickets/bulk', { ticketIds: ids, changes: { addTags: [`bulk-${actor}`] } });
        expect(res.status).toBe(200);
        const items = res.body.items as { id: string; ok: boolean; error?: { statusCode: number; code: string } }[];
        expect({ actor, items }).toEqual({
          actor,
          items: TICKETS.map((key) =>
            REACH[actor].includes(key)
              ? { id: tickets[key].id, ok: true }
              : { id: tickets[key].id, ok: false, error: expect.objectContaining({ statusCode: 404, code: 'TICKET_NOT_FOUND' }) },
          ),
        });
      }
      for (const key of TICKETS) {
        const tags = ((await admin.get(`/tickets/${tickets[key].id}`)).body as { tags: string[] }).tags.filter((t) => t.startsWith('bulk-')).sort();
        expect({ key, tags }).toEqual({ key, tags: ACTORS.filter((a) => REACH[a].includes(key)).map((a) => `bulk-${a}`).sort() });
      }
    });
  });

  describe('lists', () => {
    const listed = async (actor: ActorKey, path: string): Promise<TicketKey[]> => {
      const res = await api[actor].get(path);
      expect(res.status).toBe(200);
      const body = res.body as { items: { id: string }[]; total: number };
      // The total counts the same tickets the page shows (all of the caller's fit on one page here).
      expect(body.total).toBe(body.items.length);
      return held(body.items);
    };
    const each = async (path: string) => Object.fromEntries(await Promise.all(ACTORS.map(async (a) => [a, await listed(a, path)] as const)));

    it('GET /tickets lists only tickets in reach', async () => {
      expect(await each(`/tickets?customerId=${customerId}&limit=200`)).toEqual(REACH);
    });

    it('GET /tickets?q= searches only tickets in reach, by words and by number', async () => {
      expect(await each('/tickets?q=kaloryfer&limit=200')).toEqual(REACH);
      for (const key of TICKETS) {
        const found = Object.fromEntries(await Promise.all(ACTORS.map(async (a) => [a, await listed(a, `/tickets?q=${tickets[key].number}`)] as const)));
        expect(found).toEqual(Object.fromEntries(ACTORS.map((a) => [a, REACH[a].includes(key) ? [key] : []])));
      }
    });

    it('GET /views/today?scope=all lists only tickets in reach', async () => {
      expect(await each('/views/today?scope=all&limit=200')).toEqual(REACH);
    });

    it("GET /customers/:id lists only the customer's tickets in reach", async () => {
      const history = Object.fromEntries(
        await Promise.all(
          ACTORS.map(async (a) => {
            const res = await api[a].get(`/customers/${customerId}`);
            expect(res.status).toBe(200);
            return [a, held(res.body.tickets as { id: string }[])] as const;
          }),
        ),
      );
      expect(history).toEqual(REACH);
    });
  });

  describe('live events', () => {
    /** Waits for news of a ticket (`ticket.created` or `ticket.updated`: changes read together arrive as one), with `field` changed when given. */
    const heardOf = (stream: EventStream, id: string, field?: string) =>
      waitFor(
        () =>
          stream.events.find((e) => {
            const data = e.data as { id?: string; fields?: string[] };
            return e.event.startsWith('ticket.') && data.id === id && (field === undefined || data.fields?.includes(field));
          }),
        { description: `news of ticket ${id}` },
      );

    it('reach each stream only for tickets in reach', async () => {
      const streams = {} as Record<ActorKey, EventStream>;
      try {
        for (const actor of ACTORS) {
          streams[actor] = await openEventStream(`${product.baseUrl}${API}/live`, bearer[actor]);
          expect(streams[actor].status).toBe(200);
          await streams[actor].next('ready');
        }
        // One change per ticket, each seen by the admin's stream before the next.
        for (const key of TICKETS) {
          expect((await admin.patch(`/tickets/${tickets[key].id}`, { priority: 'high' })).status).toBe(200);
          await streams.admin.next<{ id: string; fields: string[] }>('ticket.updated', (d) => d.id === tickets[key].id && d.fields.includes('priority'));
        }
        // Then one new ticket in sales assigned to Adam and one in no queue: whoever may see either has seen everything before it.
        const last = await admin.post('/tickets', {
          subject: 'Ostatnie (sprzedaż)', customer: { email: 'ktos@example.pl' }, message: { body: 'x' }, queueId: salesQueueId, assigneeId: adam.id,
        });
        const lastUnqueued = await admin.post('/tickets', { subject: 'Ostatnie (bez kolejki)', customer: { email: 'ktos@example.pl' }, message: { body: 'x' } });
        expect((await admin.patch(`/tickets/${lastUnqueued.body.id}`, { queueId: null })).status).toBe(200);
        await heardOf(streams.admin, lastUnqueued.body.id, 'queueId');
        for (const actor of ACTORS) {
          if (['admin', 'member', 'lead', 'assignee', 'adminToken', 'salesToken'].includes(actor)) await heardOf(streams[actor], last.body.id);
          if (REACH[actor].includes('unqueued')) await heardOf(streams[actor], lastUnqueued.body.id, 'queueId');
        }
        // The token without queues hears of no ticket at all: two keep-alive comments later, anything sent before them has arrived.
        const comments = () => streams.noneToken.controlLines.filter((line) => line.startsWith(':')).length;
        const before = comments();
        await waitFor(() => (comments() >= before + 2 ? true : undefined), { timeoutMs: 45_000, description: 'two keep-alive comments' });

        const heard = Object.fromEntries(
          ACTORS.map((a) => [a, held(streams[a].events.filter((e) => e.event.startsWith('ticket.')).map((e) => e.data as { id: string }))] as const),
        );
        expect(heard).toEqual(REACH);
        expect(streams.noneToken.events.filter((e) => e.event !== 'ready')).toEqual([]);
      } finally {
        for (const stream of Object.values(streams)) stream.close();
      }
    }, 90_000);

    it('presence events reach only those who may see the ticket', async () => {
      const streams = {} as Record<ActorKey, EventStream>;
      try {
        for (const actor of ACTORS) {
          streams[actor] = await openEventStream(`${product.baseUrl}${API}/live`, bearer[actor]);
          await streams[actor].next('ready');
        }
        // Leon (sales lead) views the sales ticket, then Adam views the unqueued one; everybody who sees the latter saw the former first.
        expect((await api.lead.put(`/tickets/${tickets.sales.id}/presence`, { state: 'viewing' })).status).toBe(200);
        await streams.admin.next<{ ticketId: string }>('presence', (p) => p.ticketId === tickets.sales.id);
        expect((await api.assignee.put(`/tickets/${tickets.unqueued.id}/presence`, { state: 'viewing' })).status).toBe(200);
        for (const actor of ACTORS.filter((a) => REACH[a].includes('unqueued'))) {
          await streams[actor].next<{ ticketId: string }>('presence', (p) => p.ticketId === tickets.unqueued.id);
        }
        const heardOfSales = Object.fromEntries(
          ACTORS.filter((a) => REACH[a].includes('unqueued')).map((a) => [
            a, streams[a].events.some((e) => e.event === 'presence' && (e.data as { ticketId: string }).ticketId === tickets.sales.id),
          ]),
        );
        expect(heardOfSales).toEqual({ admin: true, member: true, lead: true, outsider: false, assignee: false, adminToken: true });
      } finally {
        for (const stream of Object.values(streams)) stream.close();
        await api.lead.delete(`/tickets/${tickets.sales.id}/presence`);
        await api.assignee.delete(`/tickets/${tickets.unqueued.id}/presence`);
      }
    });
  });

  describe('API tokens', () => {
    it('take queueIds only of existing queues (400 naming queueIds)', async () => {
      expectFieldErrors(await admin.post('/api-tokens', { name: 'Zła', queueIds: ['00000000-0000-4000-8000-000000000000'] }), ['queueIds'], 'QUEUE_NOT_FOUND');
      expectFieldErrors(await admin.post('/api-tokens', { name: 'Zła', queueIds: ['sales'] }), ['queueIds']);
      const listed = ((await admin.get('/api-tokens')).body.items as { name: string; queueIds: string[] }[]).find((t) => t.name === 'Sklep (sprzedaż)');
      expect(listed?.queueIds).toEqual([salesQueueId]);
    });
  });

  describe('with tickets in no queue kept from agents (AGENTS_SEE_UNQUEUED_TICKETS=false)', () => {
    let strict: TestProduct;

    beforeAll(async () => {
      strict = await startProduct({ OKIENKO_ROLES: 'api', AGENTS_SEE_UNQUEUED_TICKETS: 'false' });
    }, 60_000);

    afterAll(async () => {
      await strict?.close();
    });

    it('an agent sees tickets in no queue only when assigned to them', async () => {
      const strictAdmin = await asAdmin(strict);
      const agent = await createUser(strict, strictAdmin, { email: 'ula@okienko.test', name: 'Ula' });
      const opened = await strictAdmin.post('/tickets', { subject: 'Bez kolejki', customer: { email: 'ewa@example.pl' }, message: { body: 'x' } });
      expect((await strictAdmin.patch(`/tickets/${opened.body.id}`, { queueId: null })).status).toBe(200);
      expectError(await agent.api.get(`/tickets/${opened.body.id}`), 404, 'TICKET_NOT_FOUND');
      expect((await agent.api.get('/tickets')).body).toEqual({ items: [], total: 0, nextCursor: null });
      expect((await agent.api.get('/views/today?scope=all')).body).toEqual({ items: [], total: 0 });
      expect((await strictAdmin.patch(`/tickets/${opened.body.id}`, { assigneeId: agent.id })).status).toBe(200);
      expect((await agent.api.get(`/tickets/${opened.body.id}`)).status).toBe(200);
      expect((await agent.api.get('/tickets')).body.total).toBe(1);
    });
  });
});
