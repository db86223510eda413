import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// SLA policies and business calendars (with holidays) in a real headless
// Chromium against the whole product; and the English interface.

jest.setTimeout(120_000);

interface PolicyRow {
  id: string;
  name: string;
  enabled: boolean;
  conditions: { priorities: string[] };
  firstResponse: { minutes: number; mode: string } | null;
  resolution: { minutes: number; mode: string } | null;
  calendarId: string | null;
  pauseStatuses: string[];
}

interface CalendarRow {
  id: string;
  name: string;
  timeZone: string;
  holidays: string;
  extraDaysOff: string[];
  weeklyPeriods: { day: number; start: string; end: string }[];
}

describe('agent panel: SLA policies and calendars', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    admin = await asAdmin(product);
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  const policies = async () => ((await admin.get('/sla-policies')).body as { items: PolicyRow[] }).items;
  const calendars = async () => ((await admin.get('/calendars')).body as { items: CalendarRow[] }).items;

  it('creates a calendar with a day off, sees its holidays, and an SLA policy counting on it', async () => {
    const page = await sessions.loggedIn('/admin/sla');
    await page.getByRole('heading', { name: 'SLA i kalendarze', level: 1 }).waitFor();

    // A calendar: weekdays 9–17 in Warsaw, Polish holidays and one extra day off.
    await page.getByRole('button', { name: 'Nowy kalendarz' }).click();
    const calendarDialog = page.getByRole('dialog', { name: 'Nowy kalendarz' });
    await calendarDialog.getByLabel('Nazwa', { exact: true }).fill('Biuro Kraków');
    for (let n = 1; n <= 5; n++) {
      const period = calendarDialog.getByRole('group', { name: `Okres ${n}`, exact: true });
      await period.getByLabel('od', { exact: true }).fill('09:00');
      await period.getByLabel('do', { exact: true }).fill('17:00');
    }
    await calendarDialog.getByLabel('Dzień wolny', { exact: true }).fill('2026-12-24');
    await calendarDialog.getByRole('button', { name: 'Dodaj dzień wolny' }).click();
    await calendarDialog.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano kalendarz Biuro Kraków').waitFor();
    const calendar = (await calendars()).find((candidate) => candidate.name === 'Biuro Kraków')!;
    expect(calendar).toMatchObject({ timeZone: 'Europe/Warsaw', holidays: 'PL', extraDaysOff: ['2026-12-24'] });
    expect(calendar.weeklyPeriods).toEqual([1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })));

    // Its days off in 2026: public holidays by name and the extra day.
    const calendarsTable = page.getByRole('table', { name: 'Kalendarze pracy' });
    await calendarsTable.getByRole('button', { name: 'Dni wolne: Biuro Kraków' }).click();
    const holidays = page.getByRole('dialog', { name: 'Dni wolne: Biuro Kraków' });
    await holidays.getByLabel('Rok', { exact: true }).fill('2026');
    const days = holidays.getByRole('table', { name: 'Dni wolne w kalendarzu Biuro Kraków w roku 2026' });
    await days.getByRole('row').filter({ hasText: '2026-12-24' }).getByText('Dodatkowy dzień wolny').waitFor();
    await days.getByRole('row').filter({ hasText: '2026-11-11' }).waitFor();
    const api = (await admin.get(`/calendars/${calendar.id}/holidays?year=2026`)).body as { items: { date: string; weekday: number }[] };
    expect((await days.locator('time').allInnerTexts()).sort()).toEqual(api.items.filter((day) => day.weekday !== 7).map((day) => day.date).sort());
    await saveScreenshot(page, 'admin-calendar-holidays');
    await holidays.getByRole('button', { name: 'Zamknij' }).click();

    // A policy for urgent tickets on that calendar.
    await page.getByRole('button', { name: 'Nowa polityka' }).click();
    const policyDialog = page.getByRole('dialog', { name: 'Nowa polityka' });
    await policyDialog.getByLabel('Nazwa', { exact: true }).fill('Pilne');
    await policyDialog.getByRole('group', { name: 'Priorytety' }).getByLabel('Pilny', { exact: true }).check();
    await policyDialog.getByLabel('Pierwsza odpowiedź: minuty', { exact: true }).fill('60');
    await policyDialog.getByLabel('Rozwiązanie: minuty', { exact: true }).fill('480');
    await policyDialog.getByLabel('Rozwiązanie: sposób liczenia', { exact: true }).selectOption({ label: 'całodobowo' });
    await policyDialog.getByLabel('Kalendarz', { exact: true }).selectOption({ label: 'Biuro Kraków' });
    await policyDialog.getByLabel('Ostrzeżenie po zużyciu (%)', { exact: true }).fill('80');
    await policyDialog.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano politykę Pilne').waitFor();
    const policy = (await policies()).find((candidate) => candidate.name === 'Pilne')!;
    expect(policy).toMatchObject({
      enabled: true,
      conditions: { priorities: ['urgent'] },
      firstResponse: { minutes: 60, mode: 'business' },
      nextResponse: null,
      resolution: { minutes: 480, mode: 'calendar' },
      calendarId: calendar.id,
      pauseStatuses: ['waiting_customer'],
    });
    const row = page.getByRole('table', { name: 'Polityki SLA' }).getByRole('row').filter({ hasText: 'Pilne' });
    await row.getByRole('cell', { name: '1 godzina (w godzinach pracy)' }).waitFor();
    await row.getByRole('cell', { name: '8 godzin (całodobowo)' }).waitFor();
    await row.getByRole('cell', { name: 'Biuro Kraków' }).waitFor();

    // Edited: switched off, first response 2 hours.
    await row.getByRole('button', { name: 'Edytuj: Pilne' }).click();
    const edit = page.getByRole('dialog', { name: 'Polityka: Pilne' });
    await edit.getByLabel('Włączona', { exact: true }).uncheck();
    await edit.getByLabel('Pierwsza odpowiedź: minuty', { exact: true }).fill('120');
    await edit.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano politykę Pilne').waitFor();
    await waitFor(async () => (await policies()).find((candidate) => candidate.id === policy.id)?.enabled === false, {
      description: 'the policy to be switched off',
    });
    expect((await policies()).find((candidate) => candidate.id === policy.id)?.firstResponse).toEqual({ minutes: 120, mode: 'business' });
    await row.getByRole('cell', { name: '2 godziny (w godzinach pracy)' }).waitFor();

    // Tried one place earlier.
    const order = async () => (await policies()).map((candidate) => candidate.name);
    const before = await order();
    const at = before.indexOf('Pilne');
    expect(at).toBeGreaterThan(0);
    const policyTable = page.getByRole('table', { name: 'Polityki SLA' });
    // The seeded complaint policy shows its category condition (it is no catch-all), in Polish.
    const complaints = policyTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Reklamacje', exact: true }) });
    await complaints.getByRole('cell', { name: 'Kategorie: Reklamacja lub zwrot', exact: true }).waitFor();
    expect((await policyTable.getByRole('rowheader').allInnerTexts()).map((name) => name.replace(/\s*\(.*\)$/, '').trim())).toEqual(before);
    await row.getByRole('button', { name: 'Przesuń w górę: Pilne' }).click();
    const expected = [...before];
    expected.splice(at, 1);
    expected.splice(at - 1, 0, 'Pilne');
    await waitFor(async () => JSON.stringify(await order()) === JSON.stringify(expected), { description: 'the new order' });
    await waitFor(async () => (await policyTable.getByRole('rowheader').nth(at - 1).innerText()).trim() === 'Pilne', {
      description: 'the new order on screen',
    });
    await saveScreenshot(page, 'admin-sla');
  });

  it('speaks English', async () => {
    const page = await sessions.loggedIn('/admin/sla');
    await page.getByRole('heading', { name: 'SLA i kalendarze', level: 1 }).waitFor();
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'SLA and calendars', level: 1 }).waitFor();
    expect(await page.title()).toBe('SLA and calendars · Okienko');
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Automation rules', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    await page.getByLabel('Find a customer', { exact: true }).waitFor();
  });
});
