import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AssignmentService } from '../../apps/api/src/modules/queues/assignment.service.js';
import { API, asAdmin, createUser, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProductInProcess, type InProcessTestProduct } from '../support/start-product.js';

// AssignmentService.pickAssignee, as the rule engine calls it: inside its own
// transaction, against the real database, many at once. Queues and people are
// set up through the API; the service is taken from the running product.

describe('automatic assignment', () => {
  let product: InProcessTestProduct;
  let admin: ApiClient;
  let adminJwt: string;
  let service: AssignmentService;
  let dataSource: DataSource;
  const people: Record<'ala' | 'bogdan' | 'cezary', CreatedUser> = {} as never;

  beforeAll(async () => {
    product = await startProductInProcess({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    adminJwt = await login(product.baseUrl, product.admin.email, product.admin.password);
    // Created out of name order, so the order of ids and of creation says nothing.
    people.cezary = await createUser(product, admin, { email: 'cezary@okienko.test', name: 'Cezary' });
    people.ala = await createUser(product, admin, { email: 'ala@okienko.test', name: 'Ala' });
    people.bogdan = await createUser(product, admin, { email: 'bogdan@okienko.test', name: 'Bogdan' });
    service = product.running.app.get(AssignmentService);
    dataSource = product.running.app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  let queues = 0;
  const newQueue = async (settings: Record<string, unknown>, members = Object.values(people)): Promise<string> => {
    const queue = await admin.post('/queues', { name: `Kolejka ${++queues}`, ...settings });
    expect(queue.status).toBe(201);
    const res = await request(product.baseUrl)
      .put(`${API}/queues/${queue.body.id}/members`)
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({ userIds: members.map((m) => m.id) });
    expect(res.status).toBe(200);
    return queue.body.id as string;
  };

  /** One pick in a transaction of its own, optionally assigning `ticketId` to the one picked, as the rule engine does. */
  const pickIn = (queueId: string, ticketId?: string): Promise<string | null> =>
    dataSource.transaction(async (manager) => {
      const picked = await service.pickAssignee(manager, queueId);
      if (picked && ticketId) await manager.query(`UPDATE tickets SET assignee_id = $2 WHERE id = $1`, [ticketId, picked]);
      return picked;
    });

  const tally = (picks: (string | null)[]) => {
    const byName = Object.fromEntries(Object.entries(people).map(([name, user]) => [user.id, name]));
    const counts: Record<string, number> = {};
    for (const id of picks) counts[id === null ? 'nobody' : byName[id]] = (counts[id === null ? 'nobody' : byName[id]] ?? 0) + 1;
    return counts;
  };

  const newTicket = async (queueId: string): Promise<string> => {
    const res = await admin.post('/tickets', { subject: 'Pytanie', customer: { email: 'klient@example.pl' }, message: { body: 'Dzień dobry.' }, queueId });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('manual queues, and queues that do not exist, pick nobody', async () => {
    const queueId = await newQueue({ assignmentStrategy: 'manual' });
    expect(await pickIn(queueId)).toBeNull();
    expect(await pickIn('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('round-robin goes through the members by name, one pick after another', async () => {
    const queueId = await newQueue({ assignmentStrategy: 'round_robin' });
    const picks: (string | null)[] = [];
    for (let i = 0; i < 5; i++) picks.push(await pickIn(queueId));
    expect(picks).toEqual([people.ala.id, people.bogdan.id, people.cezary.id, people.ala.id, people.bogdan.id]);
  });

  it('round-robin gives every member the same number of turns when many tickets are assigned at once', async () => {
    const queueId = await newQueue({ assignmentStrategy: 'round_robin' });
    const picks = await Promise.all(Array.from({ length: 12 }, () => pickIn(queueId)));
    // Whoever wins each race, the cursor moves one step per pick: four turns each, never two picks of one turn.
    expect(tally(picks)).toEqual({ ala: 4, bogdan: 4, cezary: 4 });
  });

  it('least-open under a cap never goes over the cap, however many assignments run at once', async () => {
    const queueId = await newQueue({ assignmentStrategy: 'least_open', maxOpenPerAgent: 2 });
    const tickets = await Promise.all(Array.from({ length: 8 }, () => newTicket(queueId)));
    const picks = await Promise.all(tickets.map((ticketId) => pickIn(queueId, ticketId)));
    // Each pick waits for the previous one's commit and counts its ticket: two each, then nobody.
    expect(tally(picks)).toEqual({ ala: 2, bogdan: 2, cezary: 2, nobody: 2 });
    const assigned = await Promise.all(tickets.map(async (id) => (await admin.get(`/tickets/${id}`)).body.assigneeId as string | null));
    expect(tally(assigned)).toEqual({ ala: 2, bogdan: 2, cezary: 2, nobody: 2 });
  });

  it('least-open picks whoever has the fewest open tickets in any queue, resolved ones not counting', async () => {
    const queueId = await newQueue({ assignmentStrategy: 'least_open' });
    const elsewhere = await newQueue({ assignmentStrategy: 'manual' });
    // Ala: two open (one in another queue); Bogdan: one open and two resolved; Cezary: two open.
    const give = async (who: CreatedUser, queue: string, status?: string) => {
      const ticketId = await newTicket(queue);
      await admin.patch(`/tickets/${ticketId}`, { assigneeId: who.id, ...(status ? { status } : {}) });
    };
    await give(people.ala, queueId);
    await give(people.ala, elsewhere);
    await give(people.bogdan, queueId);
    await give(people.bogdan, queueId, 'resolved');
    await give(people.bogdan, queueId, 'closed');
    await give(people.cezary, queueId);
    await give(people.cezary, queueId, 'waiting_customer');
    // The earlier tests left Ala, Bogdan and Cezary two open tickets each in the capped queue.
    expect(await pickIn(queueId)).toBe(people.bogdan.id);
  });

  it('skips members who are absent or inactive, and picks nobody when nobody is left', async () => {
    const queueId = await newQueue({ assignmentStrategy: 'round_robin' });
    const dawid = await createUser(product, admin, { email: 'dawid@okienko.test', name: 'Dawid' });
    const ewa = await createUser(product, admin, { email: 'ewa@okienko.test', name: 'Ewa' });
    const solo = await newQueue({ assignmentStrategy: 'least_open' }, [dawid, ewa]);
    await admin.patch(`/users/${dawid.id}`, { absent: true });
    expect([await pickIn(solo), await pickIn(solo)]).toEqual([ewa.id, ewa.id]);
    await admin.patch(`/users/${ewa.id}`, { active: false });
    expect(await pickIn(solo)).toBeNull();
    await admin.patch(`/users/${dawid.id}`, { absent: false });
    expect(await pickIn(solo)).toBe(dawid.id);

    // Round-robin: Bogdan away, his turn is skipped.
    await admin.patch(`/users/${people.bogdan.id}`, { absent: true });
    expect([await pickIn(queueId), await pickIn(queueId), await pickIn(queueId)]).toEqual([people.ala.id, people.cezary.id, people.ala.id]);
    await admin.patch(`/users/${people.bogdan.id}`, { absent: false });
    expect(await pickIn(queueId)).toBe(people.bogdan.id);
  });
});
