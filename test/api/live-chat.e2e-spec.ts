import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { API, asAdmin, createUser, expectError, expectFieldErrors, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Live chat through the widget's public routes as a visitor's browser calls
// them (sessions, the event stream with replay, messages, files, typing, the
// offline message) and the agents' side (/chats: waiting, accept, reply,
// transfer, end, availability). Every chat is a ticket of the channel `chat`.

interface ChatEvent {
  id: string;
  type: string;
  author: string;
  authorName: string | null;
  text: string | null;
  attachment: { filename: string } | null;
}
interface Session {
  sessionId: string;
  token: string;
  visitorId: string;
  verified: boolean;
  online: boolean;
}
interface Ticket {
  id: string;
  subject: string;
  channel: string;
  customerId: string;
  queueId: string | null;
  messages: { direction: string; bodyText: string; deliveryState: string; channel: { type: string } | null; attachments: { filename: string }[] }[];
}

const SECRET = 'sekret-sklepu-0123456789';
const SHOP = 'https://sklep.example';

describe('live chat (widget routes and the agents’ side)', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;
  let anna: CreatedUser;
  let piotr: CreatedUser;
  let key: string;
  let queueId: string;
  let annaStream: EventStream;
  let piotrStream: EventStream;
  const streams: EventStream[] = [];

  const pub = (path: string) => `/api/public/chat/${path}`;
  const http = () => request(product.baseUrl);

  const startSession = async (body: Record<string, unknown> = {}): Promise<Session> => {
    const res = await http().post(pub(`${key}/sessions`)).set('Origin', SHOP).send(body);
    expect(res.status).toBe(201);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    return res.body as Session;
  };
  const say = (s: Session, text: string) => http().post(pub(`sessions/${s.sessionId}/messages`)).set('Authorization', `Bearer ${s.token}`).send({ text });
  const visitorStream = async (s: Session, lastEventId?: string): Promise<EventStream> => {
    const stream = await openEventStream(
      `${product.baseUrl}${pub(`sessions/${s.sessionId}/events`)}?token=${encodeURIComponent(s.token)}${lastEventId ? `&lastEventId=${lastEventId}` : ''}`,
      null,
    );
    streams.push(stream);
    return stream;
  };
  const ticket = async (id: string): Promise<Ticket> => (await admin.get(`/tickets/${id}`)).body as Ticket;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url });
    admin = await asAdmin(product);
    anna = await createUser(product, admin, { email: 'anna@sklep.test', name: 'Anna Nowak' });
    piotr = await createUser(product, admin, { email: 'piotr@sklep.test', name: 'Piotr Wiśniewski' });
    const queue = await admin.post('/queues', { name: 'Czat sklepu' });
    queueId = (queue.body as { id: string }).id;
    await admin.put(`/queues/${queueId}/members`, { userIds: [anna.id, piotr.id] });
    const channel = await admin.post('/channels', {
      type: 'chat', name: 'Czat na stronie', queueId, settings: { identitySecret: SECRET, offlineFormUrl: `${SHOP}/kontakt` },
    });
    expect(channel.status).toBe(201);
    key = (channel.body as { key: string }).key;
    annaStream = await openEventStream(`${product.baseUrl}${API}/live`, await login(product.baseUrl, anna.email, anna.password));
    piotrStream = await openEventStream(`${product.baseUrl}${API}/live`, await login(product.baseUrl, piotr.email, piotr.password));
  }, 90_000);

  afterAll(async () => {
    for (const s of [annaStream, piotrStream, ...streams]) s?.close();
    await product?.close();
    await sink?.close();
  });

  it('serves the widget: a small loader naming the channel, the chat loaded apart; unknown keys get 404', async () => {
    const loader = await http().get(`/w/${key}.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers['content-type']).toContain('javascript');
    expect(loader.text).toContain(key);
    expect(loader.text).toContain('/w/chat.js');
    expect(gzipSync(loader.text).length).toBeLessThan(3 * 1024);
    const chat = await http().get('/w/chat.js');
    expect(chat.status).toBe(200);
    expect(gzipSync(chat.text).length).toBeLessThan(25 * 1024);
    expect((await http().get(`/w/${'x'.repeat(43)}.js`)).status).toBe(404);
    expect((await http().get(pub(`${'x'.repeat(43)}/status`))).status).toBe(404);
    expect((await http().post(pub(`${'x'.repeat(43)}/sessions`)).send({})).status).toBe(404);
    const preflight = await http().options(pub(`${key}/sessions`)).set('Origin', SHOP).set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SHOP);
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
  });

  it('with nobody available offers the offline form; the message left there is a chat ticket', async () => {
    const status = await http().get(pub(`${key}/status`));
    expect(status.body).toEqual({ online: false, offlineFormUrl: `${SHOP}/kontakt`, title: null });
    const left = await http().post(pub(`${key}/offline-messages`)).send({ name: 'Ola', email: 'ola@example.pl', text: 'Proszę o telefon w sprawie zamówienia 77.' });
    expect(left.status).toBe(201);
    const t = await ticket((left.body as { ticketId: string }).ticketId);
    expect(t).toMatchObject({ channel: 'chat', queueId });
    expect(t.messages[0].bodyText).toBe('Proszę o telefon w sprawie zamówienia 77.');
    const bad = await http().post(pub(`${key}/offline-messages`)).send({ email: 'nie-adres', text: '' });
    expectFieldErrors(bad, ['email', 'text']);

    expect((await anna.api.put('/chats/availability', { available: true })).body).toEqual({ available: true });
    expect((await anna.api.get('/chats/availability')).body).toEqual({ available: true });
    await piotr.api.put('/chats/availability', { available: true });
    expect((await http().get(pub(`${key}/status`))).body).toMatchObject({ online: true });
  });

  it('a visitor chats with an agent: the waiting chat, accepting it, replies both ways live, typing, a file, replay after a reconnect', async () => {
    const visitor = await startSession({ name: 'Kasia' });
    expect(visitor).toMatchObject({ verified: false, online: true });
    expect((await http().get(pub(`sessions/${visitor.sessionId}/events`))).status).toBe(401);
    expect((await http().get(pub(`sessions/${visitor.sessionId}/events?token=zly`))).status).toBe(401);
    expect((await http().get(pub('sessions/00000000-0000-4000-8000-000000000000/events?token=x'))).status).toBe(404);
    const live = await visitorStream(visitor);

    const first = await say(visitor, 'Dzień dobry, gdzie jest moja paczka 4521?');
    expect(first.status).toBe(201);
    const ticketId = (first.body as { ticketId: string }).ticketId;
    const waiting = await annaStream.next<{ sessionId: string; ticketId: string }>('chat.waiting', (d) => d.sessionId === visitor.sessionId);
    expect(waiting.ticketId).toBe(ticketId);
    const listed = await anna.api.get('/chats?state=waiting');
    expect((listed.body as { items: { id: string; name: string }[] }).items).toEqual([expect.objectContaining({ id: visitor.sessionId, name: 'Kasia', ticketId })]);
    const opened = await ticket(ticketId);
    expect(opened).toMatchObject({ channel: 'chat', queueId, subject: 'Czat: Dzień dobry, gdzie jest moja paczka 4521?' });
    expect(opened.messages[0]).toMatchObject({ direction: 'inbound', channel: expect.objectContaining({ type: 'chat' }) });

    await http().post(pub(`sessions/${visitor.sessionId}/typing`)).set('Authorization', `Bearer ${visitor.token}`).send({ typing: true }).expect(204);
    await annaStream.next<{ sessionId: string; typing: boolean }>('chat.typing', (d) => d.sessionId === visitor.sessionId && d.typing);

    expect((await anna.api.post(`/chats/${visitor.sessionId}/accept`)).status).toBe(200);
    expectError(await piotr.api.post(`/chats/${visitor.sessionId}/accept`), 409, 'CHAT_TAKEN');
    await piotrStream.next<{ id: string; agent: { name: string } }>('chat.taken', (d) => d.id === visitor.sessionId && d.agent.name === 'Anna Nowak');
    await live.next<ChatEvent>('agent_joined', (e) => e.authorName === 'Anna Nowak');
    expectError(await piotr.api.post(`/chats/${visitor.sessionId}/messages`, { text: 'Ja też' }), 409, 'CHAT_NOT_YOURS');

    const sentAt = Date.now();
    const reply = await anna.api.post(`/chats/${visitor.sessionId}/messages`, { text: 'Paczka jest u kuriera, będzie jutro.' });
    expect(reply.status).toBe(201);
    await live.next<ChatEvent>('message', (e) => e.author === 'agent' && e.text === 'Paczka jest u kuriera, będzie jutro.', 1_000);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    // The reply is an ordinary reply on the ticket, delivered on the chat channel once (not shown twice).
    await waitFor(async () => (await ticket(ticketId)).messages.find((m) => m.direction === 'outbound' && m.deliveryState === 'sent'));
    expect(live.events.filter((e) => e.event === 'message' && (e.data as ChatEvent).author === 'agent')).toHaveLength(1);

    await anna.api.post(`/chats/${visitor.sessionId}/typing`, { typing: true }).expect(204);
    await live.next<{ author: string; typing: boolean }>('typing', (d) => d.author === 'agent' && d.typing);

    const file = await http()
      .post(pub(`sessions/${visitor.sessionId}/files?name=paragon.txt`))
      .set('Authorization', `Bearer ${visitor.token}`)
      .set('Content-Type', 'text/plain')
      .send('Paragon nr 4521');
    expect(file.status).toBe(201);
    await annaStream.next<{ event: ChatEvent }>('chat.message', (d) => d.event.attachment?.filename === 'paragon.txt');
    const withFile = await ticket(ticketId);
    expect(withFile.messages.at(-1)!.attachments.map((a) => a.filename)).toEqual(['paragon.txt']);

    // The agent sends a file from the panel: shown to the visitor at once, downloaded with the session's token only.
    const sentFile = await http()
      .post(`${API}/chats/${visitor.sessionId}/files?name=etykieta-zwrotna.txt`)
      .set('Authorization', `Bearer ${await login(product.baseUrl, anna.email, anna.password)}`)
      .set('Content-Type', 'text/plain')
      .send('Etykieta zwrotna 4521');
    expect(sentFile.status).toBe(201);
    const shownFile = await live.next<ChatEvent>('message', (e) => e.author === 'agent' && e.attachment?.filename === 'etykieta-zwrotna.txt');
    const fileUrl = `${product.baseUrl}${pub(`sessions/${visitor.sessionId}/files/${shownFile.id}`)}`;
    const downloaded = await fetch(`${fileUrl}?token=${encodeURIComponent(visitor.token)}`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-disposition')).toContain('attachment; filename="etykieta-zwrotna.txt"');
    expect(await downloaded.text()).toBe('Etykieta zwrotna 4521');
    expect((await fetch(`${fileUrl}?token=zly`)).status).toBe(401);
    expect((await fetch(`${product.baseUrl}${pub(`sessions/${visitor.sessionId}/files/999999999`)}?token=${encodeURIComponent(visitor.token)}`)).status).toBe(404);
    expect((await ticket(ticketId)).messages.flatMap((m) => m.attachments.map((a) => a.filename))).toContain('etykieta-zwrotna.txt');
    expectError(await piotr.api.post(`/chats/${visitor.sessionId}/files?name=x.txt`, {}), 409, 'CHAT_NOT_YOURS');

    // The visitor's connection drops; what the agent wrote meanwhile is replayed after the last event seen.
    const lastSeen = (live.events.filter((e) => (e.data as ChatEvent).id).at(-1)!.data as ChatEvent).id;
    live.close();
    await anna.api.post(`/chats/${visitor.sessionId}/messages`, { text: 'Czy coś jeszcze?' }).expect(201);
    await anna.api.post(`/chats/${visitor.sessionId}/messages`, { text: 'Numer przesyłki: PL123.' }).expect(201);
    const back = await visitorStream(visitor, lastSeen);
    await back.next('ready');
    const replayed = back.events.filter((e) => e.event === 'message').map((e) => (e.data as ChatEvent).text);
    expect(replayed).toEqual(['Czy coś jeszcze?', 'Numer przesyłki: PL123.']);
    // Last-Event-ID as a header (what EventSource sends on its own reconnects) does the same.
    const viaHeader = await fetch(`${product.baseUrl}${pub(`sessions/${visitor.sessionId}/events`)}`, {
      headers: { Authorization: `Bearer ${visitor.token}`, 'Last-Event-ID': lastSeen },
    });
    const reader = viaHeader.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';
    await reader.cancel();
    expect(text.match(/event: message/g)).toHaveLength(2);

    // Handed to Piotr: he answers, Anna no longer can.
    expect((await anna.api.post(`/chats/${visitor.sessionId}/transfer`, { userId: piotr.id })).body).toMatchObject({ agent: { id: piotr.id } });
    await back.next<ChatEvent>('transferred', (e) => e.authorName === 'Piotr Wiśniewski');
    expectError(await anna.api.post(`/chats/${visitor.sessionId}/messages`, { text: 'x' }), 409, 'CHAT_NOT_YOURS');
    expect((await piotr.api.post(`/chats/${visitor.sessionId}/messages`, { text: 'Tu Piotr, pomogę.' })).status).toBe(201);
    await back.next<ChatEvent>('message', (e) => e.authorName === 'Piotr Wiśniewski');

    expect((await piotr.api.post(`/chats/${visitor.sessionId}/end`)).body).toMatchObject({ state: 'ended' });
    await back.next<ChatEvent>('ended');
    expectError(await say(visitor, 'Halo?'), 410, 'CHAT_SESSION_ENDED');
    const detail = await anna.api.get(`/chats/${visitor.sessionId}`);
    expect((detail.body as { events: ChatEvent[] }).events.filter((e) => e.type === 'message')).toHaveLength(7);

    // The visitor comes back later (the widget kept the visitor id): the chat continues in the same open ticket.
    const later = await startSession({ name: 'Kasia', visitorId: visitor.visitorId });
    const again = await say(later, 'To znowu ja.');
    expect((again.body as { ticketId: string }).ticketId).toBe(ticketId);
    expect((await ticket(ticketId)).messages.at(-1)!.bodyText).toBe('To znowu ja.');
  });

  it('mails the transcript once when the chat ends, in the visitor’s language, to the address they left', async () => {
    // Ended by the agent: an English-speaking visitor who left an address (not vouched for by the shop).
    const eve = await startSession({ name: 'Eve', email: 'Eve.Transcript@example.com', language: 'en' });
    const live = await visitorStream(eve);
    const first = await say(eve, 'Hello, where is order 9911?');
    const ticketId = (first.body as { ticketId: string }).ticketId;
    await anna.api.post(`/chats/${eve.sessionId}/accept`).expect(200);
    await anna.api.post(`/chats/${eve.sessionId}/messages`, { text: 'It ships today.' }).expect(201);
    await say(eve, 'Thanks!').expect(201);
    await live.next<ChatEvent>('message', (e) => e.text === 'Thanks!');
    expect((await anna.api.post(`/chats/${eve.sessionId}/end`)).body).toMatchObject({ state: 'ended' });
    const mail = await sink.waitFor((m) => m.to.includes('eve.transcript@example.com'), 15_000);
    const number = ((await admin.get(`/tickets/${ticketId}`)).body as { number: string }).number;
    expect(mail.subject).toBe(`Your chat transcript [#${number}]`);
    expect(mail.text).toMatch(/\[\d{2}:\d{2}\] You: Hello, where is order 9911\?/);
    expect(mail.text).toMatch(/\[\d{2}:\d{2}\] Anna Nowak: It ships today\./);
    expect(mail.text).toMatch(/\[\d{2}:\d{2}\] You: Thanks!/);
    expect(mail.text.indexOf('Hello, where is order')).toBeLessThan(mail.text.indexOf('It ships today.'));
    // The ticket shows the transcript went out (an automatic e-mail message, sent).
    await waitFor(async () => (await ticket(ticketId)).messages.find((m) => m.bodyText.includes('It ships today.') && m.deliveryState === 'sent'));
    // Ended again, by the agent or by the visitor: no second transcript.
    await anna.api.post(`/chats/${eve.sessionId}/end`).expect(200);
    const again = await http().post(pub(`sessions/${eve.sessionId}/end`)).set('Authorization', `Bearer ${eve.token}`);
    expect([again.status, again.body]).toEqual([200, { state: 'ended' }]);
    await sink.expectNone((m) => m.to.includes('eve.transcript@example.com') && m !== mail, 1_500);

    // Ended by the visitor, in Polish (the default); the agent sees it ended.
    const ola = await startSession({ name: 'Ola', email: 'ola.czat@example.pl' });
    await say(ola, 'Czy mogę zmienić adres dostawy?').expect(201);
    expect((await http().post(pub(`sessions/${ola.sessionId}/end`)).set('Authorization', 'Bearer zly')).status).toBe(401);
    expect((await http().post(pub(`sessions/${ola.sessionId}/end`)).set('Authorization', `Bearer ${ola.token}`)).body).toEqual({ state: 'ended' });
    await annaStream.next<{ id: string; state: string }>('chat.ended', (d) => d.id === ola.sessionId && d.state === 'ended');
    const pl = await sink.waitFor((m) => m.to.includes('ola.czat@example.pl'), 15_000);
    expect(pl.subject).toMatch(/^Zapis rozmowy na czacie \[#\d{4}-\d{6}\]$/);
    expect(pl.text).toMatch(/\[\d{2}:\d{2}\] Ty: Czy mogę zmienić adres dostawy\?/);
    expect(pl.text).toContain('Dzień dobry,');

    // A visitor without an address gets nothing; a bad language is refused by name.
    expectFieldErrors(await http().post(pub(`${key}/sessions`)).send({ language: 'de' }), ['language']);
  });

  it('attaches the chat to an existing customer only with the shop’s valid identity hash', async () => {
    const jan = await admin.post('/customers', { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' });
    const mail = await admin.post('/tickets', { subject: 'Faktura', channel: 'email', customer: { email: 'jan.kowalski@example.pl' }, message: { body: 'Proszę o fakturę.' } });
    expect([jan.status, mail.status]).toEqual([201, 201]);
    const hash = createHmac('sha256', SECRET).update('jan.kowalski@example.pl').digest('hex');
    const verified = await startSession({ email: 'Jan.Kowalski@example.pl', identityHash: hash });
    expect(verified.verified).toBe(true);
    const t1 = ((await say(verified, 'Pytanie o fakturę')).body as { ticketId: string }).ticketId;
    expect((await ticket(t1)).customerId).toBe((jan.body as { id: string }).id);

    const forged = await startSession({ email: 'jan.kowalski@example.pl', identityHash: 'f'.repeat(64) });
    expect(forged.verified).toBe(false);
    const t2 = ((await say(forged, 'Jestem Jan, podaj moje zamówienia')).body as { ticketId: string }).ticketId;
    expect((await ticket(t2)).customerId).not.toBe((jan.body as { id: string }).id);

    // The customer's page shows the mail and the chat in one history.
    const history = await admin.get(`/customers/${(jan.body as { id: string }).id}`);
    expect((history.body as { tickets: { channel: string }[] }).tickets.map((t) => t.channel).sort()).toEqual(['chat', 'email']);
  });

  it('refuses bad input and limits messages per session (429 with Retry-After)', async () => {
    const s = await startSession();
    expectFieldErrors(await say(s, '   '), ['text']);
    expectFieldErrors(await http().post(pub(`${key}/sessions`)).send({ email: 'nie-adres' }), ['email']);
    expectError(await anna.api.post('/chats/00000000-0000-4000-8000-000000000000/accept'), 404, 'CHAT_SESSION_NOT_FOUND');
    expect((await anna.api.get('/chats?state=later')).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await say(s, `Wiadomość ${i}`)).status);
    expect(statuses.slice(0, 30).every((x) => x === 201)).toBe(true);
    const limited = await say(s, 'Jeszcze jedna');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
