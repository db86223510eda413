import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { launchBrowser, saveScreenshot, seriousAccessibilityProblems } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Notifications, mentions and snoozing in the panel, in a real headless
// Chromium: Ala mentions Bartek in an internal note (picking him from the
// suggestions), Bartek's bell counts it without a reload and opens the
// ticket from it (and chooses what also comes by mail); a waiting ticket is snoozed from its page; the new parts
// have no serious accessibility problems, in Polish and in English.

jest.setTimeout(120_000);

describe('agent panel: notifications, mentions and snooze', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let ala: CreatedUser;
  let bartek: CreatedUser;
  const sessions = panelSessions(() => browser, () => product);
  closePanelAfterTests(sessions, () => [browser, product]);

  async function createTicket(subject: string, fields: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
    const res = await admin.post('/tickets', {
      subject,
      customer: { email: 'marta@example.pl', name: 'Marta Kowalczyk' },
      message: { body: 'Dzień dobry, mam pytanie o zwrot.' },
      ...fields,
    });
    if (res.status !== 201) throw new Error(`creating a ticket failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, number: res.body.number as string };
  }

  const as = (user: CreatedUser, path: string): Promise<Page> => sessions.loggedIn(path, user);

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    ala = await createUser(product, admin, { email: 'ala@okienko.test', name: 'Ala Nowak' });
    bartek = await createUser(product, admin, { email: 'bartek@okienko.test', name: 'Bartek Zieliński' });
    const queues = ((await admin.get('/queues')).body as { items: { id: string; isDefault: boolean }[] }).items;
    const general = queues.find((queue) => queue.isDefault)!;
    expect((await admin.put(`/queues/${general.id}/members`, { userIds: [ala.id, bartek.id] })).status).toBe(200);
  }, 120_000);

  it('Ala mentions Bartek in a note; his bell counts it live and opens the ticket from it', async () => {
    const ticket = await createTicket('Zwrot butów');
    const bartekPage = await as(bartek, '/');
    const bell = bartekPage.getByRole('button', { name: 'Powiadomienia', exact: true });
    await bell.waitFor();
    await bartekPage.evaluate(() => Object.assign(globalThis, { okienkoTestMarker: true }));

    const alaPage = await as(ala, `/tickets/${ticket.number}`);
    const box = alaPage.getByRole('textbox', { name: 'Treść' });
    await box.click();
    await box.pressSequentially('Proszę @Bart');
    const suggestions = alaPage.getByRole('listbox', { name: 'Podpowiedzi osób do wspomnienia' });
    await expect(suggestions.getByRole('option', { name: /Bartek Zieliński/ }).isVisible()).resolves.toBe(true);
    expect(await seriousAccessibilityProblems(alaPage)).toEqual([]);
    await box.press('Enter');
    await box.pressSequentially('o sprawdzenie zwrotu.');
    await expect(box.inputValue()).resolves.toBe('Proszę @BartekZieliński o sprawdzenie zwrotu.');
    await alaPage.getByRole('button', { name: 'Dodaj notatkę wewnętrzną' }).click();
    await alaPage.getByText('o sprawdzenie zwrotu.').first().waitFor();

    // No reload: the count arrives over the live stream.
    const counted = bartekPage.getByRole('button', { name: 'Powiadomienia, nieprzeczytane: 1' });
    await counted.waitFor();
    expect(await bartekPage.evaluate(() => (globalThis as { okienkoTestMarker?: boolean }).okienkoTestMarker)).toBe(true);
    await counted.click();
    const list = bartekPage.getByRole('region', { name: 'Powiadomienia' });
    const item = list.getByRole('button', { name: /Ala Nowak wspomina o Tobie/ });
    await item.waitFor();
    expect(await item.textContent()).toContain(`#${ticket.number}`);
    // What also comes by e-mail is chosen here.
    await list.getByRole('button', { name: 'Powiadomienia e-mailem…' }).click();
    const mentionsByMail = list.getByRole('checkbox', { name: 'wzmianki' });
    expect(await mentionsByMail.isChecked()).toBe(true);
    await mentionsByMail.uncheck();
    await waitFor(async () => ((await bartek.api.get('/me/notification-settings')).body as { email: { mention: boolean } }).email.mention === false);
    expect(await seriousAccessibilityProblems(bartekPage)).toEqual([]);
    await saveScreenshot(bartekPage, 'notifications-bell-open');
    await item.click();
    await bartekPage.waitForURL((url) => url.pathname === `/tickets/${ticket.number}`);
    await bartekPage.getByRole('heading', { name: 'Zwrot butów' }).waitFor();
    await bartekPage.getByRole('button', { name: 'Powiadomienia', exact: true }).waitFor();
    const read = await waitFor(async () => {
      const mine = (await bartek.api.get('/notifications')).body as { unread: number; items: { readAt: string | null }[] };
      return mine.unread === 0 ? mine : null;
    });
    expect(read.items[0].readAt).not.toBeNull();
  });

  it('snoozes a waiting ticket from its page (tomorrow 9:00), shows until when, and wakes it; in English too', async () => {
    const ticket = await createTicket('Czekamy na kuriera', { assigneeId: bartek.id });
    const awake = await createTicket('Zgłoszenie nieuśpione');
    expect((await admin.patch(`/tickets/${ticket.id}`, { status: 'waiting_customer' })).status).toBe(200);
    const page = await as(bartek, `/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Czekamy na kuriera' }).waitFor();
    await page.getByRole('button', { name: 'Uśpij' }).click();
    await page.getByRole('menuitem', { name: /Jutro 9:00/ }).click();
    await page.getByText(/Uśpione do /).waitFor();
    const snoozed = (await admin.get(`/tickets/${ticket.id}`)).body as { snoozedUntil: string | null };
    expect(snoozed.snoozedUntil).not.toBeNull();
    const until = new Date(snoozed.snoozedUntil!);
    expect(until.getTime()).toBeGreaterThan(Date.now());
    expect(until.getUTCMinutes()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Out of the default list until then.
    const listed = (await admin.get('/tickets')).body as { items: { id: string }[] };
    expect(listed.items.map((t) => t.id)).not.toContain(ticket.id);
    // The list's filter shows snoozed tickets, marked with until when.
    await page.goto('/tickets');
    await page.getByRole('link', { name: awake.number }).waitFor();
    expect(await page.getByRole('link', { name: ticket.number }).count()).toBe(0);
    await page.goto('/tickets?snoozed=true');
    const row = page.getByRole('row').filter({ hasText: 'Czekamy na kuriera' });
    await row.getByText(/Uśpione do /).waitFor();
    await page.goto(`/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Czekamy na kuriera' }).waitFor();

    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.getByText(/Snoozed until /).waitFor();
    await page.getByRole('button', { name: 'Follow' }).click();
    await page.getByText('Following: Bartek Zieliński').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Wake now' }).click();
    await page.getByRole('button', { name: 'Snooze', exact: true }).waitFor();
    expect(((await admin.get(`/tickets/${ticket.id}`)).body as { snoozedUntil: string | null }).snoozedUntil).toBeNull();

    // A ticket that is not waiting cannot be snoozed, and says why.
    expect((await admin.patch(`/tickets/${ticket.id}`, { status: 'open' })).status).toBe(200);
    await page.reload();
    await page.getByText('Only a waiting ticket (for the customer or someone else) can be snoozed.').waitFor();
    expect(await page.getByRole('button', { name: 'Snooze', exact: true }).isDisabled()).toBe(true);
  });
});
