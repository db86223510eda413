import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addInboundAddress, BIURO, deliverRaw, ticketOfMail } from '../mail/mail-kit.js';
import { asAdmin, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { composeMail } from '../support/compose-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Customer identities: a customer is recognised by any of their e-mail
// addresses, phone numbers (E.164, any spelling) and channel ids; the mail
// intake and ticket creation find them by any identity and never merge two
// customers on their own.

interface Identity { id: string; kind: string; value: string; source?: string; createdAt: string }
interface Customer { id: string; name: string | null; email: string | null; emails: string[]; phones: string[]; identities: Identity[]; mergedIntoId: string | null }
interface Ticket { id: string; number: string; customerId: string; customer: Customer }

const labels = (customer: Customer): string[] => customer.identities.map((i) => `${i.kind}:${i.source ? `${i.source}:` : ''}${i.value}`);

describe('customer identities', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ MAIL_DOMAIN: 'rowerownia.pl', OUTBOUND_SMTP_URL: sink.url, AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  const mail = async (from: string, subject: string, fromName?: string): Promise<Ticket> => {
    const { raw, messageId } = composeMail({ from, fromName, to: BIURO, subject, body: `${subject}\n\nPozdrawiam` });
    await deliverRaw(product, raw, { to: [BIURO] });
    return (await ticketOfMail(admin, messageId)) as unknown as Ticket;
  };

  const openTicket = async (customer: Record<string, unknown>, subject = 'Telefon'): Promise<Ticket> => {
    const res = await admin.post('/tickets', { subject, channel: 'phone', customer, message: { body: subject } });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };

  const read = async (id: string): Promise<Customer & { tickets: { id: string }[] }> => {
    const res = await admin.get(`/customers/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  const findByIdentity = async (identity: string): Promise<string[]> => {
    const res = await admin.get(`/customers?identity=${encodeURIComponent(identity)}`);
    expect(res.status).toBe(200);
    return (res.body.items as Customer[]).map((c) => c.id);
  };

  it('a customer writes by mail, calls in with a phone number, and an identity links them: the customer page shows both', async () => {
    const byMail = await mail('Marta.Nowak@Poczta.pl', 'Zwrot roweru', 'Marta Nowak');
    expect(labels(byMail.customer)).toEqual(['email:marta.nowak@poczta.pl']);
    expect(byMail.customer).toMatchObject({ name: 'Marta Nowak', email: 'marta.nowak@poczta.pl' });

    // The phone call: only a number, so a new customer (nobody is matched on a guess).
    const byPhone = await openTicket({ phone: '600 100 200', name: 'Marta' });
    expect(byPhone.customerId).not.toBe(byMail.customerId);
    expect(byPhone.customer).toMatchObject({ email: null, phones: ['+48600100200'] });
    expect(labels(byPhone.customer)).toEqual(['phone:+48600100200']);

    // The agent adds the number to the mail customer: taken by the phone customer → 409 naming them.
    const taken = await admin.post(`/customers/${byMail.customerId}/identities`, { kind: 'phone', value: '+48 600-100-200' });
    expectError(taken, 409, 'CUSTOMER_IDENTITY_TAKEN');
    expect(taken.body.details.customerId).toBe(byPhone.customerId);

    // A second call, from the same person giving both: the first identity given (e-mail) decides, the phone stays where it is.
    const both = await openTicket({ email: 'marta.nowak@poczta.pl', phone: '0048600100200' }, 'Drugi telefon');
    expect(both.customerId).toBe(byMail.customerId);
    expect(labels(both.customer)).toEqual(['email:marta.nowak@poczta.pl']);

    // Linking: the phone customer's number is removed there and added here.
    const phoneIdentity = byPhone.customer.identities[0];
    expect((await admin.delete(`/customers/${byPhone.customerId}/identities/${phoneIdentity.id}`)).status).toBe(200);
    const linked = await admin.post(`/customers/${byMail.customerId}/identities`, { kind: 'phone', value: '600 100 200' });
    expect(linked.status).toBe(201);
    expect(labels(linked.body)).toEqual(['email:marta.nowak@poczta.pl', 'phone:+48600100200']);
    expect(linked.body.phones).toEqual(['+48600100200']);

    // The next call with the number finds the mail customer; their page shows both identities and every ticket.
    const third = await openTicket({ phone: '+48 600 100 200' }, 'Trzeci telefon');
    expect(third.customerId).toBe(byMail.customerId);
    const page = await read(byMail.customerId);
    expect(labels(page)).toEqual(['email:marta.nowak@poczta.pl', 'phone:+48600100200']);
    expect(page.tickets.map((t) => t.id).sort()).toEqual([byMail.id, both.id, third.id].sort());
  });

  it('finds a phone identity by any spelling of the number', async () => {
    const created = await admin.post('/customers', { email: 'piotr.zielinski@example.pl', phones: ['+48 601 202 303'] });
    expect(created.status).toBe(201);
    for (const spelling of ['+48601202303', '601 202 303', '+48 601-202-303', '0048601202303']) {
      expect(await findByIdentity(`phone:${spelling}`)).toEqual([created.body.id]);
    }
    expect(await findByIdentity('email:PIOTR.Zielinski@example.pl')).toEqual([created.body.id]);
    // Written straight into the URL, the + unencoded.
    const raw = await admin.get('/customers?identity=phone:+48601202303');
    expect((raw.body.items as Customer[]).map((c) => c.id)).toEqual([created.body.id]);
    expect(await findByIdentity('phone:+48 999 999 999')).toEqual([]);
  });

  it('refuses identity queries and values that are not valid, naming the field', async () => {
    expectFieldErrors(await admin.get('/customers?identity=600100200'), ['identity'], 'CUSTOMER_IDENTITY_INVALID');
    expectFieldErrors(await admin.get('/customers?identity=phone:abc'), ['identity'], 'CUSTOMER_IDENTITY_INVALID');
    const customer = (await admin.post('/customers', { email: 'walidacja@example.pl' })).body as Customer;
    expectFieldErrors(await admin.post(`/customers/${customer.id}/identities`, { kind: 'fax', value: '1' }), ['kind']);
    expectFieldErrors(await admin.post(`/customers/${customer.id}/identities`, { kind: 'email', value: 'nie-adres' }), ['value'], 'CUSTOMER_IDENTITY_INVALID');
    expectFieldErrors(await admin.post(`/customers/${customer.id}/identities`, { kind: 'external', value: 'C-1' }), ['value'], 'CUSTOMER_IDENTITY_INVALID');
    expectError(await admin.delete(`/customers/${customer.id}/identities/${randomUUID()}`), 404, 'CUSTOMER_IDENTITY_NOT_FOUND');
  });

  it('keeps channel identities unique per kind, and external ones per source', async () => {
    const a = (await admin.post('/customers', { email: 'kanaly.a@example.pl' })).body as Customer;
    const b = (await admin.post('/customers', { email: 'kanaly.b@example.pl' })).body as Customer;
    expect((await admin.post(`/customers/${a.id}/identities`, { kind: 'allegro', value: 'rowerzysta_88' })).status).toBe(201);
    expect((await admin.post(`/customers/${a.id}/identities`, { kind: 'external', source: 'shop', value: 'C-1042' })).status).toBe(201);
    // The same value in another source, or as another kind, is another identity.
    expect((await admin.post(`/customers/${b.id}/identities`, { kind: 'external', source: 'erp', value: 'C-1042' })).status).toBe(201);
    expect((await admin.post(`/customers/${b.id}/identities`, { kind: 'chat', value: 'rowerzysta_88' })).status).toBe(201);
    const taken = await admin.post(`/customers/${b.id}/identities`, { kind: 'external', source: 'shop', value: 'C-1042' });
    expectError(taken, 409, 'CUSTOMER_IDENTITY_TAKEN');
    expect(taken.body.details.customerId).toBe(a.id);
    // Adding one the customer already has changes nothing.
    const again = await admin.post(`/customers/${a.id}/identities`, { kind: 'allegro', value: 'rowerzysta_88' });
    expect(again.status).toBe(201);
    expect(labels(again.body)).toEqual(['email:kanaly.a@example.pl', 'allegro:rowerzysta_88', 'external:shop:C-1042']);
    expect(await findByIdentity('external:shop:C-1042')).toEqual([a.id]);
    // A ticket for the Allegro login finds the customer and learns the new phone.
    const ticket = await openTicket({ identities: [{ kind: 'allegro', value: 'rowerzysta_88' }], phone: '+48 602 000 111' });
    expect(ticket.customerId).toBe(a.id);
    expect(labels(ticket.customer)).toEqual(['email:kanaly.a@example.pl', 'allegro:rowerzysta_88', 'external:shop:C-1042', 'phone:+48602000111']);
  });

  it('refuses a ticket whose customer has no identity, naming `customer`', async () => {
    expectFieldErrors(await admin.post('/tickets', { subject: 'x', customer: { name: 'Bez danych' }, message: { body: 'x' } }), ['customer']);
    expectFieldErrors(
      await admin.post('/tickets', { subject: 'x', customer: { phone: 'zadzwoń' }, message: { body: 'x' } }), ['customer.phone'], 'CUSTOMER_IDENTITY_INVALID',
    );
  });

  it('files mail from an address added as an identity on that customer, also several at once', async () => {
    const customer = (await admin.post('/customers', { email: 'adam.wisniewski@firma.pl', name: 'Adam Wiśniewski' })).body as Customer;
    const added = await admin.post(`/customers/${customer.id}/identities`, { kind: 'email', value: 'Adam.W@Prywatna.pl' });
    expect(added.status).toBe(201);
    expect(added.body.emails).toEqual(['adam.w@prywatna.pl']);

    const fromSecond = await mail('adam.w@prywatna.pl', 'Z prywatnej skrzynki');
    expect(fromSecond.customerId).toBe(customer.id);
    const [a, b, c] = await Promise.all([
      mail('ADAM.W@prywatna.pl', 'Pierwszy z trzech'),
      mail('adam.wisniewski@firma.pl', 'Drugi z trzech'),
      mail('nowy.nadawca@prywatna.pl', 'Trzeci z trzech', 'Nowy Nadawca'),
    ]);
    expect([a.customerId, b.customerId]).toEqual([customer.id, customer.id]);
    expect(c.customerId).not.toBe(customer.id);
    expect(labels(c.customer)).toEqual(['email:nowy.nadawca@prywatna.pl']);
    const page = await read(customer.id);
    expect(page.tickets).toHaveLength(3);
    // Removing the identity: the next mail from that address is a new customer's.
    const identity = page.identities.find((i) => i.value === 'adam.w@prywatna.pl')!;
    const removed = await admin.delete(`/customers/${customer.id}/identities/${identity.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.emails).toEqual([]);
    const later = await mail('adam.w@prywatna.pl', 'Po usunięciu');
    expect(later.customerId).not.toBe(customer.id);
  });

  it('keeps the e-mail and phone fields in step with the identities when they are changed', async () => {
    const customer = (await admin.post('/customers', { email: 'zmiany@example.pl', phones: ['600 300 400'] })).body as Customer;
    const res = await admin.patch(`/customers/${customer.id}`, { emails: ['Druga@Example.pl'], phones: ['+48 600 300 401', '22 555 66 77'] });
    expect(res.status).toBe(200);
    expect(labels(res.body)).toEqual(['email:zmiany@example.pl', 'email:druga@example.pl', 'phone:+48600300401', 'phone:+48225556677']);
    expect(res.body).toMatchObject({ email: 'zmiany@example.pl', emails: ['druga@example.pl'], phones: ['+48600300401', '+48225556677'] });
    // Removing the primary e-mail identity: the other address becomes the primary one.
    const primary = (res.body as Customer).identities.find((i) => i.value === 'zmiany@example.pl')!;
    const after = await admin.delete(`/customers/${customer.id}/identities/${primary.id}`);
    expect(after.body).toMatchObject({ email: 'druga@example.pl', emails: [] });
    // A phone another customer holds is refused, naming the field.
    const other = (await admin.post('/customers', { email: 'inny@example.pl', phones: ['600 300 999'] })).body as Customer;
    const refused = await admin.patch(`/customers/${customer.id}`, { phones: ['+48600300999'] });
    expectError(refused, 409, 'CUSTOMER_IDENTITY_TAKEN');
    expect(refused.body.details).toMatchObject({ customerId: other.id, field: 'phones.0' });
  });

  it('answers a customer at the address they wrote from, not only their primary one', async () => {
    const customer = (await admin.post('/customers', { email: 'kasia.glowna@firma.pl', name: 'Kasia' })).body as Customer;
    expect((await admin.post(`/customers/${customer.id}/identities`, { kind: 'email', value: 'kasia.druga@prywatna.pl' })).status).toBe(201);
    const { raw, messageId } = composeMail({ from: 'kasia.druga@prywatna.pl', to: BIURO, subject: 'Z drugiego adresu', body: 'Dzień dobry' });
    await deliverRaw(product, raw, { to: [BIURO] });
    const ticket = (await ticketOfMail(admin, messageId)) as unknown as Ticket;
    expect(ticket.customerId).toBe(customer.id);
    const ack = await sink.waitFor((m) => m.inReplyTo === messageId);
    expect(ack.envelope.rcptTo).toEqual(['kasia.druga@prywatna.pl']);
    const reply = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Odpowiadamy' });
    expect(reply.status).toBe(201);
    const answer = await sink.waitFor((m) => m.text.includes('Odpowiadamy'));
    expect(answer.envelope.rcptTo).toEqual(['kasia.druga@prywatna.pl']);
  });
});
