import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, newSession, saveScreenshot } from '../support/browser.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The agent panel's ticket list and ticket page in a real headless Chromium,
// against the whole product on a fresh database, with tickets, a template and
// a rule seeded through the API and replies sent to a capturing SMTP relay.

jest.setTimeout(90_000);

const WAIT_MS = 15_000;
const FRAME_TITLE = 'Treść wiadomości (HTML)';

type Product = Awaited<ReturnType<typeof startProduct>>;

interface Seeded {
  id: string;
  number: string;
  subject: string;
}

describe('agent panel: ticket list and ticket page', () => {
  let product: Product;
  let sink: SmtpSink;
  let browser: Browser;
  let admin: ApiClient;
  let adminName: string;
  let adminId: string;
  const tickets: Record<'parcel' | 'shoes' | 'invoice' | 'hostile' | 'outage', Seeded> = {} as never;
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[][] = [];

  async function createTicket(body: object): Promise<Seeded> {
    const res = await admin.post('/tickets', body);
    if (res.status !== 201) throw new Error(`creating a ticket failed: ${res.status} ${JSON.stringify(res.body)}`);
    const { id, number, subject } = res.body as Seeded;
    return { id, number, subject };
  }

  async function expectCreated(path: string, body: object): Promise<void> {
    const res = await admin.post(path, body);
    if (res.status !== 201) throw new Error(`POST ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'sklep.test' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const me = (await admin.get('/auth/me')).body as { id: string; name: string };
    adminName = me.name;
    adminId = me.id;

    await expectCreated('/templates', {
      title: 'Status przesyłki',
      body: 'Dzień dobry {{customer.name}},\n\nprzesyłka ze zgłoszenia {{ticket.number}} jest już w drodze do Pana.\n\nPozdrawiamy',
    });
    await expectCreated('/templates', {
      title: 'Korekta faktury',
      body: 'Dzień dobry,\n\nw załączniku korekta dokumentu sprzedaży.',
    });
    await expectCreated('/rules', {
      name: 'Pilne awarie',
      trigger: 'ticket_created',
      enabled: true,
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains', value: 'awaria' }] },
      actions: [{ type: 'set_priority', priority: 'high' }],
    });

    tickets.parcel = await createTicket({
      subject: 'Paczka nie dotarła',
      customer: { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' },
      message: { body: 'Dzień dobry, paczka z zamówienia 4521 nie dotarła. Gdzie jest moja przesyłka?' },
    });
    tickets.shoes = await createTicket({
      subject: 'Zwrot butów',
      customer: { email: 'anna@example.pl', name: 'Anna Zielińska' },
      message: { body: 'Chcę oddać buty, są za małe.' },
    });
    const waiting = await admin.patch(`/tickets/${tickets.shoes.id}`, { status: 'waiting_customer' });
    expect(waiting.status).toBe(200);
    tickets.invoice = await createTicket({
      subject: 'Faktura do zamówienia 777',
      customer: { email: 'biuro@firma.example', name: 'Firma Sp. z o.o.' },
      message: { body: 'Proszę o fakturę na firmę.' },
      tags: ['b2b'],
    });
    const opened = await admin.patch(`/tickets/${tickets.invoice.id}`, { status: 'open' });
    expect(opened.status).toBe(200);
    // HTML as a hostile sender would write it; the API sanitises it, the panel must not trust that alone.
    tickets.hostile = await createTicket({
      subject: 'Oferta specjalna',
      customer: { email: 'spam@example.com' },
      message: {
        body: 'Oferta specjalna (tekst)',
        html: [
          '<p>Oferta HOSTILE-MARKER</p>',
          "<script>window.parent.__pwned = 'script'</script>",
          '<img src="x" onerror="window.parent.__pwned = \'img\'">',
          `<img src="${product.baseUrl}/tracking-pixel.gif?from=mail">`,
          '<div style="position:fixed;inset:0;z-index:2147483647;background:red">NAKŁADKA</div>',
          '<style>body { display: none }</style>',
        ].join(''),
      },
    });
    tickets.outage = await createTicket({
      subject: 'Awaria drukarki fiskalnej',
      customer: { email: 'sklep@example.pl', name: 'Sklep Pod Lipą' },
      message: { body: 'Drukarka nie drukuje paragonów.' },
    });
    const taken = await admin.patch(`/tickets/${tickets.outage.id}`, { assigneeId: adminId });
    expect(taken.status).toBe(200);
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors.splice(0).flat().map((error) => error.message)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await sink?.close();
  });

  async function openPanel(path: string): Promise<Page> {
    const session = await newSession(browser, product.baseUrl);
    session.context.setDefaultTimeout(WAIT_MS);
    contexts.push(session.context);
    pageErrors.push(session.pageErrors);
    await session.page.goto(path);
    return session.page;
  }

  /** Opens `path` (the login page first) and logs in through the form. */
  async function loggedIn(path = '/'): Promise<Page> {
    const page = await openPanel(path);
    await page.getByLabel('Adres e-mail').fill(product.admin.email);
    await page.getByLabel('Hasło').fill(product.admin.password);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    return page;
  }

  /** Chooses `option` in the list labelled `label`, with the keyboard as a screen-reader user would open it. */
  async function choose(page: Page, label: string, option: string, { multiple = false } = {}): Promise<void> {
    const box = page.getByRole('combobox', { name: label, exact: true });
    await box.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: option, exact: true }).click();
    if (multiple) {
      await page.keyboard.press('Escape');
      await page.getByRole('listbox').waitFor({ state: 'detached' });
    }
  }

  function ticketTable(page: Page) {
    return page.getByRole('table', { name: /^(Lista zgłoszeń|Ticket list)$/ });
  }

  /** The ticket numbers the table shows, in order. */
  async function shownNumbers(page: Page): Promise<string[]> {
    return ticketTable(page).getByRole('link').allInnerTexts();
  }

  async function waitForNumbers(page: Page, expected: Seeded[], description: string): Promise<void> {
    const wanted = expected.map((ticket) => ticket.number).sort();
    await waitFor(async () => JSON.stringify([...(await shownNumbers(page))].sort()) === JSON.stringify(wanted), {
      timeoutMs: WAIT_MS,
      description,
    });
  }

  function query(page: Page): URLSearchParams {
    return new URL(page.url()).searchParams;
  }

  /**
   * Records the page's requests for tracking URLs. Chromium reports a request
   * that the frame's policy blocks as started and then failed ("csp"); `settled`
   * waits until each has either failed or loaded.
   */
  function watchTracking(page: Page) {
    const started: string[] = [];
    const loaded: string[] = [];
    const blocked: string[] = [];
    const isTracking = (request: Request) => request.url().includes('tracking-pixel');
    page.on('request', (request) => isTracking(request) && started.push(request.url()));
    page.on('requestfinished', (request) => isTracking(request) && loaded.push(request.url()));
    page.on('requestfailed', (request) => isTracking(request) && blocked.push(`${request.url()} ${request.failure()?.errorText}`));
    return {
      loaded,
      blocked,
      settled: () =>
        waitFor(() => loaded.length + blocked.length === started.length, { timeoutMs: WAIT_MS, description: 'tracking requests to settle' }),
    };
  }

  function articleWith(page: Page, text: string) {
    return page.getByRole('article').filter({ hasText: text });
  }

  it('opens the ticket list after logging in, filters by status and by searched text, and keeps the view in the URL', async () => {
    // The work starts at "today to handle"; the ticket list is one click away.
    const page = await loggedIn('/');
    await page.waitForURL((url) => url.pathname === '/today');
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Zgłoszenia' }).click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    await page.getByRole('heading', { name: 'Zgłoszenia', level: 1 }).waitFor();
    expect(await page.title()).toBe('Zgłoszenia · Okienko');

    const all = Object.values(tickets);
    await waitForNumbers(page, all, 'every seeded ticket to be listed');
    await page.getByRole('status').filter({ hasText: '5 zgłoszeń' }).waitFor();

    // Every column, with Polish labels for statuses and priorities.
    const headers = await ticketTable(page).getByRole('columnheader').allInnerTexts();
    // The first column holds the ticks for bulk actions.
    expect(headers.map((header) => header.trim())).toEqual([
      '', 'Numer', 'Temat', 'SLA', 'Klient', 'Status', 'Priorytet', 'Kolejka', 'Przypisane', 'Utworzono',
    ]);
    const shoesRow = page.getByRole('row').filter({ hasText: 'Zwrot butów' });
    const shoesText = (await shoesRow.innerText()).replace(/\s+/g, ' ');
    expect(shoesText).toContain(tickets.shoes.number);
    expect(shoesText).toContain('Anna Zielińska');
    expect(shoesText).toContain('Oczekuje na klienta');
    expect(shoesText).toContain('Normalny');
    expect(shoesText).toContain('Ogólna');
    expect(shoesText).toContain('Nieprzypisane');
    // The rule made the outage urgent enough on creation.
    expect(await page.getByRole('row').filter({ hasText: 'Awaria drukarki fiskalnej' }).innerText()).toContain('Wysoki');

    // The side bar counts per queue and per status, from GET /queues.
    const sidebar = page.getByRole('navigation', { name: 'Kolejki i statusy' });
    await sidebar.getByRole('link', { name: 'Wszystkie kolejki 5 otwartych' }).waitFor();
    await sidebar.getByRole('link', { name: 'Ogólna 5 otwartych' }).waitFor();
    await sidebar.getByRole('link', { name: 'Nowe 3', exact: true }).waitFor();
    await sidebar.getByRole('link', { name: 'Oczekuje na klienta 1', exact: true }).waitFor();
    await saveScreenshot(page, 'ticket-list');

    // Filter by status.
    await choose(page, 'Status', 'Oczekuje na klienta', { multiple: true });
    await waitForNumbers(page, [tickets.shoes], 'only the ticket waiting for the customer');
    expect(query(page).get('status')).toBe('waiting_customer');
    await page.getByRole('status').filter({ hasText: '1 zgłoszenie' }).waitFor();

    await choose(page, 'Status', 'Otwarte', { multiple: true });
    await waitForNumbers(page, [tickets.shoes, tickets.invoice], 'open and waiting tickets');
    expect(query(page).get('status')).toBe('open,waiting_customer');

    // Mine only.
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await waitForNumbers(page, all, 'every ticket again');
    await choose(page, 'Przypisane do', 'Do mnie');
    await waitForNumbers(page, [tickets.outage], 'the ticket assigned to the admin');
    expect(query(page).get('assignee')).toBe('me');
    expect(await page.getByRole('row').filter({ hasText: 'Awaria drukarki fiskalnej' }).innerText()).toContain(adminName);

    // Search words without Polish letters find them; the filters above are cleared first.
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await waitForNumbers(page, all, 'every ticket again');
    await page.getByLabel('Szukaj').fill('przesylka');
    await waitForNumbers(page, [tickets.parcel], 'the ticket whose message mentions a parcel');
    expect(query(page).get('q')).toBe('przesylka');

    // The view is a bookmark: a reload (or a shared link) shows the same.
    await page.reload();
    await waitForNumbers(page, [tickets.parcel], 'the same search after a reload');
    expect(await page.getByLabel('Szukaj').inputValue()).toBe('przesylka');

    // A link with filters opens that view directly; the side bar's links are such filters.
    await page.goto('/tickets?priority=high');
    await waitForNumbers(page, [tickets.outage], 'high-priority tickets');
    await sidebar.getByRole('link', { name: 'Oczekuje na klienta 1', exact: true }).click();
    await waitForNumbers(page, [], 'no high-priority ticket waiting for the customer');
    await page.getByText('Żadne zgłoszenie nie spełnia tych kryteriów').waitFor();
    expect(query(page).get('status')).toBe('waiting_customer');
    expect(query(page).get('priority')).toBe('high');
  });

  it('filters by the SLA state: a ticket waiting for the customer has its clock paused', async () => {
    const page = await loggedIn('/tickets');
    await waitForNumbers(page, Object.values(tickets), 'every ticket');
    await choose(page, 'Termin SLA', 'Wstrzymane', { multiple: true });
    await waitFor(async () => query(page).get('sla') === 'paused', { description: 'the SLA filter in the URL' });
    await waitForNumbers(page, [tickets.shoes], 'only the ticket waiting for the customer');
    await page.reload();
    await waitForNumbers(page, [tickets.shoes], 'the filter kept after a reload');
  });

  it('sorts and pages through the list', async () => {
    const page = await loggedIn('/tickets?limit=25&sort=number');
    await waitForNumbers(page, Object.values(tickets), 'every ticket');
    const ascending = Object.values(tickets).map((ticket) => ticket.number).sort();
    expect(await shownNumbers(page)).toEqual(ascending);

    // Sorting by a column header, descending after a second click.
    await ticketTable(page).getByRole('columnheader', { name: 'Numer' }).click();
    await waitFor(async () => query(page).get('sort') === '-number', { description: 'descending sort in the URL' });
    await waitFor(async () => JSON.stringify(await shownNumbers(page)) === JSON.stringify([...ascending].reverse()), {
      description: 'numbers in descending order',
    });
    expect(await ticketTable(page).getByRole('columnheader', { name: 'Numer' }).getAttribute('aria-sort')).toBe('descending');

    // Pages: 25 a page is the smallest; the API's paging shows through offset.
    await page.goto('/tickets?sort=number&page=2');
    await page.getByText('Żadne zgłoszenie nie spełnia tych kryteriów').waitFor();
    await page.getByRole('button', { name: 'Pierwsza strona' }).waitFor();
  });

  it('changes the priority in place, and the change is still there after a reload', async () => {
    const page = await loggedIn('/tickets');
    await ticketTable(page).getByRole('link', { name: tickets.invoice.number }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${tickets.invoice.number}`);
    await page.getByRole('heading', { name: 'Faktura do zamówienia 777', level: 1 }).waitFor();
    expect(await page.title()).toBe('Zgłoszenie · Okienko');
    await page.getByText(`#${tickets.invoice.number}`).waitFor();
    await page.getByText('Kanał: telefon', { exact: true }).waitFor();
    await page.getByRole('group', { name: 'Tagi' }).getByText('b2b').waitFor();

    const priority = page.getByRole('combobox', { name: 'Priorytet', exact: true });
    await priority.filter({ hasText: 'Normalny' }).waitFor();
    await choose(page, 'Priorytet', 'Pilny');
    await page.getByRole('status').filter({ hasText: 'Zapisano: Priorytet' }).waitFor();
    await priority.filter({ hasText: 'Pilny' }).waitFor();
    // The history says who changed what.
    await page.getByText(`Priorytet: normalny → pilny (${adminName})`).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Faktura do zamówienia 777', level: 1 }).waitFor();
    await priority.filter({ hasText: 'Pilny' }).waitFor();
    const stored = await admin.get(`/tickets/${tickets.invoice.number}`);
    expect((stored.body as { priority: string }).priority).toBe('urgent');

    // The status offers only the moves the workflow allows (nothing goes back to "new").
    await choose(page, 'Status', 'Oczekuje na stronę trzecią');
    await page.getByRole('status').filter({ hasText: 'Zapisano: Status' }).waitFor();
    await page.getByRole('combobox', { name: 'Status', exact: true }).focus();
    await page.keyboard.press('Enter');
    const statuses = await page.getByRole('listbox').getByRole('option').allInnerTexts();
    expect(statuses.map((s) => s.trim())).toEqual(['Oczekuje na stronę trzecią', 'Otwarte', 'Oczekuje na klienta', 'Rozwiązane', 'Zamknięte']);
    await page.keyboard.press('Escape');

    // Tags are edited in place too.
    await page.getByLabel('Nowy tag').fill('pilne');
    await page.getByRole('button', { name: 'Dodaj tag' }).click();
    await page.getByRole('button', { name: 'Usuń tag pilne' }).waitFor();
    await waitFor(async () => ((await admin.get(`/tickets/${tickets.invoice.id}`)).body as { tags: string[] }).tags.includes('pilne'), {
      description: 'the new tag to be stored',
    });
    await saveScreenshot(page, 'ticket-page');
  });

  it('shows what a rule did in the history', async () => {
    const page = await loggedIn(`/tickets/${tickets.outage.number}`);
    await page.getByRole('heading', { name: 'Awaria drukarki fiskalnej', level: 1 }).waitFor();
    await page.getByText('Reguła „Pilne awarie” ustawiła priorytet: wysoki').waitFor();
    await page.getByText('Zgłoszenie utworzone (kanał: telefon)').waitFor();
    await articleWith(page, 'Drukarka nie drukuje paragonów.').filter({ hasText: 'Wiadomość od klienta' }).waitFor();
  });

  it('works from the keyboard: assign to me, reply with Ctrl+Enter, the status, the list of shortcuts and the next ticket', async () => {
    const mine = await createTicket({
      subject: 'Skróty: pytanie o fakturę', customer: { email: 'skroty@example.pl', name: 'Sylwia Skrót' }, message: { body: 'Proszę o fakturę.' },
    });
    const page = await loggedIn(`/tickets/${mine.number}`);
    await page.getByRole('heading', { name: 'Skróty: pytanie o fakturę', level: 1 }).waitFor();

    await page.keyboard.press('a');
    await page.getByRole('combobox', { name: 'Przypisane do', exact: true }).filter({ hasText: adminName }).waitFor();
    await waitFor(async () => ((await admin.get(`/tickets/${mine.id}`)).body as { assigneeId: string | null }).assigneeId === adminId, {
      description: 'the ticket to be assigned to me',
    });

    await page.keyboard.press('r');
    const body = page.getByLabel('Treść', { exact: true });
    await expect(body.evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
    await page.keyboard.type('Faktura jest w załączniku.');
    await page.keyboard.press('Control+Enter');
    await articleWith(page, 'Faktura jest w załączniku.').waitFor();
    await sink.waitFor((m) => m.envelope.rcptTo.includes('skroty@example.pl'));

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await expect(page.getByRole('combobox', { name: 'Status', exact: true }).evaluate((el) => el.matches(':focus'))).resolves.toBe(true);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Skróty klawiszowe' });
    await help.getByText('Przypisz do mnie').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // The next ticket of my "today to handle": the outage ticket is assigned to me as well.
    await page.keyboard.press('j');
    await page.waitForURL((url) => url.pathname.startsWith('/tickets/') && url.pathname !== `/tickets/${mine.number}`);
  });

  it("shows the customer's answer to the satisfaction survey sent after closing", async () => {
    await expectCreated('/rules', {
      name: 'Ankieta po zamknięciu', trigger: 'ticket_closed', enabled: true,
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains', value: 'ankieta' }] },
      actions: [{ type: 'send_survey', kind: 'csat' }],
    });
    const rated = await createTicket({
      subject: 'Ankieta: pytanie o rozmiar', customer: { email: 'ocena@example.pl', name: 'Ola Ocena' }, message: { body: 'Czy jest rozmiar 42?' },
    });
    expect((await admin.patch(`/tickets/${rated.id}`, { status: 'closed' })).status).toBe(200);
    const mail = await sink.waitFor((m) => m.envelope.rcptTo.includes('ocena@example.pl'));
    const token = /\/survey\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];
    const answered = await fetch(`${product.baseUrl}/api/v1/surveys/${token}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 4, comment: 'Szybka odpowiedź, dziękuję' }),
    });
    expect(answered.status).toBe(200);

    const page = await loggedIn(`/tickets/${rated.number}`);
    const card = page.getByRole('region', { name: 'Ocena klienta' });
    await card.getByText('Ocena: 4 / 5').waitFor();
    await card.getByText('Szybka odpowiedź, dziękuję').waitFor();
    await page.getByText('Klient ocenił obsługę: 4 / 5').waitFor();
    await page.getByText('Wysłano klientowi ankietę CSAT').waitFor();
  });

  it('replies with a suggested template, sends it to the customer and adds an internal note', async () => {
    const page = await loggedIn(`/tickets/${tickets.parcel.number}`);
    await page.getByRole('heading', { name: 'Paczka nie dotarła', level: 1 }).waitFor();
    const customerMessage = articleWith(page, 'Gdzie jest moja przesyłka?');
    expect(await customerMessage.innerText()).toContain('Wiadomość od klienta');

    // The template closest to the customer's message comes first, under "Suggested".
    await page.getByRole('combobox', { name: 'Szablon', exact: true }).focus();
    await page.keyboard.press('Enter');
    const listbox = page.getByRole('listbox');
    await listbox.getByText('Sugerowane').waitFor();
    const offered = (await listbox.getByRole('option').allInnerTexts()).map((option) => option.trim());
    // (A fresh installation brings its own templates too.)
    expect(offered[0]).toBe('Sugerowane');
    const rest = offered.indexOf('Wszystkie szablony');
    expect(offered.indexOf('Status przesyłki')).toBeGreaterThan(0);
    expect(offered.indexOf('Status przesyłki')).toBeLessThan(rest);
    expect(offered.indexOf('Korekta faktury')).toBeGreaterThan(rest);
    await listbox.getByRole('option', { name: 'Status przesyłki', exact: true }).click();

    // The template arrives filled in for this ticket.
    const body = page.getByLabel('Treść', { exact: true });
    await waitFor(async () => (await body.inputValue()).includes('jest już w drodze'), { description: 'the template text in the editor' });
    const text = await body.inputValue();
    expect(text).toContain('Dzień dobry Jan Kowalski,');
    expect(text).toContain(`przesyłka ze zgłoszenia ${tickets.parcel.number} jest już w drodze do Pana.`);

    // After the reply the ticket waits for the customer (the default choice).
    await page.getByRole('combobox', { name: 'Status po wysłaniu', exact: true }).filter({ hasText: 'Oczekuje na klienta' }).waitFor();
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();

    const reply = articleWith(page, 'jest już w drodze do Pana.');
    await reply.waitFor();
    expect(await reply.innerText()).toContain('Odpowiedź');
    // The relay took it: the thread follows the delivery until it is sent.
    await reply.getByText('Wysłana').waitFor();
    expect(await body.inputValue()).toBe('');
    await page.getByRole('combobox', { name: 'Status', exact: true }).filter({ hasText: 'Oczekuje na klienta' }).waitFor();
    const mail = await sink.waitFor((m) => m.to.includes('jan.kowalski@example.pl'));
    expect(mail.text).toContain('jest już w drodze do Pana.');

    // An internal note: marked as such, never mistaken for a reply.
    await body.fill('Klient dzwonił, prosi o kontakt po 15:00.');
    await page.getByRole('button', { name: 'Dodaj notatkę wewnętrzną' }).click();
    const note = articleWith(page, 'Klient dzwonił, prosi o kontakt po 15:00.');
    await note.waitFor();
    const noteText = await note.innerText();
    expect(noteText).toContain('Notatka wewnętrzna');
    expect(noteText).not.toContain('Odpowiedź');
    expect(noteText).not.toContain('Wysłana');
    await page.getByRole('status').filter({ hasText: 'Notatka dodana' }).waitFor();
    await saveScreenshot(page, 'ticket-reply');
  });

  it('shows HTML mail in a sandbox where nothing of it runs or leaves its frame', async () => {
    const page = await loggedIn('/tickets');
    await page.waitForURL((url) => url.pathname === '/tickets');
    const tracking = watchTracking(page);

    await page.goto(`/tickets/${tickets.hostile.number}`);
    const frameElement = page.getByTitle(FRAME_TITLE);
    const frame = frameElement.contentFrame();
    await frame.getByText('Oferta HOSTILE-MARKER').waitFor();

    const sandbox = (await frameElement.getAttribute('sandbox')) ?? '';
    expect(sandbox.split(/\s+/)).not.toContain('allow-scripts');
    expect(await frameElement.getAttribute('srcdoc')).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'">`,
    );
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    // Nothing of the mail is part of the panel's own page.
    const panelText = await page.locator('body').innerText();
    expect(panelText).not.toContain('HOSTILE-MARKER');
    expect(panelText).not.toContain('NAKŁADKA');
    // Remote images (tracking pixels) are not fetched: the frame's policy blocks them.
    await tracking.settled();
    expect(tracking.loaded).toEqual([]);
    // And the panel stays usable around it.
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click({ trial: true });
  });

  it('keeps HTML harmless even when it reaches the panel unsanitised', async () => {
    const page = await loggedIn('/tickets');
    await page.waitForURL((url) => url.pathname === '/tickets');
    const tracking = watchTracking(page);
    // Pretend the API's sanitiser let everything through.
    const raw = [
      '<p>RAW-MARKER</p>',
      "<script>window.parent.__pwned = 'script'; window.top.document.body.innerHTML = 'owned';</script>",
      '<img src="x" onerror="window.parent.__pwned = \'onerror\'">',
      '<svg onload="window.parent.__pwned = \'svg\'"></svg>',
      `<img src="${product.baseUrl}/tracking-pixel.gif?from=raw">`,
      `<link rel="stylesheet" href="${product.baseUrl}/tracking-pixel.css">`,
      '<form action="/api/v1/auth/login" method="post"><button id="b">Zaloguj</button></form>',
      '<div style="position:fixed;inset:0;z-index:2147483647;background:red">RAW-OVERLAY</div>',
    ].join('');
    await page.route(`**/api/v1/tickets/${tickets.hostile.number}`, async (route) => {
      const response = await route.fetch();
      const ticket = (await response.json()) as { messages: { bodyHtml: string | null }[] };
      ticket.messages[0].bodyHtml = raw;
      await route.fulfill({ response, json: ticket });
    });

    await page.goto(`/tickets/${tickets.hostile.number}`);
    const frame = page.getByTitle(FRAME_TITLE).contentFrame();
    await frame.getByText('RAW-MARKER').waitFor();
    await frame.getByText('RAW-OVERLAY').waitFor();

    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('body').innerText()).not.toContain('owned');
    await tracking.settled();
    expect(tracking.loaded).toEqual([]);
    await page.getByRole('heading', { name: 'Oferta specjalna', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Dodaj notatkę wewnętrzną' }).click({ trial: true });
  });

  it('speaks English when asked', async () => {
    const page = await loggedIn('/tickets');
    await page.getByRole('heading', { name: 'Zgłoszenia', level: 1 }).waitFor();
    await page.getByLabel('Język interfejsu').selectOption('en');

    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    expect(await page.title()).toBe('Tickets · Okienko');
    const headers = await ticketTable(page).getByRole('columnheader').allInnerTexts();
    expect(headers.map((header) => header.trim())).toEqual([
      '', 'Number', 'Subject', 'SLA', 'Customer', 'Status', 'Priority', 'Queue', 'Assignee', 'Created',
    ]);
    await page.getByRole('row').filter({ hasText: 'Zwrot butów' }).getByText('Waiting for customer').waitFor();
    await ticketTable(page).getByRole('checkbox', { name: 'Select every ticket on this page' }).waitFor();
    await page.getByRole('region', { name: 'Saved views' }).getByRole('button', { name: 'Save current view' }).waitFor();
    await page.getByRole('navigation', { name: 'Queues and statuses' }).getByRole('link', { name: /^All queues/ }).waitFor();

    await choose(page, 'Priority', 'High', { multiple: true });
    await waitForNumbers(page, [tickets.outage], 'high-priority tickets');
    await ticketTable(page).getByRole('link', { name: tickets.outage.number }).click();
    await page.getByText('Rule “Pilne awarie” set priority: high').waitFor();
    await page.getByRole('button', { name: 'Send reply' }).waitFor();
    await page.getByRole('button', { name: 'Add internal note' }).waitFor();
    await page.getByRole('combobox', { name: 'Priority', exact: true }).filter({ hasText: 'High' }).waitFor();
    await saveScreenshot(page, 'ticket-page-en');
  });
});
