import { afterAll, afterEach, expect } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newSession } from './browser.js';
import type { TestProduct } from './start-product.js';

/** How long a browser test waits for something to show up. */
export const PANEL_WAIT_MS = 15_000;

/**
 * Browser sessions of one suite: each logs in through the form, and the
 * suite closes them and collects their uncaught page errors after each test.
 */
export function panelSessions(getBrowser: () => Browser, getProduct: () => TestProduct) {
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[][] = [];

  /** Opens `path` (the login page first) and logs in as the given user (the first admin by default). */
  async function loggedIn(path = '/', credentials?: { email: string; password: string }): Promise<Page> {
    const product = getProduct();
    const session = await newSession(getBrowser(), product.baseUrl);
    session.context.setDefaultTimeout(PANEL_WAIT_MS);
    contexts.push(session.context);
    pageErrors.push(session.pageErrors);
    const { email, password } = credentials ?? product.admin;
    const page = session.page;
    await page.goto(path);
    await page.getByLabel('Adres e-mail').fill(email);
    await page.getByLabel('Hasło').fill(password);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    return page;
  }

  /** Closes this test's browser sessions and answers the messages of the page errors they saw. */
  async function closeAll(): Promise<string[]> {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    return pageErrors
      .splice(0)
      .flat()
      .map((error) => error.message);
  }

  return { loggedIn, closeAll };
}

/** What a suite opens and closes at its end: the browser, the product, a mail sink. */
interface Closable {
  close(): Promise<unknown>;
}

/**
 * The end of every test and of the suite, as browser suites have it: each
 * test's sessions closed, with no uncaught error in their pages; at the end,
 * what the suite opened closed in the order given (whatever failed to open is skipped).
 */
export function closePanelAfterTests(sessions: ReturnType<typeof panelSessions>, opened: () => readonly (Closable | undefined)[]): void {
  afterEach(async () => {
    expect(await sessions.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    for (const thing of opened()) await thing?.close();
  });
}
