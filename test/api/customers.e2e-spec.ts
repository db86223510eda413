import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Customers: listing and searching (name without diacritics, part of an
// e-mail, a phone number), the ticket history, changes, e-mail uniqueness.

interface Customer {
  id: string; name: string | null; email: string | null; emails: string[]; phones: string[]; externalIds: Record<string, string>;
  tags: string[]; notes: string | null; createdAt: string; updatedAt: string;
}

describe('customers', () => {
  let product: TestProduct;
  let admin: ApiClient;
  const people: Record<string, Customer> = {};

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    const seeds = [
      { key: 'lukasz', email: 'l.zolc@poczta.pl', name: 'Łukasz Żółć', phones: ['+48 600 100 200'] },
      { key: 'agnieszka', email: 'agnieszka.wojcik@firma.com.pl', name: 'Agnieszka Wójcik', phones: [] },
      { key: 'jan', email: 'jan.kowalski@example.pl', name: 'Jan Kowalski', phones: ['+48 500 000 001', '22 123 45 67'] },
      { key: 'anon', email: 'kontakt@sklep-abc.pl', phones: [] },
      { key: 'percent', email: 'rabat@example.pl', name: '100% Zadowolony', phones: [] },
    ];
    for (const { key, ...body } of seeds) {
      const res = await admin.post('/customers', body);
      expect(res.status).toBe(201);
      people[key] = res.body as Customer;
    }
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const search = async (q: string): Promise<string[]> => {
    const res = await admin.get(`/customers?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return (res.body.items as Customer[]).map((c) => c.email!);
  };

  it('creates a customer and answers it whole', async () => {
    const res = await admin.post('/customers', {
      email: 'nowy@example.pl', name: '  Nowy Klient ', phones: ['+48 111 222 333'], externalIds: { shop: 'C-1042' }, tags: ['vip'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String), name: 'Nowy Klient', email: 'nowy@example.pl', emails: [], phones: ['+48111222333'],
      identities: [
        { id: expect.any(String), kind: 'email', value: 'nowy@example.pl', createdAt: expect.any(String) },
        { id: expect.any(String), kind: 'phone', value: '+48111222333', createdAt: expect.any(String) },
      ],
      mergedIntoId: null, externalIds: { shop: 'C-1042' }, tags: ['vip'], notes: null, language: null, createdAt: expect.any(String), updatedAt: expect.any(String),
    });
    expect((await admin.get(`/customers/${res.body.id}`)).body).toEqual({ ...res.body, tickets: [], merges: [] });
  });

  describe('list and search', () => {
    it('lists everyone by name, those without a name last', async () => {
      const res = await admin.get('/customers?limit=200');
      expect(res.status).toBe(200);
      const names = (res.body.items as Customer[]).map((c) => c.name);
      expect(names.at(-1)).toBeNull();
      expect(res.body.total).toBe(res.body.items.length);
      expect(names).toEqual(expect.arrayContaining(['Łukasz Żółć', 'Agnieszka Wójcik', 'Jan Kowalski']));
    });

    it('pages with limit and offset, total staying the full count', async () => {
      const all = (await admin.get('/customers?limit=200')).body;
      const page = (await admin.get('/customers?limit=2&offset=1')).body;
      expect(page.total).toBe(all.total);
      expect(page.items).toEqual(all.items.slice(1, 3));
    });

    it('finds "Łukasz Żółć" by `lukasz`, `LUKASZ`, `zolc` and `Żółć` (no diacritics or letter case needed)', async () => {
      for (const q of ['lukasz', 'LUKASZ', 'zolc', 'Żółć', 'łukasz ż']) expect(await search(q)).toEqual(['l.zolc@poczta.pl']);
    });

    it('finds "Agnieszka Wójcik" by `wojcik` and by part of the e-mail', async () => {
      expect(await search('wojcik')).toEqual(['agnieszka.wojcik@firma.com.pl']);
      expect(await search('firma.com')).toEqual(['agnieszka.wojcik@firma.com.pl']);
      expect(await search('@sklep-abc')).toEqual(['kontakt@sklep-abc.pl']);
    });

    it('finds by a whole phone number, in any spelling', async () => {
      expect(await search('+48 500 000 001')).toEqual(['jan.kowalski@example.pl']);
      expect(await search('22 123 45 67')).toEqual(['jan.kowalski@example.pl']);
      expect(await search('+48 600 100 200')).toEqual(['l.zolc@poczta.pl']);
      expect(await search('0048 600-100-200')).toEqual(['l.zolc@poczta.pl']);
    });

    it('finds by part of the e-mail across customers', async () => {
      expect((await search('example.pl')).sort()).toEqual(['jan.kowalski@example.pl', 'nowy@example.pl', 'rabat@example.pl']);
    });

    it('takes % and _ literally, not as wildcards', async () => {
      expect(await search('100%')).toEqual(['rabat@example.pl']);
      expect(await search('%')).toEqual(['rabat@example.pl']);
      expect(await search('_')).toEqual([]);
    });

    it('finds nobody for a name that is not there, and everybody for a blank q', async () => {
      expect(await search('Brzęczyszczykiewicz')).toEqual([]);
      const all = (await admin.get('/customers')).body.total;
      expect((await admin.get('/customers?q=%20')).body.total).toBe(all);
    });

    it('finds by a further e-mail address, whole and in any letter case', async () => {
      const res = await admin.patch(`/customers/${people.jan.id}`, { emails: ['Jan.K@Prywatny.pl', 'jan.k@prywatny.pl'] });
      expect(res.status).toBe(200);
      expect(res.body.emails).toEqual(['jan.k@prywatny.pl']);
      expect(await search('JAN.K@prywatny.pl')).toEqual(['jan.kowalski@example.pl']);
    });
  });

  describe('one customer', () => {
    it('shows their ticket history, newest first, across channels', async () => {
      const open = async (subject: string, channel: string) => {
        const res = await admin.post('/tickets', { subject, channel, customer: { email: 'AGNIESZKA.wojcik@firma.com.pl' }, message: { body: subject } });
        expect(res.status).toBe(201);
        expect(res.body.customerId).toBe(people.agnieszka.id);
        return res.body as { id: string; number: string };
      };
      const first = await open('Pierwsze', 'email');
      const second = await open('Drugie', 'phone');
      const res = await admin.get(`/customers/${people.agnieszka.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: people.agnieszka.id, name: 'Agnieszka Wójcik', email: 'agnieszka.wojcik@firma.com.pl' });
      expect(res.body.tickets).toEqual([
        expect.objectContaining({ id: second.id, number: second.number, subject: 'Drugie', channel: 'phone', status: 'new', customerId: people.agnieszka.id }),
        expect.objectContaining({ id: first.id, number: first.number, subject: 'Pierwsze', channel: 'email' }),
      ]);
      // Another customer's history stays empty.
      expect((await admin.get(`/customers/${people.lukasz.id}`)).body.tickets).toEqual([]);
    });

    it('changes contact data, identifiers, tags and notes', async () => {
      const res = await admin.patch(`/customers/${people.lukasz.id}`, {
        name: 'Łukasz Żółć-Nowak', phones: ['+48 700 800 900'], externalIds: { allegro: 'lukasz_z' }, tags: ['vip', 'hurt'], notes: 'Dzwonić po 16.',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: people.lukasz.id, name: 'Łukasz Żółć-Nowak', email: 'l.zolc@poczta.pl', phones: ['+48700800900'],
        externalIds: { allegro: 'lukasz_z' }, tags: ['vip', 'hurt'], notes: 'Dzwonić po 16.',
      });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(people.lukasz.updatedAt));
      const read = (await admin.get(`/customers/${people.lukasz.id}`)).body;
      expect(read).toMatchObject({ name: 'Łukasz Żółć-Nowak', phones: ['+48700800900'], notes: 'Dzwonić po 16.' });
      expect(read.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`)).toEqual(['email:l.zolc@poczta.pl', 'phone:+48700800900']);
      // Search follows the change.
      expect(await search('+48 700 800 900')).toEqual(['l.zolc@poczta.pl']);
      expect(await search('+48 600 100 200')).toEqual([]);
    });

    it('changes the e-mail to a free one, and a ticket for the new address finds them', async () => {
      const res = await admin.patch(`/customers/${people.anon.id}`, { email: 'biuro@sklep-abc.pl' });
      expect(res.status).toBe(200);
      expect(res.body.email).toBe('biuro@sklep-abc.pl');
      const ticket = await admin.post('/tickets', { subject: 'x', customer: { email: 'biuro@sklep-abc.pl' }, message: { body: 'x' } });
      expect(ticket.body.customerId).toBe(people.anon.id);
    });

    it('clears the name and notes with null', async () => {
      const created = (await admin.post('/customers', { email: 'do.wyczyszczenia@example.pl', name: 'Tymczasowy' })).body as Customer;
      const res = await admin.patch(`/customers/${created.id}`, { name: null, notes: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: null, notes: null });
    });
  });

  describe('e-mail uniqueness', () => {
    it('refuses to create a customer with a taken e-mail, in any letter case (409 CUSTOMER_EMAIL_TAKEN)', async () => {
      expectError(await admin.post('/customers', { email: 'JAN.KOWALSKI@example.pl' }), 409, 'CUSTOMER_EMAIL_TAKEN');
    });

    it("refuses to change a customer's e-mail to another's (409), and changes nothing", async () => {
      const res = await admin.patch(`/customers/${people.percent.id}`, { email: 'Jan.Kowalski@Example.pl', name: 'Zmieniony' });
      expectError(res, 409, 'CUSTOMER_EMAIL_TAKEN');
      expect((await admin.get(`/customers/${people.percent.id}`)).body).toMatchObject({ email: 'rabat@example.pl', name: '100% Zadowolony' });
    });

    it('lets a customer keep their own e-mail or change its letter case', async () => {
      expect((await admin.patch(`/customers/${people.jan.id}`, { email: 'jan.kowalski@example.pl' })).status).toBe(200);
      const recased = await admin.patch(`/customers/${people.jan.id}`, { email: 'Jan.Kowalski@example.pl' });
      expect(recased.status).toBe(200);
      expect(recased.body.email).toBe('Jan.Kowalski@example.pl');
    });

    it('of the same e-mail created at the same moment: one is created, the others get 409 (not 500)', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => admin.post('/customers', { email: i % 2 ? 'Rownoczesny@example.pl' : 'rownoczesny@example.pl' })),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      for (const refused of answers.filter((a) => a.status !== 201)) expectError(refused, 409, 'CUSTOMER_EMAIL_TAKEN');
    });
  });

  it('answers 404 CUSTOMER_NOT_FOUND and 400 for ids that are not UUIDs', async () => {
    expectError(await admin.get(`/customers/${randomUUID()}`), 404, 'CUSTOMER_NOT_FOUND');
    expectFieldErrors(await admin.get('/customers/lukasz'), ['id']);
  });
});
