import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { composeMail, type PlainMail } from '../support/compose-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';
import { addInboundAddress, BIURO, deliverRaw, readTicket, REKLAMACJE, sameMessageId, waitForProcessed, type MailTicket } from './mail-kit.js';

// The ready-made scenarios, switched on by an admin, doing their work on real
// mail over SMTP: routing, priority, round-robin assignment, an automatic
// answer from a template, a notification to the queue, the reminder and the
// closing of tickets left waiting for the customer, and a webhook on closing,
// every step named in the ticket's history.

jest.setTimeout(90_000);

interface Rule {
  id: string;
  slug: string | null;
  actions: Record<string, unknown>[];
}

interface TicketEvent {
  type: string;
  field: string | null;
  actorType: string;
  actorName: string | null;
  oldValue: unknown;
  newValue: unknown;
}

describe('rules on real mail', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;
  let anna: CreatedUser;
  let bartek: CreatedUser;
  let queues: Record<string, string>;
  let categories: Record<string, string>;
  let rules: Record<string, Rule>;
  let hook: Server;
  const hookCalls: { headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];

  const enable = async (slug: string, change: Record<string, unknown> = {}) => {
    const res = await admin.patch(`/rules/${rules[slug].id}`, { enabled: true, ...change });
    expect(res.status).toBe(200);
  };
  const send = async (mail: Omit<PlainMail, 'from'> & { from?: string }) => {
    const { raw, messageId } = composeMail({ from: 'klient@example.pl', fromName: 'Jan Kowalski', ...mail });
    await deliverRaw(product, raw, { to: [mail.to] });
    const processed = await waitForProcessed(admin, messageId);
    return { ticket: await readTicket(admin, processed.ticketId!), messageId };
  };
  const eventsOf = (ticket: MailTicket) => ticket.events as unknown as TicketEvent[];
  const byRule = (ticket: MailTicket, slugName: string) => eventsOf(ticket).filter((e) => e.actorType === 'rule' && e.actorName === slugName);

  beforeAll(async () => {
    sink = await startSmtpSink();
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        hookCalls.push({ headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    product = await startProduct({
      OUTBOUND_SMTP_URL: sink.url,
      MAIL_DOMAIN: 'rowerownia.pl',
      AUTO_REPLY_PER_SENDER_PER_HOUR: '1000',
      RULES_SWEEP_INTERVAL_MS: '300',
      // The rule's webhook receiver listens on loopback.
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOKS_SWEEP_INTERVAL_MS: '200',
    });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
    await addInboundAddress(admin, { address: REKLAMACJE, name: 'Reklamacje', autoAcknowledge: false });
    queues = Object.fromEntries(((await admin.get('/queues')).body.items as { slug: string; id: string }[]).map((q) => [q.slug, q.id]));
    categories = Object.fromEntries(((await admin.get('/categories')).body.items as { slug: string; id: string }[]).map((c) => [c.slug, c.id]));
    rules = Object.fromEntries(((await admin.get('/rules')).body.items as Rule[]).filter((r) => r.slug).map((r) => [r.slug!, r]));

    anna = await createUser(product, admin, { email: 'anna@rowerownia.pl', name: 'Anna Reklamacje' });
    bartek = await createUser(product, admin, { email: 'bartek@rowerownia.pl', name: 'Bartek Reklamacje' });
    expect((await admin.patch(`/queues/${queues.complaints}`, { assignmentStrategy: 'round_robin' })).status).toBe(200);
    expect((await admin.put(`/queues/${queues.complaints}/members`, { userIds: [anna.id, bartek.id] })).status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
    await new Promise((resolve) => hook?.close(resolve));
  });

  it('mail to reklamacje@ lands in complaints as a high-priority complaint, assigned to the queue’s agents in turn', async () => {
    await enable('complaints-address');
    const first = await send({ to: REKLAMACJE, subject: 'Reklamacja roweru', body: 'Pękła rama po tygodniu.' });
    const second = await send({ to: REKLAMACJE, subject: 'Reklamacja kasku', body: 'Kask ma pęknięcie.' });
    for (const { ticket } of [first, second]) {
      expect(ticket).toMatchObject({ queueId: queues.complaints, categoryId: categories['complaint-return'], priority: 'high' });
    }
    const assignees = [first.ticket, second.ticket].map((t) => (t as unknown as { assigneeId: string }).assigneeId);
    expect(new Set(assignees)).toEqual(new Set([anna.id, bartek.id]));

    // The history names the rule for each change and says why it matched.
    const name = 'Reklamacje: adres reklamacje@ → kolejka Reklamacje, wysoki priorytet';
    const steps = byRule(first.ticket, name);
    expect(steps[0]).toMatchObject({ type: 'rule_applied', newValue: { trigger: 'ticket_created' } });
    const explanation = (steps[0].newValue as { explanation: { field: string; matched: boolean }[] }).explanation;
    expect(explanation).toEqual([expect.objectContaining({ field: 'inbound_address', matched: true })]);
    expect(steps.filter((e) => e.type === 'field_changed').map((e) => e.field)).toEqual(['priority', 'queueId', 'categoryId', 'assigneeId']);
  });

  it('an order-status question is answered with the template and resolved; the customer’s reply reopens it', async () => {
    await enable('order-status-auto-answer');
    const { ticket, messageId } = await send({ to: BIURO, subject: 'Gdzie jest moja paczka?', body: 'Dzień dobry, kiedy wysyłka zamówienia 12345?' });
    expect(ticket.status).toBe('resolved');
    expect(ticket.categoryId).toBe(categories['order-status']);

    const answer = await sink.waitFor((m) => sameMessageId(m.inReplyTo, messageId));
    expect(answer.to).toEqual(['klient@example.pl']);
    expect(answer.subject).toContain(`[#${ticket.number}]`);
    expect(answer.text).toContain(ticket.number);
    expect(answer.text).toContain('Jan Kowalski');
    expect(answer.header('Auto-Submitted')).toBe('auto-replied');

    // The answer makes the acknowledgement unnecessary: the customer gets one mail, not two.
    const outbound = ticket.messages.filter((m) => m.direction === 'outbound');
    expect(outbound).toEqual([expect.objectContaining({ automated: true, bodyText: answer.text.trim() })]);
    await sink.expectNone((m) => sameMessageId(m.inReplyTo, messageId) && m !== answer, 1500);
    const reply = await send({ to: BIURO, subject: `Re: Gdzie jest moja paczka? [#${ticket.number}]`, body: 'Nadal nic nie przyszło.', inReplyTo: outbound[0].messageId! });
    expect(reply.ticket.id).toBe(ticket.id);
    expect(reply.ticket.status).toBe('open');
  });

  it('the template answer goes to the Reply-To of the customer\'s mail when it names another address', async () => {
    await enable('order-status-auto-answer');
    const { ticket, messageId } = await send({
      to: BIURO, subject: 'Gdzie jest moja paczka?', body: 'Dzień dobry, kiedy wysyłka zamówienia 777?',
      headers: { 'Reply-To': 'Anna Kowalska <anna.kowalska@example.pl>' },
    });
    expect(ticket.customer.email).toBe('klient@example.pl');
    const answer = await sink.waitFor((m) => sameMessageId(m.inReplyTo, messageId));
    expect(answer.envelope.rcptTo).toEqual(['anna.kowalska@example.pl']);
    expect(answer.to).toEqual(['anna.kowalska@example.pl']);
  });

  it('never answers an automated sender, and says so in the history', async () => {
    const { ticket } = await send({
      // A shop platform's notification: automated (bulk), so it opens a ticket but gets no answer.
      to: BIURO, from: 'powiadomienia@platforma-sklepowa.pl', subject: 'Status zamówienia 555', body: 'Status zamówienia: wysłane.',
      headers: { Precedence: 'bulk', 'List-Unsubscribe': '<mailto:unsubscribe@platforma-sklepowa.pl>' },
    });
    expect(ticket.messages.filter((m) => m.direction === 'outbound')).toEqual([]);
    expect(eventsOf(ticket)).toContainEqual(expect.objectContaining({
      type: 'rule_action_skipped', actorType: 'rule', newValue: { action: 'reply_with_template', reason: 'automated_sender' },
    }));
  });

  it('a failure report is urgent and the whole queue is told by mail', async () => {
    await enable('failure-urgent');
    const { ticket } = await send({ to: REKLAMACJE, subject: 'AWARIA', body: 'Licznik NIE DZIAŁA od wczoraj.' });
    expect(ticket.priority).toBe('urgent');
    const notice = await sink.waitFor((m) => m.subject.includes(ticket.number) && m.subject.startsWith('[Okienko]'));
    expect(notice.envelope.rcptTo.sort()).toEqual(['anna@rowerownia.pl', 'bartek@rowerownia.pl']);
    expect(notice.text).toContain('Awaria');
  });

  it('waiting for the customer: a reminder after the set time, then the ticket is closed and the webhook is called', async () => {
    await enable('waiting-customer-reminder', { triggerParams: { status: 'waiting_customer', hours: 0.0001 } });
    await enable('waiting-customer-close', { triggerParams: { status: 'waiting_customer', hours: 0.0002 } });
    const webhook = await admin.post('/rules', {
      name: 'Zamknięte → CRM',
      enabled: true,
      trigger: 'ticket_closed',
      conditions: { match: 'all', conditions: [] },
      actions: [{ type: 'call_webhook', url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/okienko` }],
    });
    expect(webhook.status).toBe(201);

    const { ticket } = await send({ to: BIURO, subject: 'Pytanie o rozmiar ramy', body: 'Jaki rozmiar przy 180 cm wzrostu?' });
    const answered = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Jaką ma Pan długość nogi?', status: 'waiting_customer' });
    expect(answered.status).toBe(201);

    const reminder = await sink.waitFor((m) => m.subject.includes(ticket.number) && m.to.includes('klient@example.pl') && m.text.includes('przypomin'));
    expect(reminder.header('Auto-Submitted')).toBe('auto-replied');
    const closed = await waitFor(async () => {
      const t = await readTicket(admin, ticket.id);
      return t.status === 'closed' ? t : null;
    }, { timeoutMs: 20_000, description: 'the ticket to be closed' });
    expect(byRule(closed, 'Czekamy na klienta 7 dni → zamknij').map((e) => e.type)).toEqual(['rule_applied', 'field_changed']);

    const call = await waitFor(() => hookCalls.find((c) => (c.body.ticket as { number: string }).number === ticket.number), {
      timeoutMs: 20_000, description: 'the webhook to be called',
    });
    expect(call.body).toMatchObject({ event: 'ticket_closed', rule: { name: 'Zamknięte → CRM' }, ticket: { status: 'closed', number: ticket.number } });
    expect(call.headers['content-type']).toBe('application/json');

    // Fired once per stay in the status: no second reminder.
    await sink.expectNone((m) => m.subject.includes(ticket.number) && m.text.includes('przypomin') && m !== reminder, 1500);
  });
});
