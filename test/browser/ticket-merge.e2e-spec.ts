import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, seriousAccessibilityProblems } from '../support/browser.js';
import { closePanelAfterTests, PANEL_WAIT_MS, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// Merging, splitting and linking tickets from the ticket page, in Polish, in a
// real headless Chromium: the actions menu, each action's dialog with its
// confirmation, the merged ticket's banner, the sidebar's linked tickets, and
// axe-core finding no serious accessibility problem on the dialogs.

jest.setTimeout(120_000);

interface Seeded {
  id: string;
  number: string;
  subject: string;
}

describe('agent panel: merge, split and link tickets', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let brakes: Seeded;
  let photos: Seeded;
  let invoice: Seeded;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  async function open(subject: string, email: string, name: string, body: string): Promise<Seeded> {
    const res = await admin.post('/tickets', { subject, customer: { email, name }, message: { body } });
    if (res.status !== 201) throw new Error(`creating a ticket failed: ${res.status} ${JSON.stringify(res.body)}`);
    const { id, number } = res.body as Seeded;
    return { id, number, subject };
  }

  beforeAll(async () => {
    product = await startProduct({ MAIL_DOMAIN: 'rowerownia.test' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
    brakes = await open('Rower nie hamuje', 'jan.rowerowy@example.pl', 'Jan Rowerowy', 'Tylny hamulec w ogóle nie działa.');
    photos = await open('Zdjęcia hamulca', 'jan.rowerowy@example.pl', 'Jan Rowerowy', 'Przesyłam zdjęcia zepsutego hamulca.');
    expect((await admin.post(`/tickets/${photos.id}/messages`, { type: 'note', body: 'Zdjęcia obejrzane: pęknięta linka.' })).status).toBe(201);
    invoice = await open('Faktura za serwis', 'ksiegowosc@firma.example', 'Firma Sp. z o.o.', 'Prosimy o fakturę za serwis roweru.');
  }, 120_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  const thread = (page: Page) => page.getByRole('article');
  const sidebarLinks = (page: Page) => page.getByRole('region', { name: 'Powiązane zgłoszenia' });

  async function openActions(page: Page, item: string): Promise<void> {
    await page.getByRole('button', { name: 'Działania' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  }

  async function expectAccessible(page: Page, where: string): Promise<void> {
    const problems = await seriousAccessibilityProblems(page);
    expect({ where, problems }).toEqual({ where, problems: [] });
  }

  it('merges two tickets of one customer: the target shows both conversations, the merged one points at it', async () => {
    const page = await sessions.loggedIn(`/tickets/${brakes.number}`);
    await page.getByRole('heading', { name: brakes.subject, level: 1 }).waitFor();
    await openActions(page, 'Scal…');
    const dialog = page.getByRole('dialog', { name: 'Scal zgłoszenia' });
    await dialog.waitFor();
    // The same customer's tickets come first, ready to pick.
    const sameCustomer = dialog.getByRole('region', { name: 'Zgłoszenia tego samego klienta' });
    await sameCustomer.getByText(`#${photos.number} ${photos.subject}`).waitFor();
    await expectAccessible(page, 'merge dialog');
    await sameCustomer.getByRole('button', { name: `Wybierz #${photos.number}` }).click();
    // A preview of what the other ticket holds, and which one stays.
    await dialog.getByText(`#${photos.number} „${photos.subject}” — klient: Jan Rowerowy, wiadomości: 2`).waitFor();
    expect(await dialog.getByRole('radio', { name: `To zgłoszenie (#${brakes.number}) zostaje, dołącz do niego #${photos.number}` }).isChecked()).toBe(true);
    // Both tickets are Jan's: no warning about different customers.
    expect(await dialog.getByText('różnych klientów').count()).toBe(0);
    await expectAccessible(page, 'merge dialog with a ticket chosen');
    await dialog.getByRole('button', { name: 'Scal', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('status').filter({ hasText: `Scalono #${photos.number} z #${brakes.number}` }).waitFor();
    await thread(page).filter({ hasText: 'Tylny hamulec w ogóle nie działa.' }).waitFor();
    await thread(page).filter({ hasText: 'Przesyłam zdjęcia zepsutego hamulca.' }).waitFor();
    await thread(page).filter({ hasText: 'Zdjęcia obejrzane: pęknięta linka.' }).waitFor();
    await page.getByText(`Dołączono zgłoszenie #${photos.number} „${photos.subject}”`).first().waitFor();
    await expectAccessible(page, 'ticket page after the merge');

    // The merged ticket says where its conversation went and leads there.
    await page.goto(`/tickets/${photos.number}`);
    const banner = page.getByRole('status').filter({ hasText: `Scalone z #${brakes.number}: rozmowa i dalsze wiadomości klienta są w tamtym zgłoszeniu.` });
    await banner.waitFor();
    await expectAccessible(page, 'merged ticket');
    expect(await thread(page).filter({ hasText: 'Przesyłam zdjęcia' }).count()).toBe(0);
    await banner.getByRole('link', { name: `Przejdź do #${brakes.number}` }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${brakes.number}`);
    await page.getByRole('heading', { name: brakes.subject, level: 1 }).waitFor();
  });

  it('splits messages chosen by their checkboxes in the thread out into a new linked ticket, after a confirmation', async () => {
    const page = await sessions.loggedIn(`/tickets/${brakes.number}`);
    await thread(page).filter({ hasText: 'Przesyłam zdjęcia zepsutego hamulca.' }).waitFor();
    await openActions(page, 'Podziel…');
    // Split mode: a checkbox above each message of the thread.
    const mode = page.getByRole('status').filter({ hasText: 'Tryb podziału' });
    await mode.waitFor();
    const review = mode.getByRole('button', { name: 'Podziel zaznaczone…' });
    expect(await review.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /^Do nowego zgłoszenia: Przesyłam zdjęcia zepsutego hamulca/ }).check();
    await page.getByRole('checkbox', { name: /^Do nowego zgłoszenia: Zdjęcia obejrzane/ }).check();
    await mode.filter({ hasText: 'zaznaczone: 2' }).waitFor();
    await expectAccessible(page, 'split mode');
    await review.click();
    // The confirmation lists the messages, the chosen ones checked.
    const dialog = page.getByRole('dialog', { name: 'Podziel zgłoszenie' });
    await dialog.waitFor();
    await dialog.getByText('Zaznaczone wiadomości: 2').waitFor();
    expect(await dialog.getByRole('checkbox', { name: /Przesyłam zdjęcia zepsutego hamulca/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /Tylny hamulec/ }).isChecked()).toBe(false);
    await expectAccessible(page, 'split confirmation');
    const split = dialog.getByRole('button', { name: 'Utwórz nowe zgłoszenie' });
    await split.click();
    await dialog.waitFor({ state: 'detached' });

    const notice = page.getByRole('status').filter({ hasText: 'Wiadomości przeniesiono do nowego zgłoszenia' });
    await notice.waitFor();
    const created = ((await notice.innerText()).match(/#(\d{4}-\d{6,})/) ?? [])[1]!;
    expect(created).toBeDefined();
    await waitFor(async () => (await thread(page).filter({ hasText: 'Przesyłam zdjęcia' }).count()) === 0, {
      timeoutMs: PANEL_WAIT_MS, description: 'the moved message to leave the thread',
    });
    await thread(page).filter({ hasText: 'Tylny hamulec w ogóle nie działa.' }).waitFor();
    await sidebarLinks(page).getByRole('link', { name: new RegExp(`#${created}`) }).waitFor();
    await sidebarLinks(page).getByText('wydzielone').waitFor();

    await notice.getByRole('link', { name: `Otwórz #${created}` }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${created}`);
    await thread(page).filter({ hasText: 'Przesyłam zdjęcia zepsutego hamulca.' }).waitFor();
    await thread(page).filter({ hasText: 'Zdjęcia obejrzane: pęknięta linka.' }).waitFor();
    await sidebarLinks(page).getByRole('link', { name: new RegExp(`#${brakes.number}`) }).waitFor();
  });

  it('links a ticket found by its number, shows it in both sidebars and unlinks it after a confirmation', async () => {
    const page = await sessions.loggedIn(`/tickets/${brakes.number}`);
    await page.getByRole('heading', { name: brakes.subject, level: 1 }).waitFor();
    await openActions(page, 'Powiąż…');
    const dialog = page.getByRole('dialog', { name: 'Powiąż zgłoszenie' });
    await dialog.getByLabel('Szukaj zgłoszenia (numer lub temat)').fill(invoice.number);
    await dialog.getByRole('button', { name: 'Szukaj' }).click();
    await dialog.getByRole('button', { name: `Wybierz #${invoice.number}` }).click();
    await expectAccessible(page, 'link dialog');
    await dialog.getByRole('button', { name: 'Powiąż', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const link = sidebarLinks(page).getByRole('listitem').filter({ hasText: `#${invoice.number}` });
    await link.getByText('powiązane').waitFor();
    await expectAccessible(page, 'ticket page with linked tickets');

    await link.getByRole('button', { name: `Usuń powiązanie z #${invoice.number}` }).click();
    await link.getByRole('group', { name: `Usunąć powiązanie z #${invoice.number}?` }).getByRole('button', { name: 'Usuń' }).click();
    await waitFor(async () => (await sidebarLinks(page).getByRole('listitem').filter({ hasText: `#${invoice.number}` }).count()) === 0, {
      timeoutMs: PANEL_WAIT_MS, description: 'the link to leave the sidebar',
    });
    const other = (await admin.get(`/tickets/${invoice.number}`)).body as { links: unknown[]; events: { type: string }[] };
    expect(other.links).toEqual([]);
    expect(other.events.map((e) => e.type)).toEqual(expect.arrayContaining(['linked', 'unlinked']));
  });
  it('in English: the merged ticket says where it went, cannot be merged again, and the target lists its linked ticket', async () => {
    const page = await sessions.loggedIn(`/tickets/${photos.number}`);
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    const banner = page.getByRole('status').filter({ hasText: `Merged into #${brakes.number}: the conversation` });
    await banner.waitFor();
    await page.getByText(`Merged into #${brakes.number} (`).waitFor();
    await page.getByRole('button', { name: 'Actions' }).click();
    expect(await page.getByRole('menuitem', { name: 'Merge…' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'merged ticket in English');

    await banner.getByRole('link', { name: `Go to #${brakes.number}` }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${brakes.number}`);
    await page.getByText(`Ticket #${photos.number} “${photos.subject}” merged in`).first().waitFor();
    const links = page.getByRole('region', { name: 'Linked tickets' });
    await links.getByText('split off').waitFor();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge tickets' });
    await dialog.getByLabel('Search for a ticket (number or subject)').waitFor();
    await expectAccessible(page, 'merge dialog in English');
  });
});
