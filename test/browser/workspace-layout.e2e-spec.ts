import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, createUser, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The panel on a 1440×900 screen: the ticket list fits (its last column inside
// the window, customers on one line, filter names whole), the customer's other
// tickets keep their whole titles, forms line their labels up and links look
// like the panel's links.

jest.setTimeout(120_000);

const LONG_SUBJECT = 'Reklamacja zamówienia nr 1011 — uszkodzona paczka i brakujące elementy zestawu mebli ogrodowych';

describe('agent panel layout at 1440×900', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  const sessions = panelSessions(() => browser, () => product);

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const customers = ['Małgorzata Wiśniewska-Dąbrowska', 'Grzegorz Brzęczyszczykiewicz'];
    for (let i = 0; i < 4; i += 1) {
      const res = await admin.post('/tickets', {
        subject: `${LONG_SUBJECT} (${i + 1})`,
        customer: { email: `klient${i % 2}@example.pl`, name: customers[i % 2] },
        message: { body: 'Dzień dobry, paczka przyszła uszkodzona.' },
      });
      expect(res.status).toBe(201);
    }
  }, 120_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  async function wide(path: string): Promise<Page> {
    const page = await sessions.loggedIn(path);
    await page.setViewportSize({ width: 1440, height: 900 });
    return page;
  }

  it('fits the ticket list: the last column inside the window, customer names on one line, filter names whole', async () => {
    const page = await wide('/tickets');
    const table = page.getByRole('table', { name: 'Lista zgłoszeń' });
    await table.getByRole('row').filter({ hasText: 'Małgorzata Wiśniewska-Dąbrowska' }).first().waitFor();
    await saveScreenshot(page, 'layout-ticket-list-1440');

    const lastHeader = table.getByRole('columnheader').last();
    const box = (await lastHeader.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
    // Nothing of the page scrolls sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1440);

    // A long customer name stays on one line: no taller than one line of the number beside it.
    const row = table.getByRole('row').filter({ hasText: 'Małgorzata Wiśniewska-Dąbrowska' }).first();
    const nameBox = (await row.getByText('Małgorzata Wiśniewska-Dąbrowska').boundingBox())!;
    const numberBox = (await row.getByRole('link').first().boundingBox())!;
    expect(nameBox.height).toBeLessThan(numberBox.height * 1.5);

    // Every filter shows its whole placeholder ("Wszystkie priorytety", "Wszystkie kategorie", …).
    const cut = (await page.evaluate(`[...document.querySelectorAll('.p-select-label, .p-multiselect-label')]
      .filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent.trim())`)) as string[];
    expect(cut).toEqual([]);
  });

  it('keeps the whole titles of the customer’s other tickets (two lines at most, the whole title on hover)', async () => {
    const page = await wide('/tickets');
    await page.getByRole('link', { name: '2026-000003' }).click();
    const others = page.locator('.customer__ticket-subject');
    await others.first().waitFor();
    expect(await others.first().getAttribute('title')).toBe(`${LONG_SUBJECT} (1)`);
    const lines = (await page.evaluate(`(() => { const el = document.querySelector('.customer__ticket-subject');
      return Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)); })()`)) as number;
    expect(lines).toBe(2);
    await saveScreenshot(page, 'layout-ticket-sidebar-1440');
  });

  it('lines up the labels of the new user form and shows the way back from a rule as a panel link', async () => {
    const page = await wide('/admin/users');
    const form = page.getByRole('region', { name: 'Nowy użytkownik' });
    await form.getByText('Imię i nazwisko').waitFor();
    const tops = await Promise.all(['Imię i nazwisko', 'E-mail', 'Hasło', 'Rola', 'Język'].map(async (label) => (await form.getByText(label, { exact: true }).boundingBox())!.y));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);

    await page.goto('/admin/rules/new');
    const back = page.getByRole('link', { name: '← Wróć do listy reguł' });
    await back.waitFor();
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.back-link')).textDecorationLine`)).toBe('none');
  });

  it('tells an agent in no queue to ask an administrator, and names the queue of the ticket assigned to her', async () => {
    const ewa = await createUser(product, admin, { email: 'ewa@okienko.test', name: 'Ewa Bez Kolejki' });
    const res = await admin.post('/tickets', {
      subject: 'Faktura do zamówienia', customer: { email: 'jan@example.pl', name: 'Jan Kowalski' }, message: { body: 'Proszę o fakturę.' }, assigneeId: ewa.id,
    });
    expect(res.status).toBe(201);
    const queueName = ((await admin.get('/queues')).body.items as { id: string; name: string }[]).find((queue) => queue.id === res.body.queueId)!.name;

    const page = await sessions.loggedIn('/today', { email: ewa.email, password: ewa.password });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByText('Nie należysz do żadnej kolejki — poproś administratora').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Faktura do zamówienia' });
    await row.getByRole('cell', { name: queueName, exact: true }).waitFor();
    expect(await page.getByText('Kolejka niedostępna').count()).toBe(0);
    await saveScreenshot(page, 'layout-agent-without-queue');
  });
});

