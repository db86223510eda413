import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The ticket page's deadlines and customer panel in a real headless Chromium:
// a complaint shows its statutory 14-day deadline counting down, and the
// customer panel lists the channels the customer has used.

jest.setTimeout(90_000);

describe('agent panel: deadlines and the customer on the ticket page', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let complaint: { id: string; number: string };
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const categories = (await admin.get('/categories')).body.items as { id: string; slug: string }[];
    const customer = { email: 'ewa.nowak@example.pl', name: 'Ewa Nowak', phone: '+48 601 200 300' };
    const phoned = await admin.post('/tickets', { subject: 'Telefon: kurier', customer, message: { body: 'Dzwoniła.' }, channel: 'phone' });
    expect(phoned.status).toBe(201);
    const created = await admin.post('/tickets', {
      subject: 'Reklamacja butów',
      customer,
      message: { body: 'Podeszwa odpadła po tygodniu.' },
      channel: 'email',
      categoryId: categories.find((category) => category.slug === 'complaint-return')!.id,
    });
    expect(created.status).toBe(201);
    complaint = created.body as { id: string; number: string };
    expect((created.body as { sla: { statutoryDueAt: string | null } }).sla.statutoryDueAt).not.toBeNull();
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  async function ticketPage(): Promise<Page> {
    const page = await sessions.loggedIn(`/tickets/${complaint.number}`);
    await page.getByRole('heading', { name: 'Reklamacja butów' }).waitFor();
    return page;
  }

  it('counts the statutory complaint deadline down, 14 days from the complaint', async () => {
    const page = await ticketPage();
    const deadlines = page.getByRole('region', { name: 'Terminy' });
    await deadlines.getByText('Ustawowy termin reklamacji').waitFor();
    const countdown = deadlines.locator('.deadlines__countdown--statutory');
    expect(await countdown.textContent()).toMatch(/^za 13 d 23 h$/);
    // The exact moment, for whoever needs the date.
    const due = await deadlines.locator('time').last().getAttribute('datetime');
    const statutoryDueAt = ((await admin.get(`/tickets/${complaint.id}`)).body as { sla: { statutoryDueAt: string } }).sla.statutoryDueAt;
    expect(due).toBe(statutoryDueAt);
    await saveScreenshot(page, 'ticket-deadlines');
  });

  it('shows the customer’s contact data, other tickets and channels', async () => {
    const page = await ticketPage();
    const panel = page.getByRole('region', { name: 'Klient' });
    await panel.getByRole('link', { name: 'ewa.nowak@example.pl' }).waitFor();
    await panel.getByText('+48 601 200 300').waitFor();
    await panel.getByText('Telefon: kurier').waitFor();
    const channels = await panel.locator('.customer__channels li').allTextContents();
    expect(channels.map((text) => text.trim()).sort()).toEqual(['e-mail × 1', 'telefon × 1']);
  });

  it('speaks English', async () => {
    const page = await ticketPage();
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    const deadlines = page.getByRole('region', { name: 'Deadlines' });
    await deadlines.getByText('Statutory complaint deadline').waitFor();
    expect(await deadlines.locator('.deadlines__countdown--statutory').textContent()).toMatch(/^in 13 d 23 h$/);
    await page.getByRole('region', { name: 'Customer' }).getByText('phone × 1').waitFor();
  });
});
