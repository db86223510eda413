import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { API, asAdmin, errorFields, expectError, expectFieldErrors, login, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Bad input of every kind: a 4xx with the one error shape
// `{ statusCode, error, message, details: { code, fields? } }` naming the field.

const valid = () => ({
  subject: 'Zwrot towaru',
  customer: { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' },
  message: { body: 'Chcę zwrócić towar.' },
});

describe('validation', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let token: string;
  let ticket: { id: string; number: string };

  beforeAll(async () => {
    product = await startProduct();
    token = await login(product.baseUrl, product.admin.email, product.admin.password);
    admin = await asAdmin(product);
    const created = await admin.post('/tickets', valid());
    expect(created.status).toBe(201);
    ticket = created.body;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const raw = (method: 'post' | 'patch', path: string) =>
    request(product.baseUrl)[method](`${API}${path}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json');

  describe('creating a ticket', () => {
    it('accepts the valid body used below (so each refusal is about its one change)', async () => {
      expect((await admin.post('/tickets', valid())).status).toBe(201);
    });

    it('refuses a missing subject, naming `subject`', async () => {
      const { subject: _subject, ...body } = valid();
      expectFieldErrors(await admin.post('/tickets', body), ['subject']);
    });

    it('refuses an empty, blank or non-string subject, naming `subject`', async () => {
      expectFieldErrors(await admin.post('/tickets', { ...valid(), subject: '' }), ['subject']);
      expectFieldErrors(await admin.post('/tickets', { ...valid(), subject: '   ' }), ['subject']);
      expectFieldErrors(await admin.post('/tickets', { ...valid(), subject: 42 }), ['subject']);
      expectFieldErrors(await admin.patch(`/tickets/${ticket.id}`, { subject: ' \t ' }), ['subject']);
      expect((await admin.get(`/tickets/${ticket.id}`)).body.subject).toBe('Zwrot towaru');
    });

    it('refuses a customer e-mail that is not an e-mail, naming `customer.email`', async () => {
      const res = await admin.post('/tickets', { ...valid(), customer: { email: 'not-an-email' } });
      expectFieldErrors(res, ['customer.email']);
      expect(res.body.message).toContain('customer.email');
    });

    it('refuses a missing customer and a missing message, naming both', async () => {
      expectFieldErrors(await admin.post('/tickets', { subject: 'x' }), ['customer', 'message']);
    });

    it('refuses an empty message body, naming `message.body`', async () => {
      expectFieldErrors(await admin.post('/tickets', { ...valid(), message: { body: '' } }), ['message.body']);
    });

    it('refuses an unknown top-level field, naming it', async () => {
      const res = await admin.post('/tickets', { ...valid(), foo: 'bar' });
      expectFieldErrors(res, ['foo']);
    });

    it('refuses an unknown nested field, naming it with its path', async () => {
      expectFieldErrors(await admin.post('/tickets', { ...valid(), customer: { ...valid().customer, vip: true } }), ['customer.vip']);
      expectFieldErrors(await admin.post('/tickets', { ...valid(), message: { body: 'x', attachments: [] } }), ['message.attachments']);
    });

    it('refuses a priority, channel or status outside their enums, naming each', async () => {
      const res = await admin.post('/tickets', { ...valid(), priority: 'critical', channel: 'fax' });
      expectFieldErrors(res, ['priority', 'channel']);
      // status is not something one sets on creation.
      expectFieldErrors(await admin.post('/tickets', { ...valid(), status: 'open' }), ['status']);
    });

    it('refuses malformed ids and tags, naming each', async () => {
      const res = await admin.post('/tickets', { ...valid(), queueId: 'q1', categoryId: 5, assigneeId: 'me', tags: 'vip' });
      expectFieldErrors(res, ['queueId', 'categoryId', 'assigneeId', 'tags']);
      expectFieldErrors(await admin.post('/tickets', { ...valid(), tags: ['ok', ''] }), ['tags']);
    });

    it('refuses a queueId that is not an existing queue with 400 naming `queueId`', async () => {
      expectFieldErrors(await admin.post('/tickets', { ...valid(), queueId: randomUUID() }), ['queueId'], 'QUEUE_NOT_FOUND');
    });

    it('refuses a categoryId that is not an existing category with 400 naming `categoryId`', async () => {
      expectFieldErrors(await admin.post('/tickets', { ...valid(), categoryId: randomUUID() }), ['categoryId'], 'CATEGORY_NOT_FOUND');
    });

    it('refuses an assigneeId that is not a user with 400 naming `assigneeId`', async () => {
      expectFieldErrors(await admin.post('/tickets', { ...valid(), assigneeId: randomUUID() }), ['assigneeId'], 'TICKET_ASSIGNEE_NOT_FOUND');
    });

    it('refuses an inactive user as assignee with 400 naming `assigneeId`', async () => {
      const user = await admin.post('/users', { email: 'inactive@okienko.test', name: 'Away', password: 'Inactive-password-1', active: false });
      expect(user.status).toBe(201);
      expectFieldErrors(await admin.post('/tickets', { ...valid(), assigneeId: user.body.id }), ['assigneeId'], 'TICKET_ASSIGNEE_NOT_FOUND');
      expectFieldErrors(await admin.patch(`/tickets/${ticket.id}`, { assigneeId: user.body.id }), ['assigneeId'], 'TICKET_ASSIGNEE_NOT_FOUND');
    });

    it('creates nothing when it refuses', async () => {
      const before = (await admin.get('/tickets')).body.total;
      await admin.post('/tickets', { ...valid(), queueId: randomUUID() });
      await admin.post('/tickets', { ...valid(), customer: { email: 'nope' } });
      expect((await admin.get('/tickets')).body.total).toBe(before);
    });
  });

  describe('request bodies', () => {
    it('answers malformed JSON with 400 in the error shape', async () => {
      const res = await raw('post', '/tickets').send('{"subject": "Zwrot", ');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, error: 'Bad Request', message: expect.any(String) }));
    });

    it('answers malformed JSON with details.code MALFORMED_BODY', async () => {
      expectError(await raw('post', '/tickets').send('{"subject": "Zwrot", '), 400, 'MALFORMED_BODY');
    });

    // Same bug: the 413 loses its BODY_TOO_LARGE code.
    it('answers a body over 10 MB with 413 BODY_TOO_LARGE', async () => {
      const res = await raw('post', '/tickets').send(JSON.stringify({ ...valid(), message: { body: 'x'.repeat(11 * 1024 * 1024) } }));
      expectError(res, 413, 'BODY_TOO_LARGE');
    });

    it('answers a body over 10 MB with 413 in the error shape', async () => {
      const res = await raw('post', '/tickets').send(JSON.stringify({ ...valid(), message: { body: 'x'.repeat(11 * 1024 * 1024) } }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String) }));
    });

    it('answers an unknown route or method with a JSON 404 in the error shape', async () => {
      for (const res of [await admin.get('/nope'), await admin.delete('/tickets')]) {
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body).toEqual(expect.objectContaining({ statusCode: 404, error: 'Not Found', message: expect.any(String) }));
      }
    });

    it('answers a path with broken percent-encoding with a JSON 400, not a 500', async () => {
      const res = await request(product.baseUrl).get(`${API}/tickets/%FF`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, error: 'Bad Request' }));
    });

    it('refuses a JSON array or a string where an object is expected', async () => {
      const res = await raw('post', '/tickets').send('[1, 2]');
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
    });
  });

  describe('the ticket list query', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1000', 'limit'],
      ['limit=1.5', 'limit'],
      ['offset=-1', 'offset'],
      ['status=bogus', 'status'],
      ['status=open,bogus', 'status'],
      ['priority=critical', 'priority'],
      ['assigneeId=xyz', 'assigneeId'],
      ['queueId=general', 'queueId'],
      ['categoryId=1', 'categoryId'],
      ['customerId=jan', 'customerId'],
      ['channel=fax', 'channel'],
      ['createdFrom=yesterday', 'createdFrom'],
      ['createdTo=2026-13-45', 'createdTo'],
      ['sort=subject', 'sort'],
      ['foo=bar', 'foo'],
    ])('refuses %s with 400 naming `%s`', async (query, field) => {
      expectFieldErrors(await admin.get(`/tickets?${query}`), [field]);
    });

    it('names every bad parameter at once', async () => {
      const res = await admin.get('/tickets?limit=0&status=bogus&assigneeId=xyz');
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(errorFields(res).sort()).toEqual(['assigneeId', 'limit', 'status']);
    });

    it('accepts the edge values limit=1, limit=200, offset=0', async () => {
      expect((await admin.get('/tickets?limit=1&offset=0')).status).toBe(200);
      expect((await admin.get('/tickets?limit=200')).status).toBe(200);
    });
  });

  describe('path ids', () => {
    it.each(['/users/not-a-uuid', '/users/123'])('refuses GET %s with 400 naming `id`', async (path) => {
      expectFieldErrors(await admin.get(path), ['id']);
    });

    it('refuses a non-UUID id on PATCH and DELETE of users', async () => {
      expectFieldErrors(await admin.patch('/users/abc', { name: 'x' }), ['id']);
      expectFieldErrors(await admin.delete('/users/abc'), ['id']);
      expectFieldErrors(await admin.delete('/api-tokens/abc'), ['id']);
    });

    it('refuses a non-UUID id on customers', async () => {
      expectFieldErrors(await admin.get('/customers/kowalski'), ['id']);
      expectFieldErrors(await admin.patch('/customers/kowalski', { name: 'x' }), ['id']);
    });

    it('refuses a ticket reference that is neither a UUID nor a number, naming `id`', async () => {
      expectFieldErrors(await admin.get('/tickets/abc'), ['id']);
      expectFieldErrors(await admin.get('/tickets/26-1'), ['id']);
      expectFieldErrors(await admin.patch('/tickets/abc', { priority: 'high' }), ['id']);
      expectFieldErrors(await admin.post('/tickets/abc/messages', { type: 'note', body: 'x' }), ['id']);
    });

    it('answers 404 TICKET_NOT_FOUND for a ticket that does not exist, by id or number', async () => {
      expectError(await admin.get(`/tickets/${randomUUID()}`), 404, 'TICKET_NOT_FOUND');
      expectError(await admin.get('/tickets/1999-000001'), 404, 'TICKET_NOT_FOUND');
      expectError(await admin.patch(`/tickets/${randomUUID()}`, { priority: 'high' }), 404, 'TICKET_NOT_FOUND');
      expectError(await admin.post(`/tickets/${randomUUID()}/messages`, { type: 'note', body: 'x' }), 404, 'TICKET_NOT_FOUND');
    });

    it('answers 404 USER_NOT_FOUND and CUSTOMER_NOT_FOUND for unknown UUIDs', async () => {
      expectError(await admin.get(`/users/${randomUUID()}`), 404, 'USER_NOT_FOUND');
      expectError(await admin.get(`/customers/${randomUUID()}`), 404, 'CUSTOMER_NOT_FOUND');
      expectError(await admin.patch(`/customers/${randomUUID()}`, { name: 'x' }), 404, 'CUSTOMER_NOT_FOUND');
    });
  });

  describe('changing a ticket', () => {
    it('refuses a bad status, priority, queueId and unknown fields, naming each', async () => {
      const res = await admin.patch(`/tickets/${ticket.id}`, { status: 'done', priority: 'asap', queueId: 'x', customerId: randomUUID() });
      expectFieldErrors(res, ['status', 'priority', 'queueId', 'customerId']);
    });

    it('refuses a nonexistent queueId with 400 naming `queueId`, and changes nothing', async () => {
      expectFieldErrors(await admin.patch(`/tickets/${ticket.id}`, { queueId: randomUUID(), priority: 'urgent' }), ['queueId'], 'QUEUE_NOT_FOUND');
      expect((await admin.get(`/tickets/${ticket.id}`)).body.priority).toBe('normal');
    });

    it('refuses a status change the state machine does not allow with 409 TICKET_INVALID_TRANSITION and details.allowed', async () => {
      const created = (await admin.post('/tickets', valid())).body as { id: string };
      // Nothing ever goes back to `new`.
      const toNew = await admin.patch(`/tickets/${created.id}`, { status: 'open' }).then(() => admin.patch(`/tickets/${created.id}`, { status: 'new' }));
      expectError(toNew, 409, 'TICKET_INVALID_TRANSITION');
      expect(toNew.body.details).toEqual({
        code: 'TICKET_INVALID_TRANSITION', from: 'open', to: 'new', allowed: ['waiting_customer', 'waiting_third_party', 'resolved', 'closed'],
      });

      expect((await admin.patch(`/tickets/${created.id}`, { status: 'closed' })).status).toBe(200);
      const fromClosed = await admin.patch(`/tickets/${created.id}`, { status: 'waiting_customer', priority: 'urgent' });
      expectError(fromClosed, 409, 'TICKET_INVALID_TRANSITION');
      expect(fromClosed.body.details).toMatchObject({ from: 'closed', to: 'waiting_customer', allowed: ['open'] });
      expect(fromClosed.body.message).toContain('closed');

      // The refused change left the ticket as it was, including the other field of the request.
      const after = await admin.get(`/tickets/${created.id}`);
      expect(after.body).toMatchObject({ status: 'closed', priority: 'normal' });
    });

    it('refuses a reply whose status is not allowed with 409, and does not add the message', async () => {
      const created = (await admin.post('/tickets', valid())).body as { id: string };
      expect((await admin.patch(`/tickets/${created.id}`, { status: 'resolved' })).status).toBe(200);
      const res = await admin.post(`/tickets/${created.id}/messages`, { type: 'reply', body: 'Czekamy', status: 'waiting_customer' });
      expectError(res, 409, 'TICKET_INVALID_TRANSITION');
      expect(res.body.details.allowed).toEqual(['open', 'closed']);
      expect((await admin.get(`/tickets/${created.id}`)).body.messages).toHaveLength(1);
    });
  });

  describe('messages', () => {
    it('refuses an unknown type, an empty body and a bad status, naming each', async () => {
      const res = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'email', body: '', status: 'later' });
      expectFieldErrors(res, ['type', 'body', 'status']);
    });

    it('refuses an unknown field, naming it', async () => {
      expectFieldErrors(await admin.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'x', to: 'a@b.pl' }), ['to']);
    });
  });

  describe('explicit null', () => {
    it.each([
      ['/queues', { name: 'Nulle' }, 'name'],
      ['/categories', { name: 'Nulle' }, 'name'],
      ['/inbound-addresses', { address: 'nulle@okienko.test' }, 'address'],
      ['/customers', { email: 'nulle@example.pl' }, 'tags'],
      ['/users', { email: 'nulle@okienko.test', name: 'Nulle', password: 'Nulle-password-1' }, 'name'],
    ])('refuses null where %s does not take it, naming the field', async (collection, body, field) => {
      const created = await admin.post(collection, body);
      expect(created.status).toBe(201);
      const res = await admin.patch(`${collection}/${created.body.id}`, { [field]: null });
      expectFieldErrors(res, [field]);
      expect(res.body.message).toContain(`${field} must not be null`);
    });

    it("refuses null for a ticket's priority, tags and subject, naming each, and changes nothing", async () => {
      const res = await admin.patch(`/tickets/${ticket.id}`, { priority: null, tags: null, subject: null });
      expectFieldErrors(res, ['priority', 'tags', 'subject']);
      expect((await admin.get(`/tickets/${ticket.id}`)).body).toMatchObject({ subject: 'Zwrot towaru', priority: 'normal' });
    });

    it('refuses null inside a nested object, naming it with its path', async () => {
      expectFieldErrors(await admin.post('/tickets', { ...valid(), customer: { email: 'jan@example.pl', name: null } }), ['customer.name']);
    });

    it('still takes null where it means "none": assignee, queue and category of a ticket, the description of a queue', async () => {
      const queue = await admin.post('/queues', { name: 'Z opisem', description: 'Opis' });
      expect(queue.status).toBe(201);
      expect((await admin.patch(`/queues/${queue.body.id}`, { description: null })).body.description).toBeNull();
      const res = await admin.patch(`/tickets/${ticket.id}`, { assigneeId: null, queueId: null, categoryId: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ assigneeId: null, categoryId: null });
    });
  });

  describe('text that cannot be stored or checked', () => {
    it('refuses a NUL character in a body string, naming the field', async () => {
      const res = await admin.post('/tickets', { ...valid(), subject: 'Zwrot\u0000towaru' });
      expectFieldErrors(res, ['subject']);
      expect(res.body.message).toContain('subject must not contain NUL characters');
      expectFieldErrors(await admin.post('/tickets', { ...valid(), message: { body: 'a\u0000b' } }), ['message.body']);
      expectFieldErrors(await admin.patch(`/tickets/${ticket.id}`, { tags: ['ok', 'x\u0000'] }), ['tags.1']);
    });

    it('refuses a NUL character in a field name, naming it escaped', async () => {
      const res = await admin.post('/queues', { name: 'Q', 'a\u0000b': 1 });
      expectFieldErrors(res, ['a\\u0000b']);
    });

    it('refuses a NUL character in a query or path parameter, naming it', async () => {
      expectFieldErrors(await admin.get('/customers?q=jan%00'), ['q']);
      expectFieldErrors(await admin.get('/tickets?tag=%00'), ['tag']);
      expectFieldErrors(await request(product.baseUrl).get(`${API}/surveys/abc%00def`), ['token']);
    });

    it('refuses half a surrogate pair in an e-mail field (and anywhere else), naming the field', async () => {
      expectFieldErrors(await admin.post('/customers', { email: 'jan\ud800@example.pl' }), ['email']);
      expectFieldErrors(await admin.post('/tickets', { ...valid(), customer: { email: 'jan@\udfffexample.pl' } }), ['customer.email']);
      const login = await request(product.baseUrl).post(`${API}/auth/login`).send({ email: '\ud800@example.pl', password: 'x' });
      expectFieldErrors(login, ['email']);
      expect(login.body.message).toContain('email must not contain unpaired UTF-16 surrogates');
    });

    it('keeps whole surrogate pairs (emoji) and other text as it is', async () => {
      const res = await admin.post('/tickets', { ...valid(), subject: 'Paczka 📦 dotarła — dziękuję' });
      expect(res.status).toBe(201);
      expect(res.body.subject).toBe('Paczka 📦 dotarła — dziękuję');
    });
  });

  describe('missing nested input', () => {
    it('refuses a rule dry-run without a rule with 400 naming `rule`', async () => {
      const res = await admin.post('/rules/dry-run', {});
      expectFieldErrors(res, ['rule']);
      expect(res.body.message).toContain('rule');
    });

    it('refuses a tag action without a tag as an invalid rule', async () => {
      const rule = {
        name: 'Bez tagu', trigger: 'ticket_created', conditions: { match: 'all', conditions: [] },
        actions: [{ type: 'add_tag', value: 'x' }, { type: 'remove_tag', tag: 12 }],
      };
      const res = await admin.post('/rules', rule);
      expectError(res, 400, 'RULE_INVALID');
      expect(res.body.message).toContain('"add_tag" needs a tag');
    });
  });

  describe('deep and large bodies', () => {
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

    it('refuses 1.5 million levels of nesting with 400 BODY_TOO_DEEP, signed out, and keeps answering', async () => {
      const body = deep(1_500_000);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => request(product.baseUrl).post(`${API}/auth/login`).set('Content-Type', 'application/json').send(body)),
      );
      // Over the size limit of a login before the nesting is even looked at, or refused for its depth: never parsed.
      for (const res of answers) expect([400, 413]).toContain(res.status);
      expect((await request(product.baseUrl).get('/api/health')).status).toBe(200);
      // On a route that takes large bodies, the depth is what refuses it.
      expectError(await raw('post', `/tickets/${ticket.id}/messages`).send(body), 400, 'BODY_TOO_DEEP');
    });

    it('refuses nesting deeper than 64 levels and takes 64', async () => {
      const nestedIn = (levels: number) => JSON.stringify({ ...valid(), tags: JSON.parse(deep(levels - 1)) });
      expectError(await raw('post', '/tickets').send(nestedIn(65)), 400, 'BODY_TOO_DEEP');
      // 64 levels pass the parser; the validation then refuses the odd tags.
      expectFieldErrors(await raw('post', '/tickets').send(nestedIn(64)), ['tags']);
    });

    it('does not count brackets inside strings as nesting', async () => {
      const res = await admin.post('/tickets', { ...valid(), subject: '['.repeat(500), message: { body: '{'.repeat(500) } });
      expect(res.status).toBe(201);
    });

    it('refuses a body over 1 MB with 413 BODY_TOO_LARGE where no message is carried', async () => {
      const res = await raw('post', '/queues').send(JSON.stringify({ name: 'Duża', description: 'x'.repeat(1024 * 1024) }));
      expectError(res, 413, 'BODY_TOO_LARGE');
    });

    it('reads no more than 1 MB on a message route when signed out', async () => {
      const res = await request(product.baseUrl).post(`${API}/tickets/${ticket.id}/messages`).set('Content-Type', 'application/json')
        .send(JSON.stringify({ type: 'note', body: 'x'.repeat(2 * 1024 * 1024) }));
      expectError(res, 413, 'BODY_TOO_LARGE');
    });

    it('takes a message with attachments of several MB', async () => {
      const contentBase64 = Buffer.alloc(6 * 1024 * 1024, 7).toString('base64');
      const res = await admin.post(`/tickets/${ticket.id}/messages`, {
        type: 'note', body: 'Zdjęcia paczki', attachments: [{ filename: 'paczka.bin', contentType: 'application/octet-stream', contentBase64 }],
      });
      expect(res.status).toBe(201);
    });
  });

  describe('users, customers and API tokens', () => {
    it('refuses a user without e-mail, with a short password and an unknown role, naming each', async () => {
      expectFieldErrors(await admin.post('/users', { name: 'X', password: 'short', role: 'root' }), ['email', 'password', 'role']);
    });

    it('refuses a customer with a bad e-mail and non-string phones, naming each', async () => {
      expectFieldErrors(await admin.post('/customers', { email: 'jan@', phones: [600100200] }), ['email', 'phones']);
      expectFieldErrors(await admin.patch(`/customers/${randomUUID()}`, { emails: ['ok@example.pl', 'bad'] }), ['emails']);
    });

    it('refuses external ids that are not strings, naming `externalIds`', async () => {
      expectFieldErrors(await admin.post('/customers', { email: 'ext1@example.pl', externalIds: { shop: 1042 } }), ['externalIds']);
      expectFieldErrors(await admin.post('/customers', { email: 'ext2@example.pl', externalIds: { shop: { id: 'C-1' } } }), ['externalIds']);
      expectFieldErrors(await admin.post('/customers', { email: 'ext3@example.pl', externalIds: ['C-1'] }), ['externalIds']);
      const ok = await admin.post('/customers', { email: 'ext4@example.pl', externalIds: { shop: 'C-1042' } });
      expect(ok.status).toBe(201);
      expectFieldErrors(await admin.patch(`/customers/${ok.body.id}`, { externalIds: { shop: null } }), ['externalIds']);
    });

    it('refuses a customer list query that is too long', async () => {
      expectFieldErrors(await admin.get(`/customers?q=${'a'.repeat(201)}`), ['q']);
    });
  });
});
