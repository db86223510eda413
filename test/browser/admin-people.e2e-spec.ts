import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, createUser, type ApiClient, type CreatedUser } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The administration of people in a real headless Chromium: users and their
// absence, queues with members, lead, strategy and cap, ticket categories;
// and agents kept out of it.

jest.setTimeout(120_000);

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  absent: boolean;
  locale: string;
}

describe('agent panel: administration of users, queues and categories', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let ola: CreatedUser;
  let jan: CreatedUser;
  const olaTickets: string[] = [];
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    ola = await createUser(product, admin, { email: 'ola@sklep.test', name: 'Ola Kowalska' });
    jan = await createUser(product, admin, { email: 'jan@sklep.test', name: 'Jan Wiśniewski' });
    for (const subject of ['Zwrot butów', 'Reklamacja kurtki']) {
      const res = await admin.post('/tickets', {
        subject,
        customer: { email: 'klient@example.pl', name: 'Klient' },
        message: { body: subject },
      });
      expect(res.status).toBe(201);
      const id = (res.body as { id: string }).id;
      expect((await admin.patch(`/tickets/${id}`, { assigneeId: ola.id })).status).toBe(200);
      olaTickets.push(id);
    }
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  async function users(): Promise<UserRow[]> {
    return ((await admin.get('/users?limit=200')).body as { items: UserRow[] }).items;
  }

  function acceptConfirmations(page: Page): void {
    page.on('dialog', (dialog) => void dialog.accept());
  }

  it('adds a user, changes their role and marks someone absent with a substitute', async () => {
    const page = await sessions.loggedIn('/');
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Administracja' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await page.getByRole('heading', { name: 'Użytkownicy', level: 1 }).waitFor();
    expect(await page.title()).toBe('Użytkownicy · Okienko');
    const table = page.getByRole('table', { name: 'Agenci i administratorzy' });
    await table.getByRole('rowheader', { name: 'Ola Kowalska' }).waitFor();

    // A new agent through the form.
    const form = page.getByRole('region', { name: 'Nowy użytkownik' });
    await form.getByLabel('Imię i nazwisko').fill('Marek Nowy');
    await form.getByLabel('E-mail').fill('marek@sklep.test');
    await form.getByLabel('Hasło').fill('Marek-password-1');
    await form.getByLabel('Język').selectOption({ label: 'English' });
    await form.getByRole('button', { name: 'Dodaj użytkownika' }).click();
    await page.getByText('Dodano użytkownika Marek Nowy').waitFor();
    await table.getByRole('rowheader', { name: 'Marek Nowy' }).waitFor();
    const marek = (await users()).find((user) => user.email === 'marek@sklep.test');
    expect(marek).toMatchObject({ name: 'Marek Nowy', role: 'agent', locale: 'en', active: true, absent: false });

    // A bad e-mail is refused by the API and the form says so.
    await form.getByLabel('Imię i nazwisko').fill('Zły Adres');
    await form.getByLabel('E-mail').fill('ola@sklep.test');
    await form.getByLabel('Hasło').fill('Some-password-1');
    await form.getByRole('button', { name: 'Dodaj użytkownika' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').innerText()).toMatch(/^Nie udało się zapisać: .+\(błąd 409\)$/);

    // Marek becomes an admin.
    await page.getByRole('button', { name: 'Edytuj użytkownika Marek Nowy' }).click();
    const edit = page.getByRole('dialog', { name: 'Edycja: Marek Nowy' });
    await edit.getByLabel('Rola').selectOption('admin');
    await edit.getByRole('button', { name: 'Zapisz' }).click();
    await edit.waitFor({ state: 'hidden' });
    await waitFor(async () => (await users()).find((user) => user.id === marek!.id)?.role === 'admin', {
      description: 'Marek to be an admin',
    });
    await table.getByRole('row').filter({ hasText: 'Marek Nowy' }).getByRole('cell', { name: 'Administrator', exact: true }).waitFor();

    // Ola goes on leave; Jan takes her two open tickets.
    await page.getByRole('button', { name: 'Oznacz nieobecność: Ola Kowalska' }).click();
    const absence = page.getByRole('dialog', { name: 'Nieobecność: Ola Kowalska' });
    await absence.getByLabel('Zastępca').selectOption({ label: 'Jan Wiśniewski' });
    await absence.getByRole('button', { name: 'Oznacz nieobecność' }).click();
    await page.getByText('Ola Kowalska: 2 otwarte zgłoszenia przekazano do: Jan Wiśniewski').waitFor();
    await table.getByRole('row').filter({ hasText: 'Ola Kowalska' }).getByRole('cell', { name: 'Nieobecny', exact: true }).waitFor();
    expect((await users()).find((user) => user.id === ola.id)).toMatchObject({ absent: true });
    for (const id of olaTickets) {
      expect(((await admin.get(`/tickets/${id}`)).body as { assigneeId: string }).assigneeId).toBe(jan.id);
    }
    await saveScreenshot(page, 'admin-users');

    // And comes back.
    await page.getByRole('button', { name: 'Oznacz powrót: Ola Kowalska' }).click();
    await table.getByRole('row').filter({ hasText: 'Ola Kowalska' }).getByRole('cell', { name: 'Obecny', exact: true }).waitFor();
    expect((await users()).find((user) => user.id === ola.id)).toMatchObject({ absent: false });
  });

  it('creates a queue, sets its members, lead, strategy and cap, and deletes it', async () => {
    const page = await sessions.loggedIn('/admin/queues');
    acceptConfirmations(page);
    await page.getByRole('heading', { name: 'Kolejki i zespoły', level: 1 }).waitFor();
    const create = page.getByRole('region', { name: 'Nowa kolejka' });
    await create.getByLabel('Nazwa').fill('Zwroty');
    await create.getByLabel('Przydzielanie').selectOption({ label: 'Po kolei' });
    await create.getByLabel('Lider zespołu').selectOption({ label: 'Jan Wiśniewski' });
    await create.getByLabel('Limit otwartych na osobę').fill('5');
    await create.getByRole('button', { name: 'Dodaj kolejkę' }).click();
    await page.getByText('Dodano kolejkę Zwroty').waitFor();

    const queues = async () => ((await admin.get('/queues')).body as { items: Record<string, unknown>[] }).items;
    const created = (await queues()).find((queue) => queue['name'] === 'Zwroty');
    expect(created).toMatchObject({ assignmentStrategy: 'round_robin', leadId: jan.id, maxOpenPerAgent: 5, members: [] });

    const row = page.getByRole('table', { name: 'Kolejki' }).getByRole('row').filter({ hasText: 'Zwroty' });
    await row.getByRole('cell', { name: 'Po kolei' }).waitFor();
    await row.getByRole('button', { name: 'Edytuj: Zwroty' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kolejka: Zwroty' });
    await dialog.getByRole('group', { name: 'Członkowie' }).getByLabel('Ola Kowalska').check();
    await dialog.getByRole('group', { name: 'Członkowie' }).getByLabel('Jan Wiśniewski').check();
    await dialog.getByLabel('Przydzielanie').selectOption({ label: 'Najmniej obciążony' });
    await dialog.getByLabel('Limit otwartych na osobę').fill('');
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano kolejkę Zwroty').waitFor();
    await row.getByRole('cell', { name: 'Jan Wiśniewski, Ola Kowalska' }).waitFor();
    const saved = (await queues()).find((queue) => queue['id'] === created!['id'])!;
    expect(saved).toMatchObject({ assignmentStrategy: 'least_open', maxOpenPerAgent: null });
    expect((saved['members'] as { id: string }[]).map((member) => member.id).sort()).toEqual([ola.id, jan.id].sort());
    await saveScreenshot(page, 'admin-queues');

    await row.getByRole('button', { name: 'Usuń: Zwroty' }).click();
    await page.getByText('Usunięto kolejkę Zwroty; jej zgłoszenia trafiły do kolejki domyślnej').waitFor();
    expect((await queues()).some((queue) => queue['name'] === 'Zwroty')).toBe(false);
  });

  it('adds, renames and deletes a category', async () => {
    const page = await sessions.loggedIn('/admin/categories');
    acceptConfirmations(page);
    await page.getByRole('heading', { name: 'Kategorie zgłoszeń', level: 1 }).waitFor();
    const create = page.getByRole('region', { name: 'Nowa kategoria' });
    await create.getByLabel('Nazwa').fill('Gwarancja');
    await create.getByLabel('Opis').fill('Towar wadliwy');
    await create.getByRole('button', { name: 'Dodaj kategorię' }).click();
    await page.getByText('Dodano kategorię Gwarancja').waitFor();
    const categories = async () => ((await admin.get('/categories')).body as { items: { id: string; name: string; description: string }[] }).items;
    expect((await categories()).find((category) => category.name === 'Gwarancja')).toMatchObject({ description: 'Towar wadliwy' });

    await page.getByRole('button', { name: 'Edytuj: Gwarancja' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kategoria: Gwarancja' });
    await dialog.getByLabel('Nazwa').fill('Gwarancje');
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano kategorię Gwarancje').waitFor();
    const names = (await categories()).map((category) => category.name);
    expect(names).toContain('Gwarancje');
    expect(names).not.toContain('Gwarancja');

    await page.getByRole('button', { name: 'Usuń: Gwarancje' }).click();
    await page.getByText('Usunięto kategorię Gwarancje').waitFor();
    expect(await page.getByRole('table', { name: 'Kategorie' }).getByRole('rowheader', { name: 'Gwarancje' }).count()).toBe(0);
    expect((await categories()).map((category) => category.name)).not.toContain('Gwarancje');
  });

  it('keeps agents out of the administration', async () => {
    const page = await sessions.loggedIn('/admin/users', { email: jan.email, password: jan.password });
    // The login page sent the agent on to the admin screen they asked for; the guard turned them back.
    await page.waitForURL((url) => url.pathname === '/today');
    const nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
    await nav.getByRole('link', { name: 'Klienci' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administracja' }).count()).toBe(0);
    for (const path of ['/admin/queues', '/admin/rules/new', '/admin/api-tokens']) {
      await page.goto(path);
      await page.waitForURL((url) => url.pathname === '/today');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Do obsłużenia dziś');
    }
  });
});
