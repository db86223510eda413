import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { deriveFormKey, signFormToken } from '../../apps/api/src/modules/web-forms/form-token.js';
import { asAdmin, expectError, expectFieldErrors, type ApiClient } from '../support/api-client.js';
import { composeMail } from '../support/compose-mail.js';
import { startDnsStub, type DnsStub } from '../support/dns-stub.js';
import { sendRaw } from '../support/send-mail.js';
import { solveFormProof } from '../support/form-proof.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Web forms as a shop and its customers use them: an admin creates a contact
// form and the complaint form (channels of type web_form), customers send
// them through the public endpoints (token, proof of work, honeypot, rate
// limits, e-mail domain check, files), submissions become tickets with the
// right queue, category and statutory deadline, suspected spam is kept, and
// the customer follows the ticket on the status page without an account.

const SECRET = 'a-web-forms-test-secret-of-at-least-32-characters';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64',
);

interface Form { id: string; key: string; settings: Record<string, unknown> }
interface Definition {
  key: string; kind: string; language: string; token: string; difficulty: number; honeypotField: string; successMessage: string;
  fields: { name: string; label: string; type: string; required: boolean; options?: { value: string; label: string }[] }[];
}
interface Ticket {
  id: string; number: string; subject: string; status: string; channel: string; queueId: string | null; categoryId: string | null; createdAt: string;
  sla: { statutoryDueAt: string | null };
  customer: { email: string | null; name: string | null };
  messages: { direction: string; bodyText: string; channel: { type: string } | null; attachments: { filename: string; contentType: string }[] }[];
}

describe('web forms', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let dns: DnsStub;
  let sink: SmtpSink;
  let contact: Form;
  let complaint: Form;
  let complaintsQueueId: string;
  let complaintCategoryId: string;
  let ip = 0;
  const key = deriveFormKey(SECRET);

  /** A form token issued `ageMs` ago (signed as the product signs them), with its proof of work. */
  const proof = (form: Form, ageMs = 10_000, difficulty = 6) => {
    const token = signFormToken(key, form.id, new Date(Date.now() - ageMs), difficulty);
    return { token, nonce: solveFormProof(token, difficulty) };
  };
  /** Every submission from an address of its own, unless told (the per-address limit is tested on its own). */
  const submit = (form: Form, body: Record<string, unknown>, from = `198.51.100.${++ip}`) =>
    request(product.baseUrl).post(`/api/public/forms/${form.key}/submissions`).set('X-Forwarded-For', from).send(body);
  const ticket = async (number: string): Promise<Ticket> => {
    const res = await admin.get(`/tickets/${number}`);
    expect(res.status).toBe(200);
    return res.body as Ticket;
  };
  const statusTokenOf = (statusUrl: string) => new URL(statusUrl).pathname.replace('/s/', '');

  beforeAll(async () => {
    dns = await startDnsStub({ 'klient.test': { A: ['192.0.2.10'] }, 'sklep.test': { A: ['192.0.2.11'] } });
    sink = await startSmtpSink();
    product = await startProduct({
      JWT_SECRET: SECRET,
      OUTBOUND_SMTP_URL: sink.url,
      AUTO_REPLY_PER_SENDER_PER_HOUR: '1000',
      FORMS_DNS_SERVERS: dns.server,
      FORMS_SUBMISSIONS_PER_IP: '4',
      FORMS_SUBMISSIONS_PER_EMAIL: '3',
      FORMS_SUBMISSIONS_PER_FORM_PER_MINUTE: '30',
      FORMS_FLOOD_STEP_PER_MINUTE: '5',
      STATUS_LINK_DAYS_AFTER_CLOSE: '0',
    });
    admin = await asAdmin(product);
    const queues = (await admin.get('/queues')).body as { id: string; slug: string }[] | { items: { id: string; slug: string }[] };
    complaintsQueueId = (Array.isArray(queues) ? queues : queues.items).find((q) => q.slug === 'complaints')!.id;
    const categories = (await admin.get('/categories')).body as { id: string; slug: string }[] | { items: { id: string; slug: string }[] };
    complaintCategoryId = (Array.isArray(categories) ? categories : categories.items).find((c) => c.slug === 'complaint-return')!.id;

    const created = await admin.post('/channels', {
      type: 'web_form',
      name: 'Kontakt',
      settings: {
        kind: 'contact',
        fields: [
          { name: 'name', label: { pl: 'Imię', en: 'Name' }, type: 'text', required: false },
          { name: 'email', label: { pl: 'E-mail', en: 'E-mail' }, type: 'email', required: true },
          { name: 'message', label: { pl: 'Wiadomość', en: 'Message' }, type: 'textarea', required: true },
          { name: 'orderNumber', label: { pl: 'Numer zamówienia', en: 'Order number' }, type: 'text', required: false },
          { name: 'topic', label: { pl: 'Sprawa', en: 'Topic' }, type: 'select', required: true, options: ['dostawa', 'płatność'] },
          { name: 'consent', label: { pl: 'Zgoda na kontakt', en: 'Consent' }, type: 'checkbox', required: true },
          { name: 'scan', label: { pl: 'Skan', en: 'Scan' }, type: 'file', required: false, maxFiles: 2, maxFileMb: 1 },
        ],
        allowedOrigins: ['https://sklep.example'],
        successMessage: { pl: 'Dziękujemy!', en: 'Thank you!' },
      },
    });
    expect(created.status).toBe(201);
    contact = created.body as Form;
    const preset = await admin.post('/channels', { type: 'web_form', name: 'Formularz reklamacyjny', settings: { kind: 'complaint', allowedOrigins: ['https://sklep.example'] } });
    expect(preset.status).toBe(201);
    complaint = preset.body as Form;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
    await dns?.close();
  });

  describe('forms as channels', () => {
    it('the complaint form is a preset: order, product, purchase date, defect, the four remedies, photos', () => {
      const fields = complaint.settings.fields as { name: string; type: string; required: boolean; options?: { value: string }[] }[];
      expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['orderNumber', 'product', 'purchaseDate', 'message', 'remedy', 'photos', 'email']));
      expect(fields.find((f) => f.name === 'remedy')!.options!.map((o) => o.value)).toEqual(['repair', 'replacement', 'price_reduction', 'refund']);
      expect(fields.find((f) => f.name === 'photos')!.type).toBe('file');
      expect(complaint.key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    });

    it('a form needs a required e-mail or phone field, known field types and real origins (400 naming each)', async () => {
      const noReach = await admin.post('/channels', {
        type: 'web_form', name: 'Zły', settings: { fields: [{ name: 'message', label: { pl: 'Treść' }, type: 'textarea', required: true }] },
      });
      expectFieldErrors(noReach, ['settings.fields']);
      const badType = await admin.post('/channels', {
        type: 'web_form', name: 'Zły', settings: { fields: [{ name: 'email', label: { pl: 'E-mail' }, type: 'colour', required: true }], allowedOrigins: ['sklep'] },
      });
      expectFieldErrors(badType, ['settings.fields.0.type', 'settings.allowedOrigins.0']);
    });
  });

  describe('the public definition', () => {
    it('comes in the requested language with a signed token and the difficulty; unknown keys are 404', async () => {
      const res = await request(product.baseUrl).get(`/api/public/forms/${contact.key}?lang=en`);
      expect(res.status).toBe(200);
      const def = res.body as Definition;
      expect(def).toMatchObject({ key: contact.key, kind: 'contact', language: 'en', difficulty: 12, honeypotField: 'website', successMessage: 'Thank you!' });
      expect(def.fields.find((f) => f.name === 'orderNumber')!.label).toBe('Order number');
      expect(def.token).toMatch(/^[A-Za-z0-9_-]{84}$/);
      const polish = (await request(product.baseUrl).get(`/api/public/forms/${contact.key}`).set('Accept-Language', 'pl-PL')).body as Definition;
      expect(polish.fields.find((f) => f.name === 'orderNumber')!.label).toBe('Numer zamówienia');
      expectError(await request(product.baseUrl).get('/api/public/forms/no-such-form-key-0000000000'), 404, 'FORM_NOT_FOUND');
    });

    it('pages of the allowed origins get CORS, others are refused (403)', async () => {
      const allowed = await request(product.baseUrl).get(`/api/public/forms/${contact.key}`).set('Origin', 'https://sklep.example');
      expect(allowed.status).toBe(200);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://sklep.example');
      const preflight = await request(product.baseUrl).options(`/api/public/forms/${contact.key}/submissions`).set('Origin', 'https://sklep.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
      const other = await request(product.baseUrl).get(`/api/public/forms/${contact.key}`).set('Origin', 'https://evil.example');
      expectError(other, 403, 'FORM_ORIGIN_NOT_ALLOWED');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      expectError(await submit(contact, { ...proof(contact) }).set('Origin', 'https://evil.example'), 403, 'FORM_ORIGIN_NOT_ALLOWED');
    });
  });

  describe('submissions', () => {
    const valid = { name: 'Anna Nowak', email: 'anna@klient.test', message: 'Paczka nie dotarła.\nProszę o pomoc.', orderNumber: 'ZAM-4521', topic: 'dostawa', consent: true };

    it('a valid contact submission is a ticket on the form channel with the fields as a table, and a confirmation mail with the status link', async () => {
      const res = await submit(contact, { ...valid, ...proof(contact) });
      expect(res.status).toBe(201);
      const body = res.body as { ticketNumber: string; statusUrl: string; message: string };
      expect(body).toMatchObject({ ticketNumber: expect.stringMatching(/^\d{4}-\d{6}$/), statusUrl: expect.stringMatching(/\/s\/[A-Za-z0-9_-]{43}$/), message: 'Dziękujemy!' });
      const t = await ticket(body.ticketNumber);
      expect(t).toMatchObject({ subject: 'Paczka nie dotarła.', channel: 'web_form', customer: { email: 'anna@klient.test', name: 'Anna Nowak' } });
      expect(t.sla.statutoryDueAt).toBeNull();
      expect(t.messages[0].channel?.type).toBe('web_form');
      expect(t.messages[0].bodyText).toContain('Numer zamówienia: ZAM-4521');
      expect(t.messages[0].bodyText).toContain('Sprawa: dostawa');
      const mail = await waitFor(() => sink.messages.find((m) => m.to.includes('anna@klient.test')), { description: 'the confirmation mail' });
      expect(mail.subject).toContain(body.ticketNumber);
      expect(mail.text).toContain(statusTokenOf(body.statusUrl));
    });

    it('a complaint with photos (multipart) goes to the complaints queue and category and starts the 14-day statutory deadline', async () => {
      const { token, nonce } = proof(complaint);
      const res = await request(product.baseUrl)
        .post(`/api/public/forms/${complaint.key}/submissions`)
        .set('X-Forwarded-For', `198.51.100.${++ip}`)
        .field({ name: 'Jan Kowalski', email: 'jan@klient.test', orderNumber: 'ZAM-77', product: 'Rower Kross', purchaseDate: '2026-11-02', message: 'Pęknięta rama', remedy: 'replacement', token, nonce })
        .attach('photos', PNG, { filename: 'rama.png', contentType: 'image/png' })
        .attach('photos', Buffer.concat([PNG, Buffer.from('x')]), { filename: 'rama-2.png', contentType: 'image/png' });
      expect(res.status).toBe(201);
      const t = await ticket((res.body as { ticketNumber: string }).ticketNumber);
      expect(t).toMatchObject({ queueId: complaintsQueueId, categoryId: complaintCategoryId, subject: 'Reklamacja: ZAM-77 – Rower Kross' });
      expect(new Date(t.sla.statutoryDueAt!).getTime() - new Date(t.createdAt).getTime()).toBe(14 * 86_400_000);
      expect(t.messages[0].attachments.map((a) => [a.filename, a.contentType])).toEqual([['rama.png', 'image/png'], ['rama-2.png', 'image/png']]);
      expect(t.messages[0].bodyText).toContain('Czego Pan/Pani żąda: Wymiana na nowy');
      const preview = await admin.post('/templates/preview', { body: 'Reklamacja zamówienia {{form.orderNumber}}: {{form.remedy}}', ticketId: t.id });
      expect(preview.status).toBe(200);
      expect((preview.body as { body: string }).body).toBe('Reklamacja zamówienia ZAM-77: Wymiana na nowy');
      const data = await admin.get(`/tickets/${t.id}/form-data`);
      expect(data.status).toBe(200);
      expect(data.body).toMatchObject({ kind: 'complaint' });
      expect((data.body as { rows: { name: string; label: string; value: string }[] }).rows).toEqual(expect.arrayContaining([
        { name: 'orderNumber', label: 'Numer zamówienia', labelEn: 'Order number', value: 'ZAM-77' },
        { name: 'remedy', label: 'Czego Pan/Pani żąda', labelEn: 'What you ask for', value: 'Wymiana na nowy' },
      ]));
    });

    it('validation errors name each field in the form\'s language', async () => {
      const polish = await submit(contact, { email: 'nie-adres', topic: 'inne', ...proof(contact) });
      expectFieldErrors(polish, ['email', 'message', 'topic', 'consent']);
      expect(JSON.stringify(polish.body)).toContain('„Wiadomość” jest wymagane');
      const english = await submit(contact, { ...valid, message: '', lang: 'en', ...proof(contact) });
      expectFieldErrors(english, ['message']);
      expect((english.body as { message: string }).message).toContain('"Message" is required');
      const future = await submit(complaint, {
        name: 'Jan', email: 'jan@klient.test', orderNumber: '1', product: 'P', purchaseDate: '2999-01-01', message: 'x', remedy: 'cash', ...proof(complaint),
      });
      expectFieldErrors(future, ['purchaseDate', 'remedy']);
    });

    it('an e-mail domain without MX or A records is refused (400 naming the field)', async () => {
      expectFieldErrors(await submit(contact, { ...valid, email: 'anna@nie-ma-takiej-domeny.test', ...proof(contact) }), ['email']);
      expect(dns.queries).toEqual(expect.arrayContaining(['MX nie-ma-takiej-domeny.test']));
    });

    it('executables, HTML, too many and too large files are refused', async () => {
      const send = (files: [string, Buffer][]) => {
        const { token, nonce } = proof(contact);
        let req = request(product.baseUrl).post(`/api/public/forms/${contact.key}/submissions`).set('X-Forwarded-For', `198.51.100.${++ip}`)
          .field({ email: 'anna@klient.test', message: 'pliki', topic: 'dostawa', consent: 'true', token, nonce });
        for (const [name, content] of files) req = req.attach('scan', content, { filename: name, contentType: 'application/octet-stream' });
        return req;
      };
      expectFieldErrors(await send([['faktura.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)])]]), ['scan']);
      expectFieldErrors(await send([['strona.txt', Buffer.from('<html><script>alert(1)</script></html>')]]), ['scan']);
      expectFieldErrors(await send([['a.png', PNG], ['b.png', PNG], ['c.png', PNG]]), ['scan']);
      expectFieldErrors(await send([['duze.png', Buffer.concat([PNG, Buffer.alloc(1_100_000)])]]), ['scan']);
      expect((await send([['skan.pdf', Buffer.from('%PDF-1.4\n%test\n')]])).status).toBe(201);
    });
  });

  describe('spam', () => {
    it('a missing, forged or expired token, a reused one and a wrong proof of work are refused (400 token / nonce)', async () => {
      const body = { email: 'anna@klient.test', message: 'x', topic: 'dostawa', consent: true };
      expectFieldErrors(await submit(contact, body), ['token']);
      const { token, nonce } = proof(contact);
      expectFieldErrors(await submit(contact, { ...body, token: token.slice(0, -2) + (token.endsWith('AA') ? 'BA' : 'AA'), nonce }), ['token']);
      expectFieldErrors(await submit(contact, { ...body, ...proof(complaint) }), ['token']);
      expectFieldErrors(await submit(contact, { ...body, ...proof(contact, 2 * 86_400_000) }), ['token']);
      const hard = signFormToken(key, contact.id, new Date(Date.now() - 10_000), 16);
      expectFieldErrors(await submit(contact, { ...body, token: hard, nonce: solveFormProof(hard, 4) === solveFormProof(hard, 16) ? 'x' : solveFormProof(hard, 4) }), ['nonce']);
      expect((await submit(contact, { ...body, token, nonce })).status).toBe(201);
      expectFieldErrors(await submit(contact, { ...body, token, nonce }), ['token']);
    });

    it('a filled honeypot and a submission seconds after its token are kept as spam, answered as any other; "not spam" files them', async () => {
      const honeypot = await submit(contact, { ...{ email: 'bot@klient.test', message: 'Buy now', topic: 'dostawa', consent: true }, website: 'http://spam', ...proof(contact) });
      expect(honeypot.status).toBe(201);
      expect(honeypot.body).toEqual({ ticketNumber: null, statusUrl: null, message: 'Dziękujemy!' });
      const def = (await request(product.baseUrl).get(`/api/public/forms/${complaint.key}`)).body as Definition;
      const fast = await submit(complaint, {
        name: 'Szybki', email: 'szybki@klient.test', orderNumber: 'Z-1', product: 'P', purchaseDate: '2026-01-02', message: 'x', remedy: 'repair',
        token: def.token, nonce: solveFormProof(def.token, def.difficulty),
      });
      expect(fast.status).toBe(201);
      expect((fast.body as { ticketNumber: null }).ticketNumber).toBeNull();

      const spam = await admin.get('/form-submissions?state=spam');
      expect(spam.status).toBe(200);
      const items = (spam.body as { items: { id: string; email: string; spamReasons: string[]; state: string }[] }).items;
      expect(items.find((s) => s.email === 'bot@klient.test')).toMatchObject({ state: 'spam', spamReasons: ['honeypot'] });
      const slow = items.find((s) => s.email === 'szybki@klient.test')!;
      expect(slow.spamReasons).toEqual(['too_fast']);

      const filed = await admin.post(`/form-submissions/${slow.id}/not-spam`);
      expect(filed.status).toBe(200);
      expect(filed.body).toMatchObject({ state: 'filed', ticketNumber: expect.stringMatching(/^\d{4}-\d{6}$/) });
      const t = await ticket((filed.body as { ticketNumber: string }).ticketNumber);
      expect(t).toMatchObject({ queueId: complaintsQueueId, categoryId: complaintCategoryId });
      expect(((await admin.get('/form-submissions?state=spam')).body as { items: { id: string }[] }).items.map((s) => s.id)).not.toContain(slow.id);
    });

    it('a submission kept as spam keeps its files; "not spam" files them on the ticket in their order', async () => {
      const { token, nonce } = proof(complaint, 1_000);
      const res = await request(product.baseUrl).post(`/api/public/forms/${complaint.key}/submissions`).set('X-Forwarded-For', `198.51.100.${++ip}`)
        .field({ name: 'Pośpiech', email: 'pospiech@klient.test', orderNumber: 'ZAM-5', product: 'Dzwonek', purchaseDate: '2026-10-01', message: 'Nie dzwoni', remedy: 'repair', token, nonce })
        .attach('photos', PNG, { filename: 'pierwsze.png', contentType: 'image/png' })
        .attach('photos', Buffer.concat([PNG, Buffer.from('y')]), { filename: 'drugie.png', contentType: 'image/png' });
      expect(res.body).toMatchObject({ ticketNumber: null });
      const kept = ((await admin.get('/form-submissions?state=spam&limit=200')).body as { items: { id: string; email: string }[] }).items.find((s) => s.email === 'pospiech@klient.test')!;
      const filed = await admin.post(`/form-submissions/${kept.id}/not-spam`);
      expect(filed.status).toBe(200);
      const t = await ticket((filed.body as { ticketNumber: string }).ticketNumber);
      expect(t.messages[0].attachments.map((a) => a.filename)).toEqual(['pierwsze.png', 'drugie.png']);
    });

    it('rate limits: per client address (429 with Retry-After), per e-mail (kept as spam), per form (429, and the proof of work grows)', async () => {
      const from = '203.0.113.7';
      const body = { email: 'limit@klient.test', message: 'x', topic: 'dostawa', consent: true };
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push((await submit(contact, { ...body, email: `limit${i}@klient.test`, ...proof(contact) }, from)).status);
      expect(answers).toEqual([201, 201, 201, 201, 429]);
      const limited = await submit(contact, { ...body, ...proof(contact) }, from);
      expectError(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      const perEmail = [];
      for (let i = 0; i < 4; i++) perEmail.push((await submit(contact, { ...body, email: 'powtarzam@klient.test', ...proof(contact) })).body as { ticketNumber: string | null });
      expect(perEmail.map((b) => b.ticketNumber !== null)).toEqual([true, true, true, false]);
      const kept = ((await admin.get('/form-submissions?state=spam&limit=200')).body as { items: { email: string; spamReasons: string[] }[] }).items;
      expect(kept.find((s) => s.email === 'powtarzam@klient.test')?.spamReasons).toEqual(['email_rate']);

      const flood = await admin.post('/channels', { type: 'web_form', name: 'Zalewany', settings: { kind: 'contact' } });
      const floodForm = flood.body as Form;
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await submit(floodForm, { email: 'x' })).status);
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429]);
      const def = (await request(product.baseUrl).get(`/api/public/forms/${floodForm.key}`)).body as Definition;
      expect(def.difficulty).toBeGreaterThan(12);
    });
  });

  describe("the customer's status page", () => {
    let number: string;
    let ticketId: string;
    let statusToken: string;

    beforeAll(async () => {
      const res = await submit(contact, {
        name: 'Ola', email: 'ola@klient.test', message: 'Gdzie moja paczka?', topic: 'dostawa', consent: 'on', lang: 'en', ...proof(contact),
      });
      expect(res.status).toBe(201);
      number = (res.body as { ticketNumber: string }).ticketNumber;
      statusToken = statusTokenOf((res.body as { statusUrl: string }).statusUrl);
      ticketId = (await ticket(number)).id;
    });

    it('shows number, status, expected response and the conversation, never internal notes; the agent\'s reply goes by e-mail and shows', async () => {
      expect((await admin.post(`/tickets/${ticketId}/messages`, { type: 'note', body: 'Tajna notatka zespołu' })).status).toBe(201);
      expect((await admin.post(`/tickets/${ticketId}/messages`, { type: 'reply', body: 'Paczka jest w drodze.' })).status).toBe(201);
      const reply = await waitFor(() => sink.messages.find((m) => m.to.includes('ola@klient.test') && m.text.includes('Paczka jest w drodze.')), {
        description: "the agent's reply by e-mail",
      });
      expect(reply.subject).toContain(number);
      const res = await request(product.baseUrl).get(`/api/public/tickets/${statusToken}`);
      expect(res.status).toBe(200);
      const view = res.body as { ticketNumber: string; status: string; language: string; messages: { from: string; text: string }[] };
      expect(view).toMatchObject({ ticketNumber: number, language: 'en' });
      expect(view.messages.map((m) => m.from)).toEqual(expect.arrayContaining(['customer', 'team']));
      expect(view.messages.some((m) => m.text.includes('Paczka jest w drodze.'))).toBe(true);
      expect(JSON.stringify(view)).not.toContain('Tajna notatka');

      const page = await request(product.baseUrl).get(`/s/${statusToken}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain(number);
      expect(page.text).toContain('Paczka jest w drodze.');
      expect(page.text).not.toContain('Tajna notatka');
    });

    it('the customer adds a message (JSON, or multipart with a photo, or the page\'s own form): a customer message on the web channel', async () => {
      const json = await request(product.baseUrl).post(`/api/public/tickets/${statusToken}/messages`).send({ text: 'Dziękuję, czekam.' });
      expect(json.status).toBe(201);
      const multipart = await request(product.baseUrl).post(`/api/public/tickets/${statusToken}/messages`).field('text', 'Zdjęcie etykiety')
        .attach('files', PNG, { filename: 'etykieta.png', contentType: 'image/png' });
      expect(multipart.status).toBe(201);
      const page = await request(product.baseUrl).post(`/s/${statusToken}`).field('text', 'Z formularza strony');
      expect(page.status).toBe(303);
      expectFieldErrors(await request(product.baseUrl).post(`/api/public/tickets/${statusToken}/messages`).send({ text: '  ' }), ['text']);
      const t = await ticket(number);
      const inbound = t.messages.filter((m) => m.direction === 'inbound');
      expect(inbound.map((m) => m.bodyText)).toEqual(expect.arrayContaining(['Dziękuję, czekam.', 'Zdjęcie etykiety', 'Z formularza strony']));
      expect(inbound.every((m) => m.channel?.type === 'web_form')).toBe(true);
      expect(inbound.find((m) => m.bodyText === 'Zdjęcie etykiety')!.attachments.map((a) => a.filename)).toEqual(['etykieta.png']);
      const view = (await request(product.baseUrl).get(`/api/public/tickets/${statusToken}`)).body as { messages: { attachments: { id: string }[] }[] };
      const file = view.messages.flatMap((m) => m.attachments)[0];
      const download = await request(product.baseUrl).get(`/api/public/tickets/${statusToken}/attachments/${file.id}`);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
    });

    it('unknown tokens are 404; a revoked link is 410; a new link works; a closed ticket\'s link expires after the configured days', async () => {
      expectError(await request(product.baseUrl).get(`/api/public/tickets/${'A'.repeat(43)}`), 404, 'STATUS_LINK_NOT_FOUND');
      expect((await admin.delete(`/tickets/${ticketId}/status-link`)).status).toBe(204);
      expectError(await request(product.baseUrl).get(`/api/public/tickets/${statusToken}`), 410, 'STATUS_LINK_GONE');
      expectError(await request(product.baseUrl).post(`/api/public/tickets/${statusToken}/messages`).send({ text: 'hej' }), 410, 'STATUS_LINK_GONE');
      expect((await request(product.baseUrl).get(`/s/${statusToken}`)).status).toBe(410);
      const fresh = await admin.post(`/tickets/${ticketId}/status-link`);
      expect(fresh.status).toBe(201);
      const freshToken = statusTokenOf((fresh.body as { url: string }).url);
      expect((await request(product.baseUrl).get(`/api/public/tickets/${freshToken}`)).status).toBe(200);
      expect((await admin.patch(`/tickets/${ticketId}`, { status: 'closed' })).status).toBe(200);
      expectError(await request(product.baseUrl).get(`/api/public/tickets/${freshToken}`), 410, 'STATUS_LINK_GONE');
    });
  });

  describe('the hosted page and the embed script', () => {
    it('/f/{key} is a page with the form; /f/{key}.js is a script under 12 KB gzipped that renders into data-okienko-form', async () => {
      const page = await request(product.baseUrl).get(`/f/${contact.key}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`data-okienko-form="${contact.key}"`);
      expect(page.text).toContain(`/f/${contact.key}.js`);
      const script = await request(product.baseUrl).get(`/f/${contact.key}.js`);
      expect(script.status).toBe(200);
      expect(script.headers['content-type']).toMatch(/^text\/javascript/);
      expect(script.text).toContain('attachShadow');
      expect(gzipSync(script.text).length).toBeLessThan(12 * 1024);
      expect((await request(product.baseUrl).get('/f/no-such-form-key-0000000000.js')).status).toBe(404);
    });
  });

  describe('the status link and form values in mails', () => {
    const linkIn = (text: string) => /https?:\/\/\S+\/s\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

    it("a mail ticket's acknowledgement with {{ticket.statusUrl}} links the status page; a message added there joins the ticket; a template reply repeats the link", async () => {
      const address = await admin.post('/inbound-addresses', {
        address: 'pomoc@sklep.test', acknowledgementSubject: 'Zgłoszenie {{ticket.number}}', acknowledgementBody: 'Zgłoszenie {{ticket.number}}.\nStan sprawy: {{ticket.statusUrl}}',
      });
      expect(address.status).toBe(201);
      const mail = composeMail({ from: 'marek@klient.test', fromName: 'Marek', to: 'pomoc@sklep.test', subject: 'Zepsuty zamek', body: 'Zamek w drzwiach się zaciął.' });
      await sendRaw(product.smtpPort!, { from: 'marek@klient.test', to: ['pomoc@sklep.test'], raw: mail.raw });
      const ack = await waitFor(() => sink.messages.find((m) => m.to.includes('marek@klient.test') && m.text.includes('Stan sprawy')), { description: 'the acknowledgement' });
      const number = /Zgłoszenie (\d{4}-\d{6})/.exec(ack.text)![1];
      const token = linkIn(ack.text)!;
      expect(token).toBeDefined();
      const page = await request(product.baseUrl).get(`/s/${token}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(number);
      expect(page.text).toContain('Zamek w drzwiach się zaciął.');

      expect((await request(product.baseUrl).post(`/api/public/tickets/${token}/messages`).send({ text: 'Dodaję numer drzwi: 12B' })).status).toBe(201);
      const t = await ticket(number);
      expect(t.messages.filter((m) => m.direction === 'inbound').map((m) => m.bodyText)).toEqual(expect.arrayContaining(['Dodaję numer drzwi: 12B']));

      const template = await admin.post('/templates', { title: 'Link do sprawy', body: 'Postęp sprawy zobaczy Pan tutaj: {{ticket.statusUrl}}' });
      expect(template.status).toBe(201);
      expect((await admin.post(`/tickets/${t.id}/messages`, { type: 'reply', templateId: (template.body as { id: string }).id })).status).toBe(201);
      const reply = await waitFor(() => sink.messages.find((m) => m.to.includes('marek@klient.test') && m.text.includes('Postęp sprawy')), { description: 'the reply with the link' });
      expect(linkIn(reply.text)).toBe(token);

      // A preview shows the ticket's live link, and on a ticket without one where it will be, making none.
      const templateId = (template.body as { id: string }).id;
      const previewOn = async (ticketId: string) => ((await admin.post('/templates/preview', { templateId, ticketId })).body as { body: string }).body;
      expect(linkIn(await previewOn(t.id))).toBe(token);
      const other = (await admin.post('/tickets', { subject: 'Bez linku', customer: { email: 'ola@klient.test' }, message: { body: 'Pytanie.' } })).body as { id: string };
      expect(await previewOn(other.id)).toContain('/s/…');
      expect(await previewOn(other.id)).toContain('/s/…');
      expect((await admin.post(`/tickets/${other.id}/messages`, { type: 'reply', templateId })).status).toBe(201);
      const sent = await waitFor(() => sink.messages.find((m) => m.to.includes('ola@klient.test') && m.text.includes('Postęp sprawy')), { description: 'the reply to Ola' });
      expect(linkIn(await previewOn(other.id))).toBe(linkIn(sent.text));
    });

    it('{{form.<name>}} takes any field of the form in templates; a rule with a form.<name> condition answers the matching new form tickets', async () => {
      expectFieldErrors(await admin.post('/templates', { title: 'Zły', body: '{{form.product.name}}' }), ['body'], 'TEMPLATE_INVALID_PLACEHOLDER');
      const form = (await admin.post('/channels', {
        type: 'web_form', name: 'Płatności', settings: {
          kind: 'contact',
          fields: [
            { name: 'email', label: { pl: 'E-mail', en: 'E-mail' }, type: 'email', required: true },
            { name: 'message', label: { pl: 'Wiadomość', en: 'Message' }, type: 'textarea', required: true },
            { name: 'invoiceNumber', label: { pl: 'Numer faktury', en: 'Invoice number' }, type: 'text', required: true },
            { name: 'method', label: { pl: 'Sposób płatności', en: 'Payment method' }, type: 'select', required: true, options: ['BLIK', 'przelew'] },
            { name: 'paid', label: { pl: 'Opłacone', en: 'Paid' }, type: 'checkbox', required: false },
          ],
        },
      })).body as Form;
      const template = await admin.post('/templates', {
        title: 'Płatność przyjęta', body: 'Faktura {{form.invoiceNumber}} ({{form.method}}), opłacone: {{form.paid}}\nProdukt: {{form.productName}}\nStan: {{ticket.statusUrl}}',
      });
      expect(template.status).toBe(201);
      const rule = await admin.post('/rules', {
        name: 'Płatności BLIK: odpowiedź', enabled: true, trigger: 'ticket_created',
        conditions: { match: 'all', conditions: [{ field: 'form.method', operator: 'is', value: 'BLIK' }] },
        actions: [{ type: 'reply_with_template', templateId: (template.body as { id: string }).id }],
      });
      expect(rule.status).toBe(201);
      try {
        const res = await submit(form, { email: 'blik@klient.test', message: 'Zapłaciłem dwa razy.', invoiceNumber: 'FV/12/2026', method: 'BLIK', paid: true, ...proof(form) });
        expect(res.status).toBe(201);
        const { ticketNumber, statusUrl } = res.body as { ticketNumber: string; statusUrl: string };
        const answer = await waitFor(() => sink.messages.find((m) => m.to.includes('blik@klient.test') && m.text.includes('Faktura')), { description: "the rule's answer" });
        expect(answer.text).toContain('Faktura FV/12/2026 (BLIK), opłacone: tak');
        expect(answer.text).not.toContain('Produkt:');
        // The rule's answer made the ticket's status link; the confirmation and the public answer repeat it.
        expect(linkIn(answer.text)).toBe(statusTokenOf(statusUrl));
        expect((await request(product.baseUrl).get(`/api/public/tickets/${statusTokenOf(statusUrl)}`)).body).toMatchObject({ ticketNumber });
        const t = await ticket(ticketNumber);
        const preview = await admin.post('/templates/preview', { body: '{{form.invoiceNumber}}: {{form.method}}', ticketId: t.id });
        expect((preview.body as { body: string }).body).toBe('FV/12/2026: BLIK');

        // The message itself names BLIK, but the form's value is przelew: the rule does not answer.
        const other = await submit(form, { email: 'przelew@klient.test', message: 'Pytanie o BLIK', invoiceNumber: 'FV/13/2026', method: 'przelew', ...proof(form) });
        expect(other.status).toBe(201);
        await waitFor(() => sink.messages.find((m) => m.to.includes('przelew@klient.test')), { description: 'the confirmation' });
        expect(sink.messages.some((m) => m.to.includes('przelew@klient.test') && m.text.includes('Faktura'))).toBe(false);
      } finally {
        await admin.delete(`/rules/${(rule.body as { id: string }).id}`);
      }
    });
  });
});
