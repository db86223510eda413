import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, createUser, errorFields, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The ticket list: every filter, sorting, paging and the Polish full-text
// search, checked against fifteen tickets opened through the API. Each
// expectation is computed from the tickets as the API reported them.

interface Row {
  id: string; number: string; subject: string; status: string; priority: string; channel: string; queueId: string | null;
  categoryId: string | null; assigneeId: string | null; customerId: string; tags: string[]; createdAt: string; updatedAt: string;
}

type Who = 'admin' | 'agent' | null;
interface Seed {
  subject: string; customer: string; body: string; priority: string; channel: string; queue: 'default' | 'complaints';
  category: 'return' | 'invoice' | null; assignee: Who; tags: string[]; status: string; note?: string;
}

const SEEDS: Seed[] = [
  { subject: 'Zwrot towaru', customer: 'anna', body: 'Chcę oddać buty, rozmiar 42.', priority: 'low', channel: 'email', queue: 'default', category: 'return', assignee: null, tags: ['zwrot'], status: 'new' },
  { subject: 'Paczka nie dotarła', customer: 'bartek', body: 'Moje zamówienie 4521 nie dotarło do paczkomatu.', priority: 'high', channel: 'web_form', queue: 'complaints', category: null, assignee: 'agent', tags: ['dpd'], status: 'open' },
  { subject: 'Faktura VAT', customer: 'anna', body: 'Proszę o fakturę na firmę.', priority: 'normal', channel: 'phone', queue: 'default', category: 'invoice', assignee: 'admin', tags: ['faktura', 'vip'], status: 'waiting_customer' },
  { subject: 'Pytanie o dostawę', customer: 'celina', body: 'Kiedy wyślecie?', priority: 'urgent', channel: 'chat', queue: 'default', category: null, assignee: null, tags: [], status: 'new', note: 'Kurier zgubił przesyłkę.' },
  { subject: 'Uszkodzony ekran', customer: 'darek', body: 'Ekran pęknięty po dostawie.', priority: 'high', channel: 'email', queue: 'complaints', category: 'return', assignee: 'agent', tags: ['vip'], status: 'waiting_third_party' },
  { subject: 'Brak zamówienia', customer: 'ewa', body: 'Nie widzę zamówienia w panelu.', priority: 'normal', channel: 'api', queue: 'default', category: null, assignee: null, tags: [], status: 'resolved' },
  { subject: 'Zmiana adresu', customer: 'bartek', body: 'Proszę zmienić adres dostawy.', priority: 'low', channel: 'phone', queue: 'default', category: null, assignee: 'admin', tags: [], status: 'closed' },
  { subject: 'Rabat', customer: 'filip', body: 'Czy mogę dostać rabat?', priority: 'normal', channel: 'social', queue: 'default', category: null, assignee: null, tags: ['promo'], status: 'new' },
  { subject: 'Gwarancja', customer: 'anna', body: 'Jak długo trwa gwarancja?', priority: 'urgent', channel: 'marketplace', queue: 'complaints', category: 'return', assignee: 'agent', tags: ['vip'], status: 'open' },
  { subject: 'Rozmiar butów', customer: 'grzegorz', body: 'Jaki rozmiar wybrać?', priority: 'low', channel: 'chat', queue: 'default', category: null, assignee: null, tags: [], status: 'new' },
  { subject: 'Opóźnienie', customer: 'hanna', body: 'Kiedy dotrze przesyłka?', priority: 'high', channel: 'email', queue: 'default', category: null, assignee: 'agent', tags: ['dpd'], status: 'waiting_customer' },
  { subject: 'Łukasz pyta o kolor', customer: 'lukasz', body: 'Czy są inne kolory?', priority: 'normal', channel: 'web_form', queue: 'default', category: null, assignee: null, tags: [], status: 'new' },
  { subject: 'Płatność', customer: 'ewa', body: 'Płatność nie przeszła.', priority: 'urgent', channel: 'phone', queue: 'complaints', category: 'invoice', assignee: 'admin', tags: [], status: 'open' },
  { subject: 'Konto', customer: 'ian', body: 'Nie mogę się zalogować.', priority: 'normal', channel: 'email', queue: 'default', category: null, assignee: null, tags: [], status: 'closed' },
  { subject: 'Newsletter', customer: 'filip', body: 'Wypiszcie mnie.', priority: 'low', channel: 'email', queue: 'default', category: null, assignee: null, tags: ['promo'], status: 'resolved' },
];

const RANK: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
type Order = (a: Row, b: Row) => number;
const tieBreak: Order = (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const by = (key: (r: Row) => number | string, direction: 1 | -1): Order => (a, b) => {
  const [x, y] = [key(a), key(b)];
  return (x < y ? -direction : x > y ? direction : 0) || tieBreak(a, b);
};
const NEWEST_FIRST = by((r) => Date.parse(r.createdAt), -1);

describe('ticket list', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminId: string;
  let agent: CreatedUser;
  const queues: Record<'default' | 'complaints', string> = { default: '', complaints: '' };
  const categories: Record<'return' | 'invoice', string> = { return: '', invoice: '' };
  /** The seeded tickets in SEEDS order, as GET /tickets/:id reports them after all changes. */
  let rows: Row[] = [];
  const customers: Record<string, string> = {};

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    adminId = (await admin.get('/auth/me')).body.id;
    agent = await createUser(product, admin, { email: 'agentka@okienko.test', name: 'Agentka' });

    // No API manages queues and categories yet; SQL stands in for the admin screens.
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      queues.complaints = (await db.query(`INSERT INTO queues (name, slug) VALUES ('Reklamacje', 'complaints') ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`)).rows[0].id;
      categories.return = (await db.query(`INSERT INTO categories (name, slug) VALUES ('Zwrot', 'return') RETURNING id`)).rows[0].id;
      categories.invoice = (await db.query(`INSERT INTO categories (name, slug) VALUES ('Faktura', 'invoice') RETURNING id`)).rows[0].id;
    } finally {
      await db.end();
    }
    queues.default = ((await admin.get('/queues')).body.items as { id: string; isDefault: boolean }[]).find((q) => q.isDefault)!.id;

    const assignee = (who: Who) => (who === 'admin' ? adminId : who === 'agent' ? agent.id : undefined);
    for (const seed of SEEDS) {
      const created = await admin.post('/tickets', {
        subject: seed.subject,
        customer: { email: `${seed.customer}@example.pl`, name: seed.customer === 'lukasz' ? 'Łukasz Żółć' : seed.customer },
        message: { body: seed.body },
        priority: seed.priority,
        channel: seed.channel,
        queueId: queues[seed.queue],
        ...(seed.category ? { categoryId: categories[seed.category] } : {}),
        ...(seed.assignee ? { assigneeId: assignee(seed.assignee) } : {}),
        tags: seed.tags,
      });
      expect(created.status).toBe(201);
      customers[seed.customer] = created.body.customerId;
      if (seed.note) expect((await admin.post(`/tickets/${created.body.id}/messages`, { type: 'note', body: seed.note })).status).toBe(201);
      if (seed.status !== 'new') expect((await admin.patch(`/tickets/${created.body.id}`, { status: seed.status })).status).toBe(200);
      rows.push(created.body as Row);
    }
    rows = await Promise.all(rows.map(async (r) => (await admin.get(`/tickets/${r.id}`)).body as Row));
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const numbersOf = (items: Row[]) => items.map((r) => `${r.number} ${r.subject}`);
  const subjects = (...indexes: number[]) => indexes.map((i) => SEEDS[i].subject);

  /** GET /tickets?query must answer exactly the seeded tickets matching `wanted`, in `order`, with that total. */
  async function expectList(query: string, wanted: (r: Row) => boolean, order: Order = NEWEST_FIRST, api: ApiClient = admin): Promise<Row[]> {
    const res = await api.get(`/tickets?limit=200${query ? `&${query}` : ''}`);
    expect(res.status).toBe(200);
    const expected = rows.filter(wanted).sort(order);
    expect(numbersOf(res.body.items)).toEqual(numbersOf(expected));
    expect(res.body.total).toBe(expected.length);
    return res.body.items as Row[];
  }

  /** Like expectList for a filter that must match some but not all tickets (so it can fail both ways). */
  async function expectSome(query: string, wanted: (r: Row) => boolean, order?: Order, api?: ApiClient): Promise<Row[]> {
    const count = rows.filter(wanted).length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(rows.length);
    return expectList(query, wanted, order, api);
  }

  it('lists every ticket, newest first, with the customer name and e-mail', async () => {
    const items = await expectList('', () => true);
    expect(items).toHaveLength(15);
    const first = items.find((r) => r.subject === 'Łukasz pyta o kolor') as Row & { customerName: string; customerEmail: string };
    expect(first).toMatchObject({ customerName: 'Łukasz Żółć', customerEmail: 'lukasz@example.pl', status: 'new', priority: 'normal', channel: 'web_form' });
    expect(first).not.toHaveProperty('messages');
  });

  describe('filters', () => {
    it('status, one', async () => {
      await expectSome('status=new', (r) => r.status === 'new');
      await expectSome('status=closed', (r) => r.status === 'closed');
    });

    it('status, a comma list and a repeated parameter', async () => {
      await expectSome('status=waiting_customer,waiting_third_party', (r) => ['waiting_customer', 'waiting_third_party'].includes(r.status));
      await expectSome('status=open&status=resolved', (r) => ['open', 'resolved'].includes(r.status));
      await expectSome('status=%20new%20,%20open', (r) => ['new', 'open'].includes(r.status));
    });

    it('priority, one and a list', async () => {
      await expectSome('priority=urgent', (r) => r.priority === 'urgent');
      await expectSome('priority=low,high', (r) => ['low', 'high'].includes(r.priority));
    });

    it('queueId', async () => {
      await expectSome(`queueId=${queues.complaints}`, (r) => r.queueId === queues.complaints);
      await expectSome(`queueId=${queues.default}`, (r) => r.queueId === queues.default);
    });

    it('categoryId', async () => {
      await expectSome(`categoryId=${categories.return}`, (r) => r.categoryId === categories.return);
      await expectSome(`categoryId=${categories.invoice}`, (r) => r.categoryId === categories.invoice);
    });

    it('assigneeId: a user id, me and none', async () => {
      await expectSome(`assigneeId=${agent.id}`, (r) => r.assigneeId === agent.id);
      await expectSome('assigneeId=me', (r) => r.assigneeId === agent.id, undefined, agent.api);
      await expectSome('assigneeId=me', (r) => r.assigneeId === adminId);
      await expectSome('assigneeId=none', (r) => r.assigneeId === null);
      await expectSome(`assigneeId=${agent.id.toUpperCase()}`, (r) => r.assigneeId === agent.id);
    });

    it('channel', async () => {
      await expectSome('channel=email', (r) => r.channel === 'email');
      await expectSome('channel=api', (r) => r.channel === 'api');
    });

    it('customerId', async () => {
      await expectSome(`customerId=${customers.anna}`, (r) => r.customerId === customers.anna);
      expect(rows.filter((r) => r.customerId === customers.anna).map((r) => r.subject)).toEqual(subjects(0, 2, 8));
    });

    it('tag', async () => {
      await expectSome('tag=vip', (r) => r.tags.includes('vip'));
      await expectSome('tag=promo', (r) => r.tags.includes('promo'));
      await expectList('tag=nieznany', () => false);
    });

    it('createdFrom (inclusive) and createdTo (exclusive), alone and together', async () => {
      const from = rows[5].createdAt;
      const to = rows[10].createdAt;
      await expectSome(`createdFrom=${encodeURIComponent(from)}`, (r) => Date.parse(r.createdAt) >= Date.parse(from));
      await expectSome(`createdTo=${encodeURIComponent(to)}`, (r) => Date.parse(r.createdAt) < Date.parse(to));
      const window = await expectSome(
        `createdFrom=${encodeURIComponent(from)}&createdTo=${encodeURIComponent(to)}`,
        (r) => Date.parse(r.createdAt) >= Date.parse(from) && Date.parse(r.createdAt) < Date.parse(to),
      );
      expect(window.map((r) => r.subject)).toContain(SEEDS[5].subject);
      expect(window.map((r) => r.subject)).not.toContain(SEEDS[10].subject);
      await expectList('createdFrom=2099-01-01T00:00:00Z', () => false);
    });

    it('several filters at once narrow each other down', async () => {
      await expectSome('status=new,open&priority=urgent', (r) => ['new', 'open'].includes(r.status) && r.priority === 'urgent');
      await expectSome(`queueId=${queues.complaints}&assigneeId=${agent.id}&tag=vip`, (r) => r.queueId === queues.complaints && r.assigneeId === agent.id && r.tags.includes('vip'));
      await expectList('status=closed&channel=chat', () => false);
    });
  });

  describe('sorting', () => {
    it.each([
      ['-createdAt', NEWEST_FIRST],
      ['createdAt', by((r) => Date.parse(r.createdAt), 1)],
      ['priority', by((r) => RANK[r.priority], 1)],
      ['-priority', by((r) => RANK[r.priority], -1)],
      ['number', by((r) => r.number, 1)],
      ['-number', by((r) => r.number, -1)],
      ['-updatedAt', by((r) => Date.parse(r.updatedAt), -1)],
    ] as [string, Order][])('sort=%s', async (sort, order) => {
      await expectList(`sort=${sort}`, () => true, order);
    });

    it('sort=priority puts low first and urgent last', async () => {
      const items = (await admin.get('/tickets?sort=priority&limit=200')).body.items as Row[];
      expect(items[0].priority).toBe('low');
      expect(items.at(-1)!.priority).toBe('urgent');
    });
  });

  describe('paging', () => {
    it('limit and offset walk through the whole list; total is always the full count', async () => {
      const all = (await admin.get('/tickets?limit=200&sort=number')).body.items as Row[];
      const seen: Row[] = [];
      for (let offset = 0; offset < 15; offset += 4) {
        const page = await admin.get(`/tickets?limit=4&offset=${offset}&sort=number`);
        expect(page.status).toBe(200);
        expect(page.body.total).toBe(15);
        expect(page.body.items).toHaveLength(Math.min(4, 15 - offset));
        seen.push(...page.body.items);
      }
      expect(numbersOf(seen)).toEqual(numbersOf(all));
    });

    it('an offset past the end answers no items and the full total', async () => {
      const res = await admin.get('/tickets?offset=100');
      expect(res.body).toEqual({ items: [], total: 15, nextCursor: null });
    });

    it('paging applies after filtering', async () => {
      const res = await admin.get('/tickets?status=new&limit=2&offset=2&sort=number');
      const wanted = rows.filter((r) => r.status === 'new').sort(by((r) => r.number, 1));
      expect(res.body.total).toBe(wanted.length);
      expect(numbersOf(res.body.items)).toEqual(numbersOf(wanted.slice(2, 4)));
    });

    /** Every page of `query` read with `after`, in pages of `limit`, until nextCursor is null. */
    async function walkWithCursor(query: string, limit: number): Promise<{ items: Row[]; pages: number }> {
      const items: Row[] = [];
      let pages = 0;
      let after: string | null = null;
      do {
        const page = await admin.get(`/tickets?limit=${limit}&${query}${after ? `&after=${after}` : ''}`);
        expect(page.status).toBe(200);
        items.push(...page.body.items);
        pages += 1;
        // A full page points further (the next may then be empty); a page short of the limit ends the list.
        expect(page.body.nextCursor === null).toBe(page.body.items.length < limit);
        after = page.body.nextCursor;
        expect(pages).toBeLessThan(20);
      } while (after);
      return { items, pages };
    }

    it.each(['sort=-createdAt', 'sort=createdAt', 'sort=priority', 'sort=-priority', 'sort=number', 'sort=-number', 'sort=-updatedAt', 'sort=dueAt', 'sort=-dueAt', 'status=new,open&sort=priority'])(
      'after (keyset pagination) walks through %s exactly as one long page does, ties and tickets without deadline included',
      async (query) => {
        const whole = (await admin.get(`/tickets?limit=200&${query}`)).body.items as Row[];
        expect(whole.length).toBeGreaterThan(4);
        const walked = await walkWithCursor(query, 4);
        expect(numbersOf(walked.items)).toEqual(numbersOf(whole));
        expect(walked.pages).toBe(Math.ceil(whole.length / 4) + (whole.length % 4 === 0 ? 1 : 0));
      },
    );

    it('a cursor continues the order it came from: not another sort, not with an offset, not a made-up one', async () => {
      const first = await admin.get('/tickets?limit=4&sort=priority');
      const cursor = first.body.nextCursor as string;
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);

      const otherSort = await admin.get(`/tickets?limit=4&sort=number&after=${cursor}`);
      expectError(otherSort, 400, 'TICKET_LIST_INVALID_CURSOR');
      expect(errorFields(otherSort)).toEqual(['after']);
      expect(otherSort.body.message).toContain('sorted by priority');

      const withOffset = await admin.get(`/tickets?limit=4&offset=4&sort=priority&after=${cursor}`);
      expectError(withOffset, 400, 'TICKET_LIST_INVALID_CURSOR');
      expect(errorFields(withOffset)).toEqual(['offset']);

      for (const forged of ['bm90LWpzb24', Buffer.from(JSON.stringify(['priority', '9', '2026-01-01T00:00:00Z', 'x'])).toString('base64url'), 'a b']) {
        const refused = await admin.get(`/tickets?sort=priority&after=${encodeURIComponent(forged)}`);
        expect(refused.status).toBe(400);
        expect(errorFields(refused)).toEqual(['after']);
      }
    });

    it('without limit answers at most 50', async () => {
      const res = await admin.get('/tickets');
      expect(res.body.items).toHaveLength(15);
      expect(res.body.total).toBe(15);
    });
  });

  describe('full-text search (Polish)', () => {
    const only = (...indexes: number[]) => (r: Row) => indexes.map((i) => rows[i].id).includes(r.id);

    it('`zwrot` finds the ticket whose subject is "Zwrot towaru"', async () => {
      await expectList('q=zwrot', only(0));
    });

    it('`zamowienie` (without diacritics) finds the message body containing "zamówienie"', async () => {
      await expectList('q=zamowienie', only(1));
    });

    it('`ZAMÓWIENIE` (upper case, with diacritics) finds it too', async () => {
      await expectList(`q=${encodeURIComponent('ZAMÓWIENIE')}`, only(1));
    });

    it('every word is a prefix: `ZAMÓW` finds both "zamówienie" and "zamówienia"', async () => {
      await expectList(`q=${encodeURIComponent('ZAMÓW')}`, only(1, 5));
    });

    it('`ZAMÓWIENIA` finds "zamówienia" (an inflected form is a different word: there is no stemming)', async () => {
      await expectList(`q=${encodeURIComponent('ZAMÓWIENIA')}`, only(5));
    });

    it('matches message bodies, not only subjects (including internal notes)', async () => {
      await expectList('q=paczkomatu', only(1));
      await expectList('q=kurier', only(3));
      await expectList('q=4521', only(1));
    });

    it('`dostaw` finds "dostawę", "dostawie" and "dostawy"', async () => {
      await expectList('q=dostaw', only(3, 4, 6));
    });

    it('`lukasz` finds "Łukasz" (ł counts as l)', async () => {
      await expectList('q=lukasz', only(11));
    });

    it('all words must match', async () => {
      await expectList('q=rozmiar', only(0, 9));
      await expectList(`q=${encodeURIComponent('rozmiar buty')}`, only(0));
      await expectList(`q=${encodeURIComponent('paczka faktura')}`, () => false);
    });

    it('combines with filters', async () => {
      await expectList('q=dostaw&status=new', only(3));
      await expectList('q=rozmiar&priority=low&sort=number', only(0, 9), by((r) => r.number, 1));
    });

    it('a word that appears nowhere answers total 0', async () => {
      const res = await admin.get('/tickets?q=hulajnoga');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], total: 0, nextCursor: null });
    });

    it('a query of only punctuation (`&|!`) is not an error: it has no words, so it answers 200 with nothing', async () => {
      const res = await admin.get(`/tickets?q=${encodeURIComponent('&|!')}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], total: 0, nextCursor: null });
      // tsquery syntax inside a query is not interpreted either.
      expect((await admin.get(`/tickets?q=${encodeURIComponent("zwrot | ' & !(")}`)).body.total).toBe(1);
    });

    it('an empty or blank q is no search at all: it lists everything', async () => {
      await expectList('q=', () => true);
      await expectList('q=%20%20', () => true);
    });

    it('finds a ticket by its number', async () => {
      await expectList(`q=${rows[7].number}`, only(7));
      await expectList(`q=${encodeURIComponent(`#${rows[7].number}`)}`, only(7));
    });
  });

  it('refuses bad parameters with 400 naming them (the list is not silently unfiltered)', async () => {
    expectFieldErrors(await admin.get('/tickets?status=bogus'), ['status']);
    expectFieldErrors(await admin.get('/tickets?assigneeId=xyz'), ['assigneeId']);
  });
});
