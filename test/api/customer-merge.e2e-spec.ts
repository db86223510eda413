import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addInboundAddress, BIURO, deliverRaw, ticketOfMail, withDatabase } from '../mail/mail-kit.js';
import { asAdmin, createUser, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { composeMail } from '../support/compose-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Merging two customers who are one person, and undoing it: tickets,
// identities and the customer's messages move and come back exactly, each
// moved ticket records it, a merged customer points at the one they were
// merged into, and suggested duplicates are offered for an agent to confirm.

interface Identity { id: string; kind: string; value: string }
interface Customer { id: string; name: string | null; email: string | null; emails: string[]; phones: string[]; identities: Identity[]; mergedIntoId: string | null }
interface Merge { id: string; sourceId: string; sourceName: string | null; ticketCount: number; identityCount: number; mergedAt: string; unmergedAt: string | null; undoableUntil: string }
interface Detail extends Customer { tickets: { id: string }[]; merges: Merge[] }
interface TicketEvent { type: string; field: string | null; oldValue: unknown; newValue: unknown; actorName: string | null }
interface Ticket { id: string; customerId: string; events: TicketEvent[]; messages: { direction: string; authorCustomerId?: string | null }[] }

const labels = (customer: Customer): string[] => customer.identities.map((i) => `${i.kind}:${i.value}`).sort();

describe('customer merge', () => {
  let product: TestProduct;
  let admin: ApiClient;

  beforeAll(async () => {
    product = await startProduct({ MAIL_DOMAIN: 'rowerownia.pl' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const mail = async (from: string, fromName: string, subject: string): Promise<Ticket> => {
    const { raw, messageId } = composeMail({ from, fromName, to: BIURO, subject, body: subject });
    await deliverRaw(product, raw, { to: [BIURO] });
    return (await ticketOfMail(admin, messageId)) as unknown as Ticket;
  };
  const call = async (customer: Record<string, unknown>, subject: string): Promise<Ticket> => {
    const res = await admin.post('/tickets', { subject, channel: 'phone', customer, message: { body: subject } });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };
  const detail = async (id: string, api = admin): Promise<Detail> => {
    const res = await api.get(`/customers/${id}`);
    expect(res.status).toBe(200);
    return res.body as Detail;
  };
  const ticket = async (id: string): Promise<Ticket> => (await admin.get(`/tickets/${id}`)).body as Ticket;
  const listed = async (q: string): Promise<string[]> => ((await admin.get(`/customers?q=${encodeURIComponent(q)}`)).body.items as Customer[]).map((c) => c.id);

  it('merges two duplicate customers and undoes it, restoring exactly what moved', async () => {
    // One person: by mail from work, and by phone with a private address.
    const mailed = await mail('ewa.kowalczyk@firma.pl', 'Ewa Kowalczyk', 'Faktura za rower');
    const mailedAgain = await mail('ewa.kowalczyk@firma.pl', 'Ewa Kowalczyk', 'Druga sprawa');
    const called = await call({ email: 'ewa.k@prywatna.pl', phone: '600 700 800', name: 'Ewa K.' }, 'Telefon o fakturze');
    const targetId = mailed.customerId;
    const sourceId = called.customerId;
    expect(mailedAgain.customerId).toBe(targetId);
    expect(sourceId).not.toBe(targetId);
    const sourceBefore = await detail(sourceId);
    const targetBefore = await detail(targetId);

    // Suggested: the same national phone number is not there yet, so not by phone; add a look-alike name and domain.
    expect((await admin.patch(`/customers/${sourceId}`, { name: 'Ewa Kowalczyk', emails: ['ewa.kowalczyk2@firma.pl'] })).status).toBe(200);
    const duplicates = await admin.get(`/customers/${targetId}/duplicates`);
    expect(duplicates.status).toBe(200);
    expect(duplicates.body.items).toEqual([expect.objectContaining({ customer: expect.objectContaining({ id: sourceId }), reasons: ['same_name_and_domain'] })]);
    const sourceAfterEdit = await detail(sourceId);

    const merged = await admin.post(`/customers/${targetId}/merge`, { sourceIds: [sourceId] });
    expect(merged.status).toBe(201);
    expect(labels(merged.body)).toEqual(
      ['email:ewa.k@prywatna.pl', 'email:ewa.kowalczyk2@firma.pl', 'email:ewa.kowalczyk@firma.pl', 'phone:+48600700800'],
    );
    expect(merged.body).toMatchObject({ email: 'ewa.kowalczyk@firma.pl', phones: ['+48600700800'], mergedIntoId: null });

    // The target has every ticket; the moved one records the merge; the source points at the target and is not listed.
    const target = await detail(targetId);
    expect(target.tickets.map((t) => t.id).sort()).toEqual([mailed.id, mailedAgain.id, called.id].sort());
    expect(target.merges).toEqual([expect.objectContaining({ sourceId, sourceName: 'Ewa Kowalczyk', ticketCount: 1, identityCount: 3, unmergedAt: null })]);
    const movedTicket = await ticket(called.id);
    expect(movedTicket.customerId).toBe(targetId);
    expect(movedTicket.events).toContainEqual(expect.objectContaining({
      type: 'customer_merged', field: 'customerId', oldValue: { id: sourceId, name: 'Ewa Kowalczyk' }, newValue: { id: targetId, name: 'Ewa Kowalczyk' },
    }));
    expect((await ticket(mailed.id)).events.some((e) => e.type === 'customer_merged')).toBe(false);
    const source = await detail(sourceId);
    expect(source).toMatchObject({ id: sourceId, mergedIntoId: targetId, identities: [], tickets: [], email: null });
    expect(await listed('ewa.k@prywatna.pl')).toEqual([targetId]);
    expect((await admin.get(`/customers/${targetId}/duplicates`)).body.items).toEqual([]);
    // A merged customer is not changed nor merged again.
    expectError(await admin.post(`/customers/${sourceId}/identities`, { kind: 'chat', value: 'x' }), 409, 'CUSTOMER_MERGED');
    expectError(await admin.post(`/customers/${targetId}/merge`, { sourceIds: [sourceId] }), 409, 'CUSTOMER_MERGED');

    // Meanwhile: the next call with the private number finds the target, and the agent adds an identity.
    const later = await call({ phone: '+48 600 700 800' }, 'Po połączeniu');
    expect(later.customerId).toBe(targetId);
    expect((await admin.post(`/customers/${targetId}/identities`, { kind: 'chat', value: 'widget-ewa' })).status).toBe(201);

    // Undo: the source gets back its ticket, identities and contact data; what came later stays with the target.
    const unmerged = await admin.post(`/customers/${targetId}/unmerge`, { sourceId });
    expect(unmerged.status).toBe(201);
    const restored = await detail(sourceId);
    expect(restored).toMatchObject({
      mergedIntoId: null, name: sourceAfterEdit.name, email: sourceAfterEdit.email, emails: sourceAfterEdit.emails, phones: sourceAfterEdit.phones,
    });
    expect(labels(restored)).toEqual(labels(sourceAfterEdit));
    expect(restored.identities.map((i) => i.id).sort()).toEqual(sourceAfterEdit.identities.map((i) => i.id).sort());
    expect(restored.tickets.map((t) => t.id)).toEqual([called.id]);
    const targetAfter = await detail(targetId);
    expect(labels(targetAfter)).toEqual([...labels(targetBefore), 'chat:widget-ewa'].sort());
    expect(targetAfter).toMatchObject({ email: targetBefore.email, emails: targetBefore.emails, phones: [] });
    expect(targetAfter.tickets.map((t) => t.id).sort()).toEqual([mailed.id, mailedAgain.id, later.id].sort());
    expect(targetAfter.merges[0]).toMatchObject({ sourceId, unmergedAt: expect.any(String) });
    const back = await ticket(called.id);
    expect(back.customerId).toBe(sourceId);
    expect(back.messages.filter((m) => m.direction === 'inbound').every((m) => m.authorCustomerId === undefined || m.authorCustomerId === sourceId)).toBe(true);
    expect(back.events.map((e) => e.type)).toEqual(expect.arrayContaining(['customer_merged', 'customer_unmerged']));
    expect(back.events.find((e) => e.type === 'customer_unmerged')).toMatchObject({ oldValue: { id: targetId }, newValue: { id: sourceId, name: 'Ewa Kowalczyk' } });
    expect(sourceBefore.id).toBe(sourceId);
    // Undone once: there is nothing left to undo.
    expectError(await admin.post(`/customers/${targetId}/unmerge`, { sourceId }), 404, 'CUSTOMER_MERGE_NOT_FOUND');
    // A mail to the private address goes to the restored customer again.
    expect((await mail('ewa.k@prywatna.pl', 'Ewa K.', 'Znowu prywatnie')).customerId).toBe(sourceId);
  });

  it('refuses to undo a merge older than 30 days (409 CUSTOMER_UNMERGE_EXPIRED)', async () => {
    const a = (await admin.post('/customers', { email: 'stary.a@example.pl' })).body as Customer;
    const b = (await admin.post('/customers', { email: 'stary.b@example.pl' })).body as Customer;
    expect((await admin.post(`/customers/${a.id}/merge`, { sourceIds: [b.id] })).status).toBe(201);
    await withDatabase(product, (db) => db.query(`UPDATE customer_merges SET merged_at = now() - interval '31 days' WHERE source_id = $1`, [b.id]));
    expectError(await admin.post(`/customers/${a.id}/unmerge`, { sourceId: b.id }), 409, 'CUSTOMER_UNMERGE_EXPIRED');
    expect((await detail(b.id)).mergedIntoId).toBe(a.id);
    // Within the window (29 days) it still can.
    await withDatabase(product, (db) => db.query(`UPDATE customer_merges SET merged_at = now() - interval '29 days' WHERE source_id = $1`, [b.id]));
    expect((await admin.post(`/customers/${a.id}/unmerge`, { sourceId: b.id })).status).toBe(201);
    expect((await detail(b.id))).toMatchObject({ mergedIntoId: null, email: 'stary.b@example.pl' });
  });

  it('suggests customers sharing a national phone number', async () => {
    const a = (await admin.post('/customers', { email: 'tel.a@example.pl', phones: ['+48 601 111 222'] })).body as Customer;
    const b = (await admin.post('/customers', { email: 'tel.b@example.com', phones: ['+49 601 111 222'] })).body as Customer;
    const res = await admin.get(`/customers/${a.id}/duplicates`);
    expect(res.body.items).toEqual([expect.objectContaining({ customer: expect.objectContaining({ id: b.id }), reasons: ['same_phone'] })]);
  });

  it('refuses merges that make no sense, naming the field', async () => {
    const a = (await admin.post('/customers', { email: 'zle.a@example.pl' })).body as Customer;
    expectFieldErrors(await admin.post(`/customers/${a.id}/merge`, { sourceIds: [] }), ['sourceIds']);
    expectFieldErrors(await admin.post(`/customers/${a.id}/merge`, { sourceIds: [a.id] }), ['sourceIds'], 'CUSTOMER_MERGE_INVALID');
    expectError(await admin.post(`/customers/${a.id}/merge`, { sourceIds: [randomUUID()] }), 404, 'CUSTOMER_NOT_FOUND');
    expectError(await admin.post(`/customers/${randomUUID()}/merge`, { sourceIds: [a.id] }), 404, 'CUSTOMER_NOT_FOUND');
    expectFieldErrors(await admin.post(`/customers/${a.id}/unmerge`, { sourceId: 'x' }), ['sourceId']);
  });

  it("an agent's view of a merged customer lists only the tickets in their reach", async () => {
    const agent = await createUser(product, admin, { email: 'agent.merge@rowerownia.pl', name: 'Agentka' });
    const a = await call({ email: 'zasieg.a@example.pl' }, 'Zasięg A');
    const b = await call({ email: 'zasieg.b@example.pl' }, 'Zasięg B');
    expect((await admin.post(`/customers/${a.customerId}/merge`, { sourceIds: [b.customerId] })).status).toBe(201);
    // The agent is in no queue: the default-queue tickets are not theirs to see.
    const seen = await detail(a.customerId, agent.api);
    expect(seen.tickets).toEqual([]);
    expect((await detail(a.customerId)).tickets).toHaveLength(2);
  });
});
