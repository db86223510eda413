import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { deriveSurveyKey, readSurveyToken, signSurveyToken } from '../../apps/api/src/modules/surveys/survey-token.js';
import { API, asAdmin, errorFields, expectError, type ApiClient } from '../support/api-client.js';
import { composeMail, type PlainMail } from '../support/compose-mail.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { addInboundAddress, BIURO, deliverRaw, QUIET_MS, readTicket, sameMessageId, waitForProcessed, type MailTicket } from './mail-kit.js';

// The seeded scenario "closed → ask for CSAT", switched on by an admin: the
// customer gets one mail with a signed link, answers on a page of the product
// (or through the JSON API) once, and the ticket shows the answer. Machines
// get no survey, a ticket gets one survey however often it is closed, and a
// link that was altered or has expired takes no answer.

jest.setTimeout(90_000);

const JWT_SECRET = 'surveys-suite-installation-secret-0123456789';
const PUBLIC_URL = 'https://pomoc.rowerownia.pl';
const LINK = /https:\/\/pomoc\.rowerownia\.pl\/survey\/([A-Za-z0-9_-]+)/;

interface Survey {
  kind: string;
  score: number | null;
  comment: string | null;
  sentAt: string;
  expiresAt: string;
  answeredAt: string | null;
}

type SurveyTicket = MailTicket & { survey: Survey | null };

describe('satisfaction surveys after closing', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;
  let rule: { id: string; name: string; enabled: boolean; trigger: string; actions: Record<string, unknown>[] };

  const http = () => request(product.baseUrl);
  const read = async (id: string) => (await readTicket(admin, id)) as SurveyTicket;
  const send = async (mail: Omit<PlainMail, 'from' | 'to'> & { from?: string }) => {
    const { raw, messageId } = composeMail({ from: 'klient@example.pl', fromName: 'Jan Kowalski', to: BIURO, ...mail });
    await deliverRaw(product, raw, { to: [BIURO] });
    const processed = await waitForProcessed(admin, messageId);
    return { ticket: await read(processed.ticketId!), messageId };
  };
  const openTicket = async (email: string, subject: string) => {
    const res = await admin.post('/tickets', { subject, customer: { email, name: 'Ewa Nowak' }, message: { body: 'Proszę o pomoc.' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string };
  };
  const setStatus = async (id: string, status: string) => {
    const res = await admin.patch(`/tickets/${id}`, { status });
    expect(res.status).toBe(200);
  };
  const surveyMailOf = (number: string) => (m: CapturedMail) => m.subject.includes(number) && LINK.test(m.text);
  const tokenIn = (mail: CapturedMail) => LINK.exec(mail.text)![1];
  const skips = (ticket: SurveyTicket) => ticket.events.filter((e) => e.type === 'rule_action_skipped').map((e) => e.newValue);

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({
      OUTBOUND_SMTP_URL: sink.url,
      MAIL_DOMAIN: 'rowerownia.pl',
      PUBLIC_URL,
      JWT_SECRET,
      AUTO_REPLY_PER_SENDER_PER_HOUR: '2',
    });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', autoAcknowledge: false });
    const rules = (await admin.get('/rules')).body.items as (typeof rule & { slug: string | null })[];
    rule = rules.find((r) => r.slug === 'close-csat-survey')!;
  }, 90_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  it('is seeded disabled: ticket closed → send a CSAT survey', async () => {
    expect(rule).toMatchObject({ name: 'Ankieta CSAT po zamknięciu', enabled: false, trigger: 'ticket_closed', actions: [{ type: 'send_survey', kind: 'csat' }] });

    // Switched off, closing sends nothing.
    const quiet = await openTicket('cisza@example.pl', 'Bez ankiety');
    await setStatus(quiet.id, 'closed');
    await sink.expectNone(surveyMailOf(quiet.number), QUIET_MS);
    expect((await read(quiet.id)).survey).toBeNull();

    expect((await admin.patch(`/rules/${rule.id}`, { enabled: true })).status).toBe(200);
  });

  it('a dry run says what the rule would do', async () => {
    const res = await admin.post(`/rules/${rule.id}/dry-run`, { lastTickets: 1 });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      matched: true,
      actions: [{ type: 'send_survey', description: expect.stringContaining('CSAT survey (1–5) with a link valid for 14 days') }],
    });
  });

  it('refuses a survey action of an unknown kind, naming the action', async () => {
    const res = await admin.post('/rules', {
      name: 'Ankieta gwiazdkowa', trigger: 'ticket_closed', conditions: { match: 'all', conditions: [] }, actions: [{ type: 'send_survey', kind: 'stars' }],
    });
    expectError(res, 400, 'RULE_INVALID');
    expect(errorFields(res)).toEqual(['actions[0]']);
    expect(res.body.message).toContain('"send_survey" needs a kind (csat, nps)');
  });

  it('closing asks the customer once; the page takes one answer, which the ticket shows', async () => {
    const { ticket, messageId } = await send({ subject: 'Dzwonek <b>nie</b> dzwoni & pęknięty', body: 'Dzwonek przestał działać.' });
    await setStatus(ticket.id, 'closed');

    // One mail to the customer, threaded on their mail, marked automatic, with the link.
    const mail = await sink.waitFor(surveyMailOf(ticket.number));
    expect(mail.to).toEqual(['klient@example.pl']);
    expect(sameMessageId(mail.inReplyTo, messageId)).toBe(true);
    expect(mail.subject).toContain(`[#${ticket.number}]`);
    expect(mail.header('Auto-Submitted')).toBe('auto-replied');
    expect(mail.text).toContain('Jan Kowalski');
    const token = tokenIn(mail);

    let closed = await read(ticket.id);
    expect(closed.survey).toMatchObject({ kind: 'csat', score: null, comment: null, answeredAt: null });
    const lifetime = Date.parse(closed.survey!.expiresAt) - Date.parse(closed.survey!.sentAt);
    expect(Math.abs(lifetime - 14 * 86_400_000)).toBeLessThan(2_000);
    expect(closed.events).toContainEqual(expect.objectContaining({
      type: 'survey_sent', actorType: 'rule', actorName: 'Ankieta CSAT po zamknięciu', newValue: expect.objectContaining({ kind: 'csat' }),
    }));
    expect(closed.messages.filter((m) => m.direction === 'outbound')).toEqual([expect.objectContaining({ automated: true, toAddresses: ['klient@example.pl'] })]);

    // The page: no sign-in, Polish by default, the ticket and the question, escaped, under a strict policy.
    const page = await http().get(`/survey/${token}`).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'/);
    expect(page.text).toContain('<html lang="pl">');
    expect(page.text).toContain(ticket.number);
    expect(page.text).toContain('Jak oceniasz naszą pomoc w tej sprawie?');
    expect(page.text).toContain('Dzwonek &lt;b&gt;nie&lt;/b&gt; dzwoni &amp; pęknięty');
    expect(page.text).not.toContain('<b>nie</b>');
    expect(page.text.match(/type="radio"[^>]*name="score"/g)).toHaveLength(5);
    expect(page.text).not.toMatch(/<script|src=|href=/);
    const english = await http().get(`/survey/${token}`).set('Accept-Language', 'en-GB,en;q=0.9,pl;q=0.5').expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('How satisfied are you with our help?');

    // The JSON API asks the same.
    const question = await http().get(`${API}/surveys/${token}`).expect(200);
    expect(question.body).toEqual({
      kind: 'csat', minScore: 1, maxScore: 5, ticketNumber: ticket.number, ticketSubject: 'Dzwonek <b>nie</b> dzwoni & pęknięty',
      expiresAt: closed.survey!.expiresAt, answeredAt: null,
    });

    // A form without a rating is shown again with the reason; nothing is stored.
    const empty = await http().post(`/survey/${token}`).type('form').send({ comment: 'Brak oceny' }).expect(400);
    expect(empty.text).toContain('Wybierz ocenę');
    expect(empty.text).toContain('Brak oceny');

    const thanks = await http().post(`/survey/${token}`).type('form').send({ score: '4', comment: 'Szybko i <konkretnie>' }).expect(200);
    expect(thanks.text).toContain('Dziękujemy za ocenę!');

    closed = await read(ticket.id);
    expect(closed.survey).toMatchObject({ kind: 'csat', score: 4, comment: 'Szybko i <konkretnie>', answeredAt: expect.any(String) });
    expect(closed.events).toContainEqual(expect.objectContaining({
      type: 'survey_answered', actorType: 'customer', actorId: closed.customer.id, actorName: 'Jan Kowalski',
      newValue: expect.objectContaining({ kind: 'csat', score: 4, comment: 'Szybko i <konkretnie>' }),
    }));

    // The answer is given once: later tries are refused and change nothing.
    const again = await http().post(`/survey/${token}`).type('form').send({ score: '1' }).expect(409);
    expect(again.text).toContain('Ta ankieta została już wypełniona');
    expectError(await http().post(`${API}/surveys/${token}`).send({ score: 1 }), 409, 'SURVEY_ALREADY_ANSWERED');
    expect((await http().get(`/survey/${token}`).expect(200)).text).toContain('już wypełniona');
    expect((await http().get(`${API}/surveys/${token}`).expect(200)).body.answeredAt).toBe(closed.survey!.answeredAt);
    expect((await read(ticket.id)).survey).toMatchObject({ score: 4, comment: 'Szybko i <konkretnie>', answeredAt: closed.survey!.answeredAt });

    // Reopened and closed again: no second survey.
    await setStatus(ticket.id, 'open');
    await setStatus(ticket.id, 'closed');
    await sink.expectNone((m) => surveyMailOf(ticket.number)(m) && m !== mail, QUIET_MS);
    expect(skips(await read(ticket.id))).toContainEqual({ action: 'send_survey', reason: 'survey_already_sent' });
  });

  it('the JSON API takes only scores on the survey’s scale, naming `score`', async () => {
    const ticket = await openTicket('ewa@example.pl', 'Faktura do zamówienia');
    await setStatus(ticket.id, 'closed');
    const token = tokenIn(await sink.waitFor(surveyMailOf(ticket.number)));

    for (const score of [0, 6]) {
      const res = await http().post(`${API}/surveys/${token}`).send({ score });
      expectError(res, 400, 'SURVEY_ANSWER_INVALID');
      expect(errorFields(res)).toEqual(['score']);
      expect(res.body.message).toContain('from 1 to 5');
    }
    for (const score of [4.5, 'pięć', null]) {
      const res = await http().post(`${API}/surveys/${token}`).send({ score });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(errorFields(res)).toEqual(['score']);
    }
    expect((await read(ticket.id)).survey).toMatchObject({ score: null, answeredAt: null });

    const answered = await http().post(`${API}/surveys/${token}`).send({ score: 5, comment: '  Dziękuję!  ' }).expect(200);
    expect(answered.body).toEqual({ kind: 'csat', score: 5, comment: 'Dziękuję!', answeredAt: expect.any(String) });
    expect((await read(ticket.id)).survey).toMatchObject({ score: 5, comment: 'Dziękuję!' });
  });

  it('refuses links that were altered or not made by this installation (404) and expired ones (410)', async () => {
    const ticket = await openTicket('adam@example.pl', 'Zwrot kasku');
    await setStatus(ticket.id, 'closed');
    const token = tokenIn(await sink.waitFor(surveyMailOf(ticket.number)));
    const key = deriveSurveyKey(JWT_SECRET);
    const claims = readSurveyToken(key, token)!;
    expect(claims).not.toBeNull();

    const flip = (t: string, at: number) => t.slice(0, at) + (t[at] === 'A' ? 'B' : 'A') + t.slice(at + 1);
    const forged = [
      flip(token, 2), // another survey id, the old signature
      flip(token, 50), // the signature changed
      signSurveyToken(deriveSurveyKey('another-installation-secret-0123456789'), claims.surveyId, claims.expiresAt),
      signSurveyToken(key, randomUUID(), claims.expiresAt), // well signed, but no such survey
      'nie-token',
    ];
    for (const bad of forged) {
      const page = await http().get(`/survey/${bad}`).expect(404);
      expect(page.text).toContain('Nie znaleziono ankiety');
      expect(page.text).not.toContain(ticket.number);
      await http().post(`/survey/${bad}`).type('form').send({ score: '5' }).expect(404);
      expectError(await http().get(`${API}/surveys/${bad}`), 404, 'SURVEY_NOT_FOUND');
      expectError(await http().post(`${API}/surveys/${bad}`).send({ score: 5 }), 404, 'SURVEY_NOT_FOUND');
    }

    // The same survey, signed by this installation with an expiry in the past.
    const expired = signSurveyToken(key, claims.surveyId, new Date(Date.now() - 60_000));
    const page = await http().get(`/survey/${expired}`).set('Accept-Language', 'en').expect(410);
    expect(page.text).toContain('This survey link has expired.');
    await http().post(`/survey/${expired}`).type('form').send({ score: '5' }).expect(410);
    expectError(await http().get(`${API}/surveys/${expired}`), 410, 'SURVEY_EXPIRED');
    expectError(await http().post(`${API}/surveys/${expired}`).send({ score: 5 }), 410, 'SURVEY_EXPIRED');
    expect((await read(ticket.id)).survey).toMatchObject({ score: null, answeredAt: null });
  });

  it('never asks a machine: a customer who wrote only automated mail, or a no-reply address', async () => {
    const { ticket } = await send({
      from: 'powiadomienia@platforma-sklepowa.pl', subject: 'Zamówienie 555 wysłane', body: 'Status: wysłane.',
      headers: { Precedence: 'bulk', 'List-Unsubscribe': '<mailto:unsubscribe@platforma-sklepowa.pl>' },
    });
    await setStatus(ticket.id, 'closed');
    const noReply = await openTicket('no-reply@hurtownia-rowerowa.pl', 'Potwierdzenie dostawy');
    await setStatus(noReply.id, 'closed');

    await sink.expectNone((m) => surveyMailOf(ticket.number)(m) || surveyMailOf(noReply.number)(m), QUIET_MS);
    const automated = await read(ticket.id);
    expect(automated.survey).toBeNull();
    expect(skips(automated)).toEqual([{ action: 'send_survey', reason: 'automated_sender' }]);
    expect(automated.events.find((e) => e.type === 'rule_action_skipped')).toMatchObject({ actorType: 'rule', actorName: 'Ankieta CSAT po zamknięciu' });
    const noReplyTicket = await read(noReply.id);
    expect(noReplyTicket.survey).toBeNull();
    expect(skips(noReplyTicket)).toEqual([{ action: 'send_survey', reason: 'automated_sender', recipient: 'no-reply@hurtownia-rowerowa.pl' }]);
  });

  it('stays within the automatic-reply cap per recipient', async () => {
    // AUTO_REPLY_PER_SENDER_PER_HOUR is 2 in this suite.
    const tickets = [];
    for (const subject of ['Pedał', 'Siodełko', 'Łańcuch']) tickets.push(await openTicket('staly-klient@example.pl', subject));
    for (const t of tickets) await setStatus(t.id, 'closed');
    await sink.waitFor(surveyMailOf(tickets[0].number));
    await sink.waitFor(surveyMailOf(tickets[1].number));
    await sink.expectNone(surveyMailOf(tickets[2].number), QUIET_MS);
    const third = await read(tickets[2].id);
    expect(third.survey).toBeNull();
    expect(skips(third)).toEqual([{ action: 'send_survey', reason: 'auto_reply_limit', recipient: 'staly-klient@example.pl' }]);
  });

  it('an NPS survey asks 0–10 and takes 0', async () => {
    expect((await admin.patch(`/rules/${rule.id}`, { actions: [{ type: 'send_survey', kind: 'nps' }] })).status).toBe(200);
    const ticket = await openTicket('nps@example.pl', 'Polecenie sklepu');
    await setStatus(ticket.id, 'closed');
    const token = tokenIn(await sink.waitFor(surveyMailOf(ticket.number)));

    expect((await http().get(`${API}/surveys/${token}`).expect(200)).body).toMatchObject({ kind: 'nps', minScore: 0, maxScore: 10 });
    const page = await http().get(`/survey/${token}`).expect(200);
    expect(page.text).toContain('Jak bardzo prawdopodobne jest, że polecisz nas znajomemu?');
    expect(page.text.match(/type="radio"[^>]*name="score"/g)).toHaveLength(11);
    const tooHigh = await http().post(`${API}/surveys/${token}`).send({ score: 11 });
    expectError(tooHigh, 400, 'SURVEY_ANSWER_INVALID');
    expect(errorFields(tooHigh)).toEqual(['score']);
    await http().post(`${API}/surveys/${token}`).send({ score: 0 }).expect(200);
    expect((await read(ticket.id)).survey).toMatchObject({ kind: 'nps', score: 0 });
  });
});
