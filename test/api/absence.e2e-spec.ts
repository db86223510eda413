import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, client, createUser, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// A ticket never waits in the inbox of someone who is away: marking an agent
// absent (or deactivating them) hands their unresolved tickets back to their
// queues, or to a substitute, each with an audit event; resolved and closed
// tickets keep their assignee.

interface TicketEvent { type: string; actorType: string; actorId: string | null; actorName: string | null; field: string | null; oldValue: unknown; newValue: unknown }
interface Ticket { id: string; status: string; queueId: string | null; assigneeId: string | null; events: TicketEvent[] }

/** Status changes that bring a new ticket to each status. */
const PATHS: Record<string, string[]> = {
  new: [], open: ['open'], waiting_customer: ['waiting_customer'], waiting_third_party: ['waiting_third_party'],
  resolved: ['resolved'], closed: ['closed'],
};
const UNRESOLVED = ['new', 'open', 'waiting_customer', 'waiting_third_party'];

describe('absence', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminId: string;
  let queueId: string;
  let bartek: CreatedUser;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    adminId = (await admin.get('/auth/me')).body.id;
    queueId = (await admin.post('/queues', { name: 'Obsługa klienta' })).body.id;
    bartek = await createUser(product, admin, { email: 'bartek@okienko.test', name: 'Bartek Zastępca' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  let agents = 0;
  const newAgent = (name: string) => createUser(product, admin, { email: `agent${++agents}@okienko.test`, name });

  /** A ticket in the queue assigned to `assigneeId`, brought to `status`. */
  const ticketFor = async (assigneeId: string, status: string): Promise<Ticket> => {
    const res = await admin.post('/tickets', {
      subject: `Zgłoszenie (${status})`, customer: { email: 'klient@example.pl' }, message: { body: 'Dzień dobry.' }, queueId, assigneeId,
    });
    expect(res.status).toBe(201);
    for (const next of PATHS[status]) expect((await admin.patch(`/tickets/${res.body.id}`, { status: next })).status).toBe(200);
    return (await admin.get(`/tickets/${res.body.id}`)).body as Ticket;
  };

  /** One ticket in every status assigned to the user. */
  const oneOfEach = async (userId: string): Promise<Record<string, Ticket>> => {
    const tickets: Record<string, Ticket> = {};
    for (const status of Object.keys(PATHS)) tickets[status] = await ticketFor(userId, status);
    return tickets;
  };

  const read = async (id: string): Promise<Ticket> => (await admin.get(`/tickets/${id}`)).body as Ticket;
  const handOvers = (ticket: Ticket) => ticket.events.filter((e) => e.type.startsWith('reassigned_'));

  it('marking an agent absent gives her unresolved tickets back to their queue, each recording it; resolved and closed ones stay hers', async () => {
    const anna = await newAgent('Anna Urlopowa');
    const tickets = await oneOfEach(anna.id);
    const someoneElses = await ticketFor(bartek.id, 'open');

    const res = await admin.patch(`/users/${anna.id}`, { absent: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: anna.id, absent: true, active: true });

    for (const status of UNRESOLVED) {
      const after = await read(tickets[status].id);
      expect({ status, assigneeId: after.assigneeId, queueId: after.queueId, ticketStatus: after.status })
        .toEqual({ status, assigneeId: null, queueId, ticketStatus: status });
      expect(handOvers(after)).toEqual([expect.objectContaining({
        type: 'reassigned_absent', field: 'assigneeId', oldValue: anna.id, newValue: null, actorType: 'user', actorId: adminId, actorName: 'Administrator',
      })]);
      expect(after.events.at(-1)!.type).toBe('reassigned_absent');
    }
    for (const status of ['resolved', 'closed']) {
      const after = await read(tickets[status].id);
      expect({ status, assigneeId: after.assigneeId, handOvers: handOvers(after) }).toEqual({ status, assigneeId: anna.id, handOvers: [] });
    }
    expect((await read(someoneElses.id)).assigneeId).toBe(bartek.id);

    // Her inbox holds nothing unresolved; the queue's unassigned tickets include hers.
    expect((await admin.get(`/tickets?assigneeId=${anna.id}&status=${UNRESOLVED.join(',')}`)).body.total).toBe(0);
    const waiting = (await admin.get(`/tickets?queueId=${queueId}&assigneeId=none&limit=200`)).body.items as { id: string }[];
    expect(waiting.map((t) => t.id)).toEqual(expect.arrayContaining(UNRESOLVED.map((s) => tickets[s].id)));
  });

  it('with a substitute, the unresolved tickets go to the substitute instead', async () => {
    const celina = await newAgent('Celina Chorobowa');
    const tickets = await oneOfEach(celina.id);

    expect((await admin.patch(`/users/${celina.id}`, { absent: true, absenceSubstituteId: bartek.id })).status).toBe(200);

    for (const status of UNRESOLVED) {
      const after = await read(tickets[status].id);
      expect({ status, assigneeId: after.assigneeId }).toEqual({ status, assigneeId: bartek.id });
      expect(handOvers(after)).toEqual([expect.objectContaining({
        type: 'reassigned_absent', field: 'assigneeId', oldValue: celina.id, newValue: bartek.id, actorName: 'Administrator',
      })]);
    }
    for (const status of ['resolved', 'closed']) expect((await read(tickets[status].id)).assigneeId).toBe(celina.id);
    expect((await admin.get(`/tickets?assigneeId=${bartek.id}&status=${UNRESOLVED.join(',')}&limit=200`)).body.items.map((t: { id: string }) => t.id))
      .toEqual(expect.arrayContaining(UNRESOLVED.map((s) => tickets[s].id)));
  });

  it('deactivating an agent hands her tickets over the same way, recorded as reassigned_inactive', async () => {
    const dorota = await newAgent('Dorota Odchodząca');
    const back = await ticketFor(dorota.id, 'open');
    const kept = await ticketFor(dorota.id, 'closed');
    expect((await admin.patch(`/users/${dorota.id}`, { active: false })).body).toMatchObject({ active: false, absent: false });
    const after = await read(back.id);
    expect(after.assigneeId).toBeNull();
    expect(handOvers(after)).toEqual([expect.objectContaining({ type: 'reassigned_inactive', field: 'assigneeId', oldValue: dorota.id, newValue: null })]);
    expect((await read(kept.id)).assigneeId).toBe(dorota.id);

    const ewa = await newAgent('Ewa Odchodząca');
    const toBartek = await ticketFor(ewa.id, 'waiting_customer');
    expect((await admin.patch(`/users/${ewa.id}`, { active: false, absenceSubstituteId: bartek.id })).status).toBe(200);
    expect(handOvers(await read(toBartek.id))).toEqual([expect.objectContaining({ type: 'reassigned_inactive', oldValue: ewa.id, newValue: bartek.id })]);
    expect((await read(toBartek.id)).assigneeId).toBe(bartek.id);
  });

  it('names an admin API token as the actor when one makes the change', async () => {
    const token = (await admin.post('/api-tokens', { name: 'Kadry (HR)', role: 'admin' })).body as { id: string; token: string };
    const filip = await newAgent('Filip Urlopowy');
    const ticket = await ticketFor(filip.id, 'open');
    expect((await client(product.baseUrl, token.token).patch(`/users/${filip.id}`, { absent: true })).status).toBe(200);
    expect(handOvers(await read(ticket.id))).toEqual([expect.objectContaining({ actorType: 'api_token', actorId: token.id, actorName: 'Kadry (HR)' })]);
  });

  it('marking someone absent again also hands over tickets given to them meanwhile; coming back moves nothing', async () => {
    const gosia = await newAgent('Gosia Wracająca');
    await admin.patch(`/users/${gosia.id}`, { absent: true });
    const meanwhile = await ticketFor(gosia.id, 'open'); // assigned by hand while she is away
    expect((await admin.patch(`/users/${gosia.id}`, { absent: true })).status).toBe(200);
    expect((await read(meanwhile.id)).assigneeId).toBeNull();

    expect((await admin.patch(`/users/${gosia.id}`, { absent: false })).body.absent).toBe(false);
    const hers = await ticketFor(gosia.id, 'open');
    expect((await admin.patch(`/users/${gosia.id}`, { name: 'Gosia Obecna', absent: false })).status).toBe(200);
    const after = await read(hers.id);
    expect(after.assigneeId).toBe(gosia.id);
    expect(handOvers(after)).toEqual([]);
  });

  describe('a substitute', () => {
    let hania: CreatedUser;
    let ticket: Ticket;

    beforeAll(async () => {
      hania = await newAgent('Hania Zostająca');
      ticket = await ticketFor(hania.id, 'open');
    });

    const expectNothingChanged = async () => {
      expect((await admin.get(`/users/${hania.id}`)).body).toMatchObject({ absent: false, active: true });
      const after = await read(ticket.id);
      expect(after.assigneeId).toBe(hania.id);
      expect(handOvers(after)).toEqual([]);
    };

    it('must be another active, present user, or the change is refused with 400 naming absenceSubstituteId and nothing changes', async () => {
      const away = await newAgent('Igor Nieobecny');
      await admin.patch(`/users/${away.id}`, { absent: true });
      const gone = await newAgent('Jan Nieaktywny');
      await admin.patch(`/users/${gone.id}`, { active: false });

      for (const substitute of [hania.id, away.id, gone.id, randomUUID()]) {
        const res = await admin.patch(`/users/${hania.id}`, { absent: true, absenceSubstituteId: substitute });
        expectFieldErrors(res, ['absenceSubstituteId'], 'USER_SUBSTITUTE_INVALID');
        await expectNothingChanged();
      }
      expectFieldErrors(await admin.patch(`/users/${hania.id}`, { absent: true, absenceSubstituteId: 'bartek' }), ['absenceSubstituteId']);
      await expectNothingChanged();
    });

    it('is only taken with absent: true or active: false', async () => {
      for (const body of [{ absenceSubstituteId: bartek.id }, { absent: false, absenceSubstituteId: bartek.id }, { name: 'Hania', absenceSubstituteId: bartek.id }]) {
        expectFieldErrors(await admin.patch(`/users/${hania.id}`, body), ['absenceSubstituteId'], 'USER_SUBSTITUTE_INVALID');
      }
      await expectNothingChanged();
    });
  });

  it('when the change itself is refused (the last admin), the tickets stay where they were', async () => {
    const ticket = await ticketFor(adminId, 'open');
    expectError(await admin.patch(`/users/${adminId}`, { active: false, absenceSubstituteId: bartek.id }), 409, 'USER_LAST_ADMIN');
    const after = await read(ticket.id);
    expect(after.assigneeId).toBe(adminId);
    expect(handOvers(after)).toEqual([]);
  });

  it('is for admins: an agent cannot mark anyone absent', async () => {
    const kasia = await newAgent('Kasia Agentka');
    const ticket = await ticketFor(bartek.id, 'open');
    expectError(await kasia.api.patch(`/users/${bartek.id}`, { absent: true, absenceSubstituteId: kasia.id }), 403, 'AUTH_FORBIDDEN');
    expect((await read(ticket.id)).assigneeId).toBe(bartek.id);
  });
});
