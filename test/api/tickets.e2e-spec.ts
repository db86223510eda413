import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, client, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// A ticket's life through the API: opening (customer found or created by
// e-mail), reading by id or number, changing fields (each change audited),
// replies and notes, resolving, closing, reopening; numbering under load;
// HTML sanitising.

interface Event { type: string; field: string | null; oldValue: unknown; newValue: unknown; actorType: string; actorId: string | null; actorName: string | null }
interface Message { id: string; direction: string; deliveryState: string; bodyText: string; bodyHtml: string | null; toAddresses: string[]; authorUserId: string | null }
interface Ticket {
  id: string; number: string; subject: string; status: string; priority: string; channel: string; queueId: string | null;
  categoryId: string | null; assigneeId: string | null; customerId: string; tags: string[]; createdAt: string; updatedAt: string;
  firstResponseAt: string | null; resolvedAt: string | null; closedAt: string | null; lastInboundAt: string | null; lastOutboundAt: string | null;
  customer: { id: string; email: string; name: string | null; phones: string[] };
  messages: Message[]; events: Event[]; customerTickets: { id: string; number: string }[];
}

const NUMBER = /^\d{4}-\d{6}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('tickets', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminId: string;
  let agent: CreatedUser;
  let defaultQueueId: string;
  let otherQueueId: string;
  let categoryId: string;

  beforeAll(async () => {
    // No worker role: replies stay `queued` here; sending them is covered by the mail suites.
    product = await startProduct({ OKIENKO_ROLES: 'api,smtp' });
    admin = await asAdmin(product);
    adminId = (await admin.get('/auth/me')).body.id;
    agent = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    // There is no API for queues and categories yet: the admin's future screens are stood in for by SQL.
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      otherQueueId = (await db.query(`INSERT INTO queues (name, slug) VALUES ('Reklamacje', 'complaints') ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`)).rows[0].id;
      categoryId = (await db.query(`INSERT INTO categories (name, slug) VALUES ('Zwrot', 'return') RETURNING id`)).rows[0].id;
    } finally {
      await db.end();
    }
    const queues = (await admin.get('/queues')).body.items as { id: string; isDefault: boolean }[];
    defaultQueueId = queues.find((q) => q.isDefault)!.id;
    // Anna works in both queues (agents see only the tickets of their queues).
    for (const queueId of [defaultQueueId, otherQueueId]) expect((await admin.put(`/queues/${queueId}/members`, { userIds: [agent.id] })).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const open = async (body: Record<string, unknown>, api: ApiClient = admin): Promise<Ticket> => {
    const res = await api.post('/tickets', {
      subject: 'Paczka nie dotarła',
      customer: { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' },
      message: { body: 'Dzień dobry, paczka nie dotarła.' },
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };
  const read = async (ref: string): Promise<Ticket> => {
    const res = await admin.get(`/tickets/${ref}`);
    expect(res.status).toBe(200);
    return res.body as Ticket;
  };
  const changes = (ticket: Ticket) => ticket.events.filter((e) => e.type === 'field_changed');

  describe('opening a ticket', () => {
    let first: Ticket;

    it('answers 201 with the whole ticket: number, status new, default queue, the customer created, the first message and a created event', async () => {
      const before = Date.now();
      first = await open({
        subject: '  Zwrot towaru  ',
        customer: { email: 'Ewa.Lis@Example.pl', name: 'Ewa Lis', phone: '+48 600 100 200' },
        message: { body: 'Chcę zwrócić buty.' },
        tags: ['allegro', ' allegro ', 'vip'],
      });
      const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(new Date());
      expect(first.number).toMatch(NUMBER);
      expect(first.number.slice(0, 4)).toBe(year);
      expect(first).toMatchObject({
        subject: 'Zwrot towaru',
        status: 'new',
        priority: 'normal',
        channel: 'phone',
        queueId: defaultQueueId,
        categoryId: null,
        assigneeId: null,
        tags: ['allegro', 'vip'],
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        lastOutboundAt: null,
        customerTickets: [],
      });
      expect(first.createdAt).toMatch(ISO);
      expect(Date.parse(first.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(first.lastInboundAt).toBe(first.createdAt);

      expect(first.customer).toMatchObject({ id: first.customerId, email: 'Ewa.Lis@Example.pl', name: 'Ewa Lis', phones: ['+48600100200'] });
      expect(first.messages).toEqual([
        expect.objectContaining({
          direction: 'inbound', bodyText: 'Chcę zwrócić buty.', bodyHtml: null, deliveryState: 'none', authorCustomerId: first.customerId,
          authorUserId: null, fromAddress: 'Ewa.Lis@Example.pl', subject: 'Zwrot towaru', attachments: [],
        }),
      ]);
      expect(first.events).toEqual([
        expect.objectContaining({
          type: 'created', actorType: 'user', actorId: adminId, actorName: 'Administrator', field: null, oldValue: null,
          newValue: expect.objectContaining({ number: first.number, subject: 'Zwrot towaru', status: 'new', queueId: defaultQueueId, tags: ['allegro', 'vip'] }),
        }),
      ]);
    });

    it('reuses the customer for the same e-mail in another letter case, keeps their name, adds the new phone, and lists their other tickets', async () => {
      const second = await open({ customer: { email: 'ewa.lis@example.PL', name: 'E. Lis', phone: '+48 500 000 000' } });
      expect(second.customerId).toBe(first.customerId);
      expect(second.customer).toMatchObject({ email: 'Ewa.Lis@Example.pl', name: 'Ewa Lis', phones: ['+48600100200', '+48500000000'] });
      expect(second.customerTickets.map((t) => t.number)).toEqual([first.number]);
      expect(second.number).not.toBe(first.number);

      const firstAgain = await read(first.id);
      expect(firstAgain.customerTickets.map((t) => t.id)).toEqual([second.id]);
      expect((await admin.get(`/customers/${first.customerId}`)).body.tickets.map((t: { id: string }) => t.id)).toEqual([second.id, first.id]);
    });

    it('takes priority, queue, category, assignee and channel from the request', async () => {
      const ticket = await open({ priority: 'urgent', queueId: otherQueueId, categoryId, assigneeId: agent.id, channel: 'email' });
      expect(ticket).toMatchObject({ priority: 'urgent', queueId: otherQueueId, categoryId, assigneeId: agent.id, channel: 'email' });
    });

    it('defaults the channel to api when an API token opens it', async () => {
      const token = (await admin.post('/api-tokens', { name: 'Sklep' })).body.token as string;
      const ticket = await open({}, client(product.baseUrl, token));
      expect(ticket.channel).toBe('api');
      expect(ticket.events[0]).toMatchObject({ actorType: 'api_token', actorName: 'Sklep' });
    });

    it('reads the same ticket by id and by number', async () => {
      const byId = await read(first.id);
      const byNumber = await read(first.number);
      expect(byNumber).toEqual(byId);
      expect(byId.id).toBe(first.id);
    });
  });

  describe('changing a ticket', () => {
    it('records one field_changed event per changed field, with the old and new values and who changed it', async () => {
      const ticket = await open({ tags: ['a'] });
      const res = await agent.api.patch(`/tickets/${ticket.number}`, {
        subject: 'Paczka nie dotarła — DPD',
        status: 'waiting_third_party',
        priority: 'high',
        queueId: otherQueueId,
        categoryId,
        assigneeId: agent.id,
        tags: ['b', 'a', 'b'],
      });
      expect(res.status).toBe(200);
      const changed = res.body as Ticket;
      expect(changed).toMatchObject({
        subject: 'Paczka nie dotarła — DPD', status: 'waiting_third_party', priority: 'high', queueId: otherQueueId, categoryId,
        assigneeId: agent.id, tags: ['b', 'a'],
      });
      expect(Date.parse(changed.updatedAt)).toBeGreaterThan(Date.parse(ticket.updatedAt));
      const by = { actorType: 'user', actorId: agent.id, actorName: 'Anna Nowak' };
      expect(changes(changed)).toEqual([
        expect.objectContaining({ field: 'subject', oldValue: 'Paczka nie dotarła', newValue: 'Paczka nie dotarła — DPD', ...by }),
        expect.objectContaining({ field: 'status', oldValue: 'new', newValue: 'waiting_third_party', ...by }),
        expect.objectContaining({ field: 'priority', oldValue: 'normal', newValue: 'high', ...by }),
        expect.objectContaining({ field: 'queueId', oldValue: defaultQueueId, newValue: otherQueueId, ...by }),
        expect.objectContaining({ field: 'categoryId', oldValue: null, newValue: categoryId, ...by }),
        expect.objectContaining({ field: 'assigneeId', oldValue: null, newValue: agent.id, ...by }),
        expect.objectContaining({ field: 'tags', oldValue: ['a'], newValue: ['b', 'a'], ...by }),
      ]);
      // The read shows what the change answered.
      expect(await read(ticket.id)).toEqual(changed);
    });

    it('records nothing and leaves updatedAt alone when nothing actually changes', async () => {
      const ticket = await open({ priority: 'high', tags: ['x'] });
      const res = await admin.patch(`/tickets/${ticket.id}`, { priority: 'high', tags: ['x'], status: 'new', queueId: defaultQueueId });
      expect(res.status).toBe(200);
      expect(res.body.events).toEqual(ticket.events);
      expect(res.body.updatedAt).toBe(ticket.updatedAt);
    });

    it('clears queue, category and assignee with null, recording each', async () => {
      const ticket = await open({ queueId: otherQueueId, categoryId, assigneeId: agent.id });
      const res = await admin.patch(`/tickets/${ticket.id}`, { queueId: null, categoryId: null, assigneeId: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ queueId: null, categoryId: null, assigneeId: null });
      expect(changes(res.body).map((e) => [e.field, e.oldValue, e.newValue, e.actorName])).toEqual([
        ['queueId', otherQueueId, null, 'Administrator'],
        ['categoryId', categoryId, null, 'Administrator'],
        ['assigneeId', agent.id, null, 'Administrator'],
      ]);
    });

    it('applies concurrent changes one after another: each event starts where the previous one ended', async () => {
      const ticket = await open({});
      const priorities = ['low', 'high', 'urgent', 'normal', 'low', 'urgent', 'high', 'normal'];
      const answers = await Promise.all(priorities.map((priority) => admin.patch(`/tickets/${ticket.id}`, { priority })));
      expect(answers.map((a) => a.status)).toEqual(priorities.map(() => 200));
      const events = changes(await read(ticket.id));
      let current: unknown = 'normal';
      for (const event of events) {
        expect(event.oldValue).toBe(current);
        current = event.newValue;
      }
      expect((await read(ticket.id)).priority).toBe(current);
    });
  });

  describe('replies and notes', () => {
    let ticket: Ticket;

    it('a reply is an outbound message queued for sending; it sets firstResponseAt and moves a new ticket to open', async () => {
      ticket = await open({ customer: { email: 'marek@example.pl', name: 'Marek' } });
      const res = await agent.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Dzień dobry, sprawdzamy przesyłkę.' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({
        id: expect.any(String), direction: 'outbound', deliveryState: 'queued', automated: false,
        messageId: expect.stringMatching(/^[0-9a-f-]{36}@/), bodyText: 'Dzień dobry, sprawdzamy przesyłkę.', bodyHtml: null,
        toAddresses: ['marek@example.pl'], subject: `Re: ${ticket.subject}`, authorUserId: agent.id, authorApiTokenId: null, authorCustomerId: null,
      }));

      const after = await read(ticket.id);
      expect(after.status).toBe('open');
      expect(after.firstResponseAt).toMatch(ISO);
      expect(after.lastOutboundAt).toBe(after.firstResponseAt);
      expect(after.messages.map((m) => [m.direction, m.deliveryState])).toEqual([['inbound', 'none'], ['outbound', 'queued']]);
      expect(after.messages[1].id).toBe(res.body.id);
      expect(after.events.slice(1)).toEqual([
        expect.objectContaining({ type: 'message_added', actorName: 'Anna Nowak', newValue: { messageId: res.body.id, direction: 'outbound' } }),
        expect.objectContaining({ type: 'field_changed', field: 'status', oldValue: 'new', newValue: 'open', actorName: 'Anna Nowak' }),
        // Nobody held the ticket: the agent who answered it takes it (the assign-on-reply setting, on by default).
        expect.objectContaining({ type: 'field_changed', field: 'assigneeId', oldValue: null, newValue: agent.id, actorName: 'Anna Nowak' }),
      ]);
      expect(after.assigneeId).toBe(agent.id);
      ticket = after;
    });

    it('a note is internal: direction note, nothing to send, no change to firstResponseAt or status', async () => {
      const res = await admin.post(`/tickets/${ticket.number}/messages`, { type: 'note', body: 'Kurier zgubił paczkę.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ direction: 'note', deliveryState: 'none', toAddresses: [], subject: null, authorUserId: adminId });
      const after = await read(ticket.id);
      expect(after).toMatchObject({ status: 'open', firstResponseAt: ticket.firstResponseAt, lastOutboundAt: ticket.lastOutboundAt });
      expect(after.events.at(-1)).toMatchObject({ type: 'message_added', newValue: { messageId: res.body.id, direction: 'note' } });
    });

    it('a later reply keeps the first response time; a reply can set waiting_customer', async () => {
      const res = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Prosimy o numer zamówienia.', status: 'waiting_customer' });
      expect(res.status).toBe(201);
      const after = await read(ticket.id);
      expect(after.status).toBe('waiting_customer');
      expect(after.firstResponseAt).toBe(ticket.firstResponseAt);
      expect(Date.parse(after.lastOutboundAt!)).toBeGreaterThan(Date.parse(ticket.lastOutboundAt!));
      expect(changes(after).at(-1)).toMatchObject({ field: 'status', oldValue: 'open', newValue: 'waiting_customer', actorName: 'Administrator' });
    });

    it('a reply with status waiting_customer straight from new sets that status and the first response', async () => {
      const fresh = await open({});
      expect((await admin.post(`/tickets/${fresh.id}/messages`, { type: 'reply', body: 'Czekamy.', status: 'waiting_customer' })).status).toBe(201);
      const after = await read(fresh.id);
      expect(after.status).toBe('waiting_customer');
      expect(after.firstResponseAt).not.toBeNull();
    });

    it('a note does not move a new ticket to open', async () => {
      const fresh = await open({});
      expect((await admin.post(`/tickets/${fresh.id}/messages`, { type: 'note', body: 'Do sprawdzenia.' })).status).toBe(201);
      expect(await read(fresh.id)).toMatchObject({ status: 'new', firstResponseAt: null });
    });
  });

  describe('resolving, closing and reopening', () => {
    it('resolve sets resolvedAt; close keeps it and sets closedAt; reopening a closed ticket clears both', async () => {
      const ticket = await open({});
      const resolved = (await admin.patch(`/tickets/${ticket.id}`, { status: 'resolved' })).body as Ticket;
      expect(resolved.status).toBe('resolved');
      expect(resolved.resolvedAt).toMatch(ISO);
      expect(resolved.closedAt).toBeNull();

      const closed = (await admin.patch(`/tickets/${ticket.id}`, { status: 'closed' })).body as Ticket;
      expect(closed.status).toBe('closed');
      expect(closed.resolvedAt).toBe(resolved.resolvedAt);
      expect(closed.closedAt).toMatch(ISO);
      expect(Date.parse(closed.closedAt!)).toBeGreaterThanOrEqual(Date.parse(resolved.resolvedAt!));

      const reopened = await admin.patch(`/tickets/${ticket.id}`, { status: 'open' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });
      expect(changes(reopened.body).map((e) => [e.oldValue, e.newValue])).toEqual([
        ['new', 'resolved'],
        ['resolved', 'closed'],
        ['closed', 'open'],
      ]);
    });

    it('closing an unresolved ticket resolves it at the same moment', async () => {
      const ticket = await open({});
      const closed = (await admin.patch(`/tickets/${ticket.id}`, { status: 'closed' })).body as Ticket;
      expect(closed.closedAt).toMatch(ISO);
      expect(closed.resolvedAt).toBe(closed.closedAt);
    });

    it('reopening a resolved ticket clears resolvedAt', async () => {
      const ticket = await open({});
      await admin.patch(`/tickets/${ticket.id}`, { status: 'resolved' });
      expect((await admin.patch(`/tickets/${ticket.id}`, { status: 'open' })).body).toMatchObject({ status: 'open', resolvedAt: null });
    });

    it('a reply to a closed ticket leaves it closed (only an explicit status reopens it)', async () => {
      const ticket = await open({});
      await admin.patch(`/tickets/${ticket.id}`, { status: 'closed' });
      expect((await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Jeszcze jedno.' })).status).toBe(201);
      expect((await read(ticket.id)).status).toBe('closed');
    });
  });

  it('gives 20 tickets opened at the same moment 20 different, consecutive numbers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.post('/tickets', {
          subject: `Równolegle ${i}`,
          customer: { email: i % 2 ? 'rownolegle@example.pl' : `rownolegle${i}@example.pl` },
          message: { body: `Zgłoszenie ${i}` },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((a) => a.body.number as string);
    for (const number of numbers) expect(number).toMatch(NUMBER);
    expect(new Set(numbers).size).toBe(20);
    const sequence = numbers.map((n) => Number(n.slice(5))).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 20 }, (_, i) => sequence[0] + i));
    // The ten tickets of the shared e-mail went to one customer.
    expect(new Set(answers.filter((_, i) => i % 2).map((a) => a.body.customerId)).size).toBe(1);
    for (const answer of answers.slice(0, 3)) expect((await read(answer.body.number)).id).toBe(answer.body.id);
  });

  describe('search follows the ticket', () => {
    const found = async (q: string) => ((await admin.get(`/tickets?q=${encodeURIComponent(q)}`)).body.items as Ticket[]).map((t) => t.id);

    it('finds the words of a reply or note added later, at once', async () => {
      const ticket = await open({ subject: 'Hulajnoga', message: { body: 'Nie działa.' } });
      expect(await found('akumulator')).toEqual([]);
      await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Proszę naładować akumulator.' });
      expect(await found('akumulator')).toEqual([ticket.id]);
      await admin.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'Serwis w Łodzi.' });
      expect(await found('lodzi')).toEqual([ticket.id]);
      expect(await found('hulajnoga akumulator lodz')).toEqual([ticket.id]);
    });

    it('finds a changed subject at once, and keeps finding the message words', async () => {
      const ticket = await open({ subject: 'Rower', message: { body: 'Pęknięta rama.' } });
      await admin.patch(`/tickets/${ticket.id}`, { subject: 'Rower górski — gwarancja' });
      expect(await found('gorski')).toEqual([ticket.id]);
      expect(await found('peknieta rama')).toEqual([ticket.id]);
    });

    it('finds a ticket by its number (also as #number)', async () => {
      const ticket = await open({ subject: 'Numer' });
      expect(await found(ticket.number)).toEqual([ticket.id]);
      expect(await found(`#${ticket.number}`)).toEqual([ticket.id]);
    });
  });

  describe('HTML', () => {
    const dangerous =
      '<p onclick="steal()">Dzień dobry <b>bold</b></p><script>alert(1)</script><img src="x" onerror="alert(2)">' +
      '<a href="javascript:alert(3)">klik</a><a href="https://sklep.pl/zwroty">zwroty</a><iframe src="https://evil.example"></iframe>' +
      '<style>body{display:none}</style><form action="https://evil.example"><input name="p"></form>';

    const expectSafe = (html: string | null) => {
      expect(html).not.toBeNull();
      expect(html).not.toMatch(/<script|alert\(1\)/i);
      expect(html).not.toMatch(/onerror|onclick/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/<iframe|<style|<form|<input/i);
      expect(html).toContain('Dzień dobry <b>bold</b>');
      expect(html).toContain('href="https://sklep.pl/zwroty"');
      expect(html).toContain('<img src="x"');
    };

    it("comes back sanitised in the customer's first message", async () => {
      const ticket = await open({ message: { body: 'Dzień dobry', html: dangerous } });
      expectSafe(ticket.messages[0].bodyHtml);
      expectSafe((await read(ticket.id)).messages[0].bodyHtml);
      // The plain text is kept as sent.
      expect(ticket.messages[0].bodyText).toBe('Dzień dobry');
    });

    it('comes back sanitised in replies and notes', async () => {
      const ticket = await open({});
      const reply = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'x', html: dangerous });
      const note = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'x', html: dangerous });
      expectSafe(reply.body.bodyHtml);
      expectSafe(note.body.bodyHtml);
      for (const message of (await read(ticket.id)).messages.slice(1)) expectSafe(message.bodyHtml);
    });
  });
});
