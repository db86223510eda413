import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, client, createUser, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Who may do what: admins manage users and API tokens; agents (and agent-role
// API tokens) work tickets and customers only — the tickets of their queues
// (see ticket-access.e2e-spec.ts). The last admin cannot be lost.

const newTicket = (email: string) => ({
  subject: 'Paczka nie dotarła',
  customer: { email, name: 'Jan Kowalski' },
  message: { body: 'Dzień dobry, paczka nie dotarła.' },
});

describe('authorisation', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminId: string;
  let agent: CreatedUser;
  let agentToken: ApiClient;
  let agentTokenName: string;

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    adminId = (await admin.get('/auth/me')).body.id;
    agent = await createUser(product, admin, { email: 'agent@okienko.test', name: 'Anna Agentka' });
    // Both work in the default queue, where new tickets without a queue land.
    const defaultQueueId = ((await admin.get('/queues')).body.items as { id: string; isDefault: boolean }[]).find((q) => q.isDefault)!.id;
    expect((await admin.put(`/queues/${defaultQueueId}/members`, { userIds: [agent.id] })).status).toBe(200);
    agentTokenName = 'Sklep (agent)';
    const token = await admin.post('/api-tokens', { name: agentTokenName, queueIds: [defaultQueueId] });
    expect(token.status).toBe(201);
    agentToken = client(product.baseUrl, token.body.token);
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const adminOnly = (subject: () => ApiClient) => {
    it('cannot list, read, create, change or delete users (403 AUTH_FORBIDDEN), and nothing changes', async () => {
      const api = subject();
      const before = (await admin.get('/users')).body;

      expectError(await api.get('/users'), 403, 'AUTH_FORBIDDEN');
      expectError(await api.get(`/users/${adminId}`), 403, 'AUTH_FORBIDDEN');
      expectError(await api.post('/users', { email: 'intruder@okienko.test', name: 'Intruder', password: 'Intruder-1', role: 'admin' }), 403, 'AUTH_FORBIDDEN');
      expectError(await api.patch(`/users/${agent.id}`, { role: 'admin' }), 403, 'AUTH_FORBIDDEN');
      expectError(await api.patch(`/users/${adminId}`, { password: 'Hijacked-password-1' }), 403, 'AUTH_FORBIDDEN');
      expectError(await api.delete(`/users/${adminId}`), 403, 'AUTH_FORBIDDEN');

      const after = (await admin.get('/users')).body;
      expect(after).toEqual(before);
      expect((await admin.get(`/users/${agent.id}`)).body.role).toBe('agent');
      // The admin's password was not changed.
      expect((await client(product.baseUrl, null).post('/auth/login', product.admin)).status).toBe(200);
    });

    it('cannot list, create or revoke API tokens (403 AUTH_FORBIDDEN), and nothing changes', async () => {
      const api = subject();
      const existing = await admin.post('/api-tokens', { name: 'Keep me' });
      const before = (await admin.get('/api-tokens')).body;

      expectError(await api.get('/api-tokens'), 403, 'AUTH_FORBIDDEN');
      expectError(await api.post('/api-tokens', { name: 'Backdoor', role: 'admin' }), 403, 'AUTH_FORBIDDEN');
      expectError(await api.delete(`/api-tokens/${existing.body.id}`), 403, 'AUTH_FORBIDDEN');

      expect((await admin.get('/api-tokens')).body).toEqual(before);
      expect((await client(product.baseUrl, existing.body.token).get('/auth/me')).status).toBe(200);
    });

    it('checks the role before validating the input (no 400 that would reveal the admin API)', async () => {
      expectError(await subject().post('/users', { foo: 1 }), 403, 'AUTH_FORBIDDEN');
      expectError(await subject().delete('/users/not-a-uuid'), 403, 'AUTH_FORBIDDEN');
    });
  };

  describe('an agent', () => {
    adminOnly(() => agent.api);

    it('can work tickets: create, list, read, change, reply and note', async () => {
      const created = await agent.api.post('/tickets', newTicket('agent.customer@example.pl'));
      expect(created.status).toBe(201);
      expect(created.body.channel).toBe('phone');
      const id = created.body.id as string;

      const list = await agent.api.get('/tickets');
      expect(list.status).toBe(200);
      expect(list.body.items.map((t: { id: string }) => t.id)).toContain(id);
      expect((await agent.api.get(`/tickets/${created.body.number}`)).body.id).toBe(id);

      const patched = await agent.api.patch(`/tickets/${id}`, { priority: 'high', assigneeId: agent.id });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ priority: 'high', assigneeId: agent.id });
      expect(patched.body.events.filter((e: { type: string }) => e.type === 'field_changed')).toEqual([
        expect.objectContaining({ field: 'priority', actorType: 'user', actorId: agent.id, actorName: 'Anna Agentka' }),
        expect.objectContaining({ field: 'assigneeId', actorType: 'user', actorId: agent.id, actorName: 'Anna Agentka' }),
      ]);

      const reply = await agent.api.post(`/tickets/${id}/messages`, { type: 'reply', body: 'Sprawdzamy.' });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ direction: 'outbound', authorUserId: agent.id, authorApiTokenId: null });
      const note = await agent.api.post(`/tickets/${id}/messages`, { type: 'note', body: 'Kurier DPD.' });
      expect(note.status).toBe(201);

      const mine = await agent.api.get('/tickets?assigneeId=me');
      expect(mine.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id })] });
    });

    it('can read and change customers, queues and categories', async () => {
      expect((await agent.api.get('/queues')).status).toBe(200);
      expect((await agent.api.get('/categories')).status).toBe(200);
      const customer = await agent.api.post('/customers', { email: 'by.agent@example.pl', name: 'Ewa' });
      expect(customer.status).toBe(201);
      expect((await agent.api.patch(`/customers/${customer.body.id}`, { notes: 'Stała klientka' })).body.notes).toBe('Stała klientka');
      expect((await agent.api.get(`/customers/${customer.body.id}`)).status).toBe(200);
    });

    it('can see who they are', async () => {
      const res = await agent.api.get('/auth/me');
      expect(res.body).toMatchObject({ type: 'user', id: agent.id, role: 'agent', email: 'agent@okienko.test' });
    });
  });

  describe('an agent-role API token', () => {
    adminOnly(() => agentToken);

    it('can work tickets; its changes are recorded as the token, and its tickets come from the api channel', async () => {
      const created = await agentToken.post('/tickets', newTicket('token.customer@example.pl'));
      expect(created.status).toBe(201);
      expect(created.body.channel).toBe('api');
      expect(created.body.events[0]).toMatchObject({ type: 'created', actorType: 'api_token', actorName: agentTokenName });

      const patched = await agentToken.patch(`/tickets/${created.body.id}`, { tags: ['allegro'] });
      expect(patched.status).toBe(200);
      expect(patched.body.events.at(-1)).toMatchObject({
        type: 'field_changed', field: 'tags', oldValue: [], newValue: ['allegro'], actorType: 'api_token', actorName: agentTokenName,
      });

      const reply = await agentToken.post(`/tickets/${created.body.id}/messages`, { type: 'reply', body: 'Przyjęliśmy zgłoszenie.' });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ direction: 'outbound', authorUserId: null, authorApiTokenId: expect.any(String) });
      expect((await agentToken.get('/tickets')).status).toBe(200);
      expect((await agentToken.get('/customers')).status).toBe(200);
    });

    it('cannot ask for "my" tickets: assigneeId=me is a 400 naming assigneeId', async () => {
      expectFieldErrors(await agentToken.get('/tickets?assigneeId=me'), ['assigneeId'], 'TICKET_ASSIGNEE_ME_WITHOUT_USER');
    });
  });

  describe('the last admin', () => {
    it('cannot demote or deactivate themselves (409 USER_LAST_ADMIN) nor delete themselves (409 USER_SELF_DELETE)', async () => {
      expectError(await admin.patch(`/users/${adminId}`, { role: 'agent' }), 409, 'USER_LAST_ADMIN');
      expectError(await admin.patch(`/users/${adminId}`, { active: false }), 409, 'USER_LAST_ADMIN');
      expectError(await admin.delete(`/users/${adminId}`), 409, 'USER_SELF_DELETE');
      const still = await admin.get(`/users/${adminId}`);
      expect(still.body).toMatchObject({ role: 'admin', active: true });
    });

    it('cannot be deleted or demoted by an admin API token either (409 USER_LAST_ADMIN)', async () => {
      const token = client(product.baseUrl, (await admin.post('/api-tokens', { name: 'Admin token', role: 'admin' })).body.token);
      expectError(await token.delete(`/users/${adminId}`), 409, 'USER_LAST_ADMIN');
      expectError(await token.patch(`/users/${adminId}`, { role: 'agent' }), 409, 'USER_LAST_ADMIN');
      expect((await admin.get(`/users/${adminId}`)).body.role).toBe('admin');
    });

    it('is still the last one when the other admin is inactive', async () => {
      const dormant = await admin.post('/users', {
        email: 'dormant.admin@okienko.test', name: 'Dormant', password: 'Dormant-password-1', role: 'admin', active: false,
      });
      expect(dormant.status).toBe(201);
      expectError(await admin.patch(`/users/${adminId}`, { role: 'agent' }), 409, 'USER_LAST_ADMIN');
      expect((await admin.delete(`/users/${dormant.body.id}`)).status).toBe(204);
    });

    it('can step down once there is another active admin, who then becomes the last one', async () => {
      const second = await createUser(product, admin, { email: 'second.admin@okienko.test', name: 'Second Admin', role: 'admin' });
      const demoted = await admin.patch(`/users/${adminId}`, { role: 'agent' });
      expect(demoted.status).toBe(200);
      expect(demoted.body.role).toBe('agent');
      expectError(await admin.get('/users'), 403, 'AUTH_FORBIDDEN');

      expectError(await second.api.patch(`/users/${second.id}`, { role: 'agent' }), 409, 'USER_LAST_ADMIN');
      expectError(await second.api.delete(`/users/${second.id}`), 409, 'USER_SELF_DELETE');

      // Put things back for the other tests.
      expect((await second.api.patch(`/users/${adminId}`, { role: 'admin' })).status).toBe(200);
      expect((await admin.get('/users')).status).toBe(200);
      expect((await admin.delete(`/users/${second.id}`)).status).toBe(204);
    });
  });

  describe('the last admin, under concurrency', () => {
    it('two admins demoting each other at the same moment leave exactly one admin (never none)', async () => {
      for (let round = 0; round < 5; round++) {
        const other = await createUser(product, admin, { email: `race${round}@okienko.test`, name: `Race ${round}`, role: 'admin' });
        const answers = await Promise.all([
          admin.patch(`/users/${other.id}`, { role: 'agent' }),
          other.api.patch(`/users/${adminId}`, { role: 'agent' }),
        ]);
        const statuses = answers.map((a) => a.status);
        expect(statuses.filter((s) => s === 200)).toHaveLength(1);
        for (const refused of answers.filter((a) => a.status !== 200)) {
          expect([['USER_LAST_ADMIN', 409], ['AUTH_FORBIDDEN', 403]]).toContainEqual([refused.body.details.code, refused.status]);
        }
        // Whoever is still admin restores the starting point.
        const survivor = answers[0].status === 200 ? admin : other.api;
        const users = (await survivor.get('/users?limit=200')).body.items as { id: string; role: string; active: boolean }[];
        expect(users.filter((u) => u.role === 'admin' && u.active).map((u) => u.id)).toEqual([answers[0].status === 200 ? adminId : other.id]);
        if (survivor !== admin) expect((await survivor.patch(`/users/${adminId}`, { role: 'admin' })).status).toBe(200);
        expect((await admin.delete(`/users/${other.id}`)).status).toBe(204);
      }
    });

    it('two admin API tokens deleting the only two admins at once leave one of them', async () => {
      const other = await createUser(product, admin, { email: 'race.delete@okienko.test', name: 'Race Delete', role: 'admin' });
      const tokens = await Promise.all([admin.post('/api-tokens', { name: 'T1', role: 'admin' }), admin.post('/api-tokens', { name: 'T2', role: 'admin' })]);
      const [t1, t2] = tokens.map((t) => client(product.baseUrl, t.body.token));
      const answers = await Promise.all([t1.delete(`/users/${other.id}`), t2.delete(`/users/${adminId}`)]);
      expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
      expect(answers.find((a) => a.status === 409)!.body.details.code).toBe('USER_LAST_ADMIN');
      const admins = ((await t1.get('/users?limit=200')).body.items as { id: string; role: string }[]).filter((u) => u.role === 'admin');
      expect(admins).toHaveLength(1);
      // Which deletion wins is up to the race; the survivor is the admin the remaining tests use.
      const survivorId = answers[0].status === 204 ? adminId : other.id;
      expect(admins[0].id).toBe(survivorId);
      if (survivorId === other.id) {
        admin = other.api;
        adminId = other.id;
      }
    });
  });

  describe('users', () => {
    it('of the same e-mail created at the same moment: one is created, the others get 409 USER_EMAIL_TAKEN (not 500)', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => admin.post('/users', { email: i % 2 ? 'Twin@okienko.test' : 'twin@okienko.test', name: `Twin ${i}`, password: 'Twin-password-1' })),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      for (const refused of answers.filter((a) => a.status !== 201)) expectError(refused, 409, 'USER_EMAIL_TAKEN');
    });

    it('refuses a second user with the same e-mail in any letter case (409 USER_EMAIL_TAKEN)', async () => {
      const res = await admin.post('/users', { email: 'AGENT@okienko.TEST', name: 'Clone', password: 'Clone-password-1' });
      expectError(res, 409, 'USER_EMAIL_TAKEN');
      const all = (await admin.get('/users?limit=200')).body.items as { email: string }[];
      expect(all.filter((u) => u.email.toLowerCase() === 'agent@okienko.test')).toHaveLength(1);
    });

    it("refuses to change a user's e-mail to another user's (409), but lets them change its letter case", async () => {
      const other = await createUser(product, admin, { email: 'other@okienko.test', name: 'Other' });
      expectError(await admin.patch(`/users/${other.id}`, { email: 'Agent@Okienko.test' }), 409, 'USER_EMAIL_TAKEN');
      const recased = await admin.patch(`/users/${other.id}`, { email: 'Other@okienko.test' });
      expect(recased.status).toBe(200);
      expect(recased.body.email).toBe('Other@okienko.test');
    });

    it('creates, reads, changes and deletes a user', async () => {
      const created = await admin.post('/users', { email: 'crud@okienko.test', name: 'Crud', password: 'Crud-password-1', locale: 'en' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String), email: 'crud@okienko.test', name: 'Crud', role: 'agent', active: true, absent: false, locale: 'en',
        lastLoginAt: null, signature: null, createdAt: expect.any(String),
      });
      const id = created.body.id as string;
      expect((await admin.get(`/users/${id}`)).body).toEqual(created.body);

      const changed = await admin.patch(`/users/${id}`, { name: 'Crud Renamed', absent: true, password: 'New-password-123' });
      expect(changed.body).toMatchObject({ name: 'Crud Renamed', absent: true });
      expect((await client(product.baseUrl, null).post('/auth/login', { email: 'crud@okienko.test', password: 'New-password-123' })).status).toBe(200);
      expect((await client(product.baseUrl, null).post('/auth/login', { email: 'crud@okienko.test', password: 'Crud-password-1' })).status).toBe(401);

      expect((await admin.delete(`/users/${id}`)).status).toBe(204);
      expectError(await admin.get(`/users/${id}`), 404, 'USER_NOT_FOUND');
      expectError(await admin.delete(`/users/${id}`), 404, 'USER_NOT_FOUND');
      expectError(await admin.patch(`/users/${randomUUID()}`, { name: 'Ghost' }), 404, 'USER_NOT_FOUND');
    });
  });
});
