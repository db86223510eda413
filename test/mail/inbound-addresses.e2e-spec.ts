import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, createUser, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { replyCode, smtpConversation } from '../support/send-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { addCategory, addQueue, BIURO, DOMAIN, REKLAMACJE, SKLEP, type InboundAddress } from './mail-kit.js';

// The addresses Okienko receives mail for: an administrator adds, lists,
// changes and removes them, and the SMTP listener follows at once.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

jest.setTimeout(60_000);

describe('inbound addresses', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let agent: CreatedUser;
  let complaintsQueueId: string;
  let complaintCategoryId: string;
  let reklamacje: InboundAddress;

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    agent = await createUser(product, admin, { email: 'agnieszka@okienko.test', name: 'Agnieszka Wrona' });
    complaintsQueueId = await addQueue(product, 'Reklamacje', 'complaints');
    complaintCategoryId = await addCategory(product, 'Reklamacja', 'complaint');
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  /** The listener's answer to RCPT TO `address` in a fresh session. */
  const rcpt = async (address: string): Promise<number> => {
    const replies = await smtpConversation(product.smtpPort!, ['EHLO klient.example', 'MAIL FROM:<jan.kowalski.rower@gmail.com>', `RCPT TO:<${address}>`, 'QUIT']);
    return replyCode(replies[3]);
  };

  it('an administrator adds an address with its queue, category, priority and reply name; 201 answers all of it', async () => {
    const res = await admin.post('/inbound-addresses', {
      address: REKLAMACJE,
      name: 'Reklamacje',
      queueId: complaintsQueueId,
      categoryId: complaintCategoryId,
      priority: 'high',
      replyFromName: 'Rowerownia – reklamacje',
    });
    expect(res.status).toBe(201);
    reklamacje = res.body as InboundAddress;
    expect(reklamacje).toEqual({
      id: expect.stringMatching(UUID),
      address: REKLAMACJE,
      name: 'Reklamacje',
      queueId: complaintsQueueId,
      categoryId: complaintCategoryId,
      priority: 'high',
      replyFromName: 'Rowerownia – reklamacje',
      autoAcknowledge: true,
      acknowledgementSubject: null,
      acknowledgementBody: null,
      createdAt: expect.stringMatching(ISO),
    });
  });

  it('needs only the address; acknowledgements are on unless switched off', async () => {
    const res = await admin.post('/inbound-addresses', { address: BIURO });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ address: BIURO, autoAcknowledge: true });

    const quiet = await admin.post('/inbound-addresses', { address: SKLEP, autoAcknowledge: false });
    expect(quiet.status).toBe(201);
    expect(quiet.body).toMatchObject({ address: SKLEP, autoAcknowledge: false });
  });

  it('lists every address as { items, total }', async () => {
    const res = await admin.get('/inbound-addresses');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect((res.body.items as InboundAddress[]).map((a) => a.address).sort()).toEqual([BIURO, REKLAMACJE, SKLEP]);
    expect((res.body.items as InboundAddress[]).find((a) => a.id === reklamacje.id)).toEqual(reklamacje);
  });

  it('refuses the same address twice, in any letter case, with 409', async () => {
    for (const address of [REKLAMACJE, `Reklamacje@${DOMAIN.toUpperCase()}`]) {
      const res = await admin.post('/inbound-addresses', { address });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.any(String) });
    }
    expect((await admin.get('/inbound-addresses')).body.total).toBe(3);
  });

  it('refuses a missing or malformed address with 400 naming the field', async () => {
    expectFieldErrors(await admin.post('/inbound-addresses', { name: 'Bez adresu' }), ['address']);
    expectFieldErrors(await admin.post('/inbound-addresses', { address: 'reklamacje.rowerownia.pl' }), ['address']);
    expectFieldErrors(await admin.post('/inbound-addresses', { address: 'x@rowerownia.pl', priority: 'asap' }), ['priority']);
  });

  it('checks acknowledgement placeholders on save: an unknown one is 400 naming the field, the placeholder and its position', async () => {
    const refused = await admin.post('/inbound-addresses', {
      address: 'potwierdzenia@rowerownia.pl',
      acknowledgementSubject: 'Zgłoszenie {{ticket.numer}}',
      acknowledgementBody: 'Dzień dobry {{customer.name}},\nodpowiemy {{expected_response}}. {{__proto__}}',
    });
    expectFieldErrors(refused, ['acknowledgementSubject', 'acknowledgementBody'], 'INBOUND_ADDRESS_INVALID_PLACEHOLDER');
    expect(refused.body.details.placeholders).toEqual([
      { field: 'acknowledgementSubject', kind: 'unknown_placeholder', placeholder: '{{ticket.numer}}', line: 1, column: 12, suggestion: 'ticket.number' },
      { field: 'acknowledgementBody', kind: 'unknown_placeholder', placeholder: '{{__proto__}}', line: 2, column: 34 },
    ]);
    expect(await rcpt('potwierdzenia@rowerownia.pl')).toBe(550);

    // Every placeholder the acknowledgement has always understood is accepted.
    const body = '{{ticket.number}} {{ticket.subject}} {{customer.name}} {{expected_response}} {{faq_url}} {{address.name}}';
    const accepted = await admin.post('/inbound-addresses', { address: 'potwierdzenia@rowerownia.pl', acknowledgementBody: body });
    expect(accepted.status).toBe(201);
    expect(accepted.body.acknowledgementBody).toBe(body);

    const patched = await admin.patch(`/inbound-addresses/${accepted.body.id}`, { acknowledgementBody: 'Hej {{agent.name}' });
    expectFieldErrors(patched, ['acknowledgementBody'], 'INBOUND_ADDRESS_INVALID_PLACEHOLDER');
    expect((await admin.get(`/inbound-addresses/${accepted.body.id}`)).body.acknowledgementBody).toBe(body);
    expect((await admin.delete(`/inbound-addresses/${accepted.body.id}`)).status).toBe(204);
  });

  it('changes only the fields sent with PATCH', async () => {
    const res = await admin.patch(`/inbound-addresses/${reklamacje.id}`, { priority: 'urgent', replyFromName: 'Dział reklamacji', autoAcknowledge: false });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...reklamacje, priority: 'urgent', replyFromName: 'Dział reklamacji', autoAcknowledge: false });
    const listed = (await admin.get('/inbound-addresses')).body.items as InboundAddress[];
    expect(listed.find((a) => a.id === reklamacje.id)).toEqual(res.body);
  });

  it('an address added through the API is accepted by the SMTP listener at once, in any letter case', async () => {
    expect(await rcpt('zwroty@rowerownia.pl')).toBe(550);
    expect((await admin.post('/inbound-addresses', { address: 'zwroty@rowerownia.pl' })).status).toBe(201);
    expect(await rcpt('zwroty@rowerownia.pl')).toBe(250);
    expect(await rcpt('ZWROTY@Rowerownia.PL')).toBe(250);
  });

  it('DELETE removes an address (204): gone from the list, and the listener refuses mail for it', async () => {
    const added = (await admin.post('/inbound-addresses', { address: 'stary@rowerownia.pl' })).body as InboundAddress;
    expect(await rcpt('stary@rowerownia.pl')).toBe(250);

    const res = await admin.delete(`/inbound-addresses/${added.id}`);
    expect(res.status).toBe(204);
    expect(((await admin.get('/inbound-addresses')).body.items as InboundAddress[]).map((a) => a.id)).not.toContain(added.id);
    expect(await rcpt('stary@rowerownia.pl')).toBe(550);
    expect((await admin.delete(`/inbound-addresses/${added.id}`)).status).toBe(404);
  });

  it('is for administrators only', async () => {
    expect((await agent.api.get('/inbound-addresses')).status).toBe(403);
    expect((await agent.api.post('/inbound-addresses', { address: 'agent@rowerownia.pl' })).status).toBe(403);
    expect((await agent.api.patch(`/inbound-addresses/${reklamacje.id}`, { name: 'x' })).status).toBe(403);
    expect((await agent.api.delete(`/inbound-addresses/${reklamacje.id}`)).status).toBe(403);
    expect((await agent.api.get('/inbound-mails')).status).toBe(403);
  });
});
