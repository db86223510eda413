import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { launchBrowser, readDownload, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The reports dashboard in a real headless Chromium: the figures of tickets
// created through the API, filters kept in the URL, a CSV download with the
// session's token, charts with a table behind them, and agents kept out.

jest.setTimeout(120_000);

describe('agent panel: reports dashboard', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let ola: CreatedUser;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  async function newTicket(subject: string, priority: 'normal' | 'high'): Promise<string> {
    const res = await admin.post('/tickets', {
      subject,
      priority,
      customer: { email: 'klientka@example.pl', name: 'Klientka' },
      message: { body: `${subject}: proszę o pomoc` },
    });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  }

  async function setStatus(id: string, status: string): Promise<void> {
    expect((await admin.patch(`/tickets/${id}`, { status })).status).toBe(200);
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    ola = await createUser(product, admin, { email: 'ola@sklep.test', name: 'Ola Kowalska' });
    // The admin's replies below answer for the team: they must not make the admin the tickets' assignee.
    expect((await admin.patch('/settings', { assignOnReply: false })).status).toBe(200);

    // Three tickets today: one urgent matter answered and resolved, one answered,
    // resolved and reopened, one still waiting for Ola.
    const resolvedOne = await newTicket('Zwrot butów', 'high');
    const reopened = await newTicket('Reklamacja kurtki', 'normal');
    const waiting = await newTicket('Pytanie o dostawę', 'normal');
    for (const id of [resolvedOne, reopened]) {
      expect((await admin.post(`/tickets/${id}/messages`, { type: 'reply', body: 'Dzień dobry, już sprawdzamy.' })).status).toBe(201);
    }
    await setStatus(resolvedOne, 'resolved');
    await setStatus(reopened, 'resolved');
    await setStatus(reopened, 'open');
    expect((await admin.patch(`/tickets/${waiting}`, { assigneeId: ola.id })).status).toBe(200);
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  function card(page: Page, title: string): Locator {
    return page.getByRole('region', { name: title, exact: true });
  }

  /** The key numbers of a card as the user reads them: label → value. */
  async function figures(region: Locator): Promise<Record<string, string>> {
    const pairs = await region
      .locator('dt')
      .evaluateAll((terms) => terms.map((dt) => [dt.textContent?.trim() ?? '', dt.nextElementSibling?.textContent?.trim() ?? '']));
    return Object.fromEntries(pairs);
  }

  async function figuresBecome(region: Locator, expected: Record<string, string>): Promise<void> {
    await waitFor(
      async () => {
        expect(await figures(region)).toMatchObject(expected);
        return true;
      },
      { description: `the figures ${JSON.stringify(expected)}` },
    );
  }

  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('shows the figures of the last 30 days, narrows them by a filter kept in the URL and downloads the CSV', async () => {
    const page = await sessions.loggedIn('/');
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Raporty' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await page.getByRole('heading', { name: 'Raporty', level: 1 }).waitFor();
    expect(await page.title()).toBe('Raporty · Okienko');

    const volume = card(page, 'Liczba zgłoszeń');
    await figuresBecome(volume, {
      Utworzone: '3',
      Rozwiązane: '1',
      Zamknięte: '0',
      'Ponownie otwarte': '1',
      'Zaległe na początku': '0',
      'Zaległe na końcu': '2',
    });
    // The chart has a table with the same numbers behind it: one row per day of the default 30-day range.
    const volumeTable = volume.getByRole('table', { name: /^Zgłoszenia utworzone, rozwiązane/ });
    expect(await volumeTable.getByRole('row').count()).toBe(1 + 30);
    expect(await volume.locator('canvas').count()).toBe(1);
    const defaultFrom = await page.getByLabel('Od', { exact: true }).inputValue();
    const defaultTo = await page.getByLabel('Do', { exact: true }).inputValue();
    expect((Date.parse(defaultTo) - Date.parse(defaultFrom)) / 86_400_000).toBe(29);

    // The other cards with what happened: two answered, one resolved, two open now (one of them Ola's).
    const times = card(page, 'Czas reakcji');
    await times.getByRole('row', { name: /^Pierwsza odpowiedź/ }).waitFor();
    expect(await times.getByRole('row', { name: /^Pierwsza odpowiedź/ }).getByRole('cell').first().innerText()).toBe('2');
    expect((await figures(times))['Pierwsza odpowiedź – mediana']).toMatch(/^\d+ (s|min)$/);
    await figuresBecome(card(page, 'Obciążenie'), { 'Otwarte teraz': '2', 'Nieprzypisane teraz': '1', Odpowiedzi: '2' });
    const load = card(page, 'Obciążenie');
    const perAgent = load.getByRole('table', { name: 'Zgłoszenia otwarte teraz, rozwiązane i odpowiedzi każdego agenta' });
    await perAgent.getByRole('row', { name: /^Ola Kowalska/ }).waitFor();
    expect(await perAgent.getByRole('row', { name: /^Ola Kowalska/ }).getByRole('cell').allInnerTexts()).toEqual(['1', '0', '0']);
    await figuresBecome(card(page, 'Powody kontaktu'), { 'Utworzone zgłoszenia': '3' });
    await figuresBecome(card(page, 'Zadowolenie klientów'), { 'Oceny CSAT': '0', 'CSAT – średnia': '—' });
    await saveScreenshot(page, 'reports-dashboard');

    // Only the urgent matter: the figures change and the URL keeps the filter.
    await choose(page, 'Priorytet', 'Wysoki');
    await page.waitForURL((url) => url.searchParams.get('priority') === 'high');
    await figuresBecome(volume, { Utworzone: '1', Rozwiązane: '1', 'Ponownie otwarte': '0', 'Zaległe na końcu': '0' });

    // The same view from a bookmark.
    await page.reload();
    await page.getByRole('combobox', { name: 'Priorytet', exact: true }).filter({ hasText: 'Wysoki' }).waitFor();
    await figuresBecome(card(page, 'Liczba zgłoszeń'), { Utworzone: '1', Rozwiązane: '1' });

    // The CSV of the filtered report, downloaded with the session's token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Pobierz CSV: Liczba zgłoszeń' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`okienko-volume-${defaultFrom}-${defaultTo}.csv`);
    const csv = await readDownload(download);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('bucket,start,end,created,resolved,closed,reopened,backlog');
    expect(lines).toHaveLength(1 + 30);
    const totals = lines.slice(1).reduce(
      (sum, line) => {
        const cells = line.split(',');
        return { created: sum.created + Number(cells[3]), resolved: sum.resolved + Number(cells[4]) };
      },
      { created: 0, resolved: 0 },
    );
    expect(totals).toEqual({ created: 1, resolved: 1 });

    // Clearing the filters brings back everything.
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await page.waitForURL((url) => url.search === '');
    await figuresBecome(card(page, 'Liczba zgłoszeń'), { Utworzone: '3' });
  });

  it('groups by month and reads the dates from the URL', async () => {
    const page = await sessions.loggedIn('/');
    const to = new Date();
    const from = new Date(to.getFullYear(), to.getMonth() - 2, 1);
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await page.goto(`/reports?from=${iso(from)}&to=${iso(to)}`);
    expect(await page.getByLabel('Od', { exact: true }).inputValue()).toBe(iso(from));
    const volume = card(page, 'Liczba zgłoszeń');
    await figuresBecome(volume, { Utworzone: '3' });

    await choose(page, 'Grupuj według', 'Miesiące');
    await page.waitForURL((url) => url.searchParams.get('groupBy') === 'month' && url.searchParams.get('from') === iso(from));
    // Three months: the two before and this one, the tickets in the last.
    const table = volume.getByRole('table', { name: /^Zgłoszenia utworzone, rozwiązane/ });
    await waitFor(async () => (await table.getByRole('row').count()) === 1 + 3, { description: 'three monthly rows' });
    const lastRow = table.getByRole('row').last();
    expect((await lastRow.getByRole('cell').allInnerTexts()).slice(0, 2)).toEqual(['3', '1']);

    // The same dashboard in English.
    await page.getByLabel('Język interfejsu').selectOption('en');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await figuresBecome(card(page, 'Ticket volume'), { Created: '3', Resolved: '1', Reopened: '1', 'Backlog at end': '2' });
    await page.getByRole('button', { name: 'Download CSV: Customer satisfaction' }).waitFor();
  });

  it('keeps agents out of the reports', async () => {
    const page = await sessions.loggedIn('/reports', ola);
    await page.waitForURL((url) => url.pathname !== '/reports' && url.pathname !== '/login');
    const navigation = page.getByRole('navigation', { name: 'Nawigacja główna' });
    await navigation.getByRole('link', { name: 'Na dziś' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Raporty' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Raporty', level: 1 }).count()).toBe(0);
    // Nor does the API answer them.
    expect((await ola.api.get('/reports/volume')).status).toBe(403);
  });
});
