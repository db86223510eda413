import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// An agent who works in no queue still sees the tickets assigned to them, and
// the panel names those tickets' queues: every signed-in user may read the
// queues' names (not their members or counts).

describe('queue names', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let ewa: CreatedUser;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    ewa = await createUser(product, admin, { email: 'ewa@okienko.test', name: 'Ewa Bez Kolejki' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  it('are readable by an agent in no queue, who sees the queue of a ticket assigned to her', async () => {
    const all = (await admin.get('/queues')).body.items as { id: string; name: string }[];
    expect((await ewa.api.get('/queues')).body).toEqual({ items: [], total: 0 });

    const names = await ewa.api.get('/queues/names');
    expect(names.status).toBe(200);
    expect(names.body.total).toBe(all.length);
    expect(names.body.items).toEqual(expect.arrayContaining(all.map((queue) => ({ id: queue.id, name: queue.name }))));
    expect(Object.keys(names.body.items[0]).sort()).toEqual(['id', 'name']);

    const ticket = await admin.post('/tickets', {
      subject: 'Faktura', customer: { email: 'jan@example.pl', name: 'Jan' }, message: { body: 'Proszę o fakturę.' }, assigneeId: ewa.id,
    });
    expect(ticket.status).toBe(201);
    const seen = await ewa.api.get(`/tickets/${ticket.body.id}`);
    expect(seen.status).toBe(200);
    expect(names.body.items.find((queue: { id: string }) => queue.id === seen.body.queueId)).toBeDefined();
  });

  it('are not readable without signing in', async () => {
    const res = await fetch(`${product.baseUrl}/api/v1/queues/names`);
    expect(res.status).toBe(401);
  });
});
