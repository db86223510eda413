import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeMail } from '../support/compose-mail.js';
import { asAdmin, createUser, errorFields, expectError, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { sendRaw } from '../support/send-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Snoozing a waiting ticket: it leaves Today and the default list until its
// time, then comes back with an `unsnoozed` event and a `snooze_ended`
// notification; a customer's reply wakes it at once. The sweep runs every
// SNOOZE_SWEEP_INTERVAL_MS (here 300 ms), so a snooze of a second or two ends
// during the test without touching the clock.

interface Ticket {
  id: string;
  number: string;
  status: string;
  snoozedUntil: string | null;
  events: { type: string; actorType: string; field: string | null; oldValue: unknown; newValue: unknown }[];
}
interface Notification {
  kind: string;
  ticketId: string;
  actor: { type: string };
  payload: Record<string, unknown>;
}

const INBOX = 'pomoc@drzemka-sklep.pl';
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('snooze', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let ala: CreatedUser;
  let bartek: CreatedUser;
  let queueId: string;

  const newTicket = async (fields: Record<string, unknown> = {}) => {
    const res = await admin.post('/tickets', {
      subject: 'Czekamy na kuriera',
      customer: { email: 'jan@example.pl', name: 'Jan Kowalski' },
      message: { body: 'Gdzie moja paczka?' },
      queueId,
      assigneeId: ala.id,
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };
  const get = async (id: string) => (await admin.get(`/tickets/${id}`)).body as Ticket;
  const listIds = async (api: ApiClient, path: string) => {
    const res = await api.get(path);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((t) => t.id);
  };
  const notificationsOf = async (user: CreatedUser) => (await user.api.get('/notifications')).body.items as Notification[];

  beforeAll(async () => {
    product = await startProduct({ SNOOZE_SWEEP_INTERVAL_MS: '300' });
    admin = await asAdmin(product);
    ala = await createUser(product, admin, { email: 'ala@okienko.test', name: 'Ala Nowak' });
    bartek = await createUser(product, admin, { email: 'bartek@okienko.test', name: 'Bartek Zieliński' });
    const queue = await admin.post('/queues', { name: 'Dostawy' });
    queueId = queue.body.id as string;
    expect((await admin.put(`/queues/${queueId}/members`, { userIds: [ala.id, bartek.id] })).status).toBe(200);
  }, 90_000);

  afterAll(() => product?.close());

  it('takes a moment in the future, only while the ticket waits, naming snoozedUntil otherwise', async () => {
    const ticket = await newTicket();
    const tomorrow = inSeconds(86_400);
    const open = await admin.patch(`/tickets/${ticket.id}`, { snoozedUntil: tomorrow });
    expectError(open, 409, 'TICKET_NOT_WAITING');
    expect(errorFields(open)).toEqual(['snoozedUntil']);
    expect(errorFields(await admin.patch(`/tickets/${ticket.id}`, { snoozedUntil: 'jutro' }))).toEqual(['snoozedUntil']);
    const past = await admin.patch(`/tickets/${ticket.id}`, { status: 'waiting_customer', snoozedUntil: inSeconds(-60) });
    expectError(past, 400, 'TICKET_SNOOZE_IN_PAST');
    expect(errorFields(past)).toEqual(['snoozedUntil']);
    // Nothing of the refused change was kept.
    expect((await get(ticket.id)).status).toBe('new');

    // A waiting status given in the same change is enough.
    const snoozed = await admin.patch(`/tickets/${ticket.id}`, { status: 'waiting_third_party', snoozedUntil: tomorrow });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ status: 'waiting_third_party', snoozedUntil: tomorrow });
    expect((await get(ticket.id)).events.filter((e) => e.type === 'snoozed')).toEqual([
      expect.objectContaining({ actorType: 'user', field: 'snoozedUntil', oldValue: null, newValue: tomorrow }),
    ]);
  });

  it('leaves Today and the default list (snoozed=true shows only snoozed ones, any both) until woken; null wakes it now', async () => {
    const sleeping = await newTicket({ subject: 'Uśpione' });
    const awake = await newTicket({ subject: 'Nieuśpione' });
    expect((await admin.patch(`/tickets/${sleeping.id}`, { status: 'waiting_customer', snoozedUntil: inSeconds(3_600) })).status).toBe(200);

    expect(await listIds(admin, '/tickets')).not.toContain(sleeping.id);
    expect(await listIds(admin, '/tickets')).toContain(awake.id);
    expect(await listIds(admin, '/tickets?snoozed=true')).toContain(sleeping.id);
    expect(await listIds(admin, '/tickets?snoozed=true')).not.toContain(awake.id);
    expect(await listIds(admin, '/tickets?snoozed=any')).toEqual(expect.arrayContaining([sleeping.id, awake.id]));
    expect(errorFields(await admin.get('/tickets?snoozed=maybe'))).toEqual(['snoozed']);
    expect(await listIds(ala.api, '/views/today?scope=mine')).not.toContain(sleeping.id);
    expect(await listIds(ala.api, '/views/today?scope=mine')).toContain(awake.id);

    const woken = await ala.api.patch(`/tickets/${sleeping.id}`, { snoozedUntil: null });
    expect(woken.status).toBe(200);
    expect(woken.body.snoozedUntil).toBeNull();
    expect((await get(sleeping.id)).events.filter((e) => e.type === 'unsnoozed')).toEqual([
      expect.objectContaining({ actorType: 'user', newValue: { reason: 'agent' } }),
    ]);
    expect(await listIds(ala.api, '/views/today?scope=mine')).toContain(sleeping.id);
    // Woken by hand: nobody is told.
    expect((await notificationsOf(ala)).filter((n) => n.ticketId === sleeping.id && n.kind === 'snooze_ended')).toEqual([]);

    // Leaving the waiting statuses wakes it too.
    expect((await admin.patch(`/tickets/${sleeping.id}`, { status: 'waiting_customer', snoozedUntil: inSeconds(3_600) })).status).toBe(200);
    expect((await admin.patch(`/tickets/${sleeping.id}`, { status: 'open' })).body).toMatchObject({ status: 'open', snoozedUntil: null });
    expect((await get(sleeping.id)).events.filter((e) => e.type === 'unsnoozed').at(-1)).toMatchObject({ newValue: { reason: 'status_changed' } });
  });

  it('comes back when its time comes: event, notification to the assignee (or, unassigned, to whoever snoozed it), back in the lists', async () => {
    const assigned = await newTicket({ subject: 'Budzik dla Ali' });
    const unassigned = await newTicket({ subject: 'Budzik bez przydziału', assigneeId: undefined });
    const until = inSeconds(1.5);
    expect((await admin.patch(`/tickets/${assigned.id}`, { status: 'waiting_customer', snoozedUntil: until })).status).toBe(200);
    expect((await bartek.api.patch(`/tickets/${unassigned.id}`, { status: 'waiting_customer', snoozedUntil: until })).status).toBe(200);
    expect(await listIds(ala.api, '/views/today?scope=mine')).not.toContain(assigned.id);

    const back = await waitFor(async () => {
      const t = await get(assigned.id);
      return t.snoozedUntil === null && t.events.some((e) => e.type === 'unsnoozed') ? t : null;
    }, { timeoutMs: 15_000, description: 'the snooze to end' });
    expect(back.events.filter((e) => e.type === 'unsnoozed')).toEqual([
      expect.objectContaining({ actorType: 'system', field: 'snoozedUntil', oldValue: until, newValue: { reason: 'time' } }),
    ]);
    expect(back.status).toBe('waiting_customer');
    expect(await listIds(ala.api, '/views/today?scope=mine')).toContain(assigned.id);
    expect(await listIds(admin, '/tickets')).toContain(assigned.id);

    const ended = await waitFor(async () => (await notificationsOf(ala)).find((n) => n.ticketId === assigned.id && n.kind === 'snooze_ended'));
    expect(ended).toMatchObject({ actor: { type: 'system' }, payload: { snoozedUntil: until } });
    expect((await notificationsOf(bartek)).filter((n) => n.ticketId === assigned.id)).toEqual([]);
    const bartekWakes = await waitFor(async () => (await notificationsOf(bartek)).find((n) => n.ticketId === unassigned.id && n.kind === 'snooze_ended'), {
      timeoutMs: 15_000, description: "the snooze_ended notification of Bartek's unassigned ticket",
    });
    expect(bartekWakes).toBeTruthy();
  }, 30_000);

  it("wakes at once when the customer writes (a real mail through the SMTP listener)", async () => {
    expect((await admin.post('/inbound-addresses', { address: INBOX, autoAcknowledge: false })).status).toBe(201);
    const first = composeMail({ from: 'ewa@klient.pl', fromName: 'Ewa Klient', to: INBOX, subject: 'Reklamacja butów', body: 'Odesłałam buty.' });
    await sendRaw(product.smtpPort!, { from: 'ewa@klient.pl', to: [INBOX], raw: first.raw });
    const ticket = await waitFor(async () => {
      const list = await admin.get('/tickets?q=reklamacja butow');
      return (list.body.items as Ticket[])[0];
    }, { timeoutMs: 20_000, description: 'the mail to become a ticket' });
    const until = inSeconds(7 * 86_400);
    const snoozed = await admin.patch(`/tickets/${ticket.id}`, { queueId, assigneeId: ala.id, status: 'waiting_customer', snoozedUntil: until });
    expect(snoozed.status).toBe(200);
    expect(await listIds(admin, '/tickets')).not.toContain(ticket.id);

    const reply = composeMail({ from: 'ewa@klient.pl', to: INBOX, subject: 'Re: Reklamacja butów', body: 'Paczka już u Państwa.', inReplyTo: first.messageId });
    await sendRaw(product.smtpPort!, { from: 'ewa@klient.pl', to: [INBOX], raw: reply.raw });
    const woken = await waitFor(async () => {
      const t = await get(ticket.id);
      return t.snoozedUntil === null ? t : null;
    }, { timeoutMs: 20_000, description: 'the reply to wake the ticket' });
    expect(woken.status).toBe('open');
    expect(woken.events.filter((e) => e.type === 'unsnoozed')).toEqual([
      expect.objectContaining({ actorType: 'customer', oldValue: until, newValue: { reason: 'customer_replied' } }),
    ]);
    expect(await listIds(admin, '/tickets')).toContain(ticket.id);
    // The assignee hears of the reply, not of a snooze that ended on its own.
    const kinds = (await notificationsOf(ala)).filter((n) => n.ticketId === ticket.id).map((n) => n.kind);
    expect(kinds).toContain('customer_replied');
    expect(kinds).not.toContain('snooze_ended');
  }, 60_000);
});
