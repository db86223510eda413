import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newSession, saveScreenshot } from '../support/browser.js';
import { startProduct } from '../support/start-product.js';

// The agent panel in a real headless Chromium, against the whole product
// (API serving the built panel) on a fresh database.

jest.setTimeout(60_000);

const SESSION_KEY = 'okienko.session';
const WAIT_MS = 15_000;

type Product = Awaited<ReturnType<typeof startProduct>>;

describe('agent panel: logging in and the shell', () => {
  let product: Product;
  let browser: Browser;
  let adminName: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[][] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    // The name the panel should greet the admin with, as the API knows it.
    const answer = await fetch(new URL('/api/v1/auth/login', product.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(product.admin),
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { user: { name: string } };
    adminName = body.user.name;
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    // Nothing the panel did may have thrown in the browser.
    expect(pageErrors.splice(0).flat().map((error) => error.message)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  async function openPanel(path = '/'): Promise<Page> {
    const session = await newSession(browser, product.baseUrl);
    session.context.setDefaultTimeout(WAIT_MS);
    contexts.push(session.context);
    pageErrors.push(session.pageErrors);
    await session.page.goto(path);
    return session.page;
  }

  function pathOf(page: Page): string {
    const url = new URL(page.url());
    return url.pathname + url.search;
  }

  /** A browser whose stored session holds a token the API refuses (revoked, or from another installation). */
  async function openWithRefusedToken(): Promise<Page> {
    const page = await openPanel('/login');
    await page.getByRole('heading', { name: 'Zaloguj się' }).waitFor();
    const garbage = JSON.stringify({ accessToken: 'not-a-real-token', expiresAt: null });
    await page.evaluate(`localStorage.setItem('${SESSION_KEY}', ${JSON.stringify(garbage)})`);
    return page;
  }

  async function text(page: Page, selector: string): Promise<string> {
    const locator = page.locator(selector).first();
    await locator.waitFor();
    return (await locator.innerText()).replace(/\s+/g, ' ').trim();
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel('Hasło').fill(password);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
  }

  it('sends an anonymous visitor to the login page, in Polish', async () => {
    const page = await openPanel('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Zaloguj się' }).waitFor();

    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    expect(await page.title()).toBe('Logowanie · Okienko');
    // The fields are reachable through their labels.
    expect(await page.getByLabel('Adres e-mail').getAttribute('type')).toBe('email');
    expect(await page.getByLabel('Hasło').getAttribute('type')).toBe('password');

    await saveScreenshot(page, 'login');
  });

  it('says so when the password is wrong', async () => {
    const page = await openPanel('/login');
    await logIn(page, product.admin.email, `${product.admin.password}-wrong`);

    expect(await text(page, '[role="alert"]')).toBe('Nieprawidłowy e-mail lub hasło');
    expect(pathOf(page)).toBe('/login');
    expect(await page.evaluate(`localStorage.getItem('${SESSION_KEY}')`)).toBeNull();
  });

  it('counts down when the API refuses further attempts', async () => {
    const page = await openPanel('/login');
    // Someone guessing passwords for an address: the API stops answering
    // after a few failures and says for how long.
    await page.getByLabel('Adres e-mail').fill('guesser@okienko.test');
    const submit = page.locator('button[type="submit"]');
    let refused = false;
    for (let attempt = 1; attempt <= 20 && !refused; attempt += 1) {
      await page.getByLabel('Hasło').fill(`guess-${attempt}`);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
      await submit.click();
      const answer = await answered;
      refused = answer.status() === 429;
      if (!refused) await page.getByRole('alert').filter({ hasText: 'Nieprawidłowy e-mail lub hasło' }).waitFor();
    }
    const alert = page.getByRole('alert').filter({ hasText: 'Zbyt wiele' });
    await alert.waitFor();
    const message = (await alert.innerText()).trim();
    expect(message).toMatch(/^Zbyt wiele prób logowania, spróbuj ponownie za \d+ (sekundę|sekundy|sekund)$/);
    expect(await submit.isDisabled()).toBe(true);
  });

  it('says so when the server cannot be reached', async () => {
    const page = await openPanel('/login');
    await page.route('**/api/v1/auth/login', (route) => route.abort('connectionrefused'));
    await logIn(page, product.admin.email, product.admin.password);

    expect(await text(page, '[role="alert"]')).toContain('Brak połączenia z serwerem');
  });

  it('logs in to the shell, switches to English and logs out', async () => {
    const page = await openPanel('/');
    await page.waitForURL((url) => url.pathname === '/login');

    // Hold the real answer back a moment to see the form while it waits.
    let releaseLogin: () => void = () => undefined;
    const loginHeld = new Promise<void>((resolve) => (releaseLogin = resolve));
    await page.route('**/api/v1/auth/login', async (route) => {
      await loginHeld;
      await route.continue();
    });
    await logIn(page, product.admin.email, product.admin.password);
    const busyButton = page.getByRole('button', { name: 'Logowanie…' });
    await busyButton.waitFor();
    expect(await busyButton.isDisabled()).toBe(true);
    releaseLogin();

    // The work starts at what is to be handled today.
    await page.waitForURL((url) => url.pathname === '/today');
    await page.getByRole('heading', { name: 'Do obsłużenia dziś', level: 1 }).waitFor();
    // The top bar names who is logged in and their role.
    expect(await text(page, 'header')).toContain(`Zalogowano jako ${adminName} Administrator`);
    expect(await page.title()).toBe('Na dziś · Okienko');

    // The ticket list sits next to it in the navigation.
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Zgłoszenia' }).click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    await page.getByRole('heading', { name: 'Zgłoszenia', level: 1 }).waitFor();
    expect(await page.title()).toBe('Zgłoszenia · Okienko');

    // The system status page: the health line and the ticket count come from the API.
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Stan systemu' }).click();
    await page.waitForURL((url) => url.pathname === '/system');
    await page.getByRole('heading', { name: 'Stan systemu', level: 1 }).waitFor();
    expect(await page.title()).toBe('Stan systemu · Okienko');
    // The status page's only live region is the health line.
    const health = page.getByRole('status');
    await health.getByText('System działa').waitFor();
    const healthLine = (await health.innerText()).replace(/\s+/g, ' ');
    expect(healthLine).toContain('Baza danych: działa');
    expect(healthLine).toContain('Kolejka zadań (Redis): działa');
    expect(healthLine).toMatch(/sprawdzono o \d/);
    await page.locator('dl').filter({ hasText: /Zgłoszenia w systemie\s*\d/ }).waitFor();

    await saveScreenshot(page, 'shell');

    // English, remembered by the browser.
    await page.getByLabel('Język interfejsu').selectOption('en');
    await page.getByRole('heading', { name: 'System status', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('System status · Okienko');
    await health.getByText('System is running').waitFor();
    expect(await text(page, 'header')).toContain(`Signed in as ${adminName} Administrator`);
    await saveScreenshot(page, 'shell-en');

    await page.reload();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await text(page, '[role="status"]')).toContain('You have been logged out');
    expect(await page.evaluate(`localStorage.getItem('${SESSION_KEY}')`)).toBeNull();

    // Logged out means logged out: the panel is not reachable any more.
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto('/tickets');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/tickets');
  });

  it('asks to log in again when the stored token is refused', async () => {
    const page = await openWithRefusedToken();

    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('expired') === '1');
    expect(await text(page, '[role="status"]')).toBe('Sesja wygasła, zaloguj się ponownie');
    expect(await page.evaluate(`localStorage.getItem('${SESSION_KEY}')`)).toBeNull();

    // And logging in from there works.
    await logIn(page, product.admin.email, product.admin.password);
    await page.waitForURL((url) => url.pathname === '/today');
    await page.getByRole('heading', { name: 'Do obsłużenia dziś', level: 1 }).waitFor();
  });

  it('keeps the page that was opened when a refused token sends the agent to log in', async () => {
    const page = await openWithRefusedToken();

    // A ticket's link opened from outside the panel: its data is asked for before the session is checked.
    await page.goto('/tickets/2026-000001');
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('expired') === '1' && url.searchParams.get('redirect') === '/tickets/2026-000001',
    );
    expect(await text(page, '[role="status"]')).toBe('Sesja wygasła, zaloguj się ponownie');

    await logIn(page, product.admin.email, product.admin.password);
    await page.waitForURL((url) => url.pathname === '/tickets/2026-000001');
  });
});
