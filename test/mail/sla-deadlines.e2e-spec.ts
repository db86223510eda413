import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { composeMail, type PlainMail } from '../support/compose-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';
import { addInboundAddress, BIURO, deliverRaw, readTicket, REKLAMACJE, sameMessageId, waitForProcessed, type MailTicket } from './mail-kit.js';

// Deadlines on tickets that mail opens and answers: a mail gets its policy
// and deadlines when it opens a ticket (also when a rule changes the fields
// first), the acknowledgement is not a first response, an agent's reply is,
// a customer's reply starts the next-response clock and the next answer
// stops it, and mail to the complaints address carries the statutory 14 days.
// The default calendar runs round the clock, so the expected deadlines are
// plain sums.

jest.setTimeout(60_000);

interface Sla {
  policyId: string | null; policyName: string | null; firstResponseDueAt: string | null; nextResponseDueAt: string | null;
  resolutionDueAt: string | null; statutoryDueAt: string | null; paused: boolean; state: string;
}
type SlaTicket = MailTicket & { createdAt: string; firstResponseAt: string | null; sla: Sla };

const MINUTE = 60_000;
const ROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));
const plus = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * MINUTE).toISOString();

describe('SLA deadlines on mail', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  const send = async (mail: Omit<PlainMail, 'from'> & { from?: string }) => {
    const { raw, messageId } = composeMail({ from: 'anna.klientka@example.pl', fromName: 'Anna Klientka', ...mail });
    await deliverRaw(product, raw, { to: [mail.to] });
    const processed = await waitForProcessed(admin, messageId);
    return { ticket: (await readTicket(admin, processed.ticketId!)) as SlaTicket, messageId };
  };
  const read = async (id: string) => (await readTicket(admin, id)) as SlaTicket;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    expect((await admin.post('/calendars', { name: 'Całą dobę', weeklyPeriods: ROUND_THE_CLOCK, holidays: 'none', isDefault: true })).status).toBe(201);
    const categories = ((await admin.get('/categories')).body.items as { id: string; slug: string }[]);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
    await addInboundAddress(admin, { address: REKLAMACJE, name: 'Reklamacje', categoryId: categories.find((c) => c.slug === 'complaint-return')!.id });
    const policy = await admin.post('/sla-policies', {
      name: 'Poczta', conditions: { channels: ['email'] },
      firstResponse: { minutes: 60, mode: 'calendar' }, nextResponse: { minutes: 30, mode: 'calendar' }, resolution: { minutes: 600, mode: 'calendar' },
    });
    expect(policy.status).toBe(201);
    // A rule that only sets a field: the mail still opens its ticket in one statement, with the deadlines of the rule's priority.
    const rule = await admin.post('/rules', {
      name: 'Pilne → pilny', trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['pilne'] }] },
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    expect(rule.status).toBe(201);
    expect((await admin.patch(`/rules/${(rule.body as { id: string }).id}`, { enabled: true })).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  it('a mail opens a ticket with its policy and deadlines; the acknowledgement is not a first response', async () => {
    const { ticket, messageId } = await send({ to: BIURO, subject: 'Rower nie przyszedł', body: 'Dzień dobry, gdzie jest mój rower?' });
    expect(ticket.sla).toMatchObject({
      policyName: 'Poczta', firstResponseDueAt: plus(ticket.createdAt, 60), resolutionDueAt: plus(ticket.createdAt, 600),
      nextResponseDueAt: null, statutoryDueAt: null, state: 'ok', paused: false,
    });
    await sink.waitFor((m) => sameMessageId(m.inReplyTo, messageId));
    const acknowledged = await read(ticket.id);
    expect(acknowledged.firstResponseAt).toBeNull();
    expect(acknowledged.sla.firstResponseDueAt).toBe(ticket.sla.firstResponseDueAt);
  });

  it("takes the rules' changes into account before the deadlines are set", async () => {
    const { ticket } = await send({ to: BIURO, subject: 'Pilne: złamana rama', body: 'Rama pękła po tygodniu.' });
    expect(ticket.priority).toBe('urgent');
    const failures = ((await admin.get('/sla-policies')).body.items as { name: string; firstResponse: { minutes: number } }[]).find((p) => p.name === 'Awarie i błędne dostawy')!;
    expect(ticket.sla).toMatchObject({ policyName: failures.name, firstResponseDueAt: plus(ticket.createdAt, failures.firstResponse.minutes) });
  });

  it("an agent's reply is the first response; the customer's reply starts the next-response clock and the next answer stops it", async () => {
    const { ticket, messageId } = await send({ to: BIURO, subject: 'Zmiana adresu dostawy', body: 'Proszę o zmianę adresu.' });
    await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Zmienione.', status: 'waiting_customer' }).expect(201);
    const answered = await read(ticket.id);
    expect(answered.firstResponseAt).not.toBeNull();
    expect(answered.sla).toMatchObject({ nextResponseDueAt: null, paused: true, state: 'paused' });

    const reply = await send({ to: BIURO, subject: `Re: Zmiana adresu dostawy [#${ticket.number}]`, body: 'Jeszcze numer mieszkania: 5.', inReplyTo: messageId });
    expect(reply.ticket.id).toBe(ticket.id);
    const inbound = reply.ticket.messages.find((m) => sameMessageId(m.messageId, reply.messageId))!;
    expect(reply.ticket.status).toBe('open');
    expect(reply.ticket.sla).toMatchObject({ nextResponseDueAt: plus(inbound.createdAt, 30), paused: false, state: 'ok' });

    await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Dopisane.' }).expect(201);
    expect((await read(ticket.id)).sla.nextResponseDueAt).toBeNull();
  });

  it('a mail to the complaints address carries the statutory deadline of 14 days', async () => {
    const { ticket } = await send({ to: REKLAMACJE, subject: 'Reklamacja: przerzutka', body: 'Przerzutka nie działa.' });
    expect(ticket.sla).toMatchObject({ policyName: 'Reklamacje', statutoryDueAt: plus(ticket.createdAt, 14 * 24 * 60) });
    const resolved = (await admin.patch(`/tickets/${ticket.id}`, { status: 'resolved' }).expect(200)).body as SlaTicket;
    expect(resolved.sla).toMatchObject({ state: 'none', statutoryDueAt: ticket.sla.statutoryDueAt });
    await waitFor(async () => (await read(ticket.id)).status === 'resolved');
  });
});
