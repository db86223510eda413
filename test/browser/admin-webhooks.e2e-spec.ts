import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, seriousAccessibilityProblems } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/stand-ins/webhook-receiver.js';
import { waitFor } from '../support/wait-for.js';

// The webhooks screen as an admin uses it, in a real headless Chromium: a new
// endpoint pointing at a local receiver, its secret shown once, a test
// delivery that the receiver gets signed with that secret (checked with our
// own HMAC), the delivery in the log with its attempt, and a redelivery with
// the same webhook-id. An endpoint disabled after failing for 72 hours shows up
// in the admin's notifications, which lead to this screen.

jest.setTimeout(90_000);

describe('admin panel: webhooks', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let receiver: WebhookReceiver;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    product = await startProduct({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOKS_SWEEP_INTERVAL_MS: '200' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
  }, 90_000);

  closePanelAfterTests(sessions, () => [browser, product, receiver]);

  it('adds an endpoint, shows its secret once, sends a test, shows it in the delivery log and redelivers it', async () => {
    const url = `${receiver.url}/erp`;
    const page = await sessions.loggedIn('/admin/webhooks');
    await expect(page.getByRole('heading', { name: 'Webhooki dla integratorów' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Adres URL').fill(url);
    await page.getByRole('button', { name: 'Dodaj webhook' }).click();

    // The secret, shown only now: the receiver will verify with it.
    const created = page.getByRole('status').filter({ hasText: 'Sekret (pokazywany tylko teraz)' });
    await created.waitFor();
    const secret = /(whsec_[A-Za-z0-9+/=]+)/.exec(await created.innerText())![1]!;
    const row = page.getByRole('table', { name: 'Adresy odbierające zdarzenia' }).getByRole('row').filter({ hasText: url });
    await expect(row.getByRole('cell').nth(1).innerText()).resolves.toContain('Aktywny');
    const listed = ((await admin.get('/webhooks')).body as { items: { id: string; url: string }[] }).items.find((w) => w.url === url)!;
    expect(JSON.stringify((await admin.get(`/webhooks/${listed.id}`)).body)).not.toContain(secret);

    await row.getByRole('button', { name: 'Wyślij test' }).click();
    await page.getByRole('status').filter({ hasText: 'Test wysłany: Dostarczone' }).waitFor();
    const first = await waitFor(() => receiver.calls.find((c) => c.path === '/erp'), { description: 'the test at the receiver' });
    expect(first.json.type).toBe('webhook.test');
    expect(verifyStandardWebhook(secret, first.headers, first.body)).toBe(true);
    // Reloaded, the page no longer shows the secret.
    await page.reload();
    await page.getByRole('table', { name: 'Adresy odbierające zdarzenia' }).getByRole('row').filter({ hasText: url }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(secret);

    const again = page.getByRole('table', { name: 'Adresy odbierające zdarzenia' }).getByRole('row').filter({ hasText: url });
    await again.getByRole('button', { name: 'Dostarczenia' }).click();
    const log = page.getByRole('region', { name: `Dostarczenia do ${url}` });
    const delivery = log.getByRole('table', { name: 'Dostarczenia, najnowsze najpierw' }).getByRole('row').filter({ hasText: 'webhook.test' });
    await delivery.waitFor();
    await expect(delivery.innerText()).resolves.toContain('Dostarczone');
    await expect(delivery.getByRole('listitem').count()).resolves.toBe(1);
    await expect(delivery.getByRole('listitem').first().innerText()).resolves.toMatch(/· 200 · \d+ ms/);

    await delivery.getByRole('button', { name: 'Wyślij ponownie' }).click();
    await log.getByRole('status').filter({ hasText: 'Wysłano ponownie: Dostarczone' }).waitFor();
    await waitFor(async () => (await delivery.getByRole('listitem').count()) === 2, { description: 'the second attempt in the log' });
    const calls = receiver.calls.filter((c) => c.path === '/erp');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers['webhook-id']).toBe(calls[0]!.headers['webhook-id']);
    expect(verifyStandardWebhook(secret, calls[1]!.headers, calls[1]!.body)).toBe(true);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("tells the admin in the bell that an endpoint failing for 72 hours was disabled, and leads to this screen", async () => {
    const url = `${receiver.url}/down`;
    receiver.answers.set('/down', [500, 500, 500]);
    const hook = (await admin.post('/webhooks', { url, events: ['ticket.created'] })).body as { id: string };
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE webhooks SET failing_since = now() - interval '73 hours' WHERE id = $1`, [hook.id]);
    } finally {
      await db.end();
    }
    const ticket = await admin.post('/tickets', { subject: 'Awaria ERP', customer: { email: 'erp@example.pl' }, message: { body: 'Test' } });
    expect(ticket.status).toBe(201);
    await waitFor(async () => ((await admin.get(`/webhooks/${hook.id}`)).body as { disabledAt: string | null }).disabledAt, { description: 'the endpoint disabled' });

    const page = await sessions.loggedIn('/');
    await page.getByRole('button', { name: /^Powiadomienia, nieprzeczytane: \d+$/ }).click();
    const item = page.getByRole('region', { name: 'Powiadomienia' }).getByRole('button').filter({ hasText: 'Webhook wyłączony' });
    await expect(item.innerText()).resolves.toContain('Webhook wyłączony: każde doręczenie zawodziło przez 72 godziny');
    await expect(item.innerText()).resolves.toContain(`Webhook ${url}`);
    await item.click();
    await page.waitForURL((at) => at.pathname === '/admin/webhooks');
    const row = page.getByRole('table', { name: 'Adresy odbierające zdarzenia' }).getByRole('row').filter({ hasText: url });
    await expect(row.getByRole('cell').nth(1).innerText()).resolves.toBe('Wyłączony po błędach: Every delivery failed for 72 hours');
  });
});
