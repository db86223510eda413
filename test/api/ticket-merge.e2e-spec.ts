import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, createUser, expectError, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { composeMail } from '../support/compose-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { addInboundAddress, BIURO, deliverRaw, ticketOfMail } from '../mail/mail-kit.js';

// Merge, split and link tickets. A merge moves the sources' conversation
// (messages, attachments, watchers) into the target, closes each source
// pointing at the target, and later mail on a source's thread (a reply to one
// of its mails, its subject tag) lands in the target. A split moves messages
// to a new ticket of the same customer, linked to the original. Links are
// symmetric. Every step is an audit event on both tickets; a ticket the
// caller may not see is a 404 as if it did not exist.

jest.setTimeout(120_000);

const JAN = 'jan.rowerowy@example.pl';

interface Attachment { id: string; filename: string }
interface Message { id: string; direction: string; subject: string | null; bodyText: string; messageId: string | null; attachments: Attachment[] }
interface Event { type: string; field: string | null; actorName: string | null; oldValue: unknown; newValue: unknown }
interface Link { ticketId: string; number: string; subject: string; status: string; kind: string }
interface Ticket {
  id: string; number: string; subject: string; status: string; priority: string; queueId: string | null; categoryId: string | null;
  assigneeId: string | null; customerId: string; mergedIntoId: string | null; closedAt: string | null; snoozedUntil: string | null;
  messages: Message[]; events: Event[]; links: Link[];
}

const tiny = (text: string) => Buffer.from(text).toString('base64');
const bodies = (t: Ticket) => t.messages.map((m) => m.bodyText.trim());
const eventsOf = (t: Ticket, type: string) => t.events.filter((e) => e.type === type);

describe('merge, split and link tickets', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let ola: CreatedUser;
  let salesQueueId: string;
  let wholesaleQueueId: string;

  /** Jan (or someone else) writes a new mail to biuro@; answers the ticket it opened. */
  const mail = async (subject: string, body: string, extra: { from?: string; inReplyTo?: string } = {}) => {
    const composed = composeMail({ from: extra.from ?? JAN, fromName: 'Jan Rowerowy', to: BIURO, subject, body, inReplyTo: extra.inReplyTo });
    await deliverRaw(product, composed.raw, { to: [BIURO] });
    return { ticket: (await ticketOfMail(admin, composed.messageId)) as unknown as Ticket, messageId: composed.messageId };
  };
  const read = async (ref: string, as: ApiClient = admin) => {
    const res = await as.get(`/tickets/${ref}`);
    expect(res.status).toBe(200);
    return res.body as Ticket;
  };
  const open = async (subject: string, fields: object = {}, email = JAN): Promise<Ticket> => {
    const res = await admin.post('/tickets', { subject, customer: { email, name: 'Jan Rowerowy' }, message: { body: `${subject}: treść` }, ...fields });
    expect(res.status).toBe(201);
    return res.body as Ticket;
  };

  beforeAll(async () => {
    product = await startProduct({ MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', autoAcknowledge: false });
    ola = await createUser(product, admin, { email: 'ola@rowerownia.pl', name: 'Ola Sprzedaż' });
    const queue = async (name: string) => {
      const res = await admin.post('/queues', { name });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    salesQueueId = await queue('Sprzedaż (scalanie)');
    wholesaleQueueId = await queue('Hurt (scalanie)');
    expect((await admin.put(`/queues/${salesQueueId}/members`, { userIds: [ola.id] })).status).toBe(200);
  });
  afterAll(() => product?.close());

  describe('merge', () => {
    let target: Ticket;
    let source: Ticket;
    let sourceMailId: string;

    it('moves the messages and attachments of the source into the target, closes the source with a merged event and answers the target', async () => {
      target = (await mail('Zamówienie 4521 nie dotarło', 'Dzień dobry, zamówienie 4521 nie dotarło.')).ticket;
      const sent = await mail('Gdzie jest moja paczka?', 'Paczka miała być wczoraj.');
      source = sent.ticket;
      sourceMailId = sent.messageId;
      expect(source.id).not.toBe(target.id);
      const note = await admin.post(`/tickets/${source.id}/messages`, {
        type: 'note', body: 'Zdjęcie etykiety w załączniku.', attachments: [{ filename: 'etykieta.png', contentType: 'image/png', contentBase64: tiny('png') }],
      });
      expect(note.status).toBe(201);
      const attachmentId = (await read(source.id)).messages.find((m) => m.id === (note.body as Message).id)!.attachments[0].id;
      // The admin follows the source: they follow the target after the merge.
      expect((await admin.post(`/tickets/${source.id}/watch`)).status).toBe(204);
      const me = (await admin.get('/auth/me')).body as { id: string; name: string };

      const res = await admin.post(`/tickets/${target.number}/merge`, { sourceIds: [source.number] });
      expect(res.status).toBe(200);
      const merged = res.body as Ticket;
      expect(merged.id).toBe(target.id);
      expect(merged.mergedIntoId).toBeNull();
      expect(bodies(merged)).toEqual(['Dzień dobry, zamówienie 4521 nie dotarło.', 'Paczka miała być wczoraj.', 'Zdjęcie etykiety w załączniku.']);
      expect(merged.messages[2].attachments.map((a) => a.filename)).toEqual(['etykieta.png']);
      expect(eventsOf(merged, 'merged_from')).toEqual([
        expect.objectContaining({
          actorName: expect.any(String),
          newValue: expect.objectContaining({ ticketId: source.id, number: source.number, subject: 'Gdzie jest moja paczka?', messageCount: 2, attachmentCount: 1 }),
        }),
      ]);
      // The attachment is the target's now.
      const file = await admin.get(`/tickets/${target.number}/attachments/${attachmentId}`);
      expect(file.status).toBe(200);
      expect(file.body.toString()).toBe('png');
      expectError(await admin.get(`/tickets/${source.number}/attachments/${attachmentId}`), 404, 'ATTACHMENT_NOT_FOUND');
      // The target's search finds the source's words.
      const found = await admin.get(`/tickets?q=${encodeURIComponent('paczka wczoraj')}`);
      expect((found.body.items as Ticket[]).map((t) => t.id)).toEqual([target.id]);

      expect(merged).toMatchObject({ watching: true, watchers: [{ userId: me.id, name: me.name }] });
      expect(await read(source.id)).toMatchObject({ watchers: [] });
    });

    it('answers the source, by number or id, closed and with mergedIntoId, in the list too', async () => {
      for (const ref of [source.number, source.id]) {
        const read1 = await read(ref);
        expect(read1).toMatchObject({ id: source.id, status: 'closed', mergedIntoId: target.id, closedAt: expect.any(String), messages: [] });
        expect(eventsOf(read1, 'merged')).toEqual([
          expect.objectContaining({ newValue: expect.objectContaining({ ticketId: target.id, number: target.number, messageCount: 2 }) }),
        ]);
        expect(read1.events.some((e) => e.type === 'field_changed' && e.field === 'status' && e.newValue === 'closed')).toBe(true);
      }
      const list = await admin.get(`/tickets?customerId=${target.customerId}&limit=50`);
      expect(list.status).toBe(200);
      const items = list.body.items as Ticket[];
      expect(items.find((t) => t.id === source.id)).toMatchObject({ mergedIntoId: target.id, status: 'closed' });
      expect(items.find((t) => t.id === target.id)).toMatchObject({ mergedIntoId: null });
    });

    it("files a reply to the source's mail, and a mail carrying the source's subject tag, in the target", async () => {
      const reply = await mail('Re: Gdzie jest moja paczka?', 'Nadal nic nie przyszło.', { inReplyTo: sourceMailId });
      expect(reply.ticket.id).toBe(target.id);
      const tagged = await mail(`[#${source.number}] paczka`, 'Piszę jeszcze raz w sprawie paczki.');
      expect(tagged.ticket.id).toBe(target.id);
      const now = await read(target.id);
      expect(bodies(now)).toEqual(expect.arrayContaining(['Nadal nic nie przyszło.', 'Piszę jeszcze raz w sprawie paczki.']));
      expect((await read(source.id)).messages).toEqual([]);
    });

    it('follows a chain of merges: the tag of a ticket merged into a ticket merged in turn lands at the end of the chain', async () => {
      const last = await open('Reklamacja zamówienia 4521');
      const res = await admin.post(`/tickets/${last.id}/merge`, { sourceIds: [target.id] });
      expect(res.status).toBe(200);
      expect((await read(target.id)).mergedIntoId).toBe(last.id);
      const tagged = await mail(`Re: [#${source.number}] Gdzie jest moja paczka?`, 'Czy mogę prosić o odpowiedź?');
      expect(tagged.ticket.id).toBe(last.id);
      // Neither the first source nor the middle ticket gets it.
      expect(bodies(await read(target.id))).not.toContain('Czy mogę prosić o odpowiedź?');
    });

    it('refuses to merge a ticket into itself, a source merged already, into a merged target, and names sourceIds when it is empty', async () => {
      const a = await open('Pytanie o rozmiar ramy');
      const b = await open('Pytanie o kolor ramy');
      expectError(await admin.post(`/tickets/${a.id}/merge`, { sourceIds: [a.number] }), 409, 'TICKET_MERGE_INTO_ITSELF');
      expectError(await admin.post(`/tickets/${a.id}/merge`, { sourceIds: [source.id] }), 409, 'TICKET_ALREADY_MERGED');
      expectError(await admin.post(`/tickets/${source.number}/merge`, { sourceIds: [b.id] }), 409, 'TICKET_MERGE_TARGET_MERGED');
      expectFieldErrors(await admin.post(`/tickets/${a.id}/merge`, { sourceIds: [] }), ['sourceIds']);
      expectFieldErrors(await admin.post(`/tickets/${a.id}/merge`, {}), ['sourceIds']);
      expectFieldErrors(await admin.post(`/tickets/${a.id}/merge`, { sourceIds: ['kaloryfer'] }), ['sourceIds']);
      expectError(await admin.post(`/tickets/${a.id}/merge`, { sourceIds: ['2026-999999'] }), 404, 'TICKET_NOT_FOUND');
      expectFieldErrors(await admin.post('/tickets/nie-numer/merge', { sourceIds: [b.id] }), ['id']);
      // Nothing moved on any refusal.
      expect(bodies(await read(a.id))).toEqual(['Pytanie o rozmiar ramy: treść']);
      expect(await read(b.id)).toMatchObject({ status: 'new', mergedIntoId: null });
    });

    it('merges tickets of different customers (the conversation keeps its authors), and a snoozed source wakes', async () => {
      const a = await open('Faktura dla firmy', {}, 'ksiegowosc@firma.example.pl');
      const b = await open('Faktura — korekta', {});
      const later = new Date(Date.now() + 86_400_000).toISOString();
      expect((await admin.patch(`/tickets/${b.id}`, { status: 'waiting_customer', snoozedUntil: later })).status).toBe(200);
      const res = await admin.post(`/tickets/${a.id}/merge`, { sourceIds: [b.id] });
      expect(res.status).toBe(200);
      expect(bodies(res.body as Ticket)).toEqual(['Faktura dla firmy: treść', 'Faktura — korekta: treść']);
      const merged = await read(b.id);
      expect(merged).toMatchObject({ mergedIntoId: a.id, status: 'closed', snoozedUntil: null });
      expect(eventsOf(merged, 'unsnoozed')).toHaveLength(1);
    });

    it('needs the caller to see the target and every source: one out of reach is a 404 and nothing moves', async () => {
      const sales = await open('Oferta na 10 rowerów', { queueId: salesQueueId });
      const wholesale = await open('Hurtowa oferta na 50 rowerów', { queueId: wholesaleQueueId });
      const sales2 = await open('Oferta — termin dostawy', { queueId: salesQueueId });
      expectError(await ola.api.post(`/tickets/${sales.id}/merge`, { sourceIds: [wholesale.id] }), 404, 'TICKET_NOT_FOUND');
      expectError(await ola.api.post(`/tickets/${wholesale.id}/merge`, { sourceIds: [sales.id] }), 404, 'TICKET_NOT_FOUND');
      expectError(await ola.api.post(`/tickets/${sales.id}/merge`, { sourceIds: [sales2.id, wholesale.number] }), 404, 'TICKET_NOT_FOUND');
      expect(await read(sales2.id)).toMatchObject({ mergedIntoId: null, status: 'new' });
      expect(bodies(await read(sales.id))).toEqual(['Oferta na 10 rowerów: treść']);
      const res = await ola.api.post(`/tickets/${sales.number}/merge`, { sourceIds: [sales2.number] });
      expect(res.status).toBe(200);
      expect(eventsOf(res.body as Ticket, 'merged_from')[0].actorName).toBe('Ola Sprzedaż');
    });
  });

  describe('split', () => {
    it('moves the chosen messages to a new ticket of the same customer, queue, category and priority, linked to the original', async () => {
      const opened = await mail('Rower nie hamuje', 'Tylny hamulec nie działa.');
      const original = opened.ticket;
      expect((await admin.patch(`/tickets/${original.id}`, { priority: 'high', queueId: salesQueueId })).status).toBe(200);
      // Jan raises another matter in a reply to the same thread.
      const other = await mail('Re: Faktura do zamówienia 4521', 'Proszę też o fakturę na firmę.', { inReplyTo: opened.messageId });
      expect(other.ticket.id).toBe(original.id);
      const note = await admin.post(`/tickets/${original.id}/messages`, {
        type: 'note', body: 'NIP w załączniku.', attachments: [{ filename: 'nip.txt', contentType: 'text/plain', contentBase64: tiny('NIP 123') }],
      });
      const before = await read(original.id);
      const invoiceMessage = before.messages.find((m) => m.bodyText.includes('fakturę'))!;

      const res = await admin.post(`/tickets/${original.number}/split`, { messageIds: [(note.body as Message).id, invoiceMessage.id] });
      expect(res.status).toBe(201);
      const split = res.body as Ticket;
      expect(split).toMatchObject({
        subject: 'Faktura do zamówienia 4521', customerId: original.customerId, queueId: salesQueueId, priority: 'high',
        categoryId: original.categoryId, mergedIntoId: null, status: 'open',
      });
      expect(split.number).not.toBe(original.number);
      expect(bodies(split)).toEqual(['Proszę też o fakturę na firmę.', 'NIP w załączniku.']);
      expect(split.messages[1].attachments.map((a) => a.filename)).toEqual(['nip.txt']);
      expect(split.links).toEqual([expect.objectContaining({ ticketId: original.id, number: original.number, kind: 'split' })]);
      expect(eventsOf(split, 'created')).toHaveLength(1);
      expect(eventsOf(split, 'split_from')).toEqual([expect.objectContaining({ newValue: expect.objectContaining({ ticketId: original.id }) })]);

      const after = await read(original.id);
      expect(bodies(after)).toEqual(['Tylny hamulec nie działa.']);
      expect(after.links).toEqual([expect.objectContaining({ ticketId: split.id, number: split.number, subject: 'Faktura do zamówienia 4521', kind: 'split' })]);
      expect(eventsOf(after, 'split_to')).toEqual([
        expect.objectContaining({ newValue: expect.objectContaining({ ticketId: split.id, number: split.number }) }),
      ]);
      // Jan's next reply to the mail that moved follows it.
      const followUp = await mail('Re: Faktura do zamówienia 4521', 'Dane do faktury: Rowery Jan.', { inReplyTo: other.messageId });
      expect(followUp.ticket.id).toBe(split.id);
    });

    it('refuses every message of the ticket, messages of another ticket and an empty list, naming messageIds', async () => {
      const a = await open('Dzwonek do roweru');
      const b = await open('Koszyk do roweru');
      const aMessage = a.messages[0].id;
      expectFieldErrors(await admin.post(`/tickets/${a.id}/split`, { messageIds: [aMessage] }), ['messageIds'], 'TICKET_SPLIT_ALL_MESSAGES');
      const note = await admin.post(`/tickets/${a.id}/messages`, { type: 'note', body: 'notatka' });
      expect(note.status).toBe(201);
      expectFieldErrors(await admin.post(`/tickets/${a.id}/split`, { messageIds: [b.messages[0].id] }), ['messageIds'], 'TICKET_SPLIT_MESSAGE_NOT_ON_TICKET');
      expectFieldErrors(await admin.post(`/tickets/${a.id}/split`, { messageIds: [] }), ['messageIds']);
      expectFieldErrors(await admin.post(`/tickets/${a.id}/split`, { messageIds: ['nie-uuid'] }), ['messageIds']);
      expect(bodies(await read(a.id))).toEqual(['Dzwonek do roweru: treść', 'notatka']);
    });

    it('is a 404 on a ticket the caller may not see', async () => {
      const wholesale = await open('Hurt: rama', { queueId: wholesaleQueueId });
      await admin.post(`/tickets/${wholesale.id}/messages`, { type: 'note', body: 'druga' });
      expectError(await ola.api.post(`/tickets/${wholesale.id}/split`, { messageIds: [wholesale.messages[0].id] }), 404, 'TICKET_NOT_FOUND');
    });
  });

  describe('links', () => {
    it('links two tickets both ways with events on both, refuses a second link and a link to itself, and unlinks', async () => {
      const a = await open('Kask: rozmiar');
      const b = await open('Kask: zwrot');
      const res = await admin.post(`/tickets/${a.number}/links`, { ticketId: b.number, kind: 'related' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual([expect.objectContaining({ ticketId: b.id, number: b.number, subject: 'Kask: zwrot', status: 'new', kind: 'related' })]);
      expect((await read(b.id)).links).toEqual([expect.objectContaining({ ticketId: a.id, number: a.number, kind: 'related' })]);
      expect(eventsOf(await read(a.id), 'linked')).toEqual([expect.objectContaining({ newValue: expect.objectContaining({ ticketId: b.id, kind: 'related' }) })]);
      expect(eventsOf(await read(b.id), 'linked')).toEqual([expect.objectContaining({ newValue: expect.objectContaining({ ticketId: a.id, kind: 'related' }) })]);

      expectError(await admin.post(`/tickets/${b.id}/links`, { ticketId: a.id, kind: 'related' }), 409, 'TICKET_LINK_EXISTS');
      expectError(await admin.post(`/tickets/${a.id}/links`, { ticketId: a.number, kind: 'related' }), 409, 'TICKET_LINK_TO_ITSELF');
      expectFieldErrors(await admin.post(`/tickets/${a.id}/links`, { ticketId: b.id, kind: 'split' }), ['kind']);
      expectFieldErrors(await admin.post(`/tickets/${a.id}/links`, { kind: 'related' }), ['ticketId']);
      expectError(await admin.post(`/tickets/${a.id}/links`, { ticketId: '2026-999998', kind: 'related' }), 404, 'TICKET_NOT_FOUND');

      // Unlinked from the other side.
      const gone = await admin.delete(`/tickets/${b.number}/links/${a.number}`);
      expect(gone.status).toBe(204);
      expect((await read(a.id)).links).toEqual([]);
      expect((await read(b.id)).links).toEqual([]);
      expect(eventsOf(await read(a.id), 'unlinked')).toHaveLength(1);
      expect(eventsOf(await read(b.id), 'unlinked')).toHaveLength(1);
      expectError(await admin.delete(`/tickets/${a.id}/links/${b.id}`), 404, 'TICKET_LINK_NOT_FOUND');
      expectFieldErrors(await admin.delete(`/tickets/${a.id}/links/kask`), ['ticketId']);
    });

    it('hides links to tickets the caller may not see, and refuses linking one (404)', async () => {
      const sales = await open('Sprzedaż: kask', { queueId: salesQueueId });
      const wholesale = await open('Hurt: kaski', { queueId: wholesaleQueueId });
      expect((await admin.post(`/tickets/${sales.id}/links`, { ticketId: wholesale.id, kind: 'related' })).status).toBe(201);
      expect((await read(sales.id)).links).toHaveLength(1);
      expect((await read(sales.id, ola.api)).links).toEqual([]);
      const sales2 = await open('Sprzedaż: rękawiczki', { queueId: salesQueueId });
      expectError(await ola.api.post(`/tickets/${sales2.id}/links`, { ticketId: wholesale.id, kind: 'related' }), 404, 'TICKET_NOT_FOUND');
      expectError(await ola.api.delete(`/tickets/${sales.id}/links/${wholesale.id}`), 404, 'TICKET_NOT_FOUND');
      const linked = await ola.api.post(`/tickets/${sales2.id}/links`, { ticketId: sales.number, kind: 'related' });
      expect(linked.status).toBe(201);
      expect((await read(sales.id, ola.api)).links.map((l) => l.ticketId)).toEqual([sales2.id]);
    });
  });
});
