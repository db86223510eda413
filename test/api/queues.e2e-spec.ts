import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { API, asAdmin, client, createUser, expectError, expectFieldErrors, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Queues (teams) and categories as an admin manages them and agents see them:
// the starter set, changes, members, who sees which queue, and how many of a
// queue's tickets are in each status.

interface Queue {
  id: string; name: string; slug: string; description: string | null; isDefault: boolean;
  assignmentStrategy: 'manual' | 'round_robin' | 'least_open'; leadId: string | null; maxOpenPerAgent: number | null;
  members: { id: string; name: string; active: boolean; absent: boolean }[];
  counts: Record<'new' | 'open' | 'waiting_customer' | 'waiting_third_party' | 'resolved' | 'closed', number>;
  openCount: number; createdAt: string; updatedAt: string;
}
interface Category { id: string; name: string; slug: string; description: string | null }
interface TicketEvent { type: string; actorType: string; actorName: string | null; field: string | null; oldValue: unknown; newValue: unknown }

const NO_TICKETS = { new: 0, open: 0, waiting_customer: 0, waiting_third_party: 0, resolved: 0, closed: 0 };

describe('queues and categories', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminToken: string;
  let adminJwt: string;
  let anna: CreatedUser;
  let bartek: CreatedUser;
  let defaultQueueId: string;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    adminJwt = await login(product.baseUrl, product.admin.email, product.admin.password);
    adminToken = (await admin.post('/api-tokens', { name: 'Integracja (admin)', role: 'admin' })).body.token;
    anna = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    bartek = await createUser(product, admin, { email: 'bartek@okienko.test', name: 'Bartek Wiśniewski' });
    defaultQueueId = ((await admin.get('/queues')).body.items as Queue[]).find((q) => q.isDefault)!.id;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  /** PUT /queues/:id/members with a bearer token (the shared client has no PUT). */
  const putMembers = (token: string, queueId: string, body: unknown) =>
    request(product.baseUrl).put(`${API}/queues/${queueId}/members`).set('Authorization', `Bearer ${token}`).send(body as object);

  const createQueue = async (body: Record<string, unknown>): Promise<Queue> => {
    const res = await admin.post('/queues', body);
    expect(res.status).toBe(201);
    return res.body as Queue;
  };

  const openTicket = async (fields: Record<string, unknown>) => {
    const res = await admin.post('/tickets', {
      subject: 'Pytanie o rozmiar', customer: { email: 'klient@example.pl' }, message: { body: 'Jaki rozmiar wybrać?' }, ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; queueId: string | null; categoryId: string | null; events: TicketEvent[] };
  };

  describe('the starter set', () => {
    it('has the default queue and the five starter queues, manual and without members, and the six categories, by stable slugs', async () => {
      const queues = (await admin.get('/queues')).body as { items: Queue[]; total: number };
      expect(queues.total).toBe(queues.items.length);
      const bySlug = Object.fromEntries(queues.items.map((q) => [q.slug, q]));
      expect(Object.fromEntries(['general', 'sales', 'after-sales', 'complaints', 'accounting', 'it'].map((s) => [s, bySlug[s]?.name]))).toEqual({
        general: 'Ogólna', sales: 'Sprzedaż', 'after-sales': 'Obsługa posprzedażowa', complaints: 'Reklamacje', accounting: 'Księgowość', it: 'IT',
      });
      expect(bySlug.general.isDefault).toBe(true);
      for (const slug of ['sales', 'after-sales', 'complaints', 'accounting', 'it']) {
        expect(bySlug[slug]).toMatchObject({ isDefault: false, assignmentStrategy: 'manual', leadId: null, maxOpenPerAgent: null, members: [] });
      }

      const categories = (await admin.get('/categories')).body as { items: Category[]; total: number };
      expect(Object.fromEntries(categories.items.map((c) => [c.slug, c.name]))).toMatchObject({
        'pre-sale': 'Pytanie przed zakupem', 'order-status': 'Status zamówienia', 'complaint-return': 'Reklamacja lub zwrot',
        'invoice-payment': 'Faktura i płatność', 'technical-support': 'Wsparcie techniczne', 'data-change': 'Zmiana danych',
      });
    });
  });

  describe('an admin managing queues', () => {
    it('creates a queue, making the slug from the name, and answers it whole', async () => {
      const queue = await createQueue({
        name: '  Obsługa hurtowa ', description: ' Klienci B2B ', assignmentStrategy: 'round_robin', leadId: anna.id, maxOpenPerAgent: 10,
      });
      expect(queue).toEqual({
        id: expect.any(String), name: 'Obsługa hurtowa', slug: 'obsluga-hurtowa', description: 'Klienci B2B', isDefault: false,
        assignmentStrategy: 'round_robin', leadId: anna.id, maxOpenPerAgent: 10, members: [], counts: NO_TICKETS, openCount: 0, signature: null,
        createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      expect((await admin.get(`/queues/${queue.id}`)).body).toEqual(queue);
      expect(((await admin.get('/queues')).body.items as Queue[]).map((q) => q.id)).toContain(queue.id);
    });

    it('takes a slug given by hand, and defaults to manual assignment with no lead and no cap', async () => {
      const queue = await createQueue({ name: 'Zwroty Allegro', slug: 'allegro-returns' });
      expect(queue).toMatchObject({ slug: 'allegro-returns', description: null, assignmentStrategy: 'manual', leadId: null, maxOpenPerAgent: null });
    });

    it('changes only the fields given, and clears description, lead and cap with null', async () => {
      const queue = await createQueue({ name: 'Hurt', description: 'B2B', leadId: anna.id, maxOpenPerAgent: 5 });
      const changed = await admin.patch(`/queues/${queue.id}`, { name: 'Hurt i B2B', assignmentStrategy: 'least_open', leadId: bartek.id });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        name: 'Hurt i B2B', slug: 'hurt', description: 'B2B', assignmentStrategy: 'least_open', leadId: bartek.id, maxOpenPerAgent: 5,
      });
      const cleared = await admin.patch(`/queues/${queue.id}`, { description: null, leadId: null, maxOpenPerAgent: null, slug: 'hurt-b2b' });
      expect(cleared.body).toMatchObject({ name: 'Hurt i B2B', slug: 'hurt-b2b', description: null, leadId: null, maxOpenPerAgent: null });
      expect((await admin.get(`/queues/${queue.id}`)).body).toEqual(cleared.body);
    });

    it('refuses a name taken in any letter case, or a taken slug, with 409 naming the field', async () => {
      const res = await admin.post('/queues', { name: 'REKLAMACJE' });
      expectError(res, 409, 'QUEUE_NAME_TAKEN');
      expect(res.body.details.fields).toEqual([{ field: 'name', errors: [expect.stringContaining('name')] }]);
      expectError(await admin.post('/queues', { name: 'Reklamacje 2', slug: 'complaints' }), 409, 'QUEUE_SLUG_TAKEN');
      // The slug made from the name can be taken too.
      expectError(await admin.post('/queues', { name: 'Sales' }), 409, 'QUEUE_SLUG_TAKEN');
      const sales = ((await admin.get('/queues')).body.items as Queue[]).find((q) => q.slug === 'sales')!;
      expectError(await admin.patch(`/queues/${sales.id}`, { name: 'księgowość' }), 409, 'QUEUE_NAME_TAKEN');
      expectError(await admin.patch(`/queues/${sales.id}`, { slug: 'accounting' }), 409, 'QUEUE_SLUG_TAKEN');
      expect((await admin.get(`/queues/${sales.id}`)).body).toMatchObject({ name: 'Sprzedaż', slug: 'sales' });
    });

    it('refuses invalid input with 400 naming each field', async () => {
      expectFieldErrors(
        await admin.post('/queues', { name: ' ', slug: 'Zła Nazwa', assignmentStrategy: 'random', leadId: 'anna', maxOpenPerAgent: 0, color: 'red' }),
        ['name', 'slug', 'assignmentStrategy', 'leadId', 'maxOpenPerAgent', 'color'],
      );
      expectFieldErrors(await admin.post('/queues', {}), ['name']);
      expectFieldErrors(await admin.post('/queues', { name: 'Ułamek', maxOpenPerAgent: 1.5 }), ['maxOpenPerAgent']);
      expectFieldErrors(await admin.post('/queues', { name: 'Kolejka', slug: 'a--b' }), ['slug']);
      expectFieldErrors(await admin.post('/queues', { name: 'Nikt', leadId: randomUUID() }), ['leadId'], 'QUEUE_USER_NOT_FOUND');
      expectFieldErrors(await admin.post('/queues', { name: '!!!' }), ['slug'], 'SLUG_REQUIRED');
      expectFieldErrors(await admin.patch(`/queues/${defaultQueueId}`, { isDefault: 'yes', name: 5 }), ['isDefault', 'name']);
      expect(((await admin.get('/queues')).body.items as Queue[]).map((q) => q.name)).not.toContain('Nikt');
    });

    it('answers 404 QUEUE_NOT_FOUND for an unknown queue and 400 for a malformed id', async () => {
      const id = randomUUID();
      expectError(await admin.get(`/queues/${id}`), 404, 'QUEUE_NOT_FOUND');
      expectError(await admin.patch(`/queues/${id}`, { name: 'X' }), 404, 'QUEUE_NOT_FOUND');
      expectError(await putMembers(adminJwt, id, { userIds: [] }), 404, 'QUEUE_NOT_FOUND');
      expectError(await admin.delete(`/queues/${id}`), 404, 'QUEUE_NOT_FOUND');
      expectFieldErrors(await admin.get('/queues/sales'), ['id']);
    });

    it('makes another queue the default, where tickets without a queue then land; the default cannot be unset or deleted (409)', async () => {
      const queue = await createQueue({ name: 'Nowa domyślna' });
      const res = await admin.patch(`/queues/${queue.id}`, { isDefault: true });
      expect(res.body.isDefault).toBe(true);
      const defaults = ((await admin.get('/queues')).body.items as Queue[]).filter((q) => q.isDefault).map((q) => q.id);
      expect(defaults).toEqual([queue.id]);
      expect((await openTicket({})).queueId).toBe(queue.id);

      expectError(await admin.patch(`/queues/${queue.id}`, { isDefault: false }), 409, 'QUEUE_IS_DEFAULT');
      expectError(await admin.delete(`/queues/${queue.id}`), 409, 'QUEUE_IS_DEFAULT');

      expect((await admin.patch(`/queues/${defaultQueueId}`, { isDefault: true })).body.isDefault).toBe(true);
      expect((await admin.get(`/queues/${queue.id}`)).body.isDefault).toBe(false);
      expect((await openTicket({})).queueId).toBe(defaultQueueId);
      expectError(await admin.delete(`/queues/${defaultQueueId}`), 409, 'QUEUE_IS_DEFAULT');
      expect((await admin.get(`/queues/${defaultQueueId}`)).status).toBe(200);
    });

    it('deletes a queue; its tickets move to the default queue, each recording the move by the admin', async () => {
      const queue = await createQueue({ name: 'Do usunięcia' });
      const ticket = await openTicket({ queueId: queue.id });
      const res = await admin.delete(`/queues/${queue.id}`);
      expect(res.status).toBe(204);
      expectError(await admin.get(`/queues/${queue.id}`), 404, 'QUEUE_NOT_FOUND');

      const after = (await admin.get(`/tickets/${ticket.id}`)).body as { queueId: string; events: TicketEvent[] };
      expect(after.queueId).toBe(defaultQueueId);
      expect(after.events.at(-1)).toMatchObject({
        type: 'field_changed', field: 'queueId', oldValue: queue.id, newValue: defaultQueueId, actorType: 'user', actorName: 'Administrator',
      });
    });
  });

  describe('members', () => {
    it('are set with PUT as the whole list: deduplicated, listed by name, [] for none', async () => {
      const queue = await createQueue({ name: 'Zespół A' });
      const res = await putMembers(adminJwt, queue.id, { userIds: [bartek.id, anna.id, bartek.id.toUpperCase()] });
      expect(res.status).toBe(200);
      expect(res.body.members).toEqual([
        { id: anna.id, name: 'Anna Nowak', active: true, absent: false },
        { id: bartek.id, name: 'Bartek Wiśniewski', active: true, absent: false },
      ]);
      expect((await admin.get(`/queues/${queue.id}`)).body.members).toEqual(res.body.members);

      expect((await putMembers(adminJwt, queue.id, { userIds: [bartek.id] })).body.members.map((m: { id: string }) => m.id)).toEqual([bartek.id]);
      expect((await putMembers(adminJwt, queue.id, { userIds: [] })).body.members).toEqual([]);
    });

    it('show when a member is absent', async () => {
      const away = await createUser(product, admin, { email: 'urlop@okienko.test', name: 'Celina Urlopowa' });
      const queue = await createQueue({ name: 'Zespół urlopowy' });
      await putMembers(adminJwt, queue.id, { userIds: [away.id] });
      await admin.patch(`/users/${away.id}`, { absent: true });
      expect((await admin.get(`/queues/${queue.id}`)).body.members).toEqual([{ id: away.id, name: 'Celina Urlopowa', active: true, absent: true }]);
    });

    it('must be users: unknown and malformed ids are refused naming userIds, and nothing changes', async () => {
      const queue = await createQueue({ name: 'Zespół B' });
      await putMembers(adminJwt, queue.id, { userIds: [anna.id] });
      const unknown = randomUUID();
      const res = await putMembers(adminJwt, queue.id, { userIds: [bartek.id, unknown] });
      expectFieldErrors(res, ['userIds'], 'QUEUE_USER_NOT_FOUND');
      expect(res.body.message).toContain(unknown);
      expectFieldErrors(await putMembers(adminJwt, queue.id, { userIds: ['anna'] }), ['userIds']);
      expectFieldErrors(await putMembers(adminJwt, queue.id, { userIds: anna.id }), ['userIds']);
      expectFieldErrors(await putMembers(adminJwt, queue.id, {}), ['userIds']);
      expect((await admin.get(`/queues/${queue.id}`)).body.members.map((m: { id: string }) => m.id)).toEqual([anna.id]);
    });
  });

  describe('what an agent sees', () => {
    let celina: CreatedUser;
    let memberQueue: Queue;
    let ledQueue: Queue;
    let otherQueue: Queue;

    beforeAll(async () => {
      celina = await createUser(product, admin, { email: 'celina@okienko.test', name: 'Celina Kowalczyk' });
      memberQueue = await createQueue({ name: 'Celina: członkini' });
      await putMembers(adminJwt, memberQueue.id, { userIds: [celina.id, anna.id] });
      ledQueue = await createQueue({ name: 'Celina: liderka', leadId: celina.id });
      otherQueue = await createQueue({ name: 'Nie Celiny' });
      await putMembers(adminJwt, otherQueue.id, { userIds: [anna.id] });
    });

    it('lists only the queues she is a member or the lead of, with their counts', async () => {
      const res = await celina.api.get('/queues');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect((res.body.items as Queue[]).map((q) => q.id).sort()).toEqual([memberQueue.id, ledQueue.id].sort());
      expect((res.body.items as Queue[])[0]).toHaveProperty('counts');
    });

    it('gets a queue she works in, and 404 for one she does not', async () => {
      expect((await celina.api.get(`/queues/${memberQueue.id}`)).status).toBe(200);
      expect((await celina.api.get(`/queues/${ledQueue.id}`)).status).toBe(200);
      expectError(await celina.api.get(`/queues/${otherQueue.id}`), 404, 'QUEUE_NOT_FOUND');
    });

    it('with no queue sees none, while admins and API tokens see every queue', async () => {
      const loner = await createUser(product, admin, { email: 'samotny@okienko.test', name: 'Samotny Agent' });
      expect((await loner.api.get('/queues')).body).toEqual({ items: [], total: 0 });
      const all = (await admin.get('/queues')).body as { items: Queue[]; total: number };
      expect(all.items.map((q) => q.id)).toEqual(expect.arrayContaining([memberQueue.id, ledQueue.id, otherQueue.id, defaultQueueId]));
      const viaToken = (await client(product.baseUrl, adminToken).get('/queues')).body as { items: Queue[] };
      expect(viaToken.items.map((q) => q.id).sort()).toEqual(all.items.map((q) => q.id).sort());
      const agentToken = (await admin.post('/api-tokens', { name: 'Formularz (agent)' })).body.token as string;
      expect((await client(product.baseUrl, agentToken).get('/queues')).body.total).toBe(all.total);
    });

    it('cannot create, change, staff or delete queues and categories (403)', async () => {
      const category = ((await admin.get('/categories')).body.items as Category[])[0];
      expectError(await celina.api.post('/queues', { name: 'Moja' }), 403, 'AUTH_FORBIDDEN');
      expectError(await celina.api.patch(`/queues/${memberQueue.id}`, { assignmentStrategy: 'round_robin' }), 403, 'AUTH_FORBIDDEN');
      expectError(await putMembers(await login(product.baseUrl, celina.email, celina.password), memberQueue.id, { userIds: [celina.id] }), 403, 'AUTH_FORBIDDEN');
      expectError(await celina.api.delete(`/queues/${memberQueue.id}`), 403, 'AUTH_FORBIDDEN');
      expectError(await celina.api.post('/categories', { name: 'Moja' }), 403, 'AUTH_FORBIDDEN');
      expectError(await celina.api.patch(`/categories/${category.id}`, { name: 'Moja' }), 403, 'AUTH_FORBIDDEN');
      expectError(await celina.api.delete(`/categories/${category.id}`), 403, 'AUTH_FORBIDDEN');
      expect((await celina.api.get('/categories')).status).toBe(200);
      expect((await celina.api.get(`/categories/${category.id}`)).body).toEqual(category);
      expect((await admin.get(`/queues/${memberQueue.id}`)).body.assignmentStrategy).toBe('manual');
    });
  });

  describe('ticket counts', () => {
    it('count the queue’s tickets in each status, as the ticket list filtered by queue and status finds them', async () => {
      const queue = await createQueue({ name: 'Liczniki' });
      const moves: string[][] = [[], [], ['open'], ['open'], ['waiting_customer'], ['waiting_third_party'], ['resolved'], ['open', 'closed']];
      for (const path of moves) {
        const ticket = await openTicket({ queueId: queue.id });
        for (const status of path) expect((await admin.patch(`/tickets/${ticket.id}`, { status })).status).toBe(200);
      }
      await openTicket({}); // elsewhere: not counted

      const got = (await admin.get(`/queues/${queue.id}`)).body as Queue;
      expect(got.counts).toEqual({ new: 2, open: 2, waiting_customer: 1, waiting_third_party: 1, resolved: 1, closed: 1 });
      expect(got.openCount).toBe(6);
      for (const [status, count] of Object.entries(got.counts)) {
        expect({ status, total: (await admin.get(`/tickets?queueId=${queue.id}&status=${status}`)).body.total }).toEqual({ status, total: count });
      }
      expect((await admin.get(`/tickets?queueId=${queue.id}&status=new,open,waiting_customer,waiting_third_party`)).body.total).toBe(got.openCount);
      expect(((await admin.get('/queues')).body.items as Queue[]).find((q) => q.id === queue.id)).toEqual(got);

      // A ticket moved to another queue counts there from then on.
      const moved = await openTicket({ queueId: queue.id });
      await admin.patch(`/tickets/${moved.id}`, { queueId: defaultQueueId });
      expect((await admin.get(`/queues/${queue.id}`)).body.counts.new).toBe(2);
    });

    it('the ticket list takes queueId=none for tickets in no queue', async () => {
      const ticket = await openTicket({});
      await admin.patch(`/tickets/${ticket.id}`, { queueId: null });
      const res = await admin.get('/tickets?queueId=none&limit=200');
      expect(res.status).toBe(200);
      expect((res.body.items as { id: string; queueId: string | null }[]).every((t) => t.queueId === null)).toBe(true);
      expect((res.body.items as { id: string }[]).map((t) => t.id)).toContain(ticket.id);
      expectFieldErrors(await admin.get('/tickets?queueId=nothing'), ['queueId']);
    });
  });

  describe('an admin managing categories', () => {
    it('creates, reads and changes a category; the slug is made from the name unless given', async () => {
      const res = await admin.post('/categories', { name: 'Współpraca B2B', description: ' Hurt ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'Współpraca B2B', slug: 'wspolpraca-b2b', description: 'Hurt' });
      expect((await admin.get(`/categories/${res.body.id}`)).body).toEqual(res.body);
      const changed = await admin.patch(`/categories/${res.body.id}`, { name: 'Hurt B2B', slug: 'b2b', description: null });
      expect(changed.body).toEqual({ id: res.body.id, name: 'Hurt B2B', slug: 'b2b', description: null });
      expect(((await admin.get('/categories')).body.items as Category[]).map((c) => c.slug)).toContain('b2b');
    });

    it('refuses a taken name (any letter case) or slug with 409, invalid input with 400 naming fields, unknown ids with 404', async () => {
      expectError(await admin.post('/categories', { name: 'zmiana danych' }), 409, 'CATEGORY_NAME_TAKEN');
      expectError(await admin.post('/categories', { name: 'Dane', slug: 'data-change' }), 409, 'CATEGORY_SLUG_TAKEN');
      const category = (await admin.post('/categories', { name: 'Gwarancja' })).body as Category;
      expectError(await admin.patch(`/categories/${category.id}`, { slug: 'pre-sale' }), 409, 'CATEGORY_SLUG_TAKEN');
      expectFieldErrors(await admin.post('/categories', { name: '', slug: 'X Y', queueId: defaultQueueId }), ['name', 'slug', 'queueId']);
      expectFieldErrors(await admin.patch(`/categories/${category.id}`, { description: 7 }), ['description']);
      const id = randomUUID();
      expectError(await admin.get(`/categories/${id}`), 404, 'CATEGORY_NOT_FOUND');
      expectError(await admin.patch(`/categories/${id}`, { name: 'X' }), 404, 'CATEGORY_NOT_FOUND');
      expectError(await admin.delete(`/categories/${id}`), 404, 'CATEGORY_NOT_FOUND');
    });

    it('deletes a category; its tickets are left without one, each recording it', async () => {
      const category = (await admin.post('/categories', { name: 'Tymczasowa' })).body as Category;
      const ticket = await openTicket({ categoryId: category.id });
      expect((await admin.delete(`/categories/${category.id}`)).status).toBe(204);
      expectError(await admin.get(`/categories/${category.id}`), 404, 'CATEGORY_NOT_FOUND');
      const after = (await admin.get(`/tickets/${ticket.id}`)).body as { categoryId: string | null; events: TicketEvent[] };
      expect(after.categoryId).toBeNull();
      expect(after.events.at(-1)).toMatchObject({ type: 'field_changed', field: 'categoryId', oldValue: category.id, newValue: null, actorName: 'Administrator' });
    });
  });
});
