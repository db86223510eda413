import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, newSession, seriousAccessibilityProblems } from '../support/browser.js';
import { panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// A shop's own page on another origin embeds the complaint form with one
// script tag; a customer fills it in and attaches a photo in Chromium, follows
// the status link and adds a message by keyboard alone. axe finds no serious
// problem on the hosted form or the status page. An admin adds a contact form
// and the complaint preset in the panel and takes each one's key and code.

jest.setTimeout(120_000);

// A 2×2 PNG: the photo of the broken frame.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC', 'base64');

interface Ticket {
  queueId: string | null;
  sla: { statutoryDueAt: string | null };
  messages: { direction: string; bodyText: string; attachments: { filename: string }[] }[];
}

describe('web forms in a browser', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let shop: Server;
  let shopOrigin: string;
  let form: { id: string; key: string };
  const sessions = panelSessions(() => browser, () => product);

  beforeAll(async () => {
    // The shop's page: its own (hostile) CSS, the form's div and the script tag, served on an origin of its own.
    // `?key=` embeds another form (one an admin added in the panel).
    shop = createServer((request, response) => {
      const key = new URL(request.url ?? '/', 'http://shop').searchParams.get('key') ?? form.key;
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Sklep rowerowy</title>` +
          `<style>*{color:#f0f !important;font-size:40px !important} input,button{display:none !important}</style></head>` +
          `<body><h1>Reklamacje</h1><div data-okienko-form="${key}"></div><script src="${product.baseUrl}/f/${key}.js"></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopOrigin = `http://localhost:${(shop.address() as AddressInfo).port}`;
    product = await startProduct({ FORMS_CHECK_EMAIL_DOMAIN: 'off' });
    admin = await asAdmin(product);
    const created = await admin.post('/channels', {
      type: 'web_form', name: 'Formularz reklamacyjny', settings: { kind: 'complaint', allowedOrigins: [shopOrigin] },
    });
    expect(created.status).toBe(201);
    form = created.body as { id: string; key: string };
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await new Promise((resolve) => shop?.close(resolve));
  });

  it('a complaint with a photo sent from the shop\'s page, followed on the status page by keyboard', async () => {
    const { context, page, pageErrors } = await newSession(browser, shopOrigin);
    await page.goto('/');
    const host = page.locator(`[data-okienko-form="${form.key}"]`);
    await host.getByLabel('Imię i nazwisko').fill('Jan Kowalski');
    // The shop's CSS hides its own inputs and buttons; the form's, in its shadow root, stay visible.
    await expect(host.getByLabel('Adres e-mail').isVisible()).resolves.toBe(true);
    await host.getByLabel('Adres e-mail').fill('jan@klient.test');
    await host.getByLabel('Numer zamówienia').fill('ZAM-4521');
    await host.getByLabel('Produkt').fill('Rower Kross Esker');
    await host.getByLabel('Data zakupu').fill('2026-11-02');
    await host.getByLabel('Na czym polega wada').fill('Pęknięta rama po tygodniu jazdy.');
    await host.getByLabel('Czego Pan/Pani żąda').selectOption('replacement');
    await host.getByLabel('Zdjęcia').setInputFiles({ name: 'rama.png', mimeType: 'image/png', buffer: PHOTO });
    await host.getByRole('button', { name: 'Wyślij' }).click();

    const statusLink = host.getByRole('link', { name: 'Sprawdź stan sprawy' });
    await statusLink.waitFor({ timeout: 15_000 });
    const number = (await host.getByText(/Numer zgłoszenia: /).textContent())!.replace('Numer zgłoszenia: ', '').trim();
    const ticket = (await admin.get(`/tickets/${number}`)).body as Ticket;
    expect(ticket.sla.statutoryDueAt).not.toBeNull();
    expect(ticket.messages[0].attachments.map((a) => a.filename)).toEqual(['rama.png']);
    expect(ticket.messages[0].bodyText).toContain('Numer zamówienia: ZAM-4521');

    await page.goto((await statusLink.getAttribute('href'))!);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Reklamacja: ZAM-4521');
    await expect(page.getByText(number).first().isVisible()).resolves.toBe(true);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Keyboard alone: to the message box, type, on to the button, Enter.
    await page.locator('body').focus();
    for (let i = 0; i < 20 && !(await page.evaluate("document.activeElement?.id === 'text'")); i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Dosyłam numer ramy: WX123.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Wiadomość została dodana.').waitFor();
    await expect(page.getByText('Dosyłam numer ramy: WX123.').isVisible()).resolves.toBe(true);
    await waitFor(async () => {
      const after = (await admin.get(`/tickets/${number}`)).body as Ticket;
      return after.messages.some((m) => m.direction === 'inbound' && m.bodyText === 'Dosyłam numer ramy: WX123.');
    }, { description: 'the message from the status page on the ticket' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the hosted form page has no serious accessibility problem', async () => {
    const { context, page } = await newSession(browser, product.baseUrl);
    await page.goto(`/f/${form.key}`);
    await page.getByLabel('Numer zamówienia').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it("an admin adds a contact form and the complaint preset in the panel and sees each one's key and code; the contact form embedded on the shop files a ticket", async () => {
    const page = await sessions.loggedIn('/admin/forms');
    await page.getByRole('heading', { name: 'Formularze WWW', level: 1 }).waitFor();
    const add = async (name: string, kind: 'contact' | 'complaint') => {
      await page.getByLabel('Nazwa', { exact: true }).fill(name);
      await page.getByLabel('Rodzaj', { exact: true }).selectOption(kind);
      await page.getByLabel('Strony, na których może być osadzony (jedna na wiersz)').fill(shopOrigin);
      await page.getByRole('button', { name: 'Dodaj formularz' }).click();
      await page.getByText(`Dodano formularz ${name}.`).waitFor();
    };
    await add('Kontakt ze sklepem', 'contact');
    await add('Reklamacje sklepu', 'complaint');

    type FormChannel = { name: string; key: string; settings: { kind: string; allowedOrigins: string[]; fields: { name: string }[] } };
    const channels = ((await admin.get('/channels')).body as { items: FormChannel[] }).items;
    const byName = (name: string) => channels.find((c) => c.name === name)!;
    const contact = byName('Kontakt ze sklepem');
    const complaint = byName('Reklamacje sklepu');
    expect([contact.settings.kind, complaint.settings.kind]).toEqual(['contact', 'complaint']);
    expect(complaint.settings.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['orderNumber', 'remedy', 'photos']));
    expect(contact.settings.allowedOrigins).toEqual([shopOrigin]);
    for (const [name, key, kind] of [['Kontakt ze sklepem', contact.key, 'Kontaktowy'], ['Reklamacje sklepu', complaint.key, 'Reklamacyjny']]) {
      const card = page.getByRole('article', { name: new RegExp(name) });
      await expect(card.getByRole('heading').textContent()).resolves.toContain(kind);
      await expect(card.locator('code').textContent()).resolves.toBe(key);
      const snippet = await card.getByLabel(`Kod do wklejenia na stronę formularza ${name}`).inputValue();
      expect(snippet).toContain(`<div data-okienko-form="${key}"></div>`);
      expect(snippet).toContain(`/f/${key}.js`);
      await expect(card.getByRole('link', { name: new RegExp(`/f/${key}$`) }).isVisible()).resolves.toBe(true);
    }
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The customer on the shop's page (the origin saved in the panel) sends the contact form.
    const customer = await newSession(browser, shopOrigin);
    const shopPage = customer.page;
    const opened = Date.now();
    await shopPage.goto(`${shopOrigin}/?key=${contact.key}`);
    const host = shopPage.locator(`[data-okienko-form="${contact.key}"]`);
    await host.getByLabel('Adres e-mail').fill('ewa@klient.test');
    await host.getByLabel('Wiadomość').fill('Czy rower dojedzie przed świętami?');
    // A form sent sooner than FORMS_MIN_FILL_SECONDS (3 s) after it was shown is kept as spam: a person takes longer.
    await shopPage.waitForTimeout(Math.max(0, 3_500 - (Date.now() - opened)));
    await host.getByRole('button', { name: 'Wyślij' }).click();
    await host.getByRole('link', { name: 'Sprawdź stan sprawy' }).waitFor({ timeout: 15_000 });
    const number = (await host.getByText(/Numer zgłoszenia: /).textContent())!.replace('Numer zgłoszenia: ', '').trim();
    const ticket = (await admin.get(`/tickets/${number}`)).body as Ticket & { channel: string; customer: { email: string } };
    expect(ticket).toMatchObject({ channel: 'web_form', customer: { email: 'ewa@klient.test' } });
    expect(ticket.messages[0].bodyText).toContain('Czy rower dojedzie przed świętami?');
    expect(customer.pageErrors).toEqual([]);
    await customer.context.close();
    expect(await sessions.closeAll()).toEqual([]);
  });
});
