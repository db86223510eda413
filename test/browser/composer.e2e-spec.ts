import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { asAdmin, createUser, type ApiClient } from '../support/api-client.js';
import { launchBrowser, seriousAccessibilityProblems } from '../support/browser.js';
import { closePanelAfterTests, PANEL_WAIT_MS, panelSessions } from '../support/panel-session.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// An agent opens a ticket for a phone call with the keyboard, answers the
// customer with a file and a copy, and finds a draft again after a reload.

jest.setTimeout(120_000);

describe('agent panel: new ticket and the composer', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let browser: Browser;
  let admin: ApiClient;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'sklep.test' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
    // A customer known by phone and e-mail, found by typing the number.
    const known = await admin.post('/customers', { name: 'Tomasz Wójcik', email: 'tomasz.wojcik@example.pl', phones: ['+48 601 222 333'] });
    expect(known.status).toBe(201);
  }, 90_000);

  closePanelAfterTests(sessions, () => [browser, product, sink]);

  it('opens a phone ticket with the shortcut, replies with an attachment and a Cc; the mail reaches the customer and the copy', async () => {
    const page = await sessions.loggedIn('/');
    expect(await page.getByRole('button', { name: /Nowe zgłoszenie/ }).getAttribute('title')).toBe('Skrót: C lub Alt+N');
    await page.keyboard.press('Alt+KeyN');
    const dialog = page.getByRole('dialog', { name: 'Nowe zgłoszenie' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Kanał').inputValue()).toBe('phone');
    await dialog.getByLabel('Szukaj klienta (imię, e-mail, telefon)').fill('601 222 333');
    await dialog.getByRole('button', { name: /Tomasz Wójcik/ }).click();
    await dialog.getByText('Wybrany klient: Tomasz Wójcik').waitFor();
    await dialog.getByLabel('Temat').fill('Telefon: rower trzeszczy');
    await dialog.getByLabel('Treść').fill('Klient dzwonił: rama trzeszczy przy hamowaniu.');
    const axeDialog = await seriousAccessibilityProblems(page);
    expect(axeDialog).toEqual([]);
    await dialog.getByRole('button', { name: 'Utwórz zgłoszenie' }).click();
    await page.waitForURL(/\/tickets\/\d{4}-\d{6}/);
    await page.getByText('Klient dzwonił: rama trzeszczy przy hamowaniu.').waitFor();
    const number = page.url().split('/tickets/')[1]!;
    const ticket = (await admin.get(`/tickets/${number}`)).body as { channel: string; assigneeId: string | null; messages: { direction: string }[] };
    expect(ticket.channel).toBe('phone');
    // Assigned to the agent who took the call.
    expect(ticket.assigneeId).toBe(((await admin.get('/auth/me')).body as { id: string }).id);
    expect(ticket.messages.map((m) => m.direction)).toEqual(['inbound']);

    // The reply goes by e-mail to the customer's address, To filled in.
    await page.getByRole('list', { name: 'Do' }).getByText('tomasz.wojcik@example.pl').waitFor();
    await page.getByRole('button', { name: 'Dodaj DW' }).click();
    const cc = page.getByRole('textbox', { name: 'DW', exact: true });
    await cc.fill('ksiegowosc@wojcik.example.pl');
    await cc.press('Enter');
    await page.getByRole('list', { name: 'DW' }).getByText('ksiegowosc@wojcik.example.pl').waitFor();
    await page.locator('.reply input[type="file"]').setInputFiles({ name: 'protokol.txt', mimeType: 'text/plain', buffer: Buffer.from('Protokół serwisowy') });
    await page.getByRole('list', { name: 'Załączniki odpowiedzi' }).getByText('protokol.txt').waitFor();
    const body = 'Dzień dobry, zapraszamy rower do serwisu, protokół w załączniku.';
    await page.getByLabel('Treść', { exact: true }).fill(body);
    const axeComposer = await seriousAccessibilityProblems(page);
    expect(axeComposer).toEqual([]);
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();

    const mail = await sink.waitFor((m) => m.text.includes(body), PANEL_WAIT_MS);
    expect(mail.envelope.rcptTo.sort()).toEqual(['ksiegowosc@wojcik.example.pl', 'tomasz.wojcik@example.pl']);
    expect(mail.header('Cc')).toContain('ksiegowosc@wojcik.example.pl');
    expect(mail.parsed.attachments.map((a) => a.filename)).toEqual(['protokol.txt']);
    // The thread shows the copy on the reply.
    await page.getByText('DW: ksiegowosc@wojcik.example.pl').waitFor();
  });

  it('a draft survives a reload and another browser, and a colleague sees that it exists', async () => {
    const anna = await createUser(product, admin, { email: 'anna@sklep.test', name: 'Anna Nowak', role: 'admin' });
    const created = await admin.post('/tickets', {
      subject: 'Zwrot kasku', channel: 'email', customer: { email: 'ola@example.pl', name: 'Ola Lis' }, message: { body: 'Chcę zwrócić kask.' },
    });
    const number = (created.body as { number: string }).number;
    const page = await sessions.loggedIn(`/tickets/${number}`, { email: anna.email, password: anna.password });
    const text = 'Dzień dobry, prosimy odesłać kask na adres sklepu.';
    await page.getByLabel('Treść', { exact: true }).fill(text);
    await page.getByText('Szkic zapisany').waitFor();
    await page.reload();
    await page.getByText('Przywrócono zapisany szkic').waitFor();
    expect(await page.getByLabel('Treść', { exact: true }).inputValue()).toBe(text);

    // Another browser: the admin sees Anna's draft as a collision warning.
    const other = await sessions.loggedIn(`/tickets/${number}`);
    await other.getByText('Anna Nowak pisze odpowiedź (szkic)').waitFor();
    await waitFor(async () => ((await admin.get(`/tickets/${number}/draft`)).body as { colleagues: unknown[] }).colleagues.length === 1 || null, {
      description: "the colleague's draft",
    });
  });

  it('in English: an outbound mail opens a ticket with C, and a formatted reply goes out as HTML with a text part', async () => {
    const page = await sessions.loggedIn('/');
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: /New ticket/ }).waitFor();
    await page.locator('body').press('c');
    const dialog = page.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByLabel('Channel').selectOption('email');
    expect(await dialog.getByLabel('Mail to the customer (sent now)').isChecked()).toBe(true);
    await dialog.getByLabel('E-mail', { exact: true }).fill('nina.kowal@example.pl');
    await dialog.getByLabel('Name', { exact: true }).fill('Nina Kowal');
    await dialog.getByLabel('Subject', { exact: true }).fill('Your order 9001');
    await dialog.getByLabel('Message', { exact: true }).fill('Hello Nina, your bike is ready for pickup.');
    await dialog.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL(/\/tickets\/\d{4}-\d{6}/);
    const opening = await sink.waitFor((m) => m.text.includes('your bike is ready for pickup'), PANEL_WAIT_MS);
    expect(opening.envelope.rcptTo).toEqual(['nina.kowal@example.pl']);

    // A follow-up with formatting: bold text reaches the mail's HTML part, the same words its text part.
    const number = page.url().split('/tickets/')[1]!;
    const ticket = (await admin.get(`/tickets/${number}`)).body as { id: string };
    await page.getByLabel('Formatting').check();
    const box = page.getByRole('textbox', { name: 'Text', exact: true });
    await box.click();
    await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).click();
    await page.keyboard.type('Opening hours');
    await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).click();
    await page.keyboard.type(': 9 to 17.');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send reply' }).click();
    const reply = await sink.waitFor((m) => m.text.includes('Opening hours: 9 to 17.'), PANEL_WAIT_MS);
    expect(String(reply.parsed.html)).toMatch(/<b>Opening hours<\/b>: 9 to 17\./);
    const sent = (await admin.get(`/tickets/${ticket.id}`)).body as { messages: { bodyHtml: string | null }[] };
    expect(sent.messages.at(-1)?.bodyHtml).toContain('<b>Opening hours</b>');
  });
});
