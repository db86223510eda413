import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, createUser, expectFieldErrors, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// What an agent writes in the panel reaches the customer: a ticket opened by
// the agent's own mail, replies with copies and blind copies.

jest.setTimeout(90_000);

interface Message {
  id: string;
  direction: string;
  deliveryState: string;
  toAddresses: string[];
  ccAddresses: string[];
  bccAddresses: string[];
  bodyText: string;
  authorUserId: string | null;
}

interface Ticket {
  id: string;
  number: string;
  status: string;
  channel: string;
  messages: Message[];
}

describe('composing in the panel', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;
  let anna: CreatedUser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl' });
    admin = await asAdmin(product);
    anna = await createUser(product, admin, { email: 'anna@rowerownia.pl', name: 'Anna Wiśniewska', role: 'admin' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  const readTicket = async (id: string): Promise<Ticket> => (await admin.get(`/tickets/${id}`)).body as Ticket;

  it("an agent opens a ticket with their own mail to the customer: it is the agent's reply, sent by e-mail", async () => {
    const body = 'Dzień dobry, oddzwaniam w sprawie zamówienia 4711: rower wyjedzie jutro.';
    const res = await anna.api.post('/tickets', {
      subject: 'Zamówienie 4711 – termin wysyłki',
      channel: 'email',
      customer: { email: 'marek.zielinski@example.pl', name: 'Marek Zieliński' },
      message: { body, direction: 'outbound', ccAddresses: ['biuro@zielinski.example.pl'] },
    });
    expect(res.status).toBe(201);
    const created = res.body as Ticket;
    expect(created.status).toBe('waiting_customer');

    const mail = await sink.waitFor((m) => m.text.includes(body));
    expect(mail.envelope.rcptTo.sort()).toEqual(['biuro@zielinski.example.pl', 'marek.zielinski@example.pl']);
    expect(mail.to).toEqual(['marek.zielinski@example.pl']);
    expect(mail.header('Cc')).toContain('biuro@zielinski.example.pl');
    expect(mail.subject).toContain(`[#${created.number}]`);

    const ticket = await waitFor(async () => {
      const t = await readTicket(created.id);
      return t.messages[0]?.deliveryState === 'sent' ? t : null;
    }, { description: 'the first message to be sent' });
    expect(ticket.messages).toHaveLength(1);
    expect(ticket.messages[0]).toMatchObject({ direction: 'outbound', authorUserId: anna.id, bodyText: body, ccAddresses: ['biuro@zielinski.example.pl'] });
  });

  it('an outbound first message needs the customer\'s e-mail: 400 naming customer.email', async () => {
    const res = await anna.api.post('/tickets', {
      subject: 'Telefon bez maila',
      customer: { phone: '+48 600 700 800' },
      message: { body: 'Dzień dobry', direction: 'outbound' },
    });
    expectFieldErrors(res, ['customer.email'], 'TICKET_CUSTOMER_EMAIL_REQUIRED');
    const bad = await anna.api.post('/tickets', {
      subject: 'Zły kierunek', customer: { phone: '+48 600 700 801' }, message: { body: 'x', direction: 'sideways' },
    });
    expectFieldErrors(bad, ['message.direction']);
  });

  it('a call note opens a phone ticket with the customer\'s message, nothing is sent', async () => {
    const res = await anna.api.post('/tickets', {
      subject: 'Telefon: pedał skrzypi', channel: 'phone',
      customer: { phone: '+48 600 100 222', name: 'Ewa Lis' },
      message: { body: 'Klientka dzwoniła: pedał skrzypi po tygodniu.' },
    });
    expect(res.status).toBe(201);
    const ticket = await readTicket((res.body as Ticket).id);
    expect(ticket).toMatchObject({ status: 'new', channel: 'phone' });
    expect(ticket.messages[0]).toMatchObject({ direction: 'inbound', deliveryState: 'none' });
  });

  it('a reply goes to the To the agent wrote, with copies in Cc and blind copies in the envelope only', async () => {
    const opened = await anna.api.post('/tickets', {
      subject: 'Faktura na firmę', channel: 'email',
      customer: { email: 'ola.nowak@example.pl', name: 'Ola Nowak' },
      message: { body: 'Proszę o fakturę na firmę.' },
    });
    const id = (opened.body as Ticket).id;
    const body = 'Faktura w załączeniu, pozdrawiamy.';
    const res = await anna.api.post(`/tickets/${id}/messages`, {
      type: 'reply', body,
      toAddresses: ['ola.nowak@example.pl'],
      ccAddresses: ['ksiegowosc@nowak.example.pl', 'KSIEGOWOSC@nowak.example.pl'],
      bccAddresses: ['kierownik@rowerownia.pl'],
      attachments: [{ filename: 'faktura.txt', contentType: 'text/plain', contentBase64: Buffer.from('FV 1/2026').toString('base64') }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ccAddresses: ['ksiegowosc@nowak.example.pl'], bccAddresses: ['kierownik@rowerownia.pl'] });

    const mail = await sink.waitFor((m) => m.text.includes(body));
    expect(mail.envelope.rcptTo.sort()).toEqual(['kierownik@rowerownia.pl', 'ksiegowosc@nowak.example.pl', 'ola.nowak@example.pl']);
    expect(mail.header('Cc')).toContain('ksiegowosc@nowak.example.pl');
    expect(mail.header('Bcc')).toBeNull();
    expect(mail.raw.toString('latin1')).not.toContain('kierownik@rowerownia.pl');
    expect(mail.parsed.attachments.map((a) => a.filename)).toEqual(['faktura.txt']);
  });

  it('copies are refused on a note and bad addresses are named', async () => {
    const opened = await anna.api.post('/tickets', {
      subject: 'Notatka', customer: { email: 'piotr@example.pl' }, message: { body: 'x' },
    });
    const id = (opened.body as Ticket).id;
    expectFieldErrors(await anna.api.post(`/tickets/${id}/messages`, { type: 'note', body: 'n', ccAddresses: ['a@example.pl'] }), ['ccAddresses']);
    expectFieldErrors(await anna.api.post(`/tickets/${id}/messages`, { type: 'reply', body: 'r', toAddresses: ['nie-adres'] }), ['toAddresses']);
  });

  it('drafts are kept per agent and ticket: another agent sees only that one exists, sending deletes it', async () => {
    const opened = await anna.api.post('/tickets', {
      subject: 'Szkic', customer: { email: 'szkic@example.pl', name: 'Zofia Szkic' }, message: { body: 'Pytanie o rower' },
    });
    const id = (opened.body as Ticket).id;
    expect((await anna.api.get(`/tickets/${id}/draft`)).body).toEqual({ draft: null, colleagues: [] });

    const saved = await anna.api.put(`/tickets/${id}/draft`, {
      type: 'reply', body: 'Dzień dobry, sprawdzam', ccAddresses: ['kopia@example.pl'],
    });
    expect(saved.status).toBe(200);
    const mine = await anna.api.get(`/tickets/${id}/draft`);
    expect(mine.body).toMatchObject({ draft: { type: 'reply', body: 'Dzień dobry, sprawdzam', ccAddresses: ['kopia@example.pl'] }, colleagues: [] });

    // The admin's view: no draft of their own, Anna named as writing one (without her text).
    const other = await admin.get(`/tickets/${id}/draft`);
    expect(other.body).toEqual({ draft: null, colleagues: [{ userId: anna.id, name: 'Anna Wiśniewska', type: 'reply', updatedAt: expect.any(String) }] });
    expect(JSON.stringify(other.body)).not.toContain('sprawdzam');

    expectFieldErrors(await anna.api.put(`/tickets/${id}/draft`, { type: 'letter', body: 1 }), ['type', 'body']);
    // A channel that does not exist is not kept (the draft still is).
    const unknownChannel = await anna.api.put(`/tickets/${id}/draft`, { type: 'reply', body: 'Dzień dobry, sprawdzam', ccAddresses: ['kopia@example.pl'], channelId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownChannel.status).toBe(200);
    expect(unknownChannel.body.channelId).toBeNull();

    expect((await anna.api.post(`/tickets/${id}/messages`, { type: 'reply', body: 'Dzień dobry, sprawdzamy dostawę.' })).status).toBe(201);
    expect((await anna.api.get(`/tickets/${id}/draft`)).body).toEqual({ draft: null, colleagues: [] });
    expect((await admin.get(`/tickets/${id}/draft`)).body.colleagues).toEqual([]);

    await anna.api.put(`/tickets/${id}/draft`, { type: 'note', body: 'notatka' });
    expect((await anna.api.delete(`/tickets/${id}/draft`)).status).toBe(204);
    expect((await anna.api.get(`/tickets/${id}/draft`)).body.draft).toBeNull();
  });

  it("an e-mail reply is signed (the agent's signature, else the queue's, placeholders filled) and quotes the customer's message", async () => {
    const queues = ((await admin.get('/queues')).body as { items: { id: string; name: string; isDefault: boolean }[] }).items;
    const queue = queues.find((q) => q.isDefault)!;
    expect((await admin.patch(`/queues/${queue.id}`, { signature: 'Zespół {{queue.name}}\nRowerownia' })).status).toBe(200);
    const opened = await anna.api.post('/tickets', {
      subject: 'Hamulce', channel: 'email',
      customer: { email: 'kuba@example.pl', name: 'Kuba Mazur' },
      message: { body: 'Hamulce piszczą.\nCo robić?' },
    });
    const id = (opened.body as Ticket).id;

    // No signature of her own yet: the queue's.
    const first = 'Proszę przyjechać do serwisu.';
    await anna.api.post(`/tickets/${id}/messages`, { type: 'reply', body: first, html: '<p>Proszę przyjechać do <b>serwisu</b>.</p>' });
    const queueSigned = await sink.waitFor((m) => m.text.includes(first));
    expect(queueSigned.text).toContain(`${first}\n\n-- \nZespół ${queue.name}\nRowerownia`);
    expect(queueSigned.text).toMatch(/W dniu \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} Kuba Mazur <kuba@example\.pl> napisał\(a\):\n> Hamulce piszczą\.\n> Co robić\?/);
    const html = String(queueSigned.parsed.html);
    expect(html).toContain('<b>serwisu</b>');
    expect(html).toMatch(/<blockquote type="cite"><p>Hamulce piszczą\.<br>Co robić\?<\/p><\/blockquote>/);

    // Her own signature wins; the panel shows the reply without the quote until asked (visibleText).
    expect((await anna.api.put('/profile/signature', { signature: 'Pozdrawiam,\n{{agent.name}}' })).body).toEqual({ signature: 'Pozdrawiam,\n{{agent.name}}' });
    const second = 'Termin: jutro o 10.';
    const sent = (await anna.api.post(`/tickets/${id}/messages`, { type: 'reply', body: second })).body as Message & { visibleText: string };
    expect(sent.visibleText).toBe(`${second}\n\n-- \nPozdrawiam,\nAnna Wiśniewska`);
    const own = await sink.waitFor((m) => m.text.includes(second));
    expect(own.text).toContain('Pozdrawiam,\nAnna Wiśniewska');
    expect(own.text).not.toContain('Rowerownia');
    expect(own.text).toContain('> Hamulce piszczą.');

    // Left out when asked; a note is never signed.
    const bare = 'Bez podpisu i cytatu.';
    await anna.api.post(`/tickets/${id}/messages`, { type: 'reply', body: bare, signature: false, quote: false });
    expect((await sink.waitFor((m) => m.text.includes(bare))).text.trim()).toBe(bare);
    const note = (await anna.api.post(`/tickets/${id}/messages`, { type: 'note', body: 'Notatka' })).body as Message;
    expect(note.bodyText).toBe('Notatka');
    expectFieldErrors(await anna.api.put('/profile/signature', { signature: 5 }), ['signature']);
  });

  it('a picture in a formatted reply travels in the mail as an inline part the HTML points at, not as a data: address', async () => {
    const opened = await anna.api.post('/tickets', {
      subject: 'Zdjęcie paragonu', channel: 'email',
      customer: { email: 'ola@example.pl', name: 'Ola Nowak' },
      message: { body: 'Jak wygląda poprawny paragon?' },
    });
    const id = (opened.body as Ticket).id;
    // A 1×1 PNG, as the panel inserts a pasted picture.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    const body = 'Tak wygląda poprawny paragon.';
    const reply = await anna.api.post(`/tickets/${id}/messages`, { type: 'reply', body, html: `<p>${body}</p><p><img src="data:image/png;base64,${png}" alt="paragon"></p>` });
    expect(reply.status).toBe(201);
    const mail = await sink.waitFor((m) => m.text.includes(body));
    // The HTML part as sent (quoted-printable undone); mailparser's own `html` would put the data: address back.
    const sentHtml = mail.raw.toString('utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(sentHtml).not.toContain('data:image');
    const cid = /<img src="cid:([^"]+)" alt="paragon"/.exec(sentHtml)?.[1];
    expect(cid).toBeDefined();
    const picture = mail.parsed.attachments.find((a) => a.contentId === `<${cid}>`);
    expect(picture?.contentType).toBe('image/png');
    expect(picture?.contentDisposition).toBe('inline');
    expect(picture?.content.toString('base64')).toBe(png);
  });
});
