import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, createUser, errorFields, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The rules API as an admin uses it: write a rule, get told exactly what is
// wrong with it, put rules in order, switch them on and off, and dry-run one
// on a sample message or on the newest tickets before it does anything.

interface Rule {
  id: string;
  slug: string | null;
  name: string;
  enabled: boolean;
  order: number;
  trigger: string;
  triggerParams: Record<string, unknown>;
  conditions: unknown;
  actions: Record<string, unknown>[];
  stopProcessing: boolean;
}

describe('rules API', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let queues: Record<string, string>;
  let categories: Record<string, string>;

  const awariaRule = (extra: Record<string, unknown> = {}) => ({
    name: 'Awaria → pilne',
    trigger: 'ticket_created',
    conditions: { match: 'any', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['awaria', 'nie działa'] }] },
    actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'add_tag', tag: 'awaria' }],
    ...extra,
  });

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    queues = Object.fromEntries(((await admin.get('/queues')).body.items as { slug: string; id: string }[]).map((q) => [q.slug, q.id]));
    categories = Object.fromEntries(((await admin.get('/categories')).body.items as { slug: string; id: string }[]).map((c) => [c.slug, c.id]));
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  it('ships the ready-made scenarios, all disabled, in the order they run', async () => {
    const res = await admin.get('/rules');
    expect(res.status).toBe(200);
    const rules = res.body.items as Rule[];
    expect(rules.map((r) => r.slug)).toEqual(
      expect.arrayContaining(['complaints-address', 'failure-urgent', 'invoices-to-accounting', 'order-status-auto-answer', 'waiting-customer-reminder', 'waiting-customer-close']),
    );
    expect(rules.every((r) => r.enabled === false)).toBe(true);
    const complaints = rules.find((r) => r.slug === 'complaints-address')!;
    expect(complaints.actions).toEqual([
      { type: 'set_queue', queueId: queues.complaints },
      { type: 'set_category', categoryId: categories['complaint-return'] },
      { type: 'set_priority', priority: 'high' },
      { type: 'assign_by_strategy' },
    ]);
    const reminder = rules.find((r) => r.slug === 'waiting-customer-reminder')!;
    expect(reminder).toMatchObject({ trigger: 'time_in_status', triggerParams: { status: 'waiting_customer', hours: 72 } });
  });

  it('creates a rule disabled, last of its trigger; reads, changes, switches on and deletes it', async () => {
    const created = await admin.post('/rules', awariaRule());
    expect(created.status).toBe(201);
    const rule = created.body as Rule;
    expect(rule).toMatchObject({ name: 'Awaria → pilne', enabled: false, stopProcessing: false, trigger: 'ticket_created', slug: null });
    const sameTrigger = ((await admin.get('/rules?trigger=ticket_created')).body.items as Rule[]);
    expect(sameTrigger.at(-1)!.id).toBe(rule.id);
    expect(Math.max(...sameTrigger.map((r) => r.order))).toBe(rule.order);

    expect((await admin.get(`/rules/${rule.id}`)).body).toEqual(rule);
    const enabled = await admin.patch(`/rules/${rule.id}`, { enabled: true });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ enabled: true, name: 'Awaria → pilne', actions: rule.actions });
    expect(((await admin.get('/rules?enabled=true')).body.items as Rule[]).map((r) => r.id)).toEqual([rule.id]);

    const renamed = await admin.patch(`/rules/${rule.id}`, { name: 'Awaria!', stopProcessing: true });
    expect(renamed.body).toMatchObject({ name: 'Awaria!', stopProcessing: true, enabled: true });

    expect((await admin.delete(`/rules/${rule.id}`)).status).toBe(204);
    expectError(await admin.get(`/rules/${rule.id}`), 404, 'RULE_NOT_FOUND');
    expectError(await admin.delete(`/rules/${rule.id}`), 404, 'RULE_NOT_FOUND');
    expectError(await admin.patch(`/rules/${randomUUID()}`, { enabled: true }), 404, 'RULE_NOT_FOUND');
  });

  describe('refuses a rule that cannot run, naming the place', () => {
    it('the shape of the request (400 VALIDATION_FAILED)', async () => {
      expectFieldErrors(await admin.post('/rules', { ...awariaRule(), trigger: 'sometimes', name: '' }), ['name', 'trigger']);
      expectFieldErrors(await admin.post('/rules', { ...awariaRule(), actions: 'close' }), ['actions']);
    });

    it('a condition the engine cannot judge and an unsafe regular expression (400 RULE_INVALID)', async () => {
      const res = await admin.post('/rules', awariaRule({
        conditions: {
          match: 'all',
          conditions: [
            { field: 'subject', operator: 'sounds_like', value: 'awaria' },
            { match: 'any', conditions: [{ field: 'body', operator: 'matches_regex', value: '(a+)+$' }] },
          ],
        },
      }));
      expectError(res, 400, 'RULE_INVALID');
      expect(errorFields(res)).toEqual(['conditions[0]', 'conditions[1].conditions[0]']);
      expect(res.body.message).toContain('sounds_like');
    });

    it('an action pointing at a queue, user or template that does not exist', async () => {
      const ghost = randomUUID();
      const res = await admin.post('/rules', awariaRule({
        actions: [{ type: 'set_queue', queueId: ghost }, { type: 'assign', userId: ghost }, { type: 'reply_with_template', templateId: ghost }],
      }));
      expectError(res, 400, 'RULE_INVALID');
      expect(errorFields(res)).toEqual(['actions[0].queueId', 'actions[1].userId', 'actions[2].templateId']);
      expect(res.body.message).toContain(ghost);
    });

    it('contradictory actions and a time trigger without its time', async () => {
      const res = await admin.post('/rules', awariaRule({ actions: [{ type: 'close' }, { type: 'set_status', status: 'open' }] }));
      expectError(res, 400, 'RULE_INVALID');
      expect(errorFields(res)).toEqual(['actions']);
      const timed = await admin.post('/rules', awariaRule({ trigger: 'time_in_status', triggerParams: { status: 'waiting_customer' } }));
      expectError(timed, 400, 'RULE_INVALID');
      expect(errorFields(timed)).toEqual(['triggerParams']);
    });

    it('a change that would break a saved rule, which stays as it was', async () => {
      const rule = (await admin.post('/rules', awariaRule())).body as Rule;
      expectError(await admin.patch(`/rules/${rule.id}`, { actions: [] }), 400, 'RULE_INVALID');
      expect((await admin.get(`/rules/${rule.id}`)).body.actions).toEqual(rule.actions);
      await admin.delete(`/rules/${rule.id}`);
    });
  });

  it('puts every rule of a trigger in a new order, and refuses an incomplete or mixed list', async () => {
    const mine = await Promise.all(['A', 'B', 'C'].map(async (n) => (await admin.post('/rules', { ...awariaRule(), name: `Kolejność ${n}`, trigger: 'agent_replied' })).body as Rule));
    const reversed = [...mine].reverse().map((r) => r.id);
    const res = await admin.put('/rules/order', { ids: reversed });
    expect(res.status).toBe(200);
    expect((res.body.items as Rule[]).map((r) => r.name)).toEqual(['Kolejność C', 'Kolejność B', 'Kolejność A']);
    expect(((await admin.get('/rules?trigger=agent_replied')).body.items as Rule[]).map((r) => r.id)).toEqual(reversed);

    expectError(await admin.put('/rules/order', { ids: reversed.slice(0, 2) }), 400, 'RULE_ORDER_INVALID');
    const other = ((await admin.get('/rules?trigger=ticket_created')).body.items as Rule[])[0];
    const mixed = await admin.put('/rules/order', { ids: [...reversed, other.id] });
    expectError(mixed, 400, 'RULE_ORDER_INVALID');
    expect(mixed.body.message).toContain(other.id);
    expectFieldErrors(await admin.put('/rules/order', { ids: ['nope'] }), ['ids']);
    for (const r of mine) await admin.delete(`/rules/${r.id}`);
  });

  it('is for admins only', async () => {
    const agent = await createUser(product, admin, { email: 'rules.agent@okienko.test', name: 'Agentka' });
    expectError(await agent.api.get('/rules'), 403, 'AUTH_FORBIDDEN');
    expectError(await agent.api.post('/rules', awariaRule()), 403, 'AUTH_FORBIDDEN');
  });

  describe('dry run', () => {
    let urgentTicket: { id: string; number: string };
    let quietTicket: { id: string; number: string };

    beforeAll(async () => {
      urgentTicket = (await admin.post('/tickets', {
        subject: 'AWARIA płatności', customer: { email: 'ola@example.pl' }, message: { body: 'Płatność nie przechodzi.' },
      })).body;
      quietTicket = (await admin.post('/tickets', {
        subject: 'Pytanie o rozmiar', customer: { email: 'ewa@example.pl' }, message: { body: 'Czy będzie rozmiar M?' },
      })).body;
    });

    it('of a saved, disabled rule on the newest tickets: what it would change on each and why, changing nothing', async () => {
      const rule = (await admin.post('/rules', awariaRule({
        actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'set_queue', queueId: queues.it }, { type: 'add_note', body: 'Sprawdź status bramki płatności.' }],
      }))).body as Rule;
      const res = await admin.post(`/rules/${rule.id}/dry-run`, { lastTickets: 2 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ evaluated: 2, matched: 1 });
      const [quiet, urgent] = res.body.items as { ticket: { number: string }; matched: boolean; explanation: { matched: boolean; note?: string }[]; changes: unknown[]; actions: unknown[] }[];
      expect(quiet).toMatchObject({ ticket: { number: quietTicket.number }, matched: false, changes: [], actions: [] });
      expect(urgent.ticket.number).toBe(urgentTicket.number);
      expect(urgent.matched).toBe(true);
      expect(urgent.explanation[0]).toMatchObject({ type: 'condition', field: 'subject', operator: 'contains_any_word', matched: true });
      expect(urgent.changes).toEqual([
        { field: 'priority', from: 'normal', to: 'urgent', fromLabel: 'normal', toLabel: 'urgent' },
        { field: 'queueId', from: expect.any(String), to: queues.it, fromLabel: expect.any(String), toLabel: 'IT' },
      ]);
      expect(urgent.actions).toEqual([
        { type: 'add_note', params: {}, description: 'Would add an internal note.', preview: { body: 'Sprawdź status bramki płatności.' } },
      ]);

      const after = (await admin.get(`/tickets/${urgentTicket.id}`)).body;
      expect(after).toMatchObject({ priority: 'normal', tags: [] });
      expect((after.messages as { direction: string }[]).filter((m) => m.direction === 'note')).toHaveLength(0);
      await admin.delete(`/rules/${rule.id}`);
    });

    it('of a rule not saved yet, on a sample message sent to an address', async () => {
      const res = await admin.post('/rules/dry-run', {
        rule: {
          name: 'Reklamacje',
          trigger: 'ticket_created',
          conditions: { match: 'all', conditions: [{ field: 'inbound_address', operator: 'starts_with', value: 'reklamacje@' }] },
          actions: [{ type: 'set_queue', queueId: queues.complaints }, { type: 'set_priority', priority: 'high' }],
        },
        sample: { subject: 'Zwrot butów', body: 'Chcę oddać buty.', from: 'jan@example.pl', to: 'Reklamacje@Sklep.pl' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ evaluated: 1, matched: 1 });
      expect(res.body.items[0]).toMatchObject({
        ticket: null,
        matched: true,
        changes: [
          { field: 'queueId', to: queues.complaints, toLabel: 'Reklamacje' },
          { field: 'priority', from: 'normal', to: 'high' },
        ],
      });
      expect(((await admin.get('/rules')).body.items as Rule[]).some((r) => r.name === 'Reklamacje')).toBe(false);
    });

    it('refuses an invalid draft the same way saving would', async () => {
      const res = await admin.post('/rules/dry-run', { rule: awariaRule({ actions: [] }), sample: { subject: 'x', body: 'y', from: 'a@b.pl' } });
      expectError(res, 400, 'RULE_INVALID');
      expectFieldErrors(await admin.post('/rules/dry-run', { rule: awariaRule(), sample: { subject: 'x', body: 'y', from: 'nie-mail' } }), ['sample.from']);
    });
  });
});
