import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API, asAdmin, createUser, expectError, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// An agent who answers a ticket nobody holds becomes its assignee (a setting of
// the installation, on by default): an audit event by that agent, announced live.

interface TicketChange { id: string; types: string[]; fields: string[] }
interface TicketRead {
  assigneeId: string | null;
  events: { type: string; field: string | null; oldValue: unknown; newValue: unknown; actorId: string | null }[];
}

describe('assignment on reply', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let ala: CreatedUser;
  let bartek: CreatedUser;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    ala = await createUser(product, admin, { email: 'ala@okienko.test', name: 'Ala Nowak' });
    bartek = await createUser(product, admin, { email: 'bartek@okienko.test', name: 'Bartek Zieliński' });
    for (const queue of (await admin.get('/queues')).body.items as { id: string }[]) {
      expect((await admin.put(`/queues/${queue.id}/members`, { userIds: [ala.id, bartek.id] })).status).toBe(200);
    }
  }, 60_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await product?.close();
  });

  const newTicket = async (fields: Record<string, unknown> = {}) => {
    const res = await admin.post('/tickets', {
      subject: 'Gdzie jest paczka?', customer: { email: 'jan@example.pl', name: 'Jan Kowalski' }, message: { body: 'Dzień dobry, paczka nie doszła.' }, ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string };
  };
  const read = async (id: string) => (await admin.get(`/tickets/${id}`)).body as TicketRead;

  it('is on by default and assigns an unassigned ticket to the agent who replies, with an audit event and a live update', async () => {
    expect((await ala.api.get('/settings')).body).toEqual({ assignOnReply: true });
    const ticket = await newTicket();
    expect((await read(ticket.id)).assigneeId).toBeNull();

    const token = await login(product.baseUrl, ala.email, ala.password);
    const stream = await openEventStream(`${product.baseUrl}${API}/live`, token);
    streams.push(stream);
    await stream.next('ready');

    expect((await ala.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Sprawdzamy u przewoźnika.' })).status).toBe(201);
    const after = await read(ticket.id);
    expect(after.assigneeId).toBe(ala.id);
    expect(after.events).toContainEqual(expect.objectContaining({ type: 'field_changed', field: 'assigneeId', oldValue: null, newValue: ala.id, actorId: ala.id }));
    // The live feed announces what changed; a ticket opened moments before the panel connected may still be
    // announced as created together with this change.
    await waitFor(
      () => stream.events.find((e) => ['ticket.updated', 'ticket.created'].includes(e.event) && (e.data as TicketChange).id === ticket.id && (e.data as TicketChange).fields.includes('assigneeId')),
      { description: 'the live update naming the new assignee' },
    );

    // The next reply, by a colleague, does not take the ticket from her.
    expect((await bartek.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Paczka jest w drodze.' })).status).toBe(201);
    expect((await read(ticket.id)).assigneeId).toBe(ala.id);
  });

  it('does not assign on an internal note', async () => {
    const ticket = await newTicket();
    expect((await ala.api.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'Zapytam magazyn.' })).status).toBe(201);
    expect((await read(ticket.id)).assigneeId).toBeNull();
  });

  it('can be switched off by an admin only, and then a reply leaves the ticket unassigned', async () => {
    expectError(await ala.api.patch('/settings', { assignOnReply: false }), 403, 'AUTH_FORBIDDEN');
    expectError(await admin.patch('/settings', { assignOnReply: 'no' }), 400, 'VALIDATION_FAILED');
    expect((await admin.patch('/settings', { assignOnReply: false })).body).toEqual({ assignOnReply: false });
    const ticket = await newTicket();
    expect((await ala.api.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Sprawdzamy.' })).status).toBe(201);
    expect((await read(ticket.id)).assigneeId).toBeNull();
    expect((await admin.patch('/settings', { assignOnReply: true })).body).toEqual({ assignOnReply: true });
  });
});
