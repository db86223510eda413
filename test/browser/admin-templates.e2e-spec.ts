import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { API, asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Reply templates with their live preview, and API tokens, in a real headless
// Chromium against the whole product.

jest.setTimeout(120_000);

interface TemplateRow {
  id: string;
  title: string;
  body: string;
  active: boolean;
  language: string;
}

describe('agent panel: templates and API tokens', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let ticketNumber: string;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const res = await admin.post('/tickets', {
      subject: 'Zwrot roweru',
      customer: { email: 'anna@example.pl', name: 'Anna Zielińska' },
      message: { body: 'Chcę zwrócić rower.' },
    });
    expect(res.status).toBe(201);
    ticketNumber = (res.body as { number: string }).number;
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  const templates = async () => ((await admin.get('/templates?limit=200')).body as { items: TemplateRow[] }).items;

  function preview(page: Page) {
    return page.getByRole('region', { name: 'Wiadomość w podglądzie' });
  }

  it('writes a template while its preview follows, for a chosen ticket, and saves it', async () => {
    const page = await sessions.loggedIn('/admin/templates');
    await page.getByRole('heading', { name: 'Szablony odpowiedzi', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nowy szablon' }).click();
    const editor = page.getByRole('region', { name: 'Nowy szablon' });
    await editor.getByLabel('Tytuł').fill('Potwierdzenie zwrotu');
    await editor.getByLabel('Temat odpowiedzi').fill('Zwrot w zgłoszeniu {{ticket.number}}');
    await editor.getByLabel('Treść').fill('Dzień dobry {{customer.name}},\nprzyjęliśmy zwrot.');

    // Without a ticket: example values.
    await editor.getByText('Wypełnione przykładowymi danymi').waitFor();
    const mail = preview(page);
    await waitFor(async () => (await mail.innerText()).includes('przyjęliśmy zwrot.'), { description: 'the example preview' });
    expect(await mail.innerText()).not.toContain('{{customer.name}}');

    // For the chosen ticket: its customer and number.
    await editor.getByLabel('Zgłoszenie do podglądu').fill(ticketNumber);
    await editor.getByText('Wypełnione danymi wybranego zgłoszenia').waitFor();
    await waitFor(async () => (await mail.innerText()).includes('Dzień dobry Anna Zielińska,'), { description: 'the ticket preview' });
    expect(await mail.innerText()).toContain(`Zwrot w zgłoszeniu ${ticketNumber}`);
    await saveScreenshot(page, 'admin-template-preview');

    // A misspelt placeholder: the API names it and the preview says so.
    await editor.getByLabel('Treść').fill('Dzień dobry {{customer.nmae}}');
    await waitFor(async () => /customer\.nmae/.test(await editor.getByRole('status').filter({ hasText: 'nmae' }).first().innerText()), {
      description: 'the placeholder error',
    });
    await editor.getByLabel('Treść').fill('Dzień dobry {{customer.name}},\nprzyjęliśmy zwrot.');
    await waitFor(async () => (await mail.innerText()).includes('Dzień dobry Anna Zielińska,'), { description: 'the preview again' });

    await editor.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano szablon Potwierdzenie zwrotu').waitFor();
    const saved = (await templates()).find((template) => template.title === 'Potwierdzenie zwrotu');
    expect(saved).toMatchObject({ body: 'Dzień dobry {{customer.name}},\nprzyjęliśmy zwrot.', active: true, language: 'pl' });

    // Switched off from the list's editor.
    const row = page.getByRole('table', { name: 'Szablony' }).getByRole('row').filter({ hasText: 'Potwierdzenie zwrotu' });
    await row.getByRole('button', { name: 'Edytuj: Potwierdzenie zwrotu' }).click();
    const edit = page.getByRole('region', { name: 'Szablon: Potwierdzenie zwrotu' });
    await edit.getByLabel('Aktywny').uncheck();
    await edit.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano szablon Potwierdzenie zwrotu').waitFor();
    await row.getByRole('cell', { name: 'nie', exact: true }).waitFor();
    expect((await templates()).find((template) => template.id === saved!.id)?.active).toBe(false);
  });

  it('creates an API token for chosen queues, shown once with a copy button, and revokes it', async () => {
    const page = await sessions.loggedIn('/admin/api-tokens');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('heading', { name: 'Tokeny API', level: 1 }).waitFor();
    const create = page.getByRole('region', { name: 'Nowy token' });
    await create.getByLabel('Do czego służy').fill('Integracja sklepu');
    // An agent token works only the tickets of the queues ticked.
    await create.getByRole('group', { name: 'Kolejki' }).getByLabel('Reklamacje', { exact: true }).check();
    await create.getByRole('button', { name: 'Utwórz token' }).click();
    await page.getByText('Utworzono token „Integracja sklepu”').waitFor();
    const secret = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(20);

    await page.getByRole('button', { name: 'Kopiuj' }).click();
    await page.getByText('Skopiowano do schowka').waitFor();
    // The page's own clipboard, read the way the page wrote it (this file is type-checked without DOM types).
    const clipboard = await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
    );
    expect(clipboard).toBe(secret);

    // The token works as an integration would use it.
    const me = await request(product.baseUrl).get(`${API}/auth/me`).set('Authorization', `Bearer ${secret}`);
    expect(me.status).toBe(200);

    // Once dismissed, the secret is gone from the page; the list shows only its beginning.
    await page.getByRole('button', { name: 'Gotowe' }).click();
    expect(await page.getByText(secret).count()).toBe(0);
    const row = page.getByRole('table', { name: 'Tokeny API' }).getByRole('row').filter({ hasText: 'Integracja sklepu' });
    await row.getByRole('cell', { name: 'Aktywny', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Reklamacje', exact: true }).waitFor();
    const complaints = ((await admin.get('/queues')).body.items as { id: string; slug: string }[]).find((q) => q.slug === 'complaints')!;
    const stored = ((await admin.get('/api-tokens')).body.items as { name: string; queueIds: string[] }[]).find((t) => t.name === 'Integracja sklepu');
    expect(stored?.queueIds).toEqual([complaints.id]);
    expect(secret.startsWith((await row.locator('code').innerText()).replace('…', ''))).toBe(true);
    await saveScreenshot(page, 'admin-api-tokens');

    page.on('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Unieważnij token Integracja sklepu' }).click();
    await page.getByText('Unieważniono token Integracja sklepu').waitFor();
    await row.getByRole('cell', { name: 'Unieważniony', exact: true }).waitFor();
    const refused = await request(product.baseUrl).get(`${API}/auth/me`).set('Authorization', `Bearer ${secret}`);
    expect(refused.status).toBe(401);
  });
});
