import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAdmin, createUser, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Channels as an admin manages them: the inbound addresses appear as e-mail
// channels and follow every change of their address; the other types are
// created, changed and removed here; agents have no access.

interface Channel {
  id: string;
  type: string;
  name: string;
  queueId: string | null;
  categoryId: string | null;
  priority: string | null;
  settings: Record<string, unknown>;
  key: string;
  active: boolean;
  inboundAddressId: string | null;
  createdAt: string;
  updatedAt: string;
}

const URL_SAFE_KEY = /^[A-Za-z0-9_-]{43}$/;

describe('channels', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let agent: CreatedUser;
  let queueId: string;
  let categoryId: string;

  beforeAll(async () => {
    product = await startProduct({ OKIENKO_ROLES: 'api' });
    admin = await asAdmin(product);
    agent = await createUser(product, admin, { email: 'ewa@okienko.test', name: 'Ewa Zając' });
    const queue = await admin.post('/queues', { name: 'Serwis rowerów' });
    const category = await admin.post('/categories', { name: 'Zwroty rowerów' });
    expect([queue.status, category.status]).toEqual([201, 201]);
    queueId = (queue.body as { id: string }).id;
    categoryId = (category.body as { id: string }).id;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const list = async (query = ''): Promise<Channel[]> => {
    const res = await admin.get(`/channels${query}`);
    expect(res.status).toBe(200);
    return (res.body as { items: Channel[] }).items;
  };

  const emailChannelOf = async (inboundAddressId: string): Promise<Channel | undefined> =>
    (await list('?type=email&limit=200')).find((c) => c.inboundAddressId === inboundAddressId);

  const create = async (body: Record<string, unknown>): Promise<Channel> => {
    const res = await admin.post('/channels', body);
    expect(res.status).toBe(201);
    return res.body as Channel;
  };

  describe('e-mail channels follow the inbound addresses', () => {
    it('adding an inbound address lists an e-mail channel with its name, routing and address', async () => {
      const address = (await admin.post('/inbound-addresses', {
        address: 'reklamacje@rowerownia.pl', name: 'Reklamacje', queueId, categoryId, priority: 'high',
      })).body as { id: string };
      const channel = await emailChannelOf(address.id);
      expect(channel).toEqual({
        id: expect.any(String),
        type: 'email',
        name: 'Reklamacje',
        queueId,
        categoryId,
        priority: 'high',
        settings: { address: 'reklamacje@rowerownia.pl' },
        key: expect.stringMatching(URL_SAFE_KEY),
        active: true,
        inboundAddressId: address.id,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect((await admin.get(`/channels/${channel!.id}`)).body).toEqual(channel);
    });

    it('renaming, re-routing and changing the address changes its channel; without a name the channel is named by the address', async () => {
      const address = (await admin.post('/inbound-addresses', { address: 'biuro@rowerownia.pl', name: 'Biuro' })).body as { id: string };
      const before = (await emailChannelOf(address.id))!;
      expect(before).toMatchObject({ name: 'Biuro', queueId: null, priority: null, settings: { address: 'biuro@rowerownia.pl' } });

      const patched = await admin.patch(`/inbound-addresses/${address.id}`, {
        address: 'sklep@rowerownia.pl', name: 'Sklep', queueId, priority: 'urgent',
      });
      expect(patched.status).toBe(200);
      const after = (await emailChannelOf(address.id))!;
      expect(after).toMatchObject({
        id: before.id, key: before.key, name: 'Sklep', queueId, priority: 'urgent', settings: { address: 'sklep@rowerownia.pl' },
      });

      expect((await admin.patch(`/inbound-addresses/${address.id}`, { name: null })).status).toBe(200);
      expect((await emailChannelOf(address.id))!.name).toBe('sklep@rowerownia.pl');
    });

    it('an address added without a name gives a channel named by the address', async () => {
      const address = (await admin.post('/inbound-addresses', { address: 'Faktury@Rowerownia.pl' })).body as { id: string };
      expect((await emailChannelOf(address.id))!).toMatchObject({ name: 'Faktury@Rowerownia.pl', settings: { address: 'Faktury@Rowerownia.pl' } });
    });

    it('removing the address removes its channel', async () => {
      const address = (await admin.post('/inbound-addresses', { address: 'serwis@rowerownia.pl', name: 'Serwis' })).body as { id: string };
      const channel = (await emailChannelOf(address.id))!;
      expect((await admin.delete(`/inbound-addresses/${address.id}`)).status).toBe(204);
      expect(await emailChannelOf(address.id)).toBeUndefined();
      expectError(await admin.get(`/channels/${channel.id}`), 404, 'CHANNEL_NOT_FOUND');
    });

    it('a taken address changes no channel', async () => {
      const address = (await admin.post('/inbound-addresses', { address: 'kontakt@rowerownia.pl', name: 'Kontakt' })).body as { id: string };
      expectError(await admin.patch(`/inbound-addresses/${address.id}`, { address: 'REKLAMACJE@rowerownia.pl', name: 'Inna' }), 409, 'INBOUND_ADDRESS_TAKEN');
      expect((await emailChannelOf(address.id))!).toMatchObject({ name: 'Kontakt', settings: { address: 'kontakt@rowerownia.pl' } });
      expect((await list('?type=email&limit=200')).filter((c) => c.settings.address === 'reklamacje@rowerownia.pl')).toHaveLength(1);
    });

    it('an e-mail channel cannot be created, changed or removed here (409 CHANNEL_MANAGED_BY_INBOUND_ADDRESS)', async () => {
      expectFieldErrors(await admin.post('/channels', { type: 'email', name: 'Poczta' }), ['type']);
      const channel = (await list('?type=email'))[0];
      expectError(await admin.patch(`/channels/${channel.id}`, { name: 'Inna nazwa' }), 409, 'CHANNEL_MANAGED_BY_INBOUND_ADDRESS');
      expectError(await admin.delete(`/channels/${channel.id}`), 409, 'CHANNEL_MANAGED_BY_INBOUND_ADDRESS');
      expect((await admin.get(`/channels/${channel.id}`)).body).toMatchObject({ name: channel.name });
    });
  });

  describe('other channels', () => {
    it('a phone line is created with defaults, a random url-safe key of its own, and listed by type', async () => {
      const phone = await create({ type: 'phone', name: 'Infolinia' });
      expect(phone).toMatchObject({
        type: 'phone', name: 'Infolinia', queueId: null, categoryId: null, priority: null, settings: {}, active: true, inboundAddressId: null,
      });
      expect(phone.key).toMatch(URL_SAFE_KEY);
      const form = await create({ type: 'web_form', name: 'Formularz reklamacji', queueId, categoryId, priority: 'low', settings: { kind: 'complaint' }, active: false });
      expect(form).toMatchObject({ queueId, categoryId, priority: 'low', settings: { kind: 'complaint', fields: expect.arrayContaining([expect.objectContaining({ name: 'orderNumber' })]) }, active: false });
      expect(form.key).not.toBe(phone.key);

      const phones = await list('?type=phone');
      expect(phones.map((c) => c.id)).toEqual([phone.id]);
      const all = await list('?limit=200');
      expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([phone.id, form.id]));
      expect(all.some((c) => c.type === 'email')).toBe(true);
    });

    it('is changed field by field; its type stays', async () => {
      const chat = await create({ type: 'chat', name: 'Czat na stronie', settings: { color: 'blue' } });
      const res = await admin.patch(`/channels/${chat.id}`, { name: 'Czat', queueId, active: false, settings: { color: 'green' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: chat.id, type: 'chat', name: 'Czat', queueId, active: false, settings: { color: 'green' }, key: chat.key });
      expect((await admin.patch(`/channels/${chat.id}`, { queueId: null })).body).toMatchObject({ queueId: null, name: 'Czat' });
      expectFieldErrors(await admin.patch(`/channels/${chat.id}`, { type: 'phone' }), ['type']);
      expect((await admin.get(`/channels/${chat.id}`)).body).toMatchObject({ type: 'chat' });
    });

    it('is removed', async () => {
      const api = await create({ type: 'api', name: 'Sklep internetowy' });
      expect((await admin.delete(`/channels/${api.id}`)).status).toBe(204);
      expectError(await admin.get(`/channels/${api.id}`), 404, 'CHANNEL_NOT_FOUND');
      expectError(await admin.delete(`/channels/${api.id}`), 404, 'CHANNEL_NOT_FOUND');
    });
  });

  describe('bad input', () => {
    it('names every field at fault', async () => {
      expectFieldErrors(await admin.post('/channels', {}), ['type', 'name']);
      expectFieldErrors(await admin.post('/channels', { type: 'fax', name: 'Faks' }), ['type']);
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: '   ' }), ['name']);
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'x'.repeat(201) }), ['name']);
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'Infolinia', queueId: 'kolejka', priority: 'asap' }), ['queueId', 'priority']);
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'Infolinia', settings: ['a'] }), ['settings']);
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'Infolinia', settings: { big: 'x'.repeat(17_000) } }), ['settings']);
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'Infolinia', active: 'tak' }), ['active']);
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'Infolinia', inboundAddressId: randomUUID() }), ['inboundAddressId']);
    });

    it('a queue or category that does not exist is a 400 naming it', async () => {
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'Infolinia', queueId: randomUUID() }), ['queueId'], 'QUEUE_NOT_FOUND');
      expectFieldErrors(await admin.post('/channels', { type: 'phone', name: 'Infolinia', categoryId: randomUUID() }), ['categoryId'], 'CATEGORY_NOT_FOUND');
      const phone = await create({ type: 'phone', name: 'Infolinia 2' });
      expectFieldErrors(await admin.patch(`/channels/${phone.id}`, { queueId: randomUUID() }), ['queueId'], 'QUEUE_NOT_FOUND');
    });

    it('an unknown channel is a 404 CHANNEL_NOT_FOUND, a malformed id a 400 naming id', async () => {
      const missing = randomUUID();
      expectError(await admin.get(`/channels/${missing}`), 404, 'CHANNEL_NOT_FOUND');
      expectError(await admin.patch(`/channels/${missing}`, { name: 'X' }), 404, 'CHANNEL_NOT_FOUND');
      expectError(await admin.delete(`/channels/${missing}`), 404, 'CHANNEL_NOT_FOUND');
      expectFieldErrors(await admin.get('/channels/not-a-uuid'), ['id']);
      expectFieldErrors(await admin.get('/channels?type=fax'), ['type']);
    });
  });

  it('a ticket opened through the API shows its first message on the channel type it was opened for', async () => {
    const opened = async (channel: string | undefined) => {
      const res = await admin.post('/tickets', {
        subject: 'Telefon w sprawie zwrotu', customer: { phone: '+48 600 700 800', name: 'Anna Nowak' },
        message: { body: 'Klientka dzwoniła w sprawie zwrotu.' }, ...(channel ? { channel } : {}),
      });
      expect(res.status).toBe(201);
      const ticket = (await admin.get(`/tickets/${(res.body as { id: string }).id}`)).body as { channels: unknown[]; messages: { channel: unknown }[] };
      return { channels: ticket.channels, first: ticket.messages[0].channel };
    };
    expect(await opened('phone')).toEqual({ channels: [{ id: null, type: 'phone', name: null }], first: { id: null, type: 'phone', name: null } });
    expect((await opened('marketplace')).first).toEqual({ id: null, type: 'api', name: null });
    // An API token's ticket without a channel is an API ticket; an admin's without one a phone call.
    expect((await opened(undefined)).first).toEqual({ id: null, type: 'phone', name: null });
  });

  it('agents may not read or change channels (403)', async () => {
    const phone = await create({ type: 'phone', name: 'Infolinia 3' });
    expectError(await agent.api.get('/channels'), 403, 'AUTH_FORBIDDEN');
    expectError(await agent.api.get(`/channels/${phone.id}`), 403, 'AUTH_FORBIDDEN');
    expectError(await agent.api.post('/channels', { type: 'phone', name: 'Moja linia' }), 403, 'AUTH_FORBIDDEN');
    expectError(await agent.api.patch(`/channels/${phone.id}`, { name: 'Moja linia' }), 403, 'AUTH_FORBIDDEN');
    expectError(await agent.api.delete(`/channels/${phone.id}`), 403, 'AUTH_FORBIDDEN');
    expect((await admin.get(`/channels/${phone.id}`)).body).toMatchObject({ name: 'Infolinia 3' });
  });
});
