import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The ticket search finds people: the customer's name in any letter case and
// with or without Polish letters, their phone number in any spelling and the
// start of their e-mail address. The shop's automatic answers (signed with the
// shop's name) no longer make every ticket match that name. Past 10,000
// matches the list says "10 000+" instead of counting every ticket.

interface Opened { id: string; number: string; customerId: string }
interface Page { items: { id: string; number: string; subject: string; customerName: string | null }[]; total: number; totalIsExact?: false }

describe('ticket search by customer', () => {
  let product: TestProduct;
  let admin: ApiClient;
  const tickets: Record<'wojcik' | 'dabrowski' | 'janina' | 'lukasz', Opened> = {} as never;

  const open = async (subject: string, customer: Record<string, string>, body: string): Promise<Opened> => {
    const res = await admin.post('/tickets', { subject, customer, message: { body } });
    expect(res.status).toBe(201);
    return res.body as Opened;
  };
  const search = async (q: string): Promise<Page> => {
    const res = await admin.get(`/tickets?q=${encodeURIComponent(q)}&limit=50`);
    expect(res.status).toBe(200);
    return res.body as Page;
  };
  /** The subjects the search answers, in the list's order (newest first). */
  const found = async (q: string): Promise<string[]> => {
    const page = await search(q);
    expect(page).not.toHaveProperty('totalIsExact');
    expect(page.total).toBe(page.items.length);
    return page.items.map((t) => t.subject);
  };

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    // Every new ticket gets an automatic answer signed with the shop's name, as acknowledgements are.
    const template = await admin.post('/templates', {
      title: 'Potwierdzenie', slug: 'potwierdzenie-bonito', body: 'Dziękujemy za wiadomość, odpowiemy wkrótce. Zespół sklepu Bonito',
    });
    expect(template.status).toBe(201);
    const rule = await admin.post('/rules', {
      name: 'Automatyczna odpowiedź', enabled: true, trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [] }, actions: [{ type: 'reply_with_template', templateId: template.body.id }],
    });
    expect(rule.status).toBe(201);

    tickets.wojcik = await open('Faktura za buty', { email: 'zofia.wojcik@example.pl', name: 'Zofia Wójcik', phone: '+48 600 100 200' }, 'Proszę o fakturę.');
    tickets.dabrowski = await open('Zwrot kurtki', { email: 'jan@dabrowski.pl', name: 'Jan Dąbrowski' }, 'Chcę oddać kurtkę.');
    tickets.janina = await open('Reklamacja zegarka', { email: 'janina.nowak@example.pl', name: 'Janina Nowak' }, 'Zegarek stanął.');
    tickets.lukasz = await open('Pytanie o rozmiar', { email: 'lukasz@example.pl', name: 'Łukasz Żółć', phone: '22 123 45 67' }, 'Jaki rozmiar?');
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  it('finds the customer by surname in any letter case, with or without Polish letters', async () => {
    for (const q of ['Wójcik', 'wójcik', 'WOJCIK', 'wojcik', 'zofia wójcik']) expect(await found(q)).toEqual(['Faktura za buty']);
    for (const q of ['Dąbrowski', 'dąbrowski', 'dabrowski', 'DĄBROWSKI']) expect(await found(q)).toEqual(['Zwrot kurtki']);
    for (const q of ['żółć', 'zolc', 'Łukasz']) expect(await found(q)).toEqual(['Pytanie o rozmiar']);
    // Name and text together: every word must match somewhere on the ticket.
    expect(await found('wójcik faktura')).toEqual(['Faktura za buty']);
    expect(await found('wójcik kurtka')).toEqual([]);
    // Prefixes, as in the rest of the search: "Jan" is Jan Dąbrowski and Janina Nowak.
    expect(await found('jan')).toEqual(['Reklamacja zegarka', 'Zwrot kurtki']);
  });

  it('finds the customer by phone number in any spelling', async () => {
    for (const q of ['+48 600 100 200', '+48600100200', '600 100 200', '600-100-200', '0048 600 100 200', '600 100']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: ['Faktura za buty'] });
    }
    for (const q of ['22 123 45 67', '(22) 123-45-67', '+48 22 123 45 67']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: ['Pytanie o rozmiar'] });
    }
    expect(await found('+48 601 100 200')).toEqual([]);
  });

  it('finds the customer by the start of their e-mail address, and only them', async () => {
    expect(await found('jan@')).toEqual(['Zwrot kurtki']);
    expect(await found('JAN@dab')).toEqual(['Zwrot kurtki']);
    expect(await found('janina.nowak@example.pl')).toEqual(['Reklamacja zegarka']);
    expect(await found('jan@example')).toEqual([]);
    expect(await found('jan@ zwrot')).toEqual(['Zwrot kurtki']);
    expect(await found('jan@ zegarek')).toEqual([]);
    // Parts of an address are words too.
    expect(await found('dabrowski.pl')).toEqual(['Zwrot kurtki']);
  });

  it("does not find every ticket by the words of the shop's automatic answers", async () => {
    const answered = (await admin.get(`/tickets/${tickets.wojcik.id}`)).body as { messages: { direction: string; automated: boolean; bodyText: string }[] };
    expect(answered.messages).toContainEqual(expect.objectContaining({ direction: 'outbound', automated: true, bodyText: expect.stringContaining('Bonito') }));
    expect(await found('Bonito')).toEqual([]);
    expect(await found('odpowiemy wkrótce')).toEqual([]);
    // An agent's own reply with the same words is found.
    const reply = await admin.post(`/tickets/${tickets.janina.id}/messages`, { type: 'reply', body: 'Wymienimy zegarek. Zespół sklepu Bonito' });
    expect(reply.status).toBe(201);
    expect(await found('bonito')).toEqual(['Reklamacja zegarka']);
  });

  it('follows a renamed customer and a new phone number', async () => {
    expect(await found('Kowalczyk')).toEqual([]);
    expect((await admin.patch(`/customers/${tickets.wojcik.customerId}`, { name: 'Zofia Kowalczyk' })).status).toBe(200);
    expect(await found('kowalczyk')).toEqual(['Faktura za buty']);
    expect(await found('zofia kowalczyk faktura')).toEqual(['Faktura za buty']);
    const identity = await admin.post(`/customers/${tickets.dabrowski.customerId}/identities`, { kind: 'phone', value: '601 222 333' });
    expect(identity.status).toBe(201);
    expect(await found('+48 601 222 333')).toEqual(['Zwrot kurtki']);
  });

  it('finds customers live, as the name, address or number is typed', async () => {
    const customers = async (q: string) => {
      const res = await admin.get(`/customers?q=${encodeURIComponent(q)}&limit=10`);
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('totalIsExact');
      expect(res.body.total).toBe(res.body.items.length);
      return (res.body.items as { name: string }[]).map((c) => c.name);
    };
    expect(await customers('dąb')).toEqual(['Jan Dąbrowski']);
    expect(await customers('DAB')).toEqual(['Jan Dąbrowski']);
    expect(await customers('jan')).toEqual(['Jan Dąbrowski', 'Janina Nowak']);
    expect(await customers('jan@d')).toEqual(['Jan Dąbrowski']);
    expect(await customers('600 10')).toEqual(['Zofia Kowalczyk']);
    expect(await customers('+48 22 123')).toEqual(['Łukasz Żółć']);
    expect(await customers('xyz')).toEqual([]);
  });

  it('counts matches exactly up to 10,000 and beyond says 10000 with totalIsExact: false (the panel shows "10 000+")', async () => {
    const before = await search('');
    expect(before).toEqual({ items: expect.any(Array), total: 4, nextCursor: null });
    // 10,001 more tickets of one customer, as a big shop has (SQL: opening them one by one would take minutes).
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO tickets (number, subject, channel, customer_id, created_at)
         SELECT '2025-' || lpad(i::text, 6, '0'), 'Hurtowe zamówienie ' || i, 'email', $1, now() - interval '1 day' - i * interval '1 minute'
         FROM generate_series(1, 10001) i`,
        [tickets.lukasz.customerId],
      );
    } finally {
      await db.end();
    }
    const all = (await admin.get('/tickets?limit=5')).body as Page;
    expect(all).toMatchObject({ total: 10_000, totalIsExact: false });
    expect(all.items.map((t) => t.subject)).toEqual(['Pytanie o rozmiar', 'Reklamacja zegarka', 'Zwrot kurtki', 'Faktura za buty', 'Hurtowe zamówienie 1']);
    // The same customer's tickets are found by the customer's name, counted as "10 000+".
    expect(await search('Żółć')).toMatchObject({ total: 10_000, totalIsExact: false });
    expect(await search('hurtowe')).toMatchObject({ total: 10_000, totalIsExact: false });
    // Up to the limit the count is exact.
    const fewer = (await admin.get('/tickets?limit=5&q=hurtowe&createdTo=' + encodeURIComponent(new Date(Date.now() - 86_400_000 - 9_999.5 * 60_000).toISOString()))).body as Page;
    expect(fewer).toEqual({ items: expect.any(Array), total: 2, nextCursor: null });
    expect(await search('wymienimy')).toEqual({ items: expect.any(Array), total: 1, nextCursor: null });
    // Paging on past the count still answers tickets.
    const deep = (await admin.get('/tickets?limit=5&offset=10000&sort=createdAt')).body as Page;
    expect(deep).toMatchObject({ total: 10_000, totalIsExact: false });
    expect(deep.items.map((t) => t.subject)).toEqual(['Hurtowe zamówienie 1', 'Faktura za buty', 'Zwrot kurtki', 'Reklamacja zegarka', 'Pytanie o rozmiar']);
    // The same page by the cursor of the page before it.
    const before10000 = (await admin.get('/tickets?limit=5&offset=9995&sort=createdAt')).body as Page & { nextCursor: string };
    const byCursor = (await admin.get(`/tickets?limit=5&sort=createdAt&after=${before10000.nextCursor}`)).body as Page;
    expect(byCursor.items.map((t) => t.subject)).toEqual(deep.items.map((t) => t.subject));
  });
});
