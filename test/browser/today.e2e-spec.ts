import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, newSession, saveScreenshot } from '../support/browser.js';
import { startProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The agent panel's "today to handle" page in a real headless Chromium,
// against the whole product on a fresh database with tickets seeded through the API.

jest.setTimeout(90_000);

const WAIT_MS = 15_000;

type Product = Awaited<ReturnType<typeof startProduct>>;
type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'none';

interface Seeded {
  id: string;
  number: string;
  subject: string;
}

const SLA_PL: Record<SlaState, string> = {
  ok: 'W terminie',
  warning: 'Zagrożone',
  breached: 'Przekroczone',
  paused: 'Wstrzymane',
  none: 'Brak SLA',
};
const SLA_EN: Record<SlaState, string> = {
  ok: 'On track',
  warning: 'At risk',
  breached: 'Breached',
  paused: 'Paused',
  none: 'No SLA',
};

describe('agent panel: today to handle', () => {
  let product: Product;
  let browser: Browser;
  let admin: ApiClient;
  const tickets: Record<'urgent' | 'normal' | 'unassigned', Seeded> = {} as never;
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[][] = [];

  async function createTicket(body: object): Promise<Seeded> {
    const res = await admin.post('/tickets', body);
    if (res.status !== 201) throw new Error(`creating a ticket failed: ${res.status} ${JSON.stringify(res.body)}`);
    const { id, number, subject } = res.body as Seeded;
    return { id, number, subject };
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const me = (await admin.get('/auth/me')).body as { id: string };

    tickets.normal = await createTicket({
      subject: 'Pytanie o fakturę',
      customer: { email: 'anna@example.pl', name: 'Anna Zielińska' },
      message: { body: 'Kiedy dostanę fakturę?' },
    });
    tickets.unassigned = await createTicket({
      subject: 'Zwrot towaru',
      customer: { email: 'piotr@example.pl', name: 'Piotr Nowak' },
      message: { body: 'Chcę zwrócić towar.' },
    });
    // Created last, so only its priority can put it first.
    tickets.urgent = await createTicket({
      subject: 'Sklep nie przyjmuje płatności',
      customer: { email: 'sklep@example.pl', name: 'Sklep Pod Lipą' },
      message: { body: 'Od rana nie działają płatności kartą.' },
      priority: 'urgent',
    });
    for (const ticket of [tickets.urgent, tickets.normal]) {
      const taken = await admin.patch(`/tickets/${ticket.id}`, { assigneeId: me.id });
      expect(taken.status).toBe(200);
    }
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors.splice(0).flat().map((error) => error.message)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  /** Opens `path` (the login page first) and logs in through the form. */
  async function loggedIn(path = '/'): Promise<Page> {
    const session = await newSession(browser, product.baseUrl);
    session.context.setDefaultTimeout(WAIT_MS);
    contexts.push(session.context);
    pageErrors.push(session.pageErrors);
    const page = session.page;
    await page.goto(path);
    await page.getByLabel('Adres e-mail').fill(product.admin.email);
    await page.getByLabel('Hasło').fill(product.admin.password);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    return page;
  }

  function todayTable(page: Page) {
    return page.getByRole('table', { name: /^(Zgłoszenia do obsłużenia dziś|Tickets to handle today)$/ });
  }

  async function shownNumbers(page: Page): Promise<string[]> {
    return todayTable(page).getByRole('link').allInnerTexts();
  }

  async function waitForNumbers(page: Page, expected: string[], description: string): Promise<void> {
    await waitFor(async () => JSON.stringify(await shownNumbers(page)) === JSON.stringify(expected), {
      timeoutMs: WAIT_MS,
      description,
    });
  }

  async function apiNumbers(scope: string): Promise<{ numbers: string[]; states: Map<string, SlaState> }> {
    const res = await admin.get(`/views/today?scope=${scope}`);
    expect(res.status).toBe(200);
    const items = (res.body as { items: { number: string; sla: { state: SlaState } }[] }).items;
    return { numbers: items.map((item) => item.number), states: new Map(items.map((item) => [item.number, item.sla.state])) };
  }

  function scopeButton(page: Page, name: string) {
    return page.getByRole('group', { name: /^(Zakres|Scope)$/ }).getByRole('button', { name, exact: true });
  }

  it('starts after login with my tickets, urgent first, and switches scope', async () => {
    const page = await loggedIn('/');
    await page.waitForURL((url) => url.pathname === '/today');
    await page.getByRole('heading', { name: 'Do obsłużenia dziś', level: 1 }).waitFor();
    expect(await page.title()).toBe('Na dziś · Okienko');
    const nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
    expect(await nav.getByRole('link', { name: 'Na dziś' }).getAttribute('href')).toBe('/today');

    // "Moje": only the two tickets assigned to the admin, the urgent one first.
    expect(await scopeButton(page, 'Moje').getAttribute('aria-pressed')).toBe('true');
    await waitForNumbers(page, [tickets.urgent.number, tickets.normal.number], 'my tickets, urgent first');

    // The SLA column: the state as a badge and the nearest deadline relative to now.
    const { states } = await apiNumbers('mine');
    const urgentRow = todayTable(page).getByRole('row').filter({ hasText: tickets.urgent.number });
    const state = states.get(tickets.urgent.number) ?? 'none';
    await urgentRow.getByText(SLA_PL[state], { exact: true }).waitFor();
    if (state !== 'none') {
      const deadline = (await urgentRow.locator('time').first().innerText()).trim();
      expect(deadline).toMatch(/^za \d+ |temu$/);
    }
    await saveScreenshot(page, 'today');

    // "Wszystkie": the unassigned ticket joins, the urgent one stays first.
    await scopeButton(page, 'Wszystkie').click();
    await page.waitForURL((url) => url.pathname === '/today' && url.searchParams.get('scope') === 'all');
    await waitFor(async () => (await shownNumbers(page)).includes(tickets.unassigned.number), {
      timeoutMs: WAIT_MS,
      description: 'the unassigned ticket on "Wszystkie"',
    });
    expect((await shownNumbers(page))[0]).toBe(tickets.urgent.number);
    expect((await shownNumbers(page)).sort()).toEqual((await apiNumbers('all')).numbers.sort());

    // "Mojego zespołu": whatever the API says the admin's queues hold.
    await scopeButton(page, 'Mojego zespołu').click();
    await page.waitForURL((url) => url.searchParams.get('scope') === 'team');
    await waitForNumbers(page, (await apiNumbers('team')).numbers, 'the team scope as the API answers it');

    // The scope survives a reload, and a row opens the ticket.
    await page.reload();
    expect(await scopeButton(page, 'Mojego zespołu').getAttribute('aria-pressed')).toBe('true');
    await page.goto('/today?scope=all');
    await waitFor(async () => (await shownNumbers(page)).includes(tickets.unassigned.number), {
      timeoutMs: WAIT_MS,
      description: 'the list after opening it by URL',
    });
    await todayTable(page).getByRole('row').filter({ hasText: tickets.unassigned.number }).getByText(tickets.unassigned.subject).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${tickets.unassigned.number}`);
  });

  it('speaks English', async () => {
    const page = await loggedIn('/today');
    await page.getByRole('heading', { name: 'Do obsłużenia dziś', level: 1 }).waitFor();
    await page.getByLabel('Język interfejsu').selectOption('en');
    await page.getByRole('heading', { name: 'To handle today', level: 1 }).waitFor();
    expect(await page.title()).toBe('Today · Okienko');
    expect(await scopeButton(page, 'Mine').getAttribute('aria-pressed')).toBe('true');
    await waitForNumbers(page, [tickets.urgent.number, tickets.normal.number], 'my tickets in English');

    const { states } = await apiNumbers('mine');
    const state = states.get(tickets.urgent.number) ?? 'none';
    const urgentRow = todayTable(page).getByRole('row').filter({ hasText: tickets.urgent.number });
    await urgentRow.getByText(SLA_EN[state], { exact: true }).waitFor();
    if (state !== 'none') {
      const deadline = (await urgentRow.locator('time').first().innerText()).trim();
      expect(deadline).toMatch(/^in \d+ (minute|hour|day)s?$|^\d+ (minute|hour|day)s? ago$/);
    }
    await scopeButton(page, 'Everything').click();
    await page.waitForURL((url) => url.searchParams.get('scope') === 'all');
    await waitFor(async () => (await shownNumbers(page)).includes(tickets.unassigned.number), {
      timeoutMs: WAIT_MS,
      description: 'the unassigned ticket on "Everything"',
    });
    await saveScreenshot(page, 'today-en');
  });
});
