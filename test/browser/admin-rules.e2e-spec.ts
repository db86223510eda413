import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The rule builder in a real headless Chromium: conditions in nested all/any
// groups and actions from the API's vocabulary, a dry run on the newest
// tickets with what would change per ticket, switching on and ordering.

jest.setTimeout(120_000);

interface RuleRow {
  id: string;
  name: string;
  enabled: boolean;
  order: number;
  trigger: string;
  conditions: unknown;
  actions: unknown;
}

describe('agent panel: rules', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let complaints: { id: string; name: string };
  const numbers: Record<'complaint' | 'urgentComplaint' | 'question', string> = {} as never;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  async function createTicket(subject: string, priority: string): Promise<string> {
    const res = await admin.post('/tickets', {
      subject,
      priority,
      customer: { email: 'klient@example.pl', name: 'Klient' },
      message: { body: subject },
    });
    expect(res.status).toBe(201);
    return (res.body as { number: string }).number;
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const queue = await admin.post('/queues', { name: 'Dział reklamacji' });
    expect(queue.status).toBe(201);
    complaints = queue.body as { id: string; name: string };
    numbers.complaint = await createTicket('Reklamacja butów', 'normal');
    numbers.urgentComplaint = await createTicket('Pilna reklamacja roweru', 'urgent');
    numbers.question = await createTicket('Pytanie o rozmiar', 'normal');
    const form = await admin.post('/channels', {
      type: 'web_form', name: 'Kontakt',
      settings: {
        kind: 'contact',
        fields: [
          { name: 'email', label: { pl: 'E-mail', en: 'E-mail' }, type: 'email', required: true },
          { name: 'message', label: { pl: 'Wiadomość', en: 'Message' }, type: 'textarea', required: true },
          { name: 'orderNumber', label: { pl: 'Numer zamówienia', en: 'Order number' }, type: 'text', required: false },
        ],
      },
    });
    expect(form.status).toBe(201);
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  const rules = async () => ((await admin.get('/rules')).body as { items: RuleRow[] }).items;

  it('builds a rule with a nested group and actions, saves it and dry-runs it', async () => {
    const page = await sessions.loggedIn('/admin/rules');
    await page.getByRole('heading', { name: 'Reguły automatyzacji', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nowa reguła' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/rules/new');
    const form = page.getByRole('form', { name: 'Nowa reguła' });
    await form.getByLabel('Nazwa').fill('Reklamacje do działu');
    await form.getByLabel('Kiedy').selectOption({ label: 'Nowe zgłoszenie' });

    // Condition 1: the subject contains "reklamacja" (any case, any diacritics).
    const first = form.getByRole('group', { name: 'Warunek 1', exact: true });
    await first.getByLabel('Pole').selectOption({ label: 'Temat' });
    await first.getByLabel('Porównanie').selectOption({ label: 'zawiera' });
    await first.getByLabel('Wartość').fill('reklamacja');

    // Group 2: any of two priorities.
    await form.getByRole('button', { name: 'Dodaj grupę' }).last().click();
    const group = form.getByRole('group', { name: 'Grupa 2' });
    await group.getByLabel('Spełnione muszą być').selectOption({ label: 'którykolwiek' });
    const inGroup = group.getByRole('group', { name: 'Warunek 2.1' });
    await inGroup.getByLabel('Pole').selectOption({ label: 'Priorytet' });
    await inGroup.getByLabel('Porównanie').selectOption({ label: 'jest' });
    await inGroup.getByLabel('Wartość').selectOption({ label: 'Normalny' });
    await group.getByRole('button', { name: 'Dodaj warunek' }).click();
    const second = group.getByRole('group', { name: 'Warunek 2.2' });
    await second.getByLabel('Pole').selectOption({ label: 'Priorytet' });
    await second.getByLabel('Porównanie').selectOption({ label: 'jest' });
    await second.getByLabel('Wartość').selectOption({ label: 'Wysoki' });

    // Actions: into the complaints queue, tagged.
    const action1 = form.getByRole('group', { name: 'Akcja 1' });
    await action1.getByLabel('Akcja', { exact: true }).selectOption({ label: 'Ustaw kolejkę' });
    await action1.getByLabel('Kolejka').selectOption({ label: complaints.name });
    await form.getByRole('button', { name: 'Dodaj akcję' }).click();
    const action2 = form.getByRole('group', { name: 'Akcja 2' });
    await action2.getByLabel('Akcja', { exact: true }).selectOption({ label: 'Dodaj tag' });
    await action2.getByLabel('Tag').fill('reklamacja');

    // Nothing to try before it is saved.
    await page.getByText('Zapisz regułę, aby ją wypróbować').waitFor();
    await form.getByRole('button', { name: 'Zapisz' }).click();
    await page.waitForURL((url) => /^\/admin\/rules\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('Zapisano regułę').waitFor();
    const saved = (await rules()).find((rule) => rule.name === 'Reklamacje do działu')!;
    expect(saved).toMatchObject({
      trigger: 'ticket_created',
      enabled: false,
      conditions: {
        match: 'all',
        conditions: [
          { field: 'subject', operator: 'contains', value: 'reklamacja' },
          {
            match: 'any',
            conditions: [
              { field: 'priority', operator: 'is', value: 'normal' },
              { field: 'priority', operator: 'is', value: 'high' },
            ],
          },
        ],
      },
      actions: [
        { type: 'set_queue', queueId: complaints.id },
        { type: 'add_tag', tag: 'reklamacja' },
      ],
    });
    expect(page.url()).toContain(saved.id);

    // The dry run: per ticket, whether it matched, what would change and why.
    await page.getByLabel('Ile najnowszych zgłoszeń').fill('10');
    await page.getByRole('button', { name: 'Uruchom próbę' }).click();
    const api = (await admin.post(`/rules/${saved.id}/dry-run`, { lastTickets: 10 })).body as { evaluated: number; matched: number };
    expect(api).toMatchObject({ evaluated: 3, matched: 1 });
    await page.getByText('Sprawdzono zgłoszeń: 3, reguła pasuje do: 1').waitFor();
    const results = page.getByRole('list', { name: 'Wyniki próby' });
    const matched = results.getByRole('listitem').filter({ hasText: numbers.complaint }).first();
    await matched.getByText('Pasuje', { exact: true }).waitFor();
    await matched.getByRole('list', { name: 'Co by się zmieniło' }).getByText(new RegExp(`^Kolejka: .+ → ${complaints.name}$`)).waitFor();
    await matched.getByRole('list', { name: 'Co by się zmieniło' }).getByText(/^Tagi: .*reklamacja/).waitFor();
    // The urgent complaint fails the priority group; the explanation says which conditions held.
    const urgent = results.getByRole('listitem').filter({ hasText: numbers.urgentComplaint }).first();
    await urgent.getByText('Nie pasuje', { exact: true }).waitFor();
    await urgent.getByText('Które warunki są spełnione').click();
    await urgent.getByText(/✓\s*Temat zawiera/).waitFor();
    await urgent.getByText(/✗\s*którykolwiek/).waitFor();
    await results.getByRole('listitem').filter({ hasText: numbers.question }).first().getByText('Nie pasuje', { exact: true }).waitFor();
    await saveScreenshot(page, 'admin-rule-dry-run');

    // Nothing changed on the tickets.
    const ticket = (await admin.get(`/tickets/${numbers.complaint}`)).body as { queueId: string; tags: string[] };
    expect(ticket.queueId).not.toBe(complaints.id);
    expect(ticket.tags).not.toContain('reklamacja');
  });

  it('switches a rule on and moves it within its trigger', async () => {
    const other = await admin.post('/rules', {
      name: 'Pilne na górę',
      trigger: 'ticket_created',
      conditions: { match: 'all', conditions: [{ field: 'priority', operator: 'is', value: 'urgent' }] },
      actions: [{ type: 'add_tag', tag: 'pilne' }],
    });
    expect(other.status).toBe(201);
    const otherId = (other.body as { id: string }).id;

    const page = await sessions.loggedIn('/admin/rules');
    const table = page.getByRole('table', { name: 'Nowe zgłoszenie' });
    await table.getByRole('rowheader', { name: 'Pilne na górę' }).waitFor();
    const names = async () => (await table.getByRole('rowheader').allInnerTexts()).map((name) => name.trim());
    const apiOrder = async () =>
      (await rules())
        .filter((rule) => rule.trigger === 'ticket_created')
        .sort((a, b) => a.order - b.order)
        .map((rule) => rule.name);
    // The list shows the rules of the trigger in the order they run (the ready-made ones included).
    const before = await apiOrder();
    expect(await names()).toEqual(before);
    expect(before.slice(-2)).toEqual(['Reklamacje do działu', 'Pilne na górę']);

    await table.getByLabel('Reguła Reklamacje do działu włączona').check();
    await waitFor(async () => (await rules()).find((rule) => rule.name === 'Reklamacje do działu')?.enabled === true, {
      description: 'the rule to be switched on',
    });
    await table.getByRole('row').filter({ hasText: 'Reklamacje do działu' }).getByText('włączona', { exact: true }).waitFor();

    await table.getByRole('button', { name: 'Przesuń w górę: Pilne na górę' }).click();
    const expected = [...before.slice(0, -2), 'Pilne na górę', 'Reklamacje do działu'];
    await waitFor(async () => JSON.stringify(await names()) === JSON.stringify(expected), { description: 'the new order on screen' });
    expect(await apiOrder()).toEqual(expected);
    expect((await rules()).find((rule) => rule.id === otherId)?.enabled).toBe(false);
    await saveScreenshot(page, 'admin-rules');
  });

  it("offers the web forms' fields as conditions (form.<name>)", async () => {
    const page = await sessions.loggedIn('/admin/rules/new');
    const form = page.getByRole('form', { name: 'Nowa reguła' });
    await form.getByLabel('Nazwa').fill('Zamówienia z formularza');
    await form.getByLabel('Kiedy').selectOption({ label: 'Nowe zgłoszenie' });
    const first = form.getByRole('group', { name: 'Warunek 1', exact: true });
    await first.getByLabel('Pole').selectOption({ label: 'Numer zamówienia (Kontakt)' });
    await first.getByLabel('Porównanie').selectOption({ label: 'zawiera' });
    await first.getByLabel('Wartość').fill('ZAM-');
    const action = form.getByRole('group', { name: 'Akcja 1' });
    await action.getByLabel('Akcja', { exact: true }).selectOption({ label: 'Dodaj tag' });
    await action.getByLabel('Tag').fill('zamowienie');
    await form.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano regułę').waitFor();
    const saved = (await rules()).find((rule) => rule.name === 'Zamówienia z formularza')!;
    expect(saved.conditions).toEqual({ match: 'all', conditions: [{ field: 'form.orderNumber', operator: 'contains', value: 'ZAM-' }] });
    // Opened again, the condition shows the form field by its label.
    await page.reload();
    const reopened = page.getByRole('group', { name: 'Warunek 1', exact: true }).getByLabel('Pole');
    await waitFor(async () => (await reopened.inputValue()) === 'form.orderNumber', { description: 'the saved condition to load' });
    expect(await reopened.locator('option:checked').textContent()).toBe('Numer zamówienia (Kontakt)');
  });
});
