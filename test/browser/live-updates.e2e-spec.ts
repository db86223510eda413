import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { launchBrowser, newSession, saveScreenshot } from '../support/browser.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Live updates in the agent panel, in a real headless Chromium: two agents
// (two browser profiles) working the same queue. Nothing here reloads a page:
// a marker put on `window` after the page opened must still be there.

jest.setTimeout(120_000);

const WAIT_MS = 15_000;

interface Seeded {
  id: string;
  number: string;
}

describe('agent panel: live updates', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let anna: CreatedUser;
  let bartosz: CreatedUser;
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[][] = [];

  async function createTicket(subject: string, fields: Record<string, unknown> = {}): Promise<Seeded> {
    const res = await admin.post('/tickets', {
      subject,
      customer: { email: 'marta@example.pl', name: 'Marta Kowalczyk' },
      message: { body: 'Dzień dobry, mam pytanie.' },
      ...fields,
    });
    if (res.status !== 201) throw new Error(`creating a ticket failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, number: res.body.number as string };
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    anna = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    bartosz = await createUser(product, admin, { email: 'bartosz@okienko.test', name: 'Bartosz Wiśniewski' });
    // Both agents work the default queue, where new tickets land.
    const queues = ((await admin.get('/queues')).body as { items: { id: string; isDefault: boolean }[] }).items;
    const general = queues.find((queue) => queue.isDefault)!;
    expect((await admin.put(`/queues/${general.id}/members`, { userIds: [anna.id, bartosz.id] })).status).toBe(200);
  }, 120_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors.splice(0).flat().map((error) => error.message)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  /** A browser profile of its own for `user`, logged in through the form at `path`. */
  async function loggedIn(user: CreatedUser, path: string): Promise<Page> {
    const session = await newSession(browser, product.baseUrl);
    session.context.setDefaultTimeout(WAIT_MS);
    contexts.push(session.context);
    pageErrors.push(session.pageErrors);
    const page = session.page;
    await page.goto(path);
    await page.getByLabel('Adres e-mail').fill(user.email);
    await page.getByLabel('Hasło').fill(user.password);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    return page;
  }

  async function markNotReloaded(page: Page): Promise<void> {
    await page.evaluate(() => Object.assign(globalThis, { okienkoTestMarker: true }));
  }
  async function expectNotReloaded(page: Page): Promise<void> {
    expect(await page.evaluate(() => (globalThis as { okienkoTestMarker?: boolean }).okienkoTestMarker)).toBe(true);
  }

  async function waitForRow(page: Page, table: RegExp, number: string, description: string): Promise<void> {
    await waitFor(async () => (await page.getByRole('table', { name: table }).getByRole('link').allInnerTexts()).includes(number), {
      timeoutMs: WAIT_MS,
      description,
    });
  }

  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('shows a new ticket in the open list (keeping its filters) and on Today without reloading', async () => {
    const list = await loggedIn(anna, '/tickets?priority=high');
    await list.getByRole('heading', { name: 'Zgłoszenia', level: 1 }).waitFor();
    const today = await list.context().newPage();
    await today.goto('/today?scope=team');
    await today.getByRole('heading', { name: 'Do obsłużenia dziś', level: 1 }).waitFor();
    await markNotReloaded(list);
    await markNotReloaded(today);
    // Let both pages finish their first load before anything changes.
    await list.getByRole('status').filter({ hasText: /zgłosze/ }).waitFor();
    await today.getByRole('status').filter({ hasText: /zgłosze/ }).waitFor();

    const normal = await createTicket('Pytanie o dostawę');
    const high = await createTicket('Nie działa logowanie do sklepu', { priority: 'high' });

    await waitForRow(list, /^Lista zgłoszeń$/, high.number, 'the new high-priority ticket in the filtered list');
    await waitForRow(today, /^Zgłoszenia do obsłużenia dziś$/, high.number, 'the new ticket on Today');
    await waitForRow(today, /^Zgłoszenia do obsłużenia dziś$/, normal.number, 'the other new ticket on Today');
    // The list kept its filter: the normal-priority ticket is not in it.
    expect(await list.getByRole('table', { name: /^Lista zgłoszeń$/ }).getByRole('link').allInnerTexts()).not.toContain(normal.number);
    expect(new URL(list.url()).searchParams.get('priority')).toBe('high');
    await expectNotReloaded(list);
    await expectNotReloaded(today);
    await saveScreenshot(list, 'live-list');
  });

  it("shows another agent's change in place and warns who is viewing and replying", async () => {
    const ticket = await createTicket('Reklamacja butów', { priority: 'normal' });
    const annaPage = await loggedIn(anna, `/tickets/${ticket.number}`);
    await annaPage.getByRole('heading', { name: 'Reklamacja butów', level: 1 }).waitFor();
    await markNotReloaded(annaPage);
    // Anna has started a reply of her own.
    const annaDraft = annaPage.getByLabel('Treść', { exact: true });
    await annaDraft.fill('Dzień dobry, sprawdzamy reklamację.');

    const bartoszPage = await loggedIn(bartosz, `/tickets/${ticket.number}`);
    await bartoszPage.getByRole('heading', { name: 'Reklamacja butów', level: 1 }).waitFor();
    const annaBanner = annaPage.getByRole('status', { name: 'Inni agenci w tym zgłoszeniu' });
    await annaBanner.getByText('Bartosz Wiśniewski przegląda to zgłoszenie').waitFor();
    // Bartosz sees that Anna is writing a reply.
    await bartoszPage
      .getByRole('status', { name: 'Inni agenci w tym zgłoszeniu' })
      .getByText('Anna Nowak pisze odpowiedź w tym zgłoszeniu')
      .waitFor();

    // Bartosz changes the priority: Anna's page follows, her draft stays.
    await choose(bartoszPage, 'Priorytet', 'Pilny');
    await bartoszPage.getByRole('status').filter({ hasText: 'Zapisano: Priorytet' }).waitFor();
    await annaPage.getByRole('combobox', { name: 'Priorytet', exact: true }).filter({ hasText: 'Pilny' }).waitFor();
    await annaPage.getByText('Priorytet: normalny → pilny (Bartosz Wiśniewski)').waitFor();
    expect(await annaDraft.inputValue()).toBe('Dzień dobry, sprawdzamy reklamację.');

    // Bartosz starts typing a reply.
    await bartoszPage.getByLabel('Treść', { exact: true }).fill('Dzień dobry, przyjęliśmy');
    await annaBanner.getByText('Bartosz Wiśniewski pisze odpowiedź w tym zgłoszeniu').waitFor();
    expect(await annaBanner.innerText()).not.toContain('przegląda');
    await saveScreenshot(annaPage, 'live-collision');

    // He leaves the ticket: the warning goes away.
    await bartoszPage.getByRole('link', { name: /Wróć do listy/ }).click();
    await annaBanner.getByText('Bartosz Wiśniewski').waitFor({ state: 'detached' });
    await expectNotReloaded(annaPage);
  });
});
