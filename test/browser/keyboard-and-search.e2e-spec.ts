import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { launchBrowser, saveScreenshot, seriousAccessibilityProblems } from '../support/browser.js';
import { closePanelAfterTests, PANEL_WAIT_MS, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The agent's keyboard in a real headless Chromium: the ticket list driven by
// j/k, x, s, a, e and Enter, the preview pane beside it (remembered for the
// agent), the SLA column, g t / g l, the shortcuts help; the global search
// box (/) with results as you type and arrow keys; the customer search as you
// type. In Polish and in English, with no serious accessibility problems.

jest.setTimeout(150_000);

type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'none';
const SLA_PL: Record<SlaState, string> = { ok: 'W terminie', warning: 'Zagrożone', breached: 'Przekroczone', paused: 'Wstrzymane', none: 'Brak SLA' };

// A 1×1 PNG.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

interface Seeded {
  id: string;
  number: string;
  subject: string;
}

describe('agent panel: keyboard, preview pane and search', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let ewa: CreatedUser;
  const tickets = {} as Record<'shoes' | 'invoice' | 'address', Seeded>;
  const sessions = panelSessions(() => browser, () => product);
  closePanelAfterTests(sessions, () => [browser, product]);

  async function createTicket(subject: string, customer: { email: string; name: string }, body: string): Promise<Seeded> {
    const res = await admin.post('/tickets', { subject, customer, message: { body } });
    if (res.status !== 201) throw new Error(`creating a ticket failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, number: res.body.number as string, subject };
  }

  async function ticketState(id: string): Promise<{ status: string; assigneeId: string | null; snoozedUntil: string | null }> {
    return (await admin.get(`/tickets/${id}`)).body as { status: string; assigneeId: string | null; snoozedUntil: string | null };
  }

  function ticketTable(page: Page, name = 'Lista zgłoszeń') {
    return page.getByRole('table', { name });
  }

  /** The numbers of the list's rows, top to bottom. */
  function shownNumbers(page: Page, name?: string): Promise<string[]> {
    return ticketTable(page, name).locator('tbody .ticket-table__number').allInnerTexts();
  }

  /** The number of the row the keyboard is on (as screen readers hear it: the current link). */
  async function currentNumber(page: Page): Promise<string | null> {
    const current = ticketTable(page).locator('tbody a[aria-current="true"]');
    return (await current.count()) === 1 ? (await current.innerText()).trim() : null;
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    ewa = await createUser(product, admin, { email: 'ewa@okienko.test', name: 'Ewa Lis' });
    for (const queue of (await admin.get('/queues')).body.items as { id: string }[]) {
      expect((await admin.put(`/queues/${queue.id}/members`, { userIds: [ewa.id] })).status).toBe(200);
    }
    tickets.shoes = await createTicket('Reklamacja butów', { email: 'jan.wojcik@example.pl', name: 'Jan Wójcik' }, 'Buty się rozkleiły po tygodniu noszenia.');
    tickets.invoice = await createTicket('Pytanie o fakturę', { email: 'anna.dabrowska@example.pl', name: 'Anna Dąbrowska' }, 'Proszę o fakturę VAT na firmę.');
    tickets.address = await createTicket('Zmiana adresu dostawy', { email: 'piotr.nowak@example.pl', name: 'Piotr Nowak' }, 'Proszę wysłać paczkę na nowy adres.');
    expect((await admin.patch(`/tickets/${tickets.invoice.id}`, { status: 'waiting_customer' })).status).toBe(200);
  }, 150_000);

  it('in Polish: j/k with the preview, x, s snoozes, a assigns, e resolves, Enter opens, g l and g t move between pages', async () => {
    const page = await sessions.loggedIn('/tickets', ewa);
    await ticketTable(page).getByRole('link', { name: tickets.shoes.number }).waitFor();
    const order = await shownNumbers(page);
    expect(order).toEqual([tickets.address.number, tickets.invoice.number, tickets.shoes.number]);

    // The SLA column, as on Today: each ticket's state as the API has it.
    await ticketTable(page).getByRole('columnheader', { name: 'SLA' }).waitFor();
    const listed = (await admin.get('/tickets')).body as { items: { number: string; sla: { state: SlaState } }[] };
    for (const item of listed.items) {
      await ticketTable(page).getByRole('row').filter({ hasText: item.number }).getByText(SLA_PL[item.sla.state], { exact: true }).waitFor();
    }

    // ? lists the shortcuts in Polish.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Skróty klawiszowe' });
    await help.getByText('Następne zgłoszenie na liście').waitFor();
    await help.getByText('Przejdź do widoku „Na dziś”').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // The preview pane: off at first, p turns it on; j/k move through the list and it shows the ticket's messages.
    const previewToggle = page.getByRole('checkbox', { name: 'Podgląd' });
    expect(await previewToggle.isChecked()).toBe(false);
    await page.locator('body').focus();
    await page.keyboard.press('p');
    await waitFor(() => previewToggle.isChecked(), { timeoutMs: PANEL_WAIT_MS, description: 'the preview on' });
    const preview = page.getByRole('complementary', { name: 'Podgląd zgłoszenia' });
    await preview.getByText('Wskaż zgłoszenie').waitFor();
    await page.keyboard.press('j');
    await preview.getByText('Proszę wysłać paczkę na nowy adres.').waitFor();
    expect(await currentNumber(page)).toBe(tickets.address.number);
    await page.keyboard.press('j');
    await preview.getByText('Proszę o fakturę VAT na firmę.').waitFor();
    await preview.getByRole('heading', { name: /Pytanie o fakturę/ }).waitFor();
    expect(await currentNumber(page)).toBe(tickets.invoice.number);
    // Still on the list.
    expect(new URL(page.url()).pathname).toBe('/tickets');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, 'ticket-list-preview');

    // x ticks the current ticket for bulk actions, and again unticks it.
    const tick = page.getByRole('checkbox', { name: `Zaznacz zgłoszenie ${tickets.invoice.number}` });
    await page.keyboard.press('x');
    await waitFor(() => tick.isChecked(), { timeoutMs: PANEL_WAIT_MS, description: 'ticked' });
    await page.getByText('Zaznaczono 1 zgłoszenie').waitFor();
    await page.keyboard.press('x');
    await waitFor(async () => !(await tick.isChecked()), { timeoutMs: PANEL_WAIT_MS, description: 'unticked' });

    // s snoozes the waiting ticket: it leaves the list, and the cursor goes on to the next one.
    await page.keyboard.press('s');
    const snooze = page.getByRole('dialog', { name: `Uśpij zgłoszenie ${tickets.invoice.number}` });
    await snooze.getByRole('button', { name: /Jutro 9:00/ }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await snooze.getByRole('button', { name: /Jutro 9:00/ }).click();
    await page.getByText(new RegExp(`Zgłoszenie ${tickets.invoice.number} uśpione do `)).waitFor();
    expect((await ticketState(tickets.invoice.id)).snoozedUntil).not.toBeNull();
    await waitFor(async () => !(await shownNumbers(page)).includes(tickets.invoice.number), { timeoutMs: PANEL_WAIT_MS, description: 'the snoozed ticket gone' });
    await waitFor(async () => (await currentNumber(page)) === tickets.shoes.number, { timeoutMs: PANEL_WAIT_MS, description: 'the cursor on the next ticket' });

    // a assigns the current ticket to me, e resolves it (keys pressed with the list's current row focused, as after
    // the dialog the focus is wherever the browser put it back).
    await ticketTable(page).locator('tbody a[aria-current="true"]').focus();
    await page.keyboard.press('a');
    await waitFor(async () => (await ticketState(tickets.shoes.id)).assigneeId === ewa.id, { timeoutMs: PANEL_WAIT_MS, description: 'assigned to me' });
    await page.keyboard.press('e');
    await page.getByText(`Rozwiązano: ${tickets.shoes.number}`).waitFor();
    expect((await ticketState(tickets.shoes.id)).status).toBe('resolved');

    // s on a ticket that is not waiting says why nothing happens.
    await page.keyboard.press('k');
    await waitFor(async () => (await currentNumber(page)) === tickets.address.number, { timeoutMs: PANEL_WAIT_MS, description: 'back up' });
    await page.keyboard.press('s');
    await page.getByText(`Zgłoszenie ${tickets.address.number} nie czeka na klienta ani na nikogo innego, więc nie można go uśpić.`).waitFor();

    // The preview is remembered for Ewa; Enter opens the current ticket.
    await page.reload();
    await ticketTable(page).getByRole('link', { name: tickets.address.number }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Podgląd' }).isChecked()).toBe(true);
    await page.keyboard.press('j');
    await preview.getByText('Proszę wysłać paczkę na nowy adres.').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/tickets/${tickets.address.number}`);
    await page.getByRole('heading', { name: 'Zmiana adresu dostawy' }).waitFor();

    // g l and g t, from any page.
    await page.locator('body').focus();
    await page.keyboard.press('g');
    await page.keyboard.press('l');
    await page.waitForURL((url) => url.pathname === '/tickets');
    await ticketTable(page).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.waitForURL((url) => url.pathname === '/today');
    // Typing in a field is typing, not shortcuts.
    await page.keyboard.press('/');
    const search = page.getByRole('combobox', { name: 'Wyszukiwarka zgłoszeń' });
    await waitFor(() => search.evaluate((element) => element === element.ownerDocument.activeElement), { timeoutMs: PANEL_WAIT_MS, description: '/ focuses the search' });
    await page.keyboard.type('gl');
    expect(await search.inputValue()).toBe('gl');
    expect(new URL(page.url()).pathname).toBe('/today');
  });

  it('in English: the global search finds tickets as you type and opens them by keyboard; the list, its preview and help; customers searched as you type', async () => {
    const page = await sessions.loggedIn('/today', ewa);
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    const search = page.getByRole('combobox', { name: 'Search tickets' });
    await search.waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('/');
    await waitFor(() => search.evaluate((element) => element === element.ownerDocument.activeElement), { timeoutMs: PANEL_WAIT_MS, description: '/ focuses the search' });

    // A word of the message's text, typed: the results come without pressing Enter.
    await page.keyboard.type('rozkleiły', { delay: 30 });
    const results = page.getByRole('listbox', { name: 'Search results' });
    const shoes = results.getByRole('option', { name: new RegExp(`${tickets.shoes.number}.*Reklamacja butów`) });
    await shoes.waitFor();
    await results.getByRole('option', { name: /All results for “rozkleiły” \(1\)/ }).waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, 'global-search');
    await page.keyboard.press('ArrowDown');
    expect(await shoes.getAttribute('aria-selected')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await shoes.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/tickets/${tickets.shoes.number}`);
    await page.getByRole('heading', { name: 'Reklamacja butów' }).waitFor();

    // By the customer's name, whatever the case (Anna's ticket is snoozed by now: the search finds it too).
    await search.fill('wójcik');
    await results.getByRole('option', { name: new RegExp(`${tickets.shoes.number}.*Reklamacja butów.*Jan Wójcik`) }).waitFor();
    await search.fill('Dąbrowska');
    await results.getByRole('option', { name: new RegExp(`${tickets.invoice.number}.*Pytanie o fakturę.*Anna Dąbrowska`) }).waitFor();
    expect(await results.getByRole('option', { name: /Jan Wójcik/ }).count()).toBe(0);

    // By number and by subject; Enter with no result chosen opens the list searched for the same words.
    await search.fill(tickets.address.number);
    await results.getByRole('option', { name: new RegExp(`${tickets.address.number}.*Zmiana adresu dostawy`) }).waitFor();
    await search.fill('faktur');
    await results.getByRole('option', { name: new RegExp(`${tickets.invoice.number}.*Pytanie o fakturę`) }).waitFor();
    expect(await results.getByRole('option', { name: /Reklamacja butów/ }).count()).toBe(0);
    await search.fill('nieistniejącesłowo');
    // Said in the results' place, and to screen readers.
    await page.getByRole('search').getByText('Nothing found for “nieistniejącesłowo”').nth(1).waitFor();
    await page.getByRole('search').locator('[aria-live="polite"]').filter({ hasText: 'Nothing found for “nieistniejącesłowo”' }).waitFor({ state: 'attached' });
    await search.fill('paczkę');
    await results.getByRole('option', { name: /Zmiana adresu dostawy/ }).waitFor();
    await search.press('Enter');
    await page.waitForURL((url) => url.pathname === '/tickets' && url.searchParams.get('q') === 'paczkę');
    await ticketTable(page, 'Ticket list').getByRole('link', { name: tickets.address.number }).waitFor();
    expect(await results.isVisible()).toBe(false);

    // The list in English: the SLA column, the shortcuts help, the preview (off for this browser until turned on).
    await page.goto('/tickets');
    const table = ticketTable(page, 'Ticket list');
    await table.getByRole('link', { name: tickets.address.number }).waitFor();
    await table.getByRole('columnheader', { name: 'SLA' }).waitFor();
    await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Next ticket in the list').waitFor();
    await help.getByText('Assign to me (the selected or the current one)').waitFor();
    await help.getByText('Search tickets').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    const previewToggle = page.getByRole('checkbox', { name: 'Preview' });
    await previewToggle.check();
    await page.locator('body').focus();
    await page.keyboard.press('j');
    const preview = page.getByRole('complementary', { name: 'Ticket preview' });
    await preview.getByText('Proszę wysłać paczkę na nowy adres.').waitFor();
    await preview.getByRole('link', { name: /Open ticket/ }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Customers are searched as the agent types (no Enter), the newest words winning.
    await page.goto('/customers');
    const customerSearch = page.getByRole('searchbox', { name: 'Find a customer' });
    await page.getByText('Jan Wójcik').first().waitFor();
    await customerSearch.pressSequentially('Dąbr', { delay: 40 });
    await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('q') === 'Dąbr');
    await page.getByRole('link', { name: 'Anna Dąbrowska' }).waitFor();
    await waitFor(async () => (await page.getByText('Jan Wójcik').count()) === 0, { timeoutMs: PANEL_WAIT_MS, description: 'only the matching customer' });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('in Polish: a picture pasted into the formatted text stays in it, inline, and is kept with the message', async () => {
    const page = await sessions.loggedIn(`/tickets/${tickets.address.number}`, ewa);
    await page.getByRole('heading', { name: 'Zmiana adresu dostawy' }).waitFor();
    await page.getByLabel('Formatowanie').check();
    const box = page.getByRole('textbox', { name: 'Treść', exact: true });
    await box.click();
    await page.keyboard.type('Zdjęcie etykiety: ');
    // The clipboard holds a screenshot (a 1×1 PNG), as a paste from a screenshot tool hands it over.
    await box.evaluate(`(() => {
      const bytes = Uint8Array.from(atob('${PNG_BASE64}'), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'etykieta.png', { type: 'image/png' }));
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await box.locator('img[alt="etykieta.png"]').waitFor();
    // Inline, not an attachment.
    expect(await page.getByText('etykieta.png', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Dodaj notatkę wewnętrzną' }).click();
    await page.getByText('Notatka dodana').waitFor();
    const stored = await waitFor(async () => {
      const detail = (await admin.get(`/tickets/${tickets.address.id}`)).body as { messages: { bodyHtml: string | null; bodyText: string }[] };
      return detail.messages.find((message) => message.bodyText.includes('Zdjęcie etykiety'));
    });
    expect(stored.bodyHtml).toContain(`<img src="data:image/png;base64,${PNG_BASE64}" alt="etykieta.png"`);
    expect(stored.bodyText).not.toContain('base64');
  });
});
