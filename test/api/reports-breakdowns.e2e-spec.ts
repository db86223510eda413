import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The breakdown reports over a hand-made data set with known answers, each
// part in its own month and (where figures are "now") its own queue: SLA
// compliance, breaches, tickets at risk and statutory deadlines; the load of
// agents and queues; contact reasons (with a category name that needs CSV
// quoting); what rules did; customer satisfaction from answered surveys.

const HOUR = 3_600_000;
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * HOUR);

describe('reports: SLA, load, contact reasons, automation, satisfaction', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let db: pg.Client;
  let customerId: string;
  let seq = 0;

  const insert = async (table: string, columns: Record<string, unknown>): Promise<string> => {
    const names = Object.keys(columns);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${table === 'ticket_events' ? 'id::text' : 'id'}`,
      Object.values(columns),
    );
    return rows[0]!.id;
  };
  const ticket = (columns: Record<string, unknown>) => {
    seq += 1;
    return insert('tickets', {
      number: `2026-8${String(seq).padStart(5, '0')}`, subject: `Zgłoszenie ${seq}`, channel: 'email', customer_id: customerId, status: 'open',
      ...columns, updated_at: columns.created_at, status_changed_at: columns.created_at,
    });
  };
  const numberOf = async (id: string) => (await db.query<{ number: string }>(`SELECT number FROM tickets WHERE id = $1`, [id])).rows[0]!.number;
  const report = async <T>(name: string, query: string): Promise<T> => {
    const res = await admin.get(`/reports/${name}?${query}`);
    expect(res.status).toBe(200);
    return res.body as T;
  };
  const queue = async (name: string) => (await admin.post('/queues', { name })).body.id as string;

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    customerId = await insert('customers', { email: 'podzial@example.pl', name: 'Klient' });
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await product?.close();
  });

  it('sla: compliance per policy, breaches recorded in the range, tickets at risk now, statutory complaint deadlines', async () => {
    const q = await queue('Raporty: SLA');
    const policies = new Map(((await admin.get('/sla-policies')).body.items as { id: string; name: string }[]).map((p) => [p.name, p.id]));
    const standard = policies.get('Domyślna')!;
    const complaints = policies.get('Reklamacje')!;
    const complaintCategory = ((await admin.get('/categories')).body.items as { id: string; slug: string }[]).find((c) => c.slug === 'complaint-return')!.id;
    const created = '2026-06-01T08:00:00Z';
    const due = { first_response_due_at: at(created, 8), resolution_due_at: at(created, 40) };
    // Both targets met (a next response breached on the way: counted as a breach, not in the compliance).
    await ticket({
      queue_id: q, sla_policy_id: standard, created_at: created, ...due, status: 'resolved', first_response_at: at(created, 1), resolved_at: at(created, 20),
      next_response_breached_at: at(created, 12),
    });
    // First response breached in June; resolved late, the breach recorded only in July: both missed.
    await ticket({
      queue_id: q, sla_policy_id: standard, created_at: created, ...due, status: 'resolved',
      first_response_at: at(created, 10), first_response_breached_at: at(created, 8), resolved_at: at(created, 50),
      resolution_breached_at: at('2026-07-02T10:00:00Z'),
    });
    // Not answered yet, past its warning and not breached: at risk now; nothing decided.
    await ticket({ queue_id: q, sla_policy_id: standard, created_at: created, ...due, first_response_warned_at: at(created, 6), resolution_warned_at: at(created, 32) });
    // Complaints: the statutory deadline (14 days) met by one, missed by the other.
    const complaint = { queue_id: q, sla_policy_id: complaints, category_id: complaintCategory, created_at: created, statutory_due_at: at(created, 14 * 24) };
    await ticket({ ...complaint, status: 'resolved', resolved_at: at(created, 48) });
    await ticket({ ...complaint, statutory_breached_at: at(created, 14 * 24) });

    const body = await report<{
      policies: { policyId: string; policyName: string; tickets: number; firstResponse: object; resolution: object; breaches: object; atRisk: object; atRiskTickets: number }[];
      total: { tickets: number; firstResponse: object; resolution: object; atRiskTickets: number };
      statutory: object;
    }>('sla', `from=2026-06-01&to=2026-06-30&queueId=${q}`);
    const byName = new Map(body.policies.map((p) => [p.policyName, p]));
    expect(body.policies.map((p) => p.policyName)).toEqual(['Reklamacje', 'Awarie i błędne dostawy', 'Pytania ofertowe', 'Domyślna']);
    expect(byName.get('Domyślna')).toEqual({
      policyId: standard, policyName: 'Domyślna', tickets: 3,
      firstResponse: { met: 1, missed: 1, compliancePercent: 50 },
      resolution: { met: 1, missed: 1, compliancePercent: 50 },
      breaches: { firstResponse: 1, nextResponse: 1, resolution: 0 },
      atRisk: { firstResponse: 1, nextResponse: 0, resolution: 1 },
      atRiskTickets: 1,
    });
    expect(byName.get('Reklamacje')).toMatchObject({
      tickets: 2, firstResponse: { met: 0, missed: 0, compliancePercent: null }, atRiskTickets: 0,
    });
    expect(body.total).toMatchObject({ tickets: 5, firstResponse: { met: 1, missed: 1, compliancePercent: 50 }, atRiskTickets: 1 });
    expect(body.statutory).toEqual({ total: 2, met: 1, missed: 1, pending: 0, compliancePercent: 50 });

    const july = await report<{ total: { tickets: number; breaches: object }; statutory: { total: number } }>('sla', `from=2026-07-01&to=2026-07-31&queueId=${q}`);
    expect(july.total.tickets).toBe(0);
    expect(july.total.breaches).toEqual({ firstResponse: 0, nextResponse: 0, resolution: 1 });
    expect(july.statutory.total).toBe(0);
  });

  it('load: open tickets per agent and queue now, tickets resolved and replies written per agent in the range', async () => {
    const q = await queue('Raporty: obciążenie');
    const anna: CreatedUser = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    const bartek: CreatedUser = await createUser(product, admin, { email: 'bartek@okienko.test', name: 'Bartek Zieliński' });
    const aug = '2026-08-10T10:00:00Z';
    const a1 = await ticket({ queue_id: q, assignee_id: anna.id, created_at: aug });
    await ticket({ queue_id: q, assignee_id: anna.id, created_at: aug, status: 'waiting_customer' });
    await ticket({ queue_id: q, assignee_id: bartek.id, created_at: aug, status: 'new' });
    await ticket({ queue_id: q, assignee_id: bartek.id, created_at: aug, status: 'resolved', resolved_at: at(aug, 5) });
    await ticket({ queue_id: q, assignee_id: bartek.id, created_at: aug, status: 'closed', resolved_at: '2026-09-02T10:00:00Z', closed_at: '2026-09-02T10:00:00Z' });
    await ticket({ queue_id: q, created_at: aug });
    const message = (columns: Record<string, unknown>) =>
      insert('messages', { ticket_id: a1, direction: 'outbound', body_text: 'Odpowiedź', created_at: at(aug, 1), ...columns });
    await message({ author_user_id: anna.id });
    await message({ author_user_id: anna.id, created_at: at(aug, 2) });
    await message({ author_user_id: anna.id, direction: 'note' }); // a note is no reply
    await message({ author_user_id: anna.id, purpose: 'forward' }); // nor a forwarded copy
    await message({ automated: true }); // nor a rule's answer
    await message({ author_user_id: bartek.id, created_at: '2026-09-05T10:00:00Z' }); // after the range

    const body = await report<{
      agents: { userId: string | null; name: string | null; openNow: number; resolved: number; replies: number }[];
      queues: { queueId: string | null; name: string | null; openNow: number }[];
    }>('load', `from=2026-08-01&to=2026-08-31&queueId=${q}`);
    const agents = new Map(body.agents.map((a) => [a.name, a]));
    expect(agents.get('Anna Nowak')).toEqual({ userId: anna.id, name: 'Anna Nowak', email: 'anna@okienko.test', openNow: 2, resolved: 0, replies: 2 });
    expect(agents.get('Bartek Zieliński')).toEqual({ userId: bartek.id, name: 'Bartek Zieliński', email: 'bartek@okienko.test', openNow: 1, resolved: 1, replies: 0 });
    expect(agents.get(null)).toEqual({ userId: null, name: null, email: null, openNow: 1, resolved: 0, replies: 0 });
    expect(body.queues.find((x) => x.queueId === q)).toEqual({ queueId: q, name: 'Raporty: obciążenie', openNow: 4 });
    expect(body.queues.filter((x) => x.queueId !== q).every((x) => x.openNow === 0)).toBe(true);

    const csv = await admin.get(`/reports/load?from=2026-08-01&to=2026-08-31&queueId=${q}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`agent,${anna.id},Anna Nowak,anna@okienko.test,2,0,2\r\n`);
    expect(csv.text).toContain(`queue,${q},Raporty: obciążenie,,4,,\r\n`);
  });

  it('contact reasons: shares of categories and tags, complaint reasons; CSV quotes a name with a comma, quotes and Polish letters', async () => {
    const odd = await admin.post('/categories', { name: 'Zwrot, „pilny” "ekspres" żółć', slug: 'zwrot-pilny' });
    expect(odd.status).toBe(201);
    const categories = new Map(((await admin.get('/categories')).body.items as { id: string; slug: string }[]).map((c) => [c.slug, c.id]));
    const q = await queue('Raporty: powody');
    const jul = '2026-07-15T10:00:00Z';
    await ticket({ queue_id: q, category_id: odd.body.id, created_at: jul });
    await ticket({ queue_id: q, category_id: odd.body.id, created_at: jul, tags: ['vip'] });
    await ticket({ queue_id: q, category_id: categories.get('complaint-return'), created_at: jul, tags: ['uszkodzenie'] });
    await ticket({ queue_id: q, category_id: categories.get('complaint-return'), created_at: jul, tags: ['uszkodzenie', 'kurier'] });
    await ticket({ queue_id: q, created_at: jul, tags: ['vip'] });
    await ticket({ queue_id: q, category_id: categories.get('complaint-return'), created_at: '2026-08-01T10:00:00Z', tags: ['kurier'] }); // August

    const body = await report<{
      total: number; categories: { slug: string | null; count: number; percent: number | null }[];
      tags: { tag: string; count: number; percent: number }[]; complaints: { total: number; untagged: number; reasons: object[] };
    }>('contact-reasons', `from=2026-07-01&to=2026-07-31&queueId=${q}`);
    expect(body.total).toBe(5);
    expect(body.categories.slice(0, 3).map((c) => [c.slug, c.count, c.percent])).toEqual([
      ['complaint-return', 2, 40], ['zwrot-pilny', 2, 40], [null, 1, 20],
    ]);
    expect(body.categories.slice(3).every((c) => c.count === 0 && c.percent === 0)).toBe(true);
    expect(body.tags).toEqual([{ tag: 'uszkodzenie', count: 2, percent: 40 }, { tag: 'vip', count: 2, percent: 40 }, { tag: 'kurier', count: 1, percent: 20 }]);
    expect(body.complaints).toEqual({ total: 2, untagged: 0, reasons: [{ tag: 'uszkodzenie', count: 2, percent: 100 }, { tag: 'kurier', count: 1, percent: 50 }] });

    const res = await admin.get(`/reports/contact-reasons?from=2026-07-01&to=2026-07-31&queueId=${q}&format=csv`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="okienko-contact-reasons-2026-07-01-2026-07-31.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('section,name,slug,count,percent');
    expect(lines[1]).toBe('total,,,5,');
    expect(lines).toContain('category,"Zwrot, „pilny” ""ekspres"" żółć",zwrot-pilny,2,40');
    expect(lines).toContain('complaint_reason,uszkodzenie,,2,100');
    expect(lines.at(-1)).toBe('');
  });

  it('automation: tickets answered and routed by rules, and per rule the tickets, firings and skipped actions', async () => {
    const q = await queue('Raporty: automatyzacja');
    const rules = (await admin.get('/rules')).body.items as { id: string; name: string; slug: string | null }[];
    const complaintsRule = rules.find((r) => r.slug === 'complaints-address')!;
    const autoAnswer = rules.find((r) => r.slug === 'order-status-auto-answer')!;
    const sep = '2026-09-10T10:00:00Z';
    const byRule = (rule: { id: string; name: string }, ticketId: string, type: string, extra: Record<string, unknown> = {}) =>
      insert('ticket_events', { ticket_id: ticketId, type, actor_type: 'rule', actor_id: rule.id, actor_name: rule.name, created_at: sep, ...extra });
    const t1 = await ticket({ queue_id: q, created_at: sep });
    await byRule(complaintsRule, t1, 'rule_applied');
    await byRule(complaintsRule, t1, 'field_changed', { field: 'queueId', new_value: JSON.stringify(q) });
    await byRule(complaintsRule, t1, 'field_changed', { field: 'priority', new_value: '"high"' });
    const t2 = await ticket({ queue_id: q, created_at: sep });
    await byRule(complaintsRule, t2, 'rule_applied');
    await byRule(complaintsRule, t2, 'field_changed', { field: 'categoryId', new_value: '"x"' });
    await byRule(complaintsRule, t2, 'rule_action_skipped', { new_value: { action: 'assign_by_strategy', reason: 'no_available_agent' } });
    const t3 = await ticket({ queue_id: q, created_at: sep });
    await byRule(autoAnswer, t3, 'rule_applied');
    await byRule(autoAnswer, t3, 'message_added', { new_value: { direction: 'outbound', automated: true } });
    await ticket({ queue_id: q, created_at: sep });
    // The same rule in October does not count.
    await byRule(autoAnswer, t3, 'rule_applied', { created_at: '2026-10-02T10:00:00Z' });

    const body = await report<object>('automation', `from=2026-09-01&to=2026-09-30&queueId=${q}`);
    expect(body).toMatchObject({
      ticketsCreated: 4, autoAnswered: 1, autoAnsweredPercent: 25, autoRouted: 2, autoRoutedPercent: 50, ticketsTouched: 3,
      rules: [
        { ruleId: complaintsRule.id, name: complaintsRule.name, tickets: 2, firings: 2, skippedActions: 1 },
        { ruleId: autoAnswer.id, name: autoAnswer.name, tickets: 1, firings: 1, skippedActions: 0 },
      ],
    });
  });

  it('satisfaction: CSAT average and distribution, NPS, response rate and the latest comments', async () => {
    const q = await queue('Raporty: satysfakcja');
    const nov = '2026-11-03T10:00:00Z';
    const survey = async (kind: 'csat' | 'nps', score: number | null, answeredAt: string | null, comment: string | null = null) => {
      const id = await ticket({ queue_id: q, created_at: '2026-10-20T10:00:00Z', status: 'closed', resolved_at: '2026-10-30T10:00:00Z', closed_at: '2026-10-30T10:00:00Z' });
      await insert('surveys', { ticket_id: id, kind, sent_at: nov, expires_at: '2026-11-20T10:00:00Z', score, answered_at: answeredAt, comment });
      return id;
    };
    await survey('csat', 5, '2026-11-04T10:00:00Z', 'Szybko i miło');
    await survey('csat', 4, '2026-11-04T11:00:00Z');
    await survey('csat', 4, '2026-11-05T10:00:00Z', '   ');
    const angry = await survey('csat', 1, '2026-11-06T10:00:00Z', 'Paczka nadal nie dotarła, "skandal"');
    for (const score of [10, 9, 7, 3, 0]) await survey('nps', score, '2026-11-05T12:00:00Z');
    await survey('csat', null, null); // sent, not answered
    // Answered after the range: only in the response rate (it was sent in the range).
    await survey('csat', 2, '2026-12-01T10:00:00Z');

    const body = await report<{ csat: object; nps: object; responseRate: object; comments: object[] }>('satisfaction', `from=2026-11-01&to=2026-11-30&queueId=${q}`);
    expect(body.csat).toEqual({
      count: 4, average: 3.5,
      distribution: [{ score: 1, count: 1 }, { score: 2, count: 0 }, { score: 3, count: 0 }, { score: 4, count: 2 }, { score: 5, count: 1 }],
    });
    expect(body.nps).toEqual({ count: 5, promoters: 2, passives: 1, detractors: 2, score: 0 });
    // 11 sent in the range, 10 of them answered by now.
    expect(body.responseRate).toEqual({ sent: 11, answered: 10, percent: 90.9 });
    expect(body.comments).toEqual([
      { ticketNumber: await numberOf(angry), kind: 'csat', score: 1, comment: 'Paczka nadal nie dotarła, "skandal"', answeredAt: '2026-11-06T10:00:00.000Z' },
      { ticketNumber: expect.any(String), kind: 'csat', score: 5, comment: 'Szybko i miło', answeredAt: '2026-11-04T10:00:00.000Z' },
    ]);
    const csv = await admin.get(`/reports/satisfaction?from=2026-11-01&to=2026-11-30&queueId=${q}&format=csv`);
    expect(csv.text).toContain(`comment,csat,1,${await numberOf(angry)},"Paczka nadal nie dotarła, ""skandal""",2026-11-06T10:00:00.000Z\r\n`);
    expect(csv.text).toContain('nps,score,0,,,\r\n');

    const empty = await report<{ csat: object; nps: object; responseRate: object; comments: object[] }>('satisfaction', `from=2025-11-01&to=2025-11-30&queueId=${q}`);
    expect(empty).toMatchObject({
      csat: { count: 0, average: null }, nps: { count: 0, score: null }, responseRate: { sent: 0, answered: 0, percent: null }, comments: [],
    });
  });
});
