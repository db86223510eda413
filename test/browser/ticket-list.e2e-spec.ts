import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, PANEL_WAIT_MS, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The ticket list's further filters (category, channel, tag, creation dates),
// bulk actions on ticked tickets and saved views, in a real headless Chromium
// against the whole product on a fresh database.

jest.setTimeout(120_000);

interface Seeded {
  id: string;
  number: string;
  subject: string;
}

/** A local calendar date `days` ago, as a date field takes it. */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('agent panel: ticket list filters, bulk actions and saved views', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let anna: CreatedUser;
  const tickets: Record<'shoes' | 'invoice' | 'order' | 'jacket', Seeded> = {} as never;
  const sessions = panelSessions(() => browser, () => product);

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
    anna = await createUser(product, admin, { email: 'anna@okienko.test', name: 'Anna Nowak' });
    // Anna works in every queue, so every ticket of the list is hers to see.
    for (const queue of (await admin.get('/queues')).body.items as { id: string }[]) {
      expect((await admin.put(`/queues/${queue.id}/members`, { userIds: [anna.id] })).status).toBe(200);
    }
    const categories = (await admin.get('/categories')).body.items as { id: string; slug: string }[];
    const category = (slug: string) => categories.find((c) => c.slug === slug)!.id;
    const customer = { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' };

    tickets.shoes = await createTicket({
      subject: 'Reklamacja butów', customer, message: { body: 'Buty się rozkleiły.' },
      categoryId: category('complaint-return'), channel: 'email', tags: ['allegro'],
    });
    tickets.invoice = await createTicket({
      subject: 'Pytanie o fakturę', customer, message: { body: 'Proszę o fakturę.' },
      categoryId: category('invoice-payment'), channel: 'phone', tags: ['b2b'],
    });
    tickets.order = await createTicket({
      subject: 'Gdzie jest zamówienie', customer, message: { body: 'Nie widzę paczki.' },
      categoryId: category('order-status'), channel: 'chat', tags: ['allegro'],
    });
    tickets.jacket = await createTicket({
      subject: 'Zwrot kurtki', customer, message: { body: 'Oddaję kurtkę.' },
      categoryId: category('complaint-return'), channel: 'web_form',
    });
    expect((await admin.patch(`/tickets/${tickets.jacket.id}`, { status: 'closed' })).status).toBe(200);

    // Older tickets: the API opens tickets now, so their creation is moved back in the database.
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE tickets SET created_at = now() - interval '20 days' WHERE id = $1`, [tickets.shoes.id]);
      await db.query(`UPDATE tickets SET created_at = now() - interval '10 days' WHERE id = $1`, [tickets.invoice.id]);
    } finally {
      await db.end();
    }
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  /** Chooses `option` in the list labelled `label`, with the keyboard as a screen-reader user would open it. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  function ticketTable(page: Page) {
    return page.getByRole('table', { name: 'Lista zgłoszeń' });
  }

  async function waitForTickets(page: Page, expected: Seeded[], description: string): Promise<void> {
    const wanted = JSON.stringify(expected.map((ticket) => ticket.number).sort());
    await waitFor(async () => JSON.stringify((await ticketTable(page).getByRole('link').allInnerTexts()).sort()) === wanted, {
      timeoutMs: PANEL_WAIT_MS,
      description,
    });
  }

  function row(page: Page, ticket: Seeded) {
    return ticketTable(page).getByRole('row').filter({ hasText: ticket.number });
  }

  function query(page: Page): URLSearchParams {
    return new URL(page.url()).searchParams;
  }

  const all = () => Object.values(tickets);

  it('filters by category, channel, tag and creation dates, keeps each in the URL and after a reload', async () => {
    const page = await sessions.loggedIn('/tickets');
    await waitForTickets(page, all(), 'every ticket');

    await choose(page, 'Kategoria', 'Reklamacja lub zwrot');
    await waitForTickets(page, [tickets.shoes, tickets.jacket], 'the complaints');
    await choose(page, 'Kanał', 'e-mail');
    await waitForTickets(page, [tickets.shoes], 'the complaint that came by e-mail');
    expect(query(page).get('channel')).toBe('email');
    expect(query(page).get('category')).toMatch(/^[0-9a-f-]{36}$/);
    await page.reload();
    await waitForTickets(page, [tickets.shoes], 'the same tickets after a reload');
    await page.getByRole('combobox', { name: 'Kategoria', exact: true }).filter({ hasText: 'Reklamacja lub zwrot' }).waitFor();
    await page.getByRole('combobox', { name: 'Kanał', exact: true }).filter({ hasText: 'e-mail' }).waitFor();

    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await waitForTickets(page, all(), 'every ticket again');
    await page.getByLabel('Tag', { exact: true }).fill('allegro');
    await page.getByLabel('Tag', { exact: true }).press('Enter');
    await waitForTickets(page, [tickets.shoes, tickets.order], 'the tickets tagged allegro');
    expect(query(page).get('tag')).toBe('allegro');
    await page.reload();
    await waitForTickets(page, [tickets.shoes, tickets.order], 'the tag kept after a reload');
    expect(await page.getByLabel('Tag', { exact: true }).inputValue()).toBe('allegro');

    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await waitForTickets(page, all(), 'every ticket again');
    await page.getByLabel('Utworzone od').fill(daysAgo(15));
    await waitForTickets(page, [tickets.invoice, tickets.order, tickets.jacket], 'the tickets of the last 15 days');
    await page.getByLabel('Utworzone do').fill(daysAgo(5));
    await waitForTickets(page, [tickets.invoice], 'the ticket created 10 days ago');
    expect(query(page).get('from')).toBe(daysAgo(15));
    expect(query(page).get('to')).toBe(daysAgo(5));
    await page.reload();
    await waitForTickets(page, [tickets.invoice], 'the date range kept after a reload');
    expect(await page.getByLabel('Utworzone od').inputValue()).toBe(daysAgo(15));
    // The last day of the range counts whole.
    await page.getByLabel('Utworzone do').fill(daysAgo(0));
    await waitForTickets(page, [tickets.invoice, tickets.order, tickets.jacket], 'up to and including today');
  });

  it('assigns and sets the status of ticked tickets at once, says which were refused and why, and shows the change', async () => {
    const page = await sessions.loggedIn('/tickets');
    await waitForTickets(page, all(), 'every ticket');
    const bulk = page.getByRole('region', { name: 'Działania na zaznaczonych zgłoszeniach' });

    for (const ticket of [tickets.shoes, tickets.invoice, tickets.jacket]) {
      await page.getByRole('checkbox', { name: `Zaznacz zgłoszenie ${ticket.number}` }).check();
    }
    await bulk.getByText('Zaznaczono 3 zgłoszenia').waitFor();
    await choose(page, 'Przypisz do', 'Anna Nowak');
    await choose(page, 'Ustaw status', 'Oczekuje na klienta');
    await bulk.getByRole('button', { name: 'Zastosuj do zaznaczonych' }).click();

    const outcome = bulk.getByRole('status');
    await outcome.getByText('Zmieniono: 2. Odrzucono: 1.').waitFor();
    await outcome.getByText(`${tickets.jacket.number}: tego statusu nie można ustawić z obecnego`).waitFor();
    await saveScreenshot(page, 'ticket-list-bulk');
    for (const ticket of [tickets.shoes, tickets.invoice]) {
      await row(page, ticket).filter({ hasText: 'Anna Nowak' }).filter({ hasText: 'Oczekuje na klienta' }).waitFor();
    }
    // The refused ticket kept everything; the ticks are gone after the change.
    const jacketRow = (await row(page, tickets.jacket).innerText()).replace(/\s+/g, ' ');
    expect(jacketRow).toContain('Zamknięte');
    expect(jacketRow).toContain('Nieprzypisane');
    expect(await page.getByRole('checkbox', { name: `Zaznacz zgłoszenie ${tickets.shoes.number}` }).isChecked()).toBe(false);
    expect((await admin.get(`/tickets/${tickets.shoes.id}`)).body).toMatchObject({ assigneeId: anna.id, status: 'waiting_customer' });

    // Every ticket of the page at once: unassigned again, in another queue, with a tag.
    await page.getByRole('checkbox', { name: 'Zaznacz wszystkie zgłoszenia na tej stronie' }).check();
    await bulk.getByText('Zaznaczono 4 zgłoszenia').waitFor();
    await choose(page, 'Przypisz do', 'Nikogo (zwolnij)');
    await choose(page, 'Przenieś do kolejki', 'Sprzedaż');
    await bulk.getByLabel('Dodaj tag').fill('przejrzane');
    await bulk.getByRole('button', { name: 'Zastosuj do zaznaczonych' }).click();
    await outcome.getByText('Zmieniono 4 zgłoszenia').waitFor();
    await waitFor(async () => (await ticketTable(page).getByText('Anna Nowak').count()) === 0, { timeoutMs: PANEL_WAIT_MS, description: 'nobody assigned' });
    for (const ticket of all()) await row(page, ticket).filter({ hasText: 'Sprzedaż' }).waitFor();
    for (const ticket of all()) expect((await admin.get(`/tickets/${ticket.id}`)).body.tags).toContain('przejrzane');
  });

  it('saves the current filters as a view, opens it after a reload, renames and deletes it', async () => {
    const page = await sessions.loggedIn('/tickets');
    await waitForTickets(page, all(), 'every ticket');
    const views = page.getByRole('region', { name: 'Zapisane widoki' });
    await views.getByText('Nie masz jeszcze zapisanych widoków').waitFor();

    await choose(page, 'Kategoria', 'Reklamacja lub zwrot');
    await waitForTickets(page, [tickets.shoes, tickets.jacket], 'the complaints');
    await views.getByRole('button', { name: 'Zapisz bieżący widok' }).click();
    await views.getByLabel('Nazwa widoku').fill('Reklamacje');
    await views.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await views.getByRole('status').getByText('Zapisano widok „Reklamacje”').waitFor();
    expect(await views.getByRole('link', { name: 'Reklamacje' }).getAttribute('aria-current')).toBe('true');

    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await waitForTickets(page, all(), 'every ticket again');
    await page.reload();
    await waitForTickets(page, all(), 'every ticket after a reload');
    await views.getByRole('link', { name: 'Reklamacje' }).click();
    await waitForTickets(page, [tickets.shoes, tickets.jacket], 'the saved view of complaints');
    await page.getByRole('combobox', { name: 'Kategoria', exact: true }).filter({ hasText: 'Reklamacja lub zwrot' }).waitFor();
    await saveScreenshot(page, 'ticket-list-saved-view');

    await views.getByRole('button', { name: 'Zmień nazwę widoku Reklamacje' }).click();
    await views.getByLabel('Nowa nazwa widoku Reklamacje').fill('Reklamacje i zwroty');
    await views.getByLabel('Nowa nazwa widoku Reklamacje').press('Enter');
    await views.getByRole('link', { name: 'Reklamacje i zwroty' }).waitFor();
    await page.reload();
    await views.getByRole('link', { name: 'Reklamacje i zwroty' }).waitFor();

    await views.getByRole('button', { name: 'Usuń widok Reklamacje i zwroty' }).click();
    await views.getByRole('status').getByText('Usunięto widok „Reklamacje i zwroty”').waitFor();
    await views.getByText('Nie masz jeszcze zapisanych widoków').waitFor();
    expect((await admin.get('/saved-views')).body.total).toBe(0);
  });

  it('shows a view an admin shared to an agent, who opens it but cannot change it', async () => {
    const adminPage = await sessions.loggedIn('/tickets?channel=phone');
    await waitForTickets(adminPage, [tickets.invoice], 'the tickets that came by phone');
    const adminViews = adminPage.getByRole('region', { name: 'Zapisane widoki' });
    await adminViews.getByRole('button', { name: 'Zapisz bieżący widok' }).click();
    await adminViews.getByLabel('Nazwa widoku').fill('Przez telefon');
    await adminViews.getByLabel('Udostępnij wszystkim').check();
    await adminViews.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await adminViews.getByRole('link', { name: 'Przez telefon udostępniony' }).waitFor();

    const page = await sessions.loggedIn('/tickets', anna);
    await waitForTickets(page, all(), 'every ticket');
    const views = page.getByRole('region', { name: 'Zapisane widoki' });
    await views.getByRole('link', { name: /Przez telefon/ }).click();
    await waitForTickets(page, [tickets.invoice], 'the tickets that came by phone');
    expect(query(page).get('channel')).toBe('phone');
    expect(await views.getByRole('button', { name: /Usuń widok/ }).count()).toBe(0);
    // An agent saves private views only.
    await views.getByRole('button', { name: 'Zapisz bieżący widok' }).click();
    await views.getByLabel('Nazwa widoku').waitFor();
    expect(await views.getByLabel('Udostępnij wszystkim').count()).toBe(0);
  });
});
