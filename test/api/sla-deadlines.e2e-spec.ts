import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { sleep, waitFor } from '../support/wait-for.js';

// Deadlines on tickets through the API: the policy and its deadlines are set
// when a ticket is opened, a pause in waiting_customer moves them on by the
// time paused, the first agent reply stops the first-response clock, a
// priority change picks the policy again from the original start, a complaint
// carries the statutory 14 days, and the sweep records a warning and a breach
// once each. The default calendar is switched to round the clock, so business
// minutes are plain minutes and the expected values do not depend on when the
// suite runs.

interface Sla {
  policyId: string | null; policyName: string | null; firstResponseDueAt: string | null; nextResponseDueAt: string | null;
  resolutionDueAt: string | null; statutoryDueAt: string | null; paused: boolean; state: string;
  breached: { firstResponse: boolean; resolution: boolean; statutory: boolean };
}
interface Ticket {
  id: string; number: string; status: string; createdAt: string; firstResponseAt: string | null; sla: Sla;
  events: { type: string; field: string | null; newValue: Record<string, unknown> | null }[];
}
interface Policy { id: string; name: string; firstResponse: { minutes: number } | null; resolution: { minutes: number } | null }

const MINUTE = 60_000;
const ROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

describe('SLA deadlines on tickets', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let policies: Map<string, Policy>;
  let categories: Map<string, string>;
  let db: pg.Client;

  const open = async (extra: Record<string, unknown> = {}): Promise<Ticket> => {
    const res = await admin.post('/tickets', {
      subject: 'Gdzie jest paczka?', customer: { email: `klient-${Math.random().toString(36).slice(2)}@example.pl` }, message: { body: 'Dzień dobry' }, ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };
  const get = async (id: string): Promise<Ticket> => (await admin.get(`/tickets/${id}`)).body as Ticket;
  const plus = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * MINUTE).toISOString();

  beforeAll(async () => {
    product = await startProduct({ SLA_SWEEP_INTERVAL_MS: '300', RULES_SWEEP_INTERVAL_MS: '300' });
    admin = await asAdmin(product);
    const calendar = await admin.post('/calendars', { name: 'Całą dobę', timeZone: 'Europe/Warsaw', weeklyPeriods: ROUND_THE_CLOCK, holidays: 'none', isDefault: true });
    expect(calendar.status).toBe(201);
    policies = new Map(((await admin.get('/sla-policies')).body.items as Policy[]).map((p) => [p.name, p]));
    categories = new Map(((await admin.get('/categories')).body.items as { id: string; slug: string }[]).map((c) => [c.slug, c.id]));
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
  }, 60_000);

  // Stopping waits for the workers' running jobs (sweeps every 300 ms here, a recount after a policy change).
  afterAll(async () => {
    await db?.end();
    await product?.close();
  }, 60_000);

  it('gives a new ticket its policy and deadlines, counted from its creation', async () => {
    const ticket = await open();
    const policy = policies.get('Domyślna')!;
    expect(ticket.sla).toEqual({
      policyId: policy.id, policyName: 'Domyślna',
      firstResponseDueAt: plus(ticket.createdAt, policy.firstResponse!.minutes), nextResponseDueAt: null,
      resolutionDueAt: plus(ticket.createdAt, policy.resolution!.minutes), statutoryDueAt: null,
      paused: false, state: 'ok', breached: { firstResponse: false, resolution: false, statutory: false },
    });
    // The list shows the same.
    const list = (await admin.get(`/tickets?q=${ticket.number}`)).body.items as Ticket[];
    expect(list[0].sla).toEqual(ticket.sla);
  });

  it('stops the clocks while waiting for the customer and moves the deadlines on by the time paused', async () => {
    const ticket = await open();
    await admin.patch(`/tickets/${ticket.id}`, { status: 'open' }).expect(200);
    const paused = (await admin.patch(`/tickets/${ticket.id}`, { status: 'waiting_customer' }).expect(200)).body as Ticket;
    expect(paused.sla).toMatchObject({ paused: true, state: 'paused', firstResponseDueAt: ticket.sla.firstResponseDueAt, resolutionDueAt: ticket.sla.resolutionDueAt });
    await sleep(1500);
    const resumed = (await admin.patch(`/tickets/${ticket.id}`, { status: 'open' }).expect(200)).body as Ticket;
    expect(resumed.sla).toMatchObject({ paused: false, state: 'ok' });
    const shift = new Date(resumed.sla.firstResponseDueAt!).getTime() - new Date(ticket.sla.firstResponseDueAt!).getTime();
    expect(shift).toBeGreaterThanOrEqual(1500);
    expect(shift).toBeLessThan(10_000);
    expect(new Date(resumed.sla.resolutionDueAt!).getTime() - new Date(ticket.sla.resolutionDueAt!).getTime()).toBe(shift);
  });

  it('counts the first agent reply as the first response', async () => {
    const ticket = await open();
    const note = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'Sprawdzam' });
    expect(note.status).toBe(201);
    expect((await get(ticket.id)).firstResponseAt).toBeNull();
    await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Paczka jest w drodze', status: 'open' }).expect(201);
    const answered = await get(ticket.id);
    expect(answered.firstResponseAt).not.toBeNull();
    expect(answered.sla).toMatchObject({ state: 'ok', breached: { firstResponse: false, resolution: false, statutory: false } });
    // No warning or breach is pending for the first response any more.
    const row = await db.query(`SELECT sla_next_check_at FROM tickets WHERE id = $1`, [ticket.id]);
    expect(new Date(row.rows[0].sla_next_check_at).toISOString()).toBe(new Date(new Date(ticket.createdAt).getTime() + policies.get('Domyślna')!.resolution!.minutes * 0.8 * MINUTE).toISOString());
  });

  it('picks the policy again when the priority changes, keeping the original start', async () => {
    const ticket = await open();
    const urgent = (await admin.patch(`/tickets/${ticket.id}`, { priority: 'urgent' }).expect(200)).body as Ticket;
    const failures = policies.get('Awarie i błędne dostawy')!;
    expect(urgent.sla).toMatchObject({ policyId: failures.id, policyName: failures.name, firstResponseDueAt: plus(ticket.createdAt, failures.firstResponse!.minutes) });
    const back = (await admin.patch(`/tickets/${ticket.id}`, { priority: 'normal' }).expect(200)).body as Ticket;
    expect(back.sla).toMatchObject({ policyName: 'Domyślna', firstResponseDueAt: ticket.sla.firstResponseDueAt });
  });

  it('gives a complaint the statutory 14 days, gone when the category changes away', async () => {
    const ticket = await open({ categoryId: categories.get('complaint-return') });
    expect(ticket.sla).toMatchObject({ policyName: 'Reklamacje', statutoryDueAt: plus(ticket.createdAt, 14 * 24 * 60), state: 'ok' });
    const moved = (await admin.patch(`/tickets/${ticket.id}`, { categoryId: categories.get('order-status') }).expect(200)).body as Ticket;
    expect(moved.sla).toMatchObject({ policyName: 'Domyślna', statutoryDueAt: null });
  });

  it('records a warning and a breach once each', async () => {
    const fast = await admin.post('/sla-policies', {
      name: 'Czat: natychmiast', conditions: { channels: ['chat'] }, firstResponse: { minutes: 1, mode: 'calendar' }, warning: { percent: 1 },
    });
    expect(fast.status).toBe(201);
    const ticket = await open({ channel: 'chat' });
    expect(ticket.sla.policyName).toBe('Czat: natychmiast');
    // The warning comes at 1 % of a minute.
    await waitFor(async () => (await get(ticket.id)).events.find((e) => e.type === 'sla_warning'), { timeoutMs: 10_000 });
    expect((await get(ticket.id)).sla.state).toBe('warning');
    // A minute is long for a test: the deadline is moved to the past as if the minute had gone by.
    await db.query(`UPDATE tickets SET first_response_due_at = now() - interval '1 second', sla_next_check_at = now() - interval '1 second' WHERE id = $1`, [ticket.id]);
    await waitFor(async () => (await get(ticket.id)).events.find((e) => e.type === 'sla_breached'), { timeoutMs: 10_000 });
    // Several more sweeps record nothing more.
    await sleep(1500);
    const after = await get(ticket.id);
    expect(after.events.filter((e) => e.type === 'sla_warning')).toEqual([expect.objectContaining({ field: 'firstResponse', newValue: expect.objectContaining({ target: 'firstResponse' }) })]);
    expect(after.events.filter((e) => e.type === 'sla_breached')).toHaveLength(1);
    expect(after.sla).toMatchObject({ state: 'breached', breached: { firstResponse: true, resolution: false, statutory: false } });
  }, 30_000);

  it('runs the sla_before_deadline and sla_after_deadline rules once per deadline', async () => {
    const chat = { match: 'all', conditions: [{ field: 'channel', operator: 'is', value: 'chat' }] };
    const rules = [
      { name: 'Godzina przed terminem', trigger: 'sla_before_deadline', triggerParams: { hours: 1 }, conditions: chat, actions: [{ type: 'add_tag', tag: 'przed-terminem' }] },
      { name: 'Po terminie', trigger: 'sla_after_deadline', triggerParams: { hours: 0.0001 }, conditions: chat, actions: [{ type: 'add_tag', tag: 'po-terminie' }] },
    ];
    for (const rule of rules) {
      const created = await admin.post('/rules', rule);
      expect(created.status).toBe(201);
      await admin.patch(`/rules/${(created.body as { id: string }).id}`, { enabled: true }).expect(200);
    }
    const ticket = await open({ channel: 'chat' });
    // The first-response deadline is a minute away: within the hour.
    await waitFor(async () => ((await get(ticket.id)) as Ticket & { tags: string[] }).tags.includes('przed-terminem'), { timeoutMs: 10_000 });
    await db.query(`UPDATE tickets SET first_response_due_at = now() - interval '1 second' WHERE id = $1`, [ticket.id]);
    await waitFor(async () => ((await get(ticket.id)) as Ticket & { tags: string[] }).tags.includes('po-terminie'), { timeoutMs: 10_000 });
    await sleep(1500);
    const applied = (await get(ticket.id)).events.filter((e) => e.type === 'rule_applied');
    expect(applied).toHaveLength(2);
  }, 30_000);

  it('applies a changed policy to open tickets from then on, from their own start; resolved ones keep theirs', async () => {
    const policy = policies.get('Domyślna')!;
    const open1 = await open();
    const done = await open();
    await admin.patch(`/tickets/${done.id}`, { status: 'resolved' }).expect(200);
    const doneBefore = (await get(done.id)).sla;

    await admin.patch(`/sla-policies/${policy.id}`, { firstResponse: { minutes: 30, mode: 'calendar' } }).expect(200);
    const recounted = await waitFor(async () => {
      const t = await get(open1.id);
      return t.sla.firstResponseDueAt === plus(open1.createdAt, 30) ? t : null;
    }, { timeoutMs: 15_000, description: 'the open ticket to follow the changed policy' });
    expect(recounted.sla).toMatchObject({ policyName: 'Domyślna', resolutionDueAt: open1.sla.resolutionDueAt });
    expect((await get(done.id)).sla).toEqual(doneBefore);

    // Back as it was, for the other tests.
    await admin.patch(`/sla-policies/${policy.id}`, { firstResponse: { minutes: policy.firstResponse!.minutes, mode: 'business' } }).expect(200);
    await waitFor(async () => (await get(open1.id)).sla.firstResponseDueAt === open1.sla.firstResponseDueAt, {
      timeoutMs: 15_000, description: 'the open ticket to follow the restored policy',
    });
  }, 40_000);

  it('does not hold the recount up on a ticket someone is changing, and recounts that ticket once it is free', async () => {
    const policy = policies.get('Domyślna')!;
    // The busy ticket comes first in the recount's order (by id), so the others would wait behind it if it were waited for.
    const opened = [await open(), await open(), await open(), await open()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const [busy, ...others] = opened;
    const holder = new pg.Client({ connectionString: product.databaseUrl });
    await holder.connect();
    try {
      // Someone is in the middle of changing the busy ticket.
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [busy.id]);
      await admin.patch(`/sla-policies/${policy.id}`, { firstResponse: { minutes: 45, mode: 'calendar' } }).expect(200);
      for (const free of others) {
        await waitFor(async () => (await get(free.id)).sla.firstResponseDueAt === plus(free.createdAt, 45), {
          timeoutMs: 15_000, description: 'the free tickets to follow the changed policy while the other one is busy',
        });
      }
      expect((await get(busy.id)).sla.firstResponseDueAt).toBe(busy.sla.firstResponseDueAt);
      await holder.query('COMMIT');
      await waitFor(async () => (await get(busy.id)).sla.firstResponseDueAt === plus(busy.createdAt, 45), {
        timeoutMs: 15_000, description: 'the busy ticket to follow the changed policy once it is free',
      });
    } finally {
      await holder.end();
      await admin.patch(`/sla-policies/${policy.id}`, { firstResponse: { minutes: policy.firstResponse!.minutes, mode: 'business' } }).expect(200);
      await waitFor(async () => (await get(others[0].id)).sla.firstResponseDueAt === others[0].sla.firstResponseDueAt, {
        timeoutMs: 15_000, description: 'the open ticket to follow the restored policy',
      });
    }
  }, 60_000);
});

describe('views by deadline', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let db: pg.Client;
  let adminId: string;

  const open = async (extra: Record<string, unknown> = {}): Promise<Ticket> => {
    const res = await admin.post('/tickets', {
      subject: 'Zamówienie', customer: { email: `klient-${Math.random().toString(36).slice(2)}@example.pl` }, message: { body: 'Dzień dobry' }, ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };
  const nearest = (t: Ticket): number | null => {
    if (t.status === 'resolved' || t.status === 'closed') return null;
    const dues = [t.firstResponseAt ? null : t.sla.firstResponseDueAt, t.sla.nextResponseDueAt, t.sla.resolutionDueAt, t.sla.statutoryDueAt]
      .filter((d): d is string => d !== null)
      .map((d) => new Date(d).getTime());
    return dues.length ? Math.min(...dues) : null;
  };
  const ids = (res: { body: { items: Ticket[] } }) => res.body.items.map((t) => t.id);

  let normal: Ticket;
  let urgent: Ticket;
  let complaint: Ticket;
  let paused: Ticket;
  let breached: Ticket;
  let mine: Ticket;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    adminId = ((await admin.get('/users')).body.items as { id: string; email: string }[]).find((u) => u.email === product.admin.email)!.id;
    const categories = new Map(((await admin.get('/categories')).body.items as { id: string; slug: string }[]).map((c) => [c.slug, c.id]));
    const queues = new Map(((await admin.get('/queues')).body.items as { id: string; slug: string }[]).map((q) => [q.slug, q.id]));
    normal = await open();
    urgent = await open({ priority: 'urgent' });
    complaint = await open({ categoryId: categories.get('complaint-return') });
    paused = await open();
    await admin.patch(`/tickets/${paused.id}`, { status: 'open' }).expect(200);
    await admin.patch(`/tickets/${paused.id}`, { status: 'waiting_customer' }).expect(200);
    breached = await open();
    await db.query(`UPDATE tickets SET first_response_due_at = now() - interval '1 hour' WHERE id = $1`, [breached.id]);
    mine = await open({ assigneeId: adminId, queueId: queues.get('it') });
    await admin.put(`/queues/${queues.get('it')}/members`, { userIds: [adminId] }).expect(200);
  }, 60_000);

  // Stopping waits for the workers' running jobs (sweeps every 300 ms here, a recount after a policy change).
  afterAll(async () => {
    await db?.end();
    await product?.close();
  }, 60_000);

  it('filters the ticket list by SLA state and by the nearest deadline', async () => {
    expect(ids(await admin.get('/tickets?slaState=breached').expect(200))).toEqual([breached.id]);
    expect(ids(await admin.get('/tickets?slaState=paused').expect(200))).toEqual([paused.id]);
    expect(ids(await admin.get('/tickets?slaState=ok').expect(200)).sort()).toEqual([normal.id, urgent.id, complaint.id, mine.id].sort());
    const soon = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const due = (await admin.get(`/tickets?dueBefore=${encodeURIComponent(soon)}`).expect(200)).body.items as Ticket[];
    expect(due.map((t) => t.id)).toContain(breached.id);
    for (const t of due) expect(nearest(t)!).toBeLessThan(new Date(soon).getTime());
    await admin.get('/tickets?slaState=late').expect(400);
  });

  it('sorts by the nearest deadline, tickets without one last', async () => {
    await admin.patch(`/tickets/${normal.id}`, { status: 'resolved' }).expect(200);
    const items = (await admin.get('/tickets?sort=dueAt').expect(200)).body.items as Ticket[];
    const keys = items.map(nearest);
    expect(items[0].id).toBe(breached.id);
    expect(keys[keys.length - 1]).toBeNull();
    const running = keys.filter((k): k is number => k !== null);
    expect(running).toEqual([...running].sort((a, b) => a - b));
  });

  it('lists what to handle today: urgent and breached first, then by deadline; mine, my team or all', async () => {
    const all = (await admin.get('/views/today?scope=all').expect(200)).body as { items: Ticket[]; total: number };
    expect(all.total).toBe(5); // the resolved one is done
    expect(all.items.slice(0, 2).map((t) => t.id).sort()).toEqual([urgent.id, breached.id].sort());
    const rest = all.items.slice(2).map(nearest) as number[];
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    expect(ids(await admin.get('/views/today?scope=mine').expect(200))).toEqual([mine.id]);
    expect(ids(await admin.get('/views/today?scope=team').expect(200))).toEqual([mine.id]);
    await admin.get('/views/today?scope=everyone').expect(400);
  });
});
