import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { launchBrowser, newSession, seriousAccessibilityProblems } from '../support/browser.js';
import { panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// A shop's page on another origin embeds the chat with its one script tag; a
// visitor chats with an agent who answers from the panel's Chats page (both
// ways, a file each way, typing, handing the chat to a colleague), leaves and comes back to the same conversation, on a
// phone's width; with nobody available the widget offers the offline form.
// The same agent sees the caller card when the PBX reports a call and logs a
// call by hand. axe finds
// no serious problem in the widget.

jest.setTimeout(120_000);

interface Ticket {
  channel: string;
  messages: { direction: string; bodyText: string; attachments: { filename: string }[] }[];
}

describe('chat widget in a browser', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let anna: CreatedUser;
  let piotr: CreatedUser;
  let shop: Server;
  let shopOrigin: string;
  let key: string;
  let cti: string;
  const panel = panelSessions(() => browser, () => product);

  beforeAll(async () => {
    // The shop's page: its own hostile CSS and the one line of the widget, on an origin of its own.
    shop = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Sklep rowerowy</title>` +
          `<style>*{color:#f0f !important;font-size:40px !important} button,textarea{display:none !important}</style></head>` +
          `<body><main><h1>Rowery</h1></main><script src="${product.baseUrl}/w/${key}.js" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopOrigin = `http://localhost:${(shop.address() as AddressInfo).port}`;
    product = await startProduct();
    admin = await asAdmin(product);
    anna = await createUser(product, admin, { email: 'anna@sklep.test', name: 'Anna Nowak' });
    piotr = await createUser(product, admin, { email: 'piotr@sklep.test', name: 'Piotr Wiśniewski' });
    const queue = await admin.post('/queues', { name: 'Czat sklepu' });
    const queueId = (queue.body as { id: string }).id;
    await admin.put(`/queues/${queueId}/members`, { userIds: [anna.id, piotr.id] });
    const created = await admin.post('/channels', { type: 'chat', name: 'Czat na stronie', queueId });
    expect(created.status).toBe(201);
    key = (created.body as { key: string }).key;
    const phone = await admin.post('/channels', { type: 'phone', name: 'Infolinia', queueId });
    cti = `${product.baseUrl}/api/v1/cti/${(phone.body as { key: string }).key}`;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await new Promise((resolve) => shop?.close(resolve));
  });

  afterEach(async () => {
    expect(await panel.closeAll()).toEqual([]);
  });

  it('a visitor on the shop’s page chats with an agent in the panel, sends a file, leaves and comes back to the same conversation', async () => {
    const agent = await panel.loggedIn('/chats', { email: anna.email, password: anna.password });
    await agent.getByLabel('Dostępny na czacie').check();
    await waitFor(async () => ((await anna.api.get('/chats/availability')).body as { available: boolean }).available || undefined);

    const { context, page, pageErrors } = await newSession(browser, shopOrigin);
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto('/');
    const open = page.getByRole('button', { name: 'Napisz do nas' });
    await open.click();
    const chat = page.getByRole('dialog', { name: 'Czat z obsługą klienta' });
    await chat.waitFor();
    // On a phone's width the window fits the screen.
    expect((await chat.boundingBox())!.width).toBeLessThanOrEqual(375);

    const box = chat.getByRole('textbox', { name: 'Wiadomość' });
    await expect(box.evaluate((e) => e === e.getRootNode().activeElement)).resolves.toBe(true);
    await box.fill('Dzień dobry, gdzie jest paczka 4521?');
    await box.press('Enter');
    await chat.getByText('Dzień dobry, gdzie jest paczka 4521?').waitFor();

    // The agent sees the waiting chat live, opens and accepts it, and answers.
    await agent.getByText('Czekające czaty: 1').waitFor();
    await agent.getByRole('button', { name: 'Gość' }).click();
    await agent.getByRole('log').getByText('Dzień dobry, gdzie jest paczka 4521?').waitFor();
    await agent.getByRole('button', { name: 'Przyjmij' }).click();
    await chat.getByText('Anna Nowak dołącza do rozmowy').waitFor();
    await agent.getByRole('textbox', { name: 'Odpowiedź' }).fill('Paczka jest u kuriera, będzie jutro.');
    await agent.getByRole('button', { name: 'Wyślij' }).click();
    await chat.getByText('Paczka jest u kuriera, będzie jutro.').waitFor({ timeout: 2_000 });
    await box.fill('A kiedy dokładnie?');
    await box.press('Enter');
    await agent.getByRole('log').getByText('A kiedy dokładnie?').waitFor({ timeout: 2_000 });
    expect(await seriousAccessibilityProblems(agent)).toEqual([]);

    const waiting = ((await anna.api.get('/chats?state=active')).body as { items: { id: string; ticketId: string }[] }).items[0];
    await anna.api.post(`/chats/${waiting.id}/typing`, { typing: true }).expect(204);
    await chat.getByText('Konsultant pisze…').waitFor();
    await anna.api.post(`/chats/${waiting.id}/messages`, { text: 'Jutro do 12:00.' }).expect(201);
    await chat.getByText('Jutro do 12:00.').waitFor({ timeout: 2_000 });
    await expect(chat.getByText('Konsultant pisze…').count()).resolves.toBe(0);

    await chat.getByLabel('Dołącz plik').setInputFiles({ name: 'paragon.txt', mimeType: 'text/plain', buffer: Buffer.from('Paragon 4521') });
    await chat.getByText('📎 paragon.txt').waitFor();
    const withFile = (await anna.api.get(`/tickets/${waiting.ticketId}`)).body as Ticket;
    expect(withFile.channel).toBe('chat');
    expect(withFile.messages.flatMap((m) => m.attachments.map((a) => a.filename))).toEqual(['paragon.txt']);
    // The agent sends a file from the Chats page: the visitor gets a link to it at once.
    await agent.getByLabel('Dołącz plik').setInputFiles({ name: 'etykieta.txt', mimeType: 'text/plain', buffer: Buffer.from('Etykieta zwrotna') });
    await chat.getByRole('link', { name: '📎 etykieta.txt' }).waitFor({ timeout: 3_000 });
    await agent.getByRole('log').getByText('📎 etykieta.txt').waitFor();

    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The visitor leaves; the agent writes meanwhile; back on the page the whole conversation is there, the missed reply too.
    await page.goto('about:blank');
    await anna.api.post(`/chats/${waiting.id}/messages`, { text: 'Numer przesyłki: PL123.' }).expect(201);
    await page.goto(`${shopOrigin}/`);
    await page.getByRole('button', { name: 'Napisz do nas' }).click();
    const back = page.getByRole('dialog', { name: 'Czat z obsługą klienta' });
    await back.getByText('Numer przesyłki: PL123.').waitFor();
    await expect(back.getByText('Dzień dobry, gdzie jest paczka 4521?').count()).resolves.toBe(1);
    await expect(back.getByText('Paczka jest u kuriera, będzie jutro.').count()).resolves.toBe(1);
    await expect(back.getByText('A kiedy dokładnie?').count()).resolves.toBe(1);
    await back.getByRole('textbox', { name: 'Wiadomość' }).fill('Dziękuję!');
    await back.getByRole('button', { name: 'Wyślij' }).click();
    await waitFor(async () => ((await anna.api.get(`/tickets/${waiting.ticketId}`)).body as Ticket).messages.find((m) => m.bodyText === 'Dziękuję!'));

    // The agent hands the chat to a colleague from the Chats page; the visitor is told who has it now.
    await agent.getByLabel('Przekaż rozmowę').selectOption({ label: 'Piotr Wiśniewski' });
    await agent.getByRole('button', { name: 'Przekaż', exact: true }).click();
    await back.getByText('Rozmowę przejmuje Piotr Wiśniewski').waitFor();
    await agent.getByRole('button', { name: /Prowadzi: Piotr Wiśniewski/ }).waitFor();

    // Escape closes the window and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect(back.isVisible()).resolves.toBe(false);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the agent the caller card while a call rings', async () => {
    const agent = await panel.loggedIn('/chats', { email: anna.email, password: anna.password });
    await agent.getByRole('link', { name: 'Czaty' }).waitFor();
    const post = (event: string) =>
      fetch(cti, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ event, from: '48601222333', to: '48225550000', direction: 'in', callId: 'call-1', 'user[]': 'Anna Nowak', cause: 'cancel' }),
      });
    expect((await post('newCall')).status).toBe(200);
    const card = agent.getByRole('alert').filter({ hasText: 'Dzwoni +48601222333' });
    await card.getByText('Nieznany numer').waitFor();
    expect((await post('hangup')).status).toBe(200);
    await card.waitFor({ state: 'detached' });

    // The agent logs the call back by hand: a phone ticket with the note.
    await agent.getByRole('button', { name: 'Zapisz rozmowę' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Zapisz rozmowę telefoniczną' });
    await dialog.getByLabel('Kierunek').selectOption('out');
    await dialog.getByLabel('Numer telefonu').fill('601 222 333');
    await dialog.getByLabel('Czas trwania (minuty)').fill('2');
    await dialog.getByLabel('Notatka z rozmowy').fill('Oddzwoniłam, klient pyta o fakturę.');
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await dialog.getByText('Rozmowa zapisana w zgłoszeniu.').waitFor();
    const logged = ((await anna.api.get('/calls?direction=out')).body as { items: { manual: boolean; durationSeconds: number; note: string; ticketId: string }[] }).items[0];
    expect(logged).toMatchObject({ manual: true, durationSeconds: 120, note: 'Oddzwoniłam, klient pyta o fakturę.' });
    expect(((await anna.api.get(`/tickets/${logged.ticketId}`)).body as Ticket).channel).toBe('phone');
  });

  it('with nobody available offers the offline form, whose message becomes a ticket', async () => {
    await anna.api.put('/chats/availability', { available: false }).expect(200);
    const { context, page, pageErrors } = await newSession(browser, shopOrigin);
    await page.goto('/');
    await page.getByRole('button', { name: 'Napisz do nas' }).click();
    const chat = page.getByRole('dialog', { name: 'Czat z obsługą klienta' });
    await chat.getByText('Nikogo z nas nie ma teraz przy czacie').waitFor();
    await chat.getByLabel('E-mail').fill('ola@example.pl');
    await chat.getByLabel('Treść').fill('Proszę o telefon w sprawie zamówienia 77.');
    await chat.getByRole('button', { name: 'Wyślij wiadomość' }).click();
    await chat.getByText('Dziękujemy! Odpowiemy na podany adres.').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    const tickets = (await admin.get('/tickets?limit=50')).body as { items: { subject: string; channel: string }[] };
    expect(tickets.items).toContainEqual(expect.objectContaining({ channel: 'chat', subject: 'Wiadomość z czatu: Proszę o telefon w sprawie zamówienia 77.' }));
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
