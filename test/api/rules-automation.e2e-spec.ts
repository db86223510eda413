import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Rules at work on changes made through the API: a ticket opened by an
// integrator, an agent's reply, a status change; in order, with "stop
// further rules", and never when switched off.

interface TicketEvent {
  type: string;
  field: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  newValue: unknown;
}

describe('rules on API changes', () => {
  let product: TestProduct;
  let admin: ApiClient;
  const created: string[] = [];

  const rule = async (body: Record<string, unknown>) => {
    const res = await admin.post('/rules', { enabled: true, conditions: { match: 'all', conditions: [] }, ...body });
    expect(res.status).toBe(201);
    created.push(res.body.id);
    return res.body as { id: string; name: string };
  };
  const open = async (subject: string, body = 'Dzień dobry') => {
    const res = await admin.post('/tickets', { subject, customer: { email: 'klient@example.pl', name: 'Klient' }, message: { body } });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string; priority: string; tags: string[]; status: string };
  };
  const ticket = async (id: string) => (await admin.get(`/tickets/${id}`)).body as {
    status: string; tags: string[]; priority: string; events: TicketEvent[]; messages: { direction: string; bodyText: string }[];
  };

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
  }, 60_000);

  afterAll(async () => {
    for (const id of created) await admin?.delete(`/rules/${id}`);
    await product?.close();
  });

  it('a ticket opened through the API is routed by ticket_created rules, and the answer already shows it', async () => {
    const r = await rule({
      name: 'Zwroty: tag i priorytet',
      trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [{ field: 'body', operator: 'contains_any_word', value: ['zwrot'] }] },
      actions: [{ type: 'add_tag', tag: 'zwrot' }, { type: 'set_priority', priority: 'high' }],
    });
    const matching = await open('Pytanie', 'Chcę zrobić ZWRÓT towaru.');
    expect(matching).toMatchObject({ priority: 'high', tags: ['zwrot'] });
    const events = (await ticket(matching.id)).events.filter((e) => e.actorType === 'rule');
    expect(events.map((e) => [e.type, e.field])).toEqual([['rule_applied', null], ['field_changed', 'priority'], ['field_changed', 'tags']]);
    expect(events.every((e) => e.actorId === r.id && e.actorName === r.name)).toBe(true);

    const other = await open('Pytanie', 'Czy macie rozmiar M?');
    expect(other).toMatchObject({ priority: 'normal', tags: [] });
  });

  it("an automatic answer at creation promises the deadline of the ticket as the rules left it", async () => {
    const template = await admin.post('/templates', { title: 'Termin awarii', slug: 'awaria-termin', body: 'Odpowiemy do {{ticket.firstResponseDueAt}}.' });
    expect(template.status).toBe(201);
    await rule({
      name: 'Awaria: pilne i odpowiedź',
      trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['awaria'] }] },
      actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'reply_with_template', templateId: template.body.id }],
    });
    const opened = await open('Awaria terminala');
    const read = (await admin.get(`/tickets/${opened.id}`)).body as { priority: string; sla: { policyName: string; firstResponseDueAt: string } };
    // The seeded policy for failures (urgent) promises the first answer within 2 hours, not the default business day.
    expect(read).toMatchObject({ priority: 'urgent', sla: { policyName: 'Awarie i błędne dostawy' } });
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(read.sla.firstResponseDueAt))
        .map((p) => [p.type, p.value]),
    );
    const answer = (await ticket(opened.id)).messages.find((m) => m.direction === 'outbound');
    expect(answer?.bodyText).toBe(`Odpowiemy do ${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}.`);
  });

  it('runs rules in order; "stop further rules" keeps later ones from running', async () => {
    await rule({ name: 'Pierwsza', trigger: 'agent_replied', actions: [{ type: 'add_tag', tag: 'pierwsza' }], stopProcessing: true, order: 1 });
    await rule({ name: 'Druga', trigger: 'agent_replied', actions: [{ type: 'add_tag', tag: 'druga' }], order: 2 });
    const t = await open('Pytanie o dostawę');
    expect((await admin.post(`/tickets/${t.id}/messages`, { type: 'reply', body: 'Wysyłamy jutro.' })).status).toBe(201);
    expect((await ticket(t.id)).tags).toEqual(['pierwsza']);
    // A note is not a reply: agent_replied does not fire.
    const quiet = await open('Inne pytanie');
    expect((await admin.post(`/tickets/${quiet.id}/messages`, { type: 'note', body: 'Do sprawdzenia.' })).status).toBe(201);
    expect((await ticket(quiet.id)).tags).toEqual([]);
  });

  it('a status change fires status_changed and, when closing, ticket_closed; a rule closing a ticket fires ticket_closed too', async () => {
    await rule({
      name: 'Rozwiązane → notatka',
      trigger: 'status_changed',
      conditions: { match: 'all', conditions: [{ field: 'status', operator: 'is', value: 'resolved' }] },
      actions: [{ type: 'add_note', body: 'Sprawdź, czy klient jest zadowolony.' }],
    });
    await rule({
      name: 'Tag „zamknij” → zamknij',
      trigger: 'status_changed',
      conditions: { match: 'all', conditions: [{ field: 'tag', operator: 'is', value: 'zamknij' }] },
      actions: [{ type: 'close' }],
    });
    await rule({ name: 'Po zamknięciu', trigger: 'ticket_closed', actions: [{ type: 'add_tag', tag: 'po-zamknieciu' }] });

    const t = await open('Reklamacja');
    expect((await admin.patch(`/tickets/${t.id}`, { status: 'resolved' })).status).toBe(200);
    const resolved = await ticket(t.id);
    expect(resolved.messages.filter((m) => m.direction === 'note').map((m) => m.bodyText)).toEqual(['Sprawdź, czy klient jest zadowolony.']);
    expect(resolved.tags).toEqual([]);

    const u = await open('Do zamknięcia');
    const changed = await admin.patch(`/tickets/${u.id}`, { status: 'open', tags: ['zamknij'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'closed', tags: ['zamknij', 'po-zamknieciu'] });
    const history = (await ticket(u.id)).events.filter((e) => e.actorType === 'rule').map((e) => `${e.actorName}: ${e.type}${e.field ? ` ${e.field}` : ''}`);
    expect(history).toEqual([
      'Tag „zamknij” → zamknij: rule_applied',
      'Tag „zamknij” → zamknij: field_changed status',
      'Po zamknięciu: rule_applied',
      'Po zamknięciu: field_changed tags',
    ]);
  });

  it('a rule switched off does nothing from then on', async () => {
    const r = await rule({ name: 'Pilne', trigger: 'ticket_created', actions: [{ type: 'set_priority', priority: 'urgent' }] });
    expect((await open('Pierwsze')).priority).toBe('urgent');
    expect((await admin.patch(`/rules/${r.id}`, { enabled: false })).status).toBe(200);
    expect((await open('Drugie')).priority).toBe('normal');
  });
});
