import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { API, asAdmin, createUser, expectError, expectFieldErrors, login, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { CtiPbx, startRecordingStore } from '../support/stand-ins/cti-pbx.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/stand-ins/webhook-receiver.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Phone calls as a PBX bridge written for Zammad's generic CTI API reports
// them (the stand-in posts form-encoded `user[]` fields or JSON), and calls
// agents log by hand. Answered, missed, transferred, forwarded, outbound and
// rejected calls; known, possible and unknown callers; the caller card the
// queue's agents see live; missed calls and logged calls as phone tickets.

interface Call {
  id: string;
  callId: string | null;
  direction: string;
  phone: string | null;
  state: string;
  match: string;
  customer: { id: string; name: string | null } | null;
  possibleCustomers: { id: string; name: string | null }[];
  caller: { name: string | null; openTickets: number; lastTicket: { number: string; subject: string } | null } | null;
  agent: { id: string; name: string } | null;
  users: string[];
  cause: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  ticketId: string | null;
  manual: boolean;
  note: string | null;
  recordingState: string | null;
  recordingError: string | null;
}

interface Ticket {
  id: string;
  number: string;
  subject: string;
  channel: string;
  customerId: string;
  queueId: string | null;
  messages: { direction: string; bodyText: string; channel: { type: string } | null; attachments: { filename: string; contentType: string }[] }[];
}

describe('phone calls (CTI webhook and call log)', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let anna: CreatedUser;
  let piotr: CreatedUser;
  let outsider: CreatedUser;
  let queueId: string;
  let pbx: CtiPbx;
  let webhook: string;
  let annaStream: EventStream;
  let outsiderStream: EventStream;
  let jan: { id: string };
  let receiver: WebhookReceiver;
  let recordings: Awaited<ReturnType<typeof startRecordingStore>>;
  // A PBX whose recording server is busy the first time it is asked (503), then serves the file.
  let flaky: Server;
  let flakyHost: string;
  const flakyRequests: number[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    recordings = await startRecordingStore({ 'rozmowa-1.mp3': Buffer.alloc(2048, 7), 'za-duza.mp3': Buffer.alloc(20_000, 1) });
    flaky = createServer((_request, response) => {
      flakyRequests.push(Date.now());
      if (flakyRequests.length === 1) response.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy');
      else response.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': '1024' }).end(Buffer.alloc(1024, 5));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    flakyHost = `127.0.0.1:${(flaky.address() as { port: number }).port}`;
    product = await startProduct({
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOKS_SWEEP_INTERVAL_MS: '100', CALL_RECORDING_HOSTS: `${recordings.host},${flakyHost}`, CALL_RECORDING_MAX_BYTES: '10000',
    });
    admin = await asAdmin(product);
    anna = await createUser(product, admin, { email: 'anna@sklep.test', name: 'Anna Nowak' });
    piotr = await createUser(product, admin, { email: 'piotr@sklep.test', name: 'Piotr Wiśniewski' });
    outsider = await createUser(product, admin, { email: 'olek@sklep.test', name: 'Olek Spoza' });
    const queue = await admin.post('/queues', { name: 'Infolinia' });
    expect(queue.status).toBe(201);
    queueId = (queue.body as { id: string }).id;
    const members = await admin.put(`/queues/${queueId}/members`, { userIds: [anna.id, piotr.id] });
    expect([200, 204]).toContain(members.status);
    const channel = await admin.post('/channels', {
      type: 'phone', name: 'Infolinia sklepu', queueId, settings: { blockedNumbers: ['+48 500 000 666'] },
    });
    expect(channel.status).toBe(201);
    webhook = `${product.baseUrl}${API}/cti/${(channel.body as { key: string }).key}`;
    pbx = new CtiPbx(webhook);

    const customer = await admin.post('/customers', { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski', phones: ['600 100 200'] });
    expect(customer.status).toBe(201);
    jan = customer.body as { id: string };
    const ticket = await admin.post('/tickets', { subject: 'Zwrot zamówienia 4521', customer: { email: 'jan.kowalski@example.pl' }, message: { body: 'Chcę zwrócić buty.' } });
    expect(ticket.status).toBe(201);

    const hook = await admin.post('/webhooks', { url: `${receiver.url}/calls`, events: ['call.ended'] });
    expect(hook.status).toBe(201);
    annaStream = await openEventStream(`${product.baseUrl}${API}/live`, await login(product.baseUrl, anna.email, anna.password));
    outsiderStream = await openEventStream(`${product.baseUrl}${API}/live`, await login(product.baseUrl, outsider.email, outsider.password));
    await annaStream.next('ready');
    await outsiderStream.next('ready');
  }, 90_000);

  afterAll(async () => {
    annaStream?.close();
    outsiderStream?.close();
    await product?.close();
    await receiver?.close();
    await recordings?.close();
    await new Promise((resolve) => (flaky ? flaky.close(resolve) : resolve(undefined)));
  });

  const callOf = async (callId: string): Promise<Call> => {
    const res = await admin.get('/calls?limit=200');
    expect(res.status).toBe(200);
    const call = (res.body as { items: Call[] }).items.find((c) => c.callId === callId);
    expect(call).toBeDefined();
    return call!;
  };

  const ticket = async (id: string): Promise<Ticket> => {
    const res = await admin.get(`/tickets/${id}`);
    expect(res.status).toBe(200);
    return res.body as Ticket;
  };

  it('refuses a wrong channel key with 404 and a malformed event with 400 naming the field', async () => {
    const wrong = await fetch(`${product.baseUrl}${API}/cti/${'x'.repeat(43)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'event=newCall&from=1&to=2&direction=in&callId=a',
    });
    expect(wrong.status).toBe(404);
    const badEvent = await pbx.post({ event: 'ringing', from: '48600100200', to: '48225550000', direction: 'in', callId: 'x1' });
    expect(badEvent.status).toBe(400);
    expect(JSON.stringify(badEvent.body)).toContain('event');
    const noCallId = await pbx.post({ event: 'newCall', from: '48600100200', to: '48225550000', direction: 'in' });
    expect(noCallId.status).toBe(400);
    expect(JSON.stringify(noCallId.body)).toContain('callId');
    const badDirection = await pbx.post({ event: 'newCall', from: '48600100200', to: '48225550000', direction: 'sideways', callId: 'x2' });
    expect(badDirection.status).toBe(400);
  });

  it('an answered call from a known customer: caller card to the queue’s agents, answered by Anna, ended with its duration', async () => {
    const call = await pbx.ring('+48 600 100 200', ['Anna Nowak', 'Piotr Wiśniewski']);
    expect(pbx.answers.at(-1)).toEqual({ status: 200, body: {} });

    const card = await annaStream.next<Call>('call.ringing', (c) => c.callId === call.callId);
    expect(card).toMatchObject({
      direction: 'in', phone: '+48600100200', state: 'ringing', match: 'known',
      customer: { id: jan.id, name: 'Jan Kowalski' },
      caller: { name: 'Jan Kowalski', openTickets: 1, lastTicket: { subject: 'Zwrot zamówienia 4521' } },
      users: ['Anna Nowak', 'Piotr Wiśniewski'],
    });
    const ringing = await admin.get('/calls?state=ringing');
    expect((ringing.body as { items: Call[] }).items.map((c) => c.callId)).toContain(call.callId);

    expect((await call.answer(anna.email, 'Anna Nowak')).status).toBe(200);
    const answered = await callOf(call.callId);
    expect(answered).toMatchObject({ state: 'answered', agent: { id: anna.id, name: 'Anna Nowak' } });
    expect(answered.answeredAt).not.toBeNull();

    expect((await call.hangup('normalClearing', anna.email)).status).toBe(200);
    const ended = await callOf(call.callId);
    expect(ended).toMatchObject({ state: 'ended', cause: 'normalClearing', agent: { id: anna.id }, ticketId: null });
    expect(ended.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(ended.endedAt!)).toBeGreaterThanOrEqual(Date.parse(ended.answeredAt!));
    await annaStream.next<Call>('call.ended', (c) => c.callId === call.callId);
    // Integrators subscribed to call.ended get the call as the log shows it.
    const sent = await waitFor(() => receiver.calls.find((c) => (c.json.data as Call | undefined)?.callId === call.callId));
    expect(sent.json).toMatchObject({ type: 'call.ended', data: { state: 'ended', agent: { id: anna.id }, customer: { id: jan.id } } });

    // The same event posted twice (a bridge retrying) does not make a second call.
    await call.hangup('normalClearing');
    const all = (await admin.get('/calls?limit=200')).body as { items: Call[] };
    expect(all.items.filter((c) => c.callId === call.callId)).toHaveLength(1);
    // Only the agents of the channel's queue are shown the caller card.
    expect(outsiderStream.events.filter((e) => e.event === 'call.ringing')).toHaveLength(0);
  });

  it('a missed call from an unknown number opens a phone ticket in the channel’s queue; the next missed call joins it', async () => {
    const first = await pbx.ring('0048 601 222 333');
    expect((await callOf(first.callId)).match).toBe('unknown');
    await first.hangup('cancel');
    const missed = await callOf(first.callId);
    expect(missed).toMatchObject({ state: 'missed', cause: 'cancel', durationSeconds: 0, agent: null });
    expect(missed.ticketId).not.toBeNull();
    const opened = await ticket(missed.ticketId!);
    expect(opened).toMatchObject({ subject: 'Nieodebrane połączenie od +48601222333', channel: 'phone', queueId });
    expect(opened.messages[0]).toMatchObject({ direction: 'inbound', channel: expect.objectContaining({ type: 'phone' }) });
    expect(opened.messages[0].bodyText).toContain('+48601222333');
    const missedList = await admin.get('/calls?state=missed');
    expect((missedList.body as { items: Call[] }).items.map((c) => c.callId)).toContain(first.callId);

    // The caller is now a customer holding the number: the next call knows them and joins the open ticket.
    const second = await pbx.ring('+48601222333');
    expect((await callOf(second.callId)).match).toBe('known');
    await second.hangup('noAnswer');
    const again = await callOf(second.callId);
    expect(again).toMatchObject({ state: 'missed', ticketId: missed.ticketId, customer: { id: opened.customerId } });
    expect((await ticket(missed.ticketId!)).messages).toHaveLength(2);
  });

  it('a transferred call belongs to the agent who took it last; a call forwarded before anyone answered is not missed', async () => {
    const call = await pbx.ring('+48 602 333 444', ['Anna Nowak']);
    await call.answer(anna.email, 'Anna Nowak');
    await call.answer(piotr.id, 'Piotr Wiśniewski');
    expect((await callOf(call.callId)).agent).toMatchObject({ id: piotr.id, name: 'Piotr Wiśniewski' });
    await call.hangup('normalClearing');
    expect(await callOf(call.callId)).toMatchObject({ state: 'ended', agent: { id: piotr.id }, ticketId: null });

    const forwarded = await pbx.ring('+48 602 333 555');
    await forwarded.hangup('forwarded');
    expect(await callOf(forwarded.callId)).toMatchObject({ state: 'ended', cause: 'forwarded', ticketId: null });
  });

  it('an outbound call (sent as JSON) matches the customer called and is never a missed call', async () => {
    const json = new CtiPbx(webhook, '48225550000', 'json');
    const call = await json.dial('Anna Nowak', '600100200');
    expect(json.answers.at(-1)).toEqual({ status: 200, body: {} });
    await call.hangup('cancel');
    const ended = await callOf(call.callId);
    expect(ended).toMatchObject({ direction: 'out', phone: '+48600100200', match: 'known', customer: { id: jan.id }, state: 'ended', ticketId: null });
    expect(annaStream.events.filter((e) => e.event === 'call.ringing' && (e.data as Call).callId === call.callId)).toHaveLength(0);

    const answeredOut = await json.dial('Anna Nowak', '600100200');
    await answeredOut.answer(anna.email);
    await answeredOut.hangup('normalClearing');
    expect(await callOf(answeredOut.callId)).toMatchObject({ direction: 'out', state: 'ended', agent: { id: anna.id } });
  });

  it('a caller with the national number of several customers is a possible match, confirmed in one click', async () => {
    const de = await admin.post('/customers', { email: 'klaus@example.de', name: 'Klaus Becker', phones: ['+49 600 100 300'] });
    const at = await admin.post('/customers', { email: 'eva@example.at', name: 'Eva Huber', phones: ['+43 600 100 300'] });
    expect([de.status, at.status]).toEqual([201, 201]);
    const call = await pbx.ring('600 100 300');
    const ringing = await callOf(call.callId);
    expect(ringing).toMatchObject({ match: 'possible', customer: null, phone: '+48600100300' });
    expect(ringing.possibleCustomers.map((c) => c.name).sort()).toEqual(['Eva Huber', 'Klaus Becker']);
    await call.answer(anna.email);
    await call.hangup('normalClearing');

    const confirmed = await anna.api.post(`/calls/${ringing.id}/confirm-customer`, { customerId: (de.body as { id: string }).id });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ match: 'known', customer: { id: (de.body as { id: string }).id, name: 'Klaus Becker' } });
    const klaus = await admin.get(`/customers/${(de.body as { id: string }).id}`);
    expect(JSON.stringify(klaus.body)).toContain('+48600100300');
    const next = await pbx.ring('+48600100300');
    expect(await callOf(next.callId)).toMatchObject({ match: 'known', customer: { name: 'Klaus Becker' } });
    await next.hangup('normalClearing');

    // The number is Klaus's now: confirming another customer is a conflict, not a second owner.
    const taken = await anna.api.post(`/calls/${ringing.id}/confirm-customer`, { customerId: (at.body as { id: string }).id });
    expectError(taken, 409, 'CALL_NUMBER_TAKEN');
  });

  it('tells the PBX to reject a blocked caller; the call is kept and never becomes a ticket', async () => {
    const call = await pbx.ring('+48500000666');
    expect(call.rejected).toBe(true);
    expect(pbx.answers.at(-2)).toEqual({ status: 200, body: { action: 'reject', reason: 'busy' } });
    const stored = await callOf(call.callId);
    expect(stored).toMatchObject({ state: 'missed', cause: 'busy', ticketId: null });
  });

  it('an anonymous missed call still opens a ticket', async () => {
    const call = await pbx.ring('anonymous');
    await call.hangup('cancel');
    const missed = await callOf(call.callId);
    expect(missed).toMatchObject({ phone: null, match: 'unknown', state: 'missed' });
    expect((await ticket(missed.ticketId!)).subject).toBe('Nieodebrane połączenie od numeru zastrzeżonego');
  });

  it('logs a call by hand: on a new phone ticket of the number, or as a phone message on the given ticket', async () => {
    const logged = await anna.api.post('/calls', { direction: 'in', phone: '600 100 200', note: 'Pyta, kiedy wróci kurier.', durationSeconds: 95 });
    expect(logged.status).toBe(201);
    const call = logged.body as Call;
    expect(call).toMatchObject({ manual: true, state: 'ended', durationSeconds: 95, match: 'known', customer: { id: jan.id }, agent: { id: anna.id }, note: 'Pyta, kiedy wróci kurier.' });
    const newTicket = await ticket(call.ticketId!);
    expect(newTicket).toMatchObject({ channel: 'phone', customerId: jan.id });
    expect(newTicket.messages[0].bodyText).toContain('Pyta, kiedy wróci kurier.');
    expect(newTicket.messages[0].bodyText).toContain('1:35');

    const onTicket = await anna.api.post('/calls', { direction: 'out', customerId: jan.id, note: 'Oddzwoniłam: kurier będzie jutro.', ticketId: newTicket.id });
    expect(onTicket.status).toBe(201);
    expect((onTicket.body as Call).ticketId).toBe(newTicket.id);
    const after = await ticket(newTicket.id);
    expect(after.messages).toHaveLength(2);
    expect(after.messages[1]).toMatchObject({ channel: expect.objectContaining({ type: 'phone' }) });
    expect(after.messages[1].bodyText).toContain('Oddzwoniłam: kurier będzie jutro.');

    const byCustomer = await admin.get(`/calls?customerId=${jan.id}&limit=200`);
    expect((byCustomer.body as { items: Call[] }).items.filter((c) => c.manual)).toHaveLength(2);

    expectFieldErrors(await anna.api.post('/calls', { direction: 'in', phone: '600 100 200' }), ['note']);
    expectFieldErrors(await anna.api.post('/calls', { direction: 'sideways', phone: '600 100 200', note: 'x' }), ['direction']);
    expectFieldErrors(await anna.api.post('/calls', { direction: 'in', note: 'Bez numeru' }), ['phone'], 'CALL_CUSTOMER_REQUIRED');
    expectFieldErrors(await anna.api.post('/calls', { direction: 'in', phone: 'abc', note: 'x' }), ['phone'], 'CALL_CUSTOMER_REQUIRED');
    // A ticket the agent may not see is as good as missing.
    expect((await outsider.api.post('/calls', { direction: 'in', note: 'x', ticketId: newTicket.id })).status).toBe(404);
    expectError(await admin.get('/calls/00000000-0000-4000-8000-000000000000'), 404, 'CALL_NOT_FOUND');

    // Recordings: fetched once from an allowed host, refused from others, too large ones fail; uploads are filed too.
    const recorded = await anna.api.post('/calls', { direction: 'in', phone: '600 100 200', note: 'Reklamacja', recordingUrl: `${recordings.url}/recordings/rozmowa-1.mp3` });
    expect(recorded.status).toBe(201);
    const attached = await waitFor(async () => {
      const c = (await admin.get(`/calls/${(recorded.body as Call).id}`)).body as Call;
      return c.recordingState === 'attached' ? c : undefined;
    });
    const recordedTicket = await ticket(attached.ticketId!);
    expect(recordedTicket.messages.flatMap((m) => m.attachments)).toEqual([expect.objectContaining({ filename: 'rozmowa-1.mp3', contentType: 'audio/mpeg' })]);
    expect(recordings.requests.get('/recordings/rozmowa-1.mp3')).toBe(1);
    expectFieldErrors(await anna.api.post('/calls', { direction: 'in', phone: '600 100 200', note: 'x', recordingUrl: 'https://example.com/r.mp3' }), ['recordingUrl'], 'CALL_RECORDING_REFUSED');
    const tooBig = await anna.api.post('/calls', { direction: 'in', phone: '600 100 200', note: 'Długa', recordingUrl: `${recordings.url}/recordings/za-duza.mp3` });
    const failed = await waitFor(async () => {
      const c = (await admin.get(`/calls/${(tooBig.body as Call).id}`)).body as Call;
      return c.recordingState === 'failed' ? c : undefined;
    });
    expect(failed.recordingError).toContain('larger than 10000 bytes');
    // The recording's server is busy at first (503): the job tries again after a pause and attaches the recording.
    const busy = await anna.api.post('/calls', { direction: 'in', phone: '600 100 200', note: 'Serwer nagrań zajęty', recordingUrl: `http://${flakyHost}/nagrania/po-przerwie.wav` });
    expect(busy.status).toBe(201);
    const retried = await waitFor(async () => {
      const c = (await admin.get(`/calls/${(busy.body as Call).id}`)).body as Call;
      return c.recordingState === 'attached' ? c : undefined;
    }, { timeoutMs: 20_000, description: 'the recording attached after a retry' });
    expect(flakyRequests).toHaveLength(2);
    expect(flakyRequests[1] - flakyRequests[0]).toBeGreaterThanOrEqual(1_500);
    expect(retried.recordingError).toBeNull();
    expect((await ticket(retried.ticketId!)).messages.flatMap((m) => m.attachments)).toContainEqual(
      expect.objectContaining({ filename: 'po-przerwie.wav', contentType: 'audio/wav' }),
    );
    const upload = await request(product.baseUrl)
      .post(`${API}/calls/${(onTicket.body as Call).id}/recording?name=oddzwonienie.mp3`)
      .set('Authorization', `Bearer ${await login(product.baseUrl, anna.email, anna.password)}`)
      .set('Content-Type', 'audio/mpeg')
      .send(Buffer.alloc(512, 3));
    expect(upload.status).toBe(201);
    expect((upload.body as Call).recordingState).toBe('attached');
    expect((await ticket(newTicket.id)).messages.flatMap((m) => m.attachments.map((a) => a.filename))).toContain('oddzwonienie.mp3');
    expect((await admin.get('/calls?state=busy')).status).toBe(400);
  });

  it('reports calls per queue and agent: answered, missed, outbound and call-backs', async () => {
    // Anna calls back the number whose calls were missed earlier.
    const callBack = await pbx.dial('Anna Nowak', '+48601222333');
    await callBack.answer(anna.email);
    await callBack.hangup('normalClearing');
    const res = await admin.get('/calls/report');
    expect(res.status).toBe(200);
    const report = res.body as { queues: { name: string | null; answered: number; missed: number; outbound: number; callBacks: number }[]; agents: { id: string; answered: number; outbound: number; callBacks: number }[] };
    expect(report.queues.find((q) => q.name === 'Infolinia')).toEqual(expect.objectContaining({ answered: 3, missed: 5, outbound: 3, callBacks: 1 }));
    expect(report.agents.find((a) => a.id === piotr.id)).toEqual(expect.objectContaining({ answered: 1, outbound: 0, callBacks: 0 }));
    expect(report.agents.find((a) => a.id === anna.id)).toEqual(expect.objectContaining({ callBacks: 1 }));
    expect((await anna.api.get('/calls/report')).status).toBe(403);

    // The same figures among the reports, with the reports' filters (dates in the installation's zone, queue, agent) and CSV.
    type Figures = { answered: number; missed: number; outbound: number; callBacks: number; answeredPercent: number | null };
    type CallsReport = { total: Figures; queues: (Figures & { queueId: string | null; name: string | null })[]; agents: (Figures & { userId: string | null })[] };
    const reported = await admin.get('/reports/calls');
    expect(reported.status).toBe(200);
    const calls = reported.body as CallsReport;
    // Here the calls logged by hand count too (in the queue of their phone tickets): 4 inbound, 1 outbound.
    expect(calls.queues.find((q) => q.queueId === queueId)).toEqual({
      queueId, name: 'Infolinia', answered: 7, missed: 5, outbound: 4, callBacks: 1, answeredPercent: 58.3,
    });
    expect(calls.agents.find((a) => a.userId === piotr.id)).toMatchObject({ answered: 1, outbound: 0, callBacks: 0 });
    expect(calls.agents.find((a) => a.userId === anna.id)).toMatchObject({ callBacks: 1 });
    expect(calls.total.missed).toBe(5);
    expect(calls.total.outbound).toBeGreaterThanOrEqual(3);
    const inQueue = (await admin.get(`/reports/calls?queueId=${queueId}`)).body as CallsReport;
    expect(inQueue.queues.map((q) => q.queueId)).toEqual([queueId]);
    expect(inQueue.total).toMatchObject({ answered: 7, missed: 5, outbound: 4, callBacks: 1 });
    const ofPiotr = (await admin.get(`/reports/calls?assigneeId=${piotr.id}`)).body as CallsReport;
    expect(ofPiotr.agents.map((a) => a.userId)).toEqual([piotr.id]);
    expect(ofPiotr.total).toMatchObject({ answered: 1, missed: 0, outbound: 0 });
    // A period before any call counts nothing; a call-back needs the missed call within the period.
    const before = (await admin.get('/reports/calls?from=2020-01-01&to=2020-01-31')).body as CallsReport;
    expect(before.total).toEqual({ answered: 0, missed: 0, outbound: 0, callBacks: 0, answeredPercent: null });
    expect(before.queues).toEqual([]);
    const csv = await admin.get('/reports/calls?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('section,id,name,answered,missed,outbound,call_backs,answered_percent');
    expect(csv.text).toContain(`queue,${queueId},Infolinia,7,5,4,1,58.3`);
    expectFieldErrors(await admin.get('/reports/calls?queueId=zla'), ['queueId']);
    expect((await anna.api.get('/reports/calls')).status).toBe(403);
  });
});
