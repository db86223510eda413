import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, createUser, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Saved views of the ticket list: an agent's filters and sort under a name,
// private or (by admins) shared with everyone; renamed, moved and deleted by
// their owner; the filters validated as the list's own fields.

interface View { id: string; name: string; filters: Record<string, unknown>; shared: boolean; position: number; ownerId: string; mine: boolean; editable: boolean; createdAt: string; updatedAt: string }

// Generous: the machines running the suites are shared.
jest.setTimeout(60_000);

describe('saved views', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminId: string;
  let anna: CreatedUser;
  let piotr: CreatedUser;
  let categoryId: string;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    adminId = (await admin.get('/auth/me')).body.id;
    anna = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    piotr = await createUser(product, admin, { email: 'piotr@okienko.test', name: 'Piotr Lis' });
    categoryId = ((await admin.get('/categories')).body.items as { id: string; slug: string }[]).find((c) => c.slug === 'complaint-return')!.id;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const names = async (api: ApiClient): Promise<string[]> => {
    const res = await api.get('/saved-views');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return (res.body.items as View[]).map((v) => v.name);
  };

  describe('an agent\'s own views', () => {
    let urgent: View;

    it('saves the filters and sort under a name and answers 201 with the view, last among the owner\'s', async () => {
      const res = await anna.api.post('/saved-views', {
        name: '  Pilne reklamacje ',
        filters: {
          status: ['new', 'open'], priority: ['urgent'], slaState: ['breached'], categoryId, assigneeId: 'me', channel: 'email',
          tag: 'allegro', createdFrom: '2026-12-01', createdTo: '2026-12-31', q: 'kurtka', sort: '-priority', queueId: 'none',
        },
      });
      expect(res.status).toBe(201);
      urgent = res.body as View;
      expect(urgent).toEqual({
        id: expect.any(String), name: 'Pilne reklamacje', shared: false, position: 0, ownerId: anna.id, mine: true, editable: true,
        filters: {
          status: ['new', 'open'], priority: ['urgent'], slaState: ['breached'], categoryId, assigneeId: 'me', channel: 'email',
          tag: 'allegro', createdFrom: '2026-12-01', createdTo: '2026-12-31', q: 'kurtka', sort: '-priority', queueId: 'none',
        },
        createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      const second = await anna.api.post('/saved-views', { name: 'Moje otwarte', filters: { status: ['open'], assigneeId: 'me', q: '', priority: [] } });
      expect(second.status).toBe(201);
      // Empty values are not kept.
      expect(second.body).toMatchObject({ position: 1, filters: { status: ['open'], assigneeId: 'me' } });
      expect(Object.keys(second.body.filters).sort()).toEqual(['assigneeId', 'status']);
      expect(await names(anna.api)).toEqual(['Pilne reklamacje', 'Moje otwarte']);
      expect((await anna.api.get(`/saved-views/${urgent.id}`)).body).toEqual(urgent);
    });

    it('is private: others neither list nor read, change or delete it (404, as for a view that does not exist)', async () => {
      expect(await names(piotr.api)).toEqual([]);
      expect(await names(admin)).toEqual([]);
      expectError(await piotr.api.get(`/saved-views/${urgent.id}`), 404, 'SAVED_VIEW_NOT_FOUND');
      expectError(await admin.patch(`/saved-views/${urgent.id}`, { name: 'Moje' }), 404, 'SAVED_VIEW_NOT_FOUND');
      expectError(await piotr.api.delete(`/saved-views/${urgent.id}`), 404, 'SAVED_VIEW_NOT_FOUND');
      expect((await anna.api.get(`/saved-views/${urgent.id}`)).body.name).toBe('Pilne reklamacje');
    });

    it('is renamed, re-filtered and moved by its owner; the names of one owner are unique in any letter case', async () => {
      const renamed = await anna.api.patch(`/saved-views/${urgent.id}`, { name: 'Reklamacje pilne', filters: { priority: ['urgent', 'high'] }, position: 5 });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Reklamacje pilne', filters: { priority: ['urgent', 'high'] }, position: 5 });
      expect(new Date(renamed.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(urgent.updatedAt).getTime());
      expect(await names(anna.api)).toEqual(['Moje otwarte', 'Reklamacje pilne']);

      expectFieldErrors(await anna.api.post('/saved-views', { name: 'MOJE OTWARTE', filters: {} }), ['name'], 'SAVED_VIEW_NAME_TAKEN', 409);
      expectFieldErrors(await anna.api.patch(`/saved-views/${urgent.id}`, { name: 'moje otwarte' }), ['name'], 'SAVED_VIEW_NAME_TAKEN', 409);
      // Another user may use the same name.
      expect((await piotr.api.post('/saved-views', { name: 'Moje otwarte', filters: { assigneeId: 'me' } })).status).toBe(201);
    });

    it('is deleted by its owner (204), then gone (404)', async () => {
      expect((await anna.api.delete(`/saved-views/${urgent.id}`)).status).toBe(204);
      expectError(await anna.api.get(`/saved-views/${urgent.id}`), 404, 'SAVED_VIEW_NOT_FOUND');
      expectError(await anna.api.delete(`/saved-views/${urgent.id}`), 404, 'SAVED_VIEW_NOT_FOUND');
      expect(await names(anna.api)).toEqual(['Moje otwarte']);
    });
  });

  describe('shared views', () => {
    let shared: View;

    it('only admins share: an agent asking to is refused with 403 naming shared, and nothing is saved', async () => {
      expectFieldErrors(await anna.api.post('/saved-views', { name: 'Dla wszystkich', filters: {}, shared: true }), ['shared'], 'SAVED_VIEW_FORBIDDEN', 403);
      const own = (await anna.api.get('/saved-views')).body.items[0] as View;
      expectFieldErrors(await anna.api.patch(`/saved-views/${own.id}`, { shared: true }), ['shared'], 'SAVED_VIEW_FORBIDDEN', 403);
      expect((await anna.api.get(`/saved-views/${own.id}`)).body.shared).toBe(false);
      expect(await names(anna.api)).toEqual(['Moje otwarte']);
    });

    it('an admin\'s shared view is listed for everyone after their own, readable but changed only by admins', async () => {
      const res = await admin.post('/saved-views', { name: 'Przekroczone SLA', filters: { slaState: ['breached'] }, shared: true });
      expect(res.status).toBe(201);
      shared = res.body as View;
      expect(shared).toMatchObject({ shared: true, ownerId: adminId, mine: true, editable: true });

      expect(await names(anna.api)).toEqual(['Moje otwarte', 'Przekroczone SLA']);
      expect(await names(piotr.api)).toEqual(['Moje otwarte', 'Przekroczone SLA']);
      const seenByAnna = await anna.api.get(`/saved-views/${shared.id}`);
      expect(seenByAnna.status).toBe(200);
      expect(seenByAnna.body).toMatchObject({ name: 'Przekroczone SLA', mine: false, editable: false, filters: { slaState: ['breached'] } });

      expectError(await anna.api.patch(`/saved-views/${shared.id}`, { name: 'Moje SLA' }), 403, 'SAVED_VIEW_FORBIDDEN');
      expectError(await anna.api.delete(`/saved-views/${shared.id}`), 403, 'SAVED_VIEW_FORBIDDEN');
      expect((await admin.get(`/saved-views/${shared.id}`)).body.name).toBe('Przekroczone SLA');
    });

    it('another admin may rename it; unsharing makes it private to its owner again', async () => {
      const ewa = await createUser(product, admin, { email: 'ewa@okienko.test', name: 'Ewa Admin', role: 'admin' });
      const renamed = await ewa.api.patch(`/saved-views/${shared.id}`, { name: 'SLA przekroczone' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'SLA przekroczone', mine: false, editable: true, ownerId: adminId });
      expect((await admin.patch(`/saved-views/${shared.id}`, { shared: false })).body.shared).toBe(false);
      expect(await names(anna.api)).toEqual(['Moje otwarte']);
      expectError(await anna.api.get(`/saved-views/${shared.id}`), 404, 'SAVED_VIEW_NOT_FOUND');
      expect(await names(admin)).toEqual(['SLA przekroczone']);
    });
  });

  describe('validation: 400 naming each bad field, nothing saved', () => {
    it.each([
      ['no name', { filters: {} }, ['name']],
      ['a blank name', { name: '   ', filters: {} }, ['name']],
      ['a name too long', { name: 'x'.repeat(101), filters: {} }, ['name']],
      ['no filters', { name: 'A' }, ['filters']],
      ['filters that are no object', { name: 'A', filters: 'status=open' }, ['filters']],
      ['an unknown filter', { name: 'A', filters: { colour: 'red' } }, ['filters.colour']],
      ['an unknown status', { name: 'A', filters: { status: ['open', 'done'] } }, ['filters.status']],
      ['a status that is no list', { name: 'A', filters: { status: 'open' } }, ['filters.status']],
      ['an unknown sort', { name: 'A', filters: { sort: 'subject' } }, ['filters.sort']],
      ['a queue that is no id', { name: 'A', filters: { queueId: 'sales' } }, ['filters.queueId']],
      ['an assignee that is no id', { name: 'A', filters: { assigneeId: 'anna' } }, ['filters.assigneeId']],
      ['an unknown channel', { name: 'A', filters: { channel: 'fax' } }, ['filters.channel']],
      ['a date that is no date', { name: 'A', filters: { createdFrom: 'wczoraj', createdTo: '2026-13-45' } }, ['filters.createdFrom', 'filters.createdTo']],
      ['shared that is no boolean', { name: 'A', filters: {}, shared: 'yes' }, ['shared']],
      ['an unknown field', { name: 'A', filters: {}, ownerId: '00000000-0000-4000-8000-000000000000' }, ['ownerId']],
    ])('%s', async (_, body, fields) => {
      expectFieldErrors(await piotr.api.post('/saved-views', body), fields);
      expect(await names(piotr.api)).toEqual(['Moje otwarte']);
    });

    it('a change with a null name, bad filters or a negative position', async () => {
      const own = (await piotr.api.get('/saved-views')).body.items[0] as View;
      expectFieldErrors(await piotr.api.patch(`/saved-views/${own.id}`, { name: null }), ['name']);
      expectFieldErrors(await piotr.api.patch(`/saved-views/${own.id}`, { filters: { priority: ['asap'] } }), ['filters.priority']);
      expectFieldErrors(await piotr.api.patch(`/saved-views/${own.id}`, { position: -1 }), ['position']);
      expectFieldErrors(await piotr.api.get('/saved-views/not-an-id'), ['id']);
      expect((await piotr.api.get(`/saved-views/${own.id}`)).body).toMatchObject({ name: 'Moje otwarte', filters: { assigneeId: 'me' }, position: 0 });
    });
  });
});
