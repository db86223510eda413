import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchBrowser, newSession } from '../support/browser.js';
import { closePanelAfterTests, PANEL_WAIT_MS, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The panel's security headers in a real headless Chromium: the panel and
// Swagger UI work under their Content-Security-Policy (nothing of theirs is
// refused), and no other page can frame the panel.

jest.setTimeout(90_000);

/** What Chromium reports in the console when the policy refuses something. */
function policyViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('agent panel: security headers in the browser', () => {
  let product: TestProduct;
  let browser: Browser;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  }, 120_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  it('runs the panel with nothing refused by its policy', async () => {
    const page = await sessions.loggedIn('/tickets');
    const violations = policyViolations(page);
    for (const path of ['/tickets', '/today', '/customers', '/reports', '/admin/users', '/system']) {
      await page.goto(path);
      await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    }
    expect(violations).toEqual([]);
  });

  it('shows Swagger UI at /api/docs with nothing refused by its policy', async () => {
    const { context, page } = await newSession(browser, product.baseUrl);
    context.setDefaultTimeout(PANEL_WAIT_MS);
    const violations = policyViolations(page);
    try {
      await page.goto('/api/docs');
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'Okienko API' }).waitFor();
      await page.locator('#operations-auth-Auth_login').waitFor();
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('cannot be framed by another page', async () => {
    const { context, page } = await newSession(browser, product.baseUrl);
    context.setDefaultTimeout(PANEL_WAIT_MS);
    try {
      const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
      await page.setContent(`<iframe title="intruder" src="${product.baseUrl}/login" width="800" height="600"></iframe>`);
      await refused;
      const child = page.frames().find((frame) => frame !== page.mainFrame());
      expect(child?.url() ?? '').not.toBe(`${product.baseUrl}/login`);
      expect(await page.frameLocator('iframe[title="intruder"]').getByLabel('Adres e-mail').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
