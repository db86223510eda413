import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeMail } from '../support/compose-mail.js';
import { API, asAdmin, client, createUser, errorFields, expectError, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { sendRaw } from '../support/send-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Notifications of agents: mentions in notes, assignments, customer replies on
// one's tickets and watched ones, SLA warnings; never of one's own doing and
// only of tickets one may see; read, marked read, delivered live, and by mail
// as each agent chooses.

interface Notification {
  id: string;
  kind: string;
  ticketId: string;
  ticketNumber: string;
  ticketSubject: string;
  actor: { type: string; id: string | null; name: string | null };
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
interface NotificationList {
  items: Notification[];
  total: number;
  unread: number;
}

const INBOX = 'sklep@okienko-powiadomienia.pl';

describe('notifications', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;
  let ala: CreatedUser;
  let bartek: CreatedUser;
  let celina: CreatedUser;
  let queueId: string;
  const streams: EventStream[] = [];

  const notificationsOf = async (user: CreatedUser | ApiClient): Promise<NotificationList> => {
    const res = await ('api' in user ? user.api : user).get('/notifications');
    expect(res.status).toBe(200);
    return res.body as NotificationList;
  };
  const newTicket = async (fields: Record<string, unknown> = {}) => {
    const res = await admin.post('/tickets', {
      subject: 'Zwrot zamówienia 4521',
      customer: { email: 'jan@example.pl', name: 'Jan Kowalski' },
      message: { body: 'Dzień dobry, chcę zwrócić buty.' },
      queueId,
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string; subject: string };
  };
  const note = async (author: CreatedUser, ticketId: string, body: string) => {
    const res = await author.api.post(`/tickets/${ticketId}/messages`, { type: 'note', body });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ SLA_SWEEP_INTERVAL_MS: '300', SNOOZE_SWEEP_INTERVAL_MS: '300', OUTBOUND_SMTP_URL: sink.url });
    admin = await asAdmin(product);
    ala = await createUser(product, admin, { email: 'ala.nowak@okienko.test', name: 'Ala Nowak' });
    bartek = await createUser(product, admin, { email: 'bartek@okienko.test', name: 'Bartek Zieliński' });
    celina = await createUser(product, admin, { email: 'celina@okienko.test', name: 'Celina Wójcik' });
    const queue = await admin.post('/queues', { name: 'Zwroty' });
    expect(queue.status).toBe(201);
    queueId = queue.body.id as string;
    // Celina works in another queue: tickets of Zwroty are out of her reach.
    expect((await admin.put(`/queues/${queueId}/members`, { userIds: [ala.id, bartek.id] })).status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await product?.close();
    await sink?.close();
  });

  it('notifies the agents a note mentions by handle (e-mail local part or name without spaces, any case and diacritics), not the author, not those who cannot see the ticket', async () => {
    const ticket = await newTicket({ subject: 'Wzmianki' });
    await note(ala, ticket.id, 'Proszę @BartekZielinski o sprawdzenie, @celina też, a ja (@ala.nowak) czekam. Kopia: jan@example.pl');

    const bartekList = await notificationsOf(bartek);
    const mention = bartekList.items.find((n) => n.ticketId === ticket.id)!;
    expect(mention).toMatchObject({
      kind: 'mention', ticketNumber: ticket.number, ticketSubject: 'Wzmianki', readAt: null,
      actor: { type: 'user', id: ala.id, name: 'Ala Nowak' },
      payload: { excerpt: expect.stringContaining('Proszę @BartekZielinski') },
    });
    // Ala wrote it; Celina cannot see the ticket.
    expect((await notificationsOf(ala)).items.filter((n) => n.ticketId === ticket.id)).toEqual([]);
    expect((await notificationsOf(celina)).items.filter((n) => n.ticketId === ticket.id)).toEqual([]);

    // By the e-mail's local part, with Polish letters typed.
    await note(ala, ticket.id, '@bartek, zerknij proszę.');
    expect((await notificationsOf(bartek)).items.filter((n) => n.ticketId === ticket.id && n.kind === 'mention')).toHaveLength(2);
    await note(bartek, ticket.id, 'Dzięki @AlaNowak!');
    expect((await notificationsOf(ala)).items.filter((n) => n.ticketId === ticket.id).map((n) => n.kind)).toEqual(['mention']);
  });

  it('notifies an agent of a ticket assigned to them by somebody else or by a rule, never when they take it themselves', async () => {
    const byAdmin = await newTicket({ subject: 'Przydział' });
    expect((await admin.patch(`/tickets/${byAdmin.id}`, { assigneeId: bartek.id })).status).toBe(200);
    const assigned = (await notificationsOf(bartek)).items.find((n) => n.ticketId === byAdmin.id);
    expect(assigned).toMatchObject({ kind: 'assigned', actor: { type: 'user', name: expect.any(String) } });

    const taken = await newTicket({ subject: 'Biorę sama' });
    expect((await ala.api.patch(`/tickets/${taken.id}`, { assigneeId: ala.id })).status).toBe(200);
    expect((await notificationsOf(ala)).items.filter((n) => n.ticketId === taken.id)).toEqual([]);

    // Opened already assigned; and by a rule.
    const opened = await newTicket({ subject: 'Od razu dla Ali', assigneeId: ala.id });
    expect((await notificationsOf(ala)).items.find((n) => n.ticketId === opened.id)).toMatchObject({ kind: 'assigned' });
    const rule = await admin.post('/rules', {
      name: 'Pilne do Celiny', trigger: 'ticket_created', enabled: true,
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['pilnecelina'] }] },
      actions: [{ type: 'assign', userId: celina.id }],
    });
    expect(rule.status).toBe(201);
    const byRule = await newTicket({ subject: 'PILNECELINA: paczka' });
    const fromRule = (await notificationsOf(celina)).items.find((n) => n.ticketId === byRule.id);
    expect(fromRule).toMatchObject({ kind: 'assigned', actor: { type: 'rule', name: 'Pilne do Celiny' } });
  });

  it("notifies the assignee and the ticket's watchers of a customer's reply by mail; watching needs the ticket in reach", async () => {
    expect((await admin.post('/inbound-addresses', { address: INBOX, autoAcknowledge: false })).status).toBe(201);
    const first = composeMail({ from: 'ewa@klient.pl', fromName: 'Ewa Klient', to: INBOX, subject: 'Gdzie paczka?', body: 'Nie doszła.' });
    await sendRaw(product.smtpPort!, { from: 'ewa@klient.pl', to: [INBOX], raw: first.raw });
    const ticket = await waitFor(async () => {
      const list = await admin.get('/tickets?q=paczka doszla&snoozed=any');
      return (list.body.items as { id: string; subject: string }[]).find((t) => t.subject === 'Gdzie paczka?');
    }, { timeoutMs: 20_000, description: 'the mail to become a ticket' });
    expect((await admin.patch(`/tickets/${ticket.id}`, { queueId, assigneeId: bartek.id })).status).toBe(200);

    expect((await ala.api.post(`/tickets/${ticket.id}/watch`)).status).toBe(204);
    expect((await ala.api.post(`/tickets/${ticket.id}/watch`)).status).toBe(204);
    const detail = (await ala.api.get(`/tickets/${ticket.id}`)).body as { watching: boolean; watchers: { userId: string; name: string }[] };
    expect(detail.watching).toBe(true);
    expect(detail.watchers).toEqual([{ userId: ala.id, name: 'Ala Nowak' }]);
    expect((await bartek.api.get(`/tickets/${ticket.id}`)).body).toMatchObject({ watching: false, watchers: [{ userId: ala.id }] });
    // Out of Celina's reach: as if it did not exist. API tokens watch nothing.
    expectError(await celina.api.post(`/tickets/${ticket.id}/watch`), 404, 'TICKET_NOT_FOUND');
    const token = await admin.post('/api-tokens', { name: 'integracja' });
    expectError(await client(product.baseUrl, token.body.token as string).post(`/tickets/${ticket.id}/watch`), 400, 'NOTIFICATIONS_NEED_USER');

    const reply = composeMail({ from: 'ewa@klient.pl', to: INBOX, subject: 'Re: Gdzie paczka?', body: 'Dalej nic, proszę o pomoc.', inReplyTo: first.messageId });
    await sendRaw(product.smtpPort!, { from: 'ewa@klient.pl', to: [INBOX], raw: reply.raw });
    for (const agent of [bartek, ala]) {
      const replied = await waitFor(async () => (await notificationsOf(agent)).items.find((n) => n.ticketId === ticket.id && n.kind === 'customer_replied'), {
        timeoutMs: 20_000, description: `${agent.name}'s customer_replied notification`,
      });
      expect(replied).toMatchObject({ actor: { type: 'customer', name: 'Ewa Klient' }, payload: { excerpt: expect.stringContaining('Dalej nic') } });
    }
    expect((await notificationsOf(celina)).items.filter((n) => n.ticketId === ticket.id)).toEqual([]);

    // Unwatched, Ala hears no more of it.
    expect((await ala.api.delete(`/tickets/${ticket.id}/watch`)).status).toBe(204);
    expect((await ala.api.get(`/tickets/${ticket.id}`)).body).toMatchObject({ watching: false, watchers: [] });
    const again = composeMail({ from: 'ewa@klient.pl', to: INBOX, subject: 'Re: Gdzie paczka?', body: 'Halo?', inReplyTo: reply.messageId });
    await sendRaw(product.smtpPort!, { from: 'ewa@klient.pl', to: [INBOX], raw: again.raw });
    await waitFor(async () => (await notificationsOf(bartek)).items.filter((n) => n.ticketId === ticket.id && n.kind === 'customer_replied').length === 2, {
      timeoutMs: 20_000, description: "Bartek's second customer_replied notification",
    });
    expect((await notificationsOf(ala)).items.filter((n) => n.ticketId === ticket.id && n.kind === 'customer_replied')).toHaveLength(1);
  }, 90_000);

  it('notifies the agent a rule assigns a ticket opened by a mail to', async () => {
    const rule = await admin.post('/rules', {
      name: 'Hulajnogi do Bartka', trigger: 'ticket_created', enabled: true,
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['hulajnoga'] }] },
      actions: [{ type: 'assign', userId: bartek.id }],
    });
    expect(rule.status).toBe(201);
    const mail = composeMail({ from: 'olek@klient.pl', fromName: 'Olek', to: INBOX, subject: 'Hulajnoga nie jedzie', body: 'Koło się nie kręci.' });
    await sendRaw(product.smtpPort!, { from: 'olek@klient.pl', to: [INBOX], raw: mail.raw });
    const assigned = await waitFor(async () => (await notificationsOf(bartek)).items.find((n) => n.ticketSubject === 'Hulajnoga nie jedzie'), {
      timeoutMs: 20_000, description: 'the assignment notification of a ticket opened by mail',
    });
    expect(assigned).toMatchObject({ kind: 'assigned', actor: { type: 'rule', name: 'Hulajnogi do Bartka' } });
  }, 40_000);

  it("notifies the assignee of the SLA's warning on their ticket", async () => {
    const fast = await admin.post('/sla-policies', {
      name: 'Czat: natychmiast', conditions: { channels: ['chat'] }, firstResponse: { minutes: 1, mode: 'calendar' }, warning: { percent: 1 },
    });
    expect(fast.status).toBe(201);
    const ticket = await newTicket({ subject: 'Czat z klientem', channel: 'chat', assigneeId: bartek.id });
    const warning = await waitFor(async () => (await notificationsOf(bartek)).items.find((n) => n.ticketId === ticket.id && n.kind === 'sla_warning'), {
      timeoutMs: 15_000, description: 'the SLA warning notification',
    });
    expect(warning).toMatchObject({ actor: { type: 'system' }, payload: { target: 'firstResponse', dueAt: expect.any(String) } });
  });

  it("lists the caller's own only, unread first and newest first, and marks them read by ids or all", async () => {
    const ticket = await newTicket({ subject: 'Czytanie' });
    await note(ala, ticket.id, '@celina?'); // out of Celina's reach: nothing
    await note(bartek, ticket.id, '@ala.nowak pierwsza');
    await note(bartek, ticket.id, '@ala.nowak druga');
    const before = await notificationsOf(ala);
    expect(before.items.every((n) => n.kind && n.id)).toBe(true);
    const ours = before.items.filter((n) => n.ticketId === ticket.id);
    expect(ours.map((n) => n.payload.excerpt)).toEqual(['@ala.nowak druga', '@ala.nowak pierwsza']);

    // Another agent's ids are not theirs to mark.
    const bartekFirst = (await notificationsOf(bartek)).items[0];
    expect((await ala.api.post('/notifications/read', { ids: [bartekFirst.id] })).body).toMatchObject({ marked: 0 });
    expect((await notificationsOf(bartek)).items.find((n) => n.id === bartekFirst.id)!.readAt).toBeNull();

    const marked = await ala.api.post('/notifications/read', { ids: [ours[1].id] });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ marked: 1, unread: before.unread - 1 });
    const after = await notificationsOf(ala);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.total).toBe(before.total);
    // The read one is listed after every unread one.
    expect(after.items.at(-1)!.id === ours[1].id || after.items.findIndex((n) => n.id === ours[1].id) >= after.unread).toBe(true);
    expect(after.items.slice(0, after.unread).every((n) => n.readAt === null)).toBe(true);

    const paged = await ala.api.get('/notifications?limit=1&offset=1');
    expect(paged.body).toMatchObject({ total: after.total, unread: after.unread, items: [after.items[1]] });

    const neither = await ala.api.post('/notifications/read', {});
    expect(neither.status).toBe(400);
    expect(errorFields(neither)).toEqual(expect.arrayContaining(['ids']));
    expect(errorFields(await ala.api.post('/notifications/read', { ids: ['nie-uuid'] }))).toEqual(expect.arrayContaining(['ids']));

    expect((await ala.api.post('/notifications/read', { all: true })).body).toEqual({ marked: after.unread, unread: 0 });
    expect((await notificationsOf(ala)).unread).toBe(0);
    expect((await notificationsOf(bartek)).unread).toBeGreaterThan(0);
  });

  it('delivers a new notification live to its user only', async () => {
    const open = async (user: CreatedUser) => {
      const stream = await openEventStream(`${product.baseUrl}${API}/live`, await login(product.baseUrl, user.email, user.password));
      streams.push(stream);
      await stream.next('ready');
      return stream;
    };
    const bartekStream = await open(bartek);
    const alaStream = await open(ala);
    const ticket = await newTicket({ subject: 'Na żywo' });
    await note(ala, ticket.id, '@bartek pilne, na żywo');
    const live = await bartekStream.next<Notification>('notification', (n) => n.ticketId === ticket.id, 10_000);
    expect(live).toMatchObject({ kind: 'mention', ticketNumber: ticket.number, actor: { name: 'Ala Nowak' }, readAt: null });
    expect((await notificationsOf(bartek)).items.find((n) => n.id === live.id)).toEqual(live);
    await new Promise((resolve) => setTimeout(resolve, 600));
    // (A stream may also be told of notifications of the moments before it opened; none of this ticket is Ala's.)
    expect(alaStream.events.filter((e) => e.event === 'notification' && (e.data as Notification).ticketId === ticket.id)).toEqual([]);
  });

  it('mails the notifications each agent chose (by default mentions, assignments, SLA warnings; not customer replies)', async () => {
    expect((await bartek.api.get('/me/notification-settings')).body).toEqual({
      email: { mention: true, assigned: true, customer_replied: false, sla_warning: true, snooze_ended: false },
    });
    const ticket = await newTicket({ subject: 'Powiadomienie mailem' });
    await note(ala, ticket.id, '@bartek sprawdź mail');
    const mail = await sink.waitFor((m) => m.to.includes(bartek.email) && m.subject.includes(ticket.number), 20_000);
    expect(mail.subject).toContain('wspomina o Tobie');
    expect(mail.text).toContain('@bartek sprawdź mail');
    expect(mail.text).toContain(`/tickets/${ticket.number}`);

    const saved = await bartek.api.put('/me/notification-settings', { email: { mention: false } });
    expect(saved.status).toBe(200);
    expect(saved.body.email).toMatchObject({ mention: false, assigned: true });
    expect((await bartek.api.get('/me/notification-settings')).body.email.mention).toBe(false);
    expect(errorFields(await bartek.api.put('/me/notification-settings', { email: { mention: 'tak' } }))).toEqual(['email.mention']);
    await note(ala, ticket.id, '@bartek bez maila tym razem');
    await waitFor(async () => (await notificationsOf(bartek)).items.some((n) => n.payload.excerpt === '@bartek bez maila tym razem'));
    await sink.expectNone((m) => m.to.includes(bartek.email) && m.text.includes('bez maila tym razem'), 1_500);
  }, 60_000);
});
