import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The agent panel's customer search and customer profile in a real headless
// Chromium, against the whole product with tickets from several channels.

jest.setTimeout(90_000);

interface Seeded {
  id: string;
  number: string;
  subject: string;
  customerId: string;
}

describe('agent panel: customers', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );
  const anna: Seeded[] = [];
  let other: Seeded;

  async function createTicket(body: object): Promise<Seeded> {
    const res = await admin.post('/tickets', body);
    if (res.status !== 201) throw new Error(`creating a ticket failed: ${res.status} ${JSON.stringify(res.body)}`);
    const ticket = res.body as { id: string; number: string; subject: string; customer: { id: string } };
    return { id: ticket.id, number: ticket.number, subject: ticket.subject, customerId: ticket.customer.id };
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const customer = { email: 'anna.zielinska@example.pl', name: 'Anna Zielińska', phone: '+48 600 100 200' };
    anna.push(await createTicket({ subject: 'Pytanie o fakturę', customer, message: { body: 'Kiedy faktura?' }, channel: 'email' }));
    anna.push(await createTicket({ subject: 'Telefon w sprawie zwrotu', customer, message: { body: 'Dzwoniła w sprawie zwrotu.' }, channel: 'phone' }));
    anna.push(await createTicket({ subject: 'Czat: dostawa', customer, message: { body: 'Gdzie paczka?' }, channel: 'chat' }));
    other = await createTicket({
      subject: 'Inny klient',
      customer: { email: 'piotr@example.pl', name: 'Piotr Nowak' },
      message: { body: 'Dzień dobry' },
    });
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  it('finds a customer and shows their contact data and every ticket across channels', async () => {
    const page = await sessions.loggedIn('/');
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Klienci' }).click();
    await page.getByRole('heading', { name: 'Klienci', level: 1 }).waitFor();
    expect(await page.title()).toBe('Klienci · Okienko');

    // Diacritics and letter case as an agent would type them.
    await page.getByLabel('Szukaj klienta').fill('zielińska');
    await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('q') === 'zielińska');
    const results = page.getByRole('table', { name: 'Znalezieni klienci' });
    await waitFor(async () => (await results.getByRole('link').allInnerTexts()).join('|') === 'Anna Zielińska', {
      description: 'only Anna in the results',
    });
    await results.getByText('anna.zielinska@example.pl').waitFor();
    await saveScreenshot(page, 'customers-search');

    await results.getByRole('link', { name: 'Anna Zielińska' }).click();
    await page.waitForURL((url) => url.pathname === `/customers/${anna[0]!.customerId}`);
    await page.getByRole('heading', { name: 'Anna Zielińska', level: 1 }).waitFor();
    const contact = page.getByRole('region', { name: 'Dane kontaktowe' });
    await contact.getByRole('link', { name: 'anna.zielinska@example.pl' }).waitFor();
    await contact.getByText('+48 600 100 200').waitFor();

    // The history is what the API lists for the customer, newest first, with each ticket's channel.
    const api = await admin.get(`/tickets?customerId=${anna[0]!.customerId}&sort=-createdAt`);
    const expected = (api.body as { items: { number: string }[] }).items.map((ticket) => ticket.number);
    expect(expected.sort()).toEqual(anna.map((ticket) => ticket.number).sort());
    const history = page.getByRole('table', { name: 'Historia zgłoszeń' });
    await waitFor(
      async () =>
        JSON.stringify(await history.getByRole('link').allInnerTexts()) ===
        JSON.stringify((api.body as { items: { number: string }[] }).items.map((ticket) => ticket.number)),
      { description: 'the history as the API lists it' },
    );
    expect(await history.getByRole('link').allInnerTexts()).not.toContain(other.number);
    await history.getByRole('row').filter({ hasText: anna[1]!.number }).getByText('telefon', { exact: true }).waitFor();
    await history.getByRole('row').filter({ hasText: anna[2]!.number }).getByText('czat', { exact: true }).waitFor();
    await history.getByRole('row').filter({ hasText: anna[0]!.number }).getByText('e-mail', { exact: true }).waitFor();
    await page.getByText('(3 zgłoszenia)').waitFor();
    await saveScreenshot(page, 'customer-profile');

    // A ticket of the history opens the ticket page.
    await history.getByRole('link', { name: anna[1]!.number }).click();
    await page.waitForURL((url) => url.pathname === `/tickets/${anna[1]!.number}`);
  });

  it('opens the profile from the ticket page and says when nobody matches', async () => {
    const page = await sessions.loggedIn(`/tickets/${other.number}`);
    await page.getByRole('heading', { name: 'Klient', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Piotr Nowak' }).click();
    await page.waitForURL((url) => url.pathname === `/customers/${other.customerId}`);
    await page.getByRole('heading', { name: 'Piotr Nowak', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Historia zgłoszeń' }).getByRole('link', { name: other.number }).waitFor();

    await page.goto('/customers?q=nikogo-takiego');
    await page.getByText('Nie znaleziono klientów').waitFor();
    await page.getByText('0 klientów').waitFor();

    await page.goto('/customers/00000000-0000-4000-8000-000000000000');
    await page.getByText('Nie ma takiego klienta').waitFor();
  });

  it('adds and removes identities, merges a duplicate with a preview and undoes the merge from the history', async () => {
    const duplicate = await createTicket({
      subject: 'Drugie konto Piotra',
      customer: { email: 'piotr.nowak.prywatnie@example.pl', name: 'Piotr Nowak' },
      message: { body: 'Piszę z innego adresu' },
    });
    const page = await sessions.loggedIn(`/customers/${other.customerId}`);
    const identities = page.getByRole('region', { name: 'Tożsamości' });
    await identities.getByText('piotr@example.pl').waitFor();

    // A phone number in any spelling is stored and shown as one number.
    await identities.getByLabel('Rodzaj').selectOption('phone');
    await identities.getByLabel('Wartość').fill('601 222 333');
    await identities.getByRole('button', { name: 'Dodaj tożsamość' }).click();
    await identities.getByText('+48 601 222 333').waitFor();
    await identities.getByRole('button', { name: 'Usuń +48 601 222 333' }).click();
    await waitFor(async () => (await identities.getByText('+48 601 222 333').count()) === 0, { description: 'the phone removed' });

    // The merge dialog suggests the look-alike and previews what moves.
    await page.getByRole('button', { name: 'Połącz z innymi klientami' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('to samo nazwisko i domena e-mail').waitFor();
    await dialog.getByRole('button', { name: 'Wybierz Piotr Nowak' }).click();
    await dialog.getByText(/Piotr Nowak: 1 zgłoszenie, tożsamości: piotr.nowak.prywatnie@example.pl/).waitFor();
    await saveScreenshot(page, 'customer-merge-dialog');
    await dialog.getByRole('button', { name: 'Połącz', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const history = page.getByRole('table', { name: 'Historia zgłoszeń' });
    await history.getByRole('link', { name: duplicate.number }).waitFor();
    await identities.getByText('piotr.nowak.prywatnie@example.pl').waitFor();
    const merges = page.getByRole('region', { name: 'Połączenia' });
    await saveScreenshot(page, 'customer-merged');

    // Undo: the ticket and the address go back to the other customer.
    await merges.getByRole('button', { name: 'Cofnij połączenie z Piotr Nowak' }).click();
    await merges.getByText(/cofnięte/).waitFor();
    await waitFor(async () => (await history.getByRole('link', { name: duplicate.number }).count()) === 0, { description: 'the ticket moved back' });
    await waitFor(async () => (await identities.getByText('piotr.nowak.prywatnie@example.pl').count()) === 0, { description: 'the address moved back' });
    const restored = await admin.get(`/customers/${duplicate.customerId}`);
    expect(restored.body).toMatchObject({ mergedIntoId: null, email: 'piotr.nowak.prywatnie@example.pl' });
    expect(restored.body.tickets.map((t: { id: string }) => t.id)).toEqual([duplicate.id]);
  });
});
