import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { withDatabase } from '../mail/mail-kit.js';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { sendRaw } from '../support/send-mail.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// The administration of incoming mail in a real headless Chromium: the
// addresses Okienko receives mail for, and mail whose processing failed —
// listed, its source read as plain text, and processed again after a fix.

jest.setTimeout(120_000);

const SUBJECT = 'Faktura FV/2026/12/0042 <script>window.hacked = true</script>';

interface InboundAddressRow {
  id: string;
  address: string;
  name: string | null;
  queueId: string | null;
  priority: string | null;
  autoAcknowledge: boolean;
  acknowledgementSubject: string | null;
  acknowledgementBody: string | null;
}

interface InboundMailRow {
  id: string;
  state: string;
  subject: string | null;
  ticketId: string | null;
}

describe('agent panel: inbound addresses and failed mail', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    product = await startProduct({ MAIL_DOMAIN: 'sklep.test' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  const addresses = async () => ((await admin.get('/inbound-addresses')).body as { items: InboundAddressRow[] }).items;
  const mails = async (state: string) => ((await admin.get(`/inbound-mails?state=${state}`)).body as { items: InboundMailRow[] }).items;

  function acceptConfirmations(page: Page): void {
    page.on('dialog', (dialog) => void dialog.accept());
  }

  it('adds an inbound address with its queue and priority, edits and removes it', async () => {
    const queues = ((await admin.get('/queues')).body as { items: { id: string; name: string }[] }).items;
    const target = queues.find((queue) => !('isDefault' in queue && queue.isDefault)) ?? queues[0]!;

    const page = await sessions.loggedIn('/admin');
    acceptConfirmations(page);
    await page.getByRole('navigation', { name: 'Administracja' }).getByRole('link', { name: 'Adresy przychodzące' }).click();
    await page.getByRole('heading', { name: 'Adresy przychodzące', level: 1 }).waitFor();
    const create = page.getByRole('region', { name: 'Nowy adres' });
    await create.getByLabel('Adres', { exact: true }).fill('reklamacje@sklep.test');
    await create.getByLabel('Nazwa').fill('Reklamacje');
    await create.getByLabel('Kolejka').selectOption({ label: target.name });
    await create.getByLabel('Priorytet').selectOption({ label: 'Wysoki' });
    await create.getByRole('button', { name: 'Dodaj adres' }).click();
    await page.getByText('Dodano adres reklamacje@sklep.test').waitFor();
    const row = page.getByRole('table', { name: 'Adresy, na które Okienko przyjmuje pocztę' }).getByRole('row').filter({ hasText: 'reklamacje@sklep.test' });
    await row.getByRole('cell', { name: target.name, exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Wysoki', exact: true }).waitFor();
    const created = (await addresses()).find((address) => address.address === 'reklamacje@sklep.test');
    expect(created).toMatchObject({ name: 'Reklamacje', queueId: target.id, priority: 'high', autoAcknowledge: true });

    // The same address twice is refused, and the form says why.
    await create.getByLabel('Adres', { exact: true }).fill('reklamacje@sklep.test');
    await create.getByRole('button', { name: 'Dodaj adres' }).click();
    await create.getByRole('alert').waitFor();
    expect(await create.getByRole('alert').innerText()).toMatch(/^Nie udało się zapisać: .+\(błąd 409\)$/);

    await row.getByRole('button', { name: 'Edytuj: reklamacje@sklep.test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adres: reklamacje@sklep.test' });
    await dialog.getByLabel('Priorytet').selectOption({ label: 'Domyślny (normalny)' });
    await dialog.getByLabel('Kolejka').selectOption({ label: 'Kolejka domyślna' });
    await dialog.getByLabel('Wysyłaj potwierdzenie z numerem zgłoszenia').check();
    await dialog.getByLabel('Temat potwierdzenia').fill('Przyjęliśmy reklamację {{ticket.number}}');
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano adres reklamacje@sklep.test').waitFor();
    expect((await addresses()).find((address) => address.id === created!.id)).toMatchObject({
      queueId: null,
      priority: null,
      autoAcknowledge: true,
      acknowledgementSubject: 'Przyjęliśmy reklamację {{ticket.number}}',
      acknowledgementBody: null,
    });
    await saveScreenshot(page, 'admin-inbound-addresses');

    await row.getByRole('button', { name: 'Usuń: reklamacje@sklep.test' }).click();
    await page.getByText('Usunięto adres reklamacje@sklep.test').waitFor();
    expect((await addresses()).some((address) => address.id === created!.id)).toBe(false);
  });

  it('lists a failed mail, shows its source as text and processes it again after the fix', async () => {
    expect((await admin.post('/inbound-addresses', { address: 'biuro@sklep.test' })).status).toBe(201);
    // The failure is forced by a trigger refusing the ticket this mail opens; dropping it is "the fix".
    await withDatabase(product, async (db) => {
      await db.query(`
        CREATE FUNCTION okienko_test_refuse_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.subject LIKE '%FV/2026/12/0042%' THEN
            RAISE EXCEPTION 'invalid byte sequence for encoding "UTF8": 0x00' USING ERRCODE = '22021';
          END IF;
          RETURN NEW;
        END $$`);
      await db.query(`CREATE TRIGGER okienko_test_refuse_ticket BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION okienko_test_refuse_ticket()`);
    });
    const raw = [
      'From: Renata Sobczak <renata@example.pl>',
      'To: biuro@sklep.test',
      `Subject: ${SUBJECT}`,
      'Message-ID: <failed-0042@example.pl>',
      'Date: Mon, 23 Nov 2026 10:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Proszę o duplikat faktury.</p><img src=x onerror="window.hacked = true">',
      '',
    ].join('\r\n');
    await sendRaw(product.smtpPort!, { from: 'renata@example.pl', to: ['biuro@sklep.test'], raw });
    const failed = await waitFor(async () => (await mails('failed'))[0], { timeoutMs: 30_000, description: 'the mail to fail' });

    const page = await sessions.loggedIn('/admin/failed-mails');
    await page.getByRole('heading', { name: 'Nieprzetworzone maile', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Maile, których przetwarzanie się nie powiodło' });
    const row = table.getByRole('row').filter({ hasText: 'FV/2026/12/0042' });
    await row.getByText('renata@example.pl').waitFor();
    await row.getByText(/invalid byte sequence/).waitFor();
    await page.getByText('1 mail', { exact: true }).waitFor();

    // The raw source, exactly as received, as text: nothing in it runs.
    await row.getByRole('button', { name: 'Pokaż źródło' }).click();
    const dialog = page.getByRole('dialog', { name: `Źródło: ${SUBJECT}` });
    const source = dialog.getByLabel('Źródło maila');
    await waitFor(async () => (await source.innerText()).includes('onerror="window.hacked = true"'), { description: 'the source' });
    expect(await source.innerText()).toContain('Message-ID: <failed-0042@example.pl>');
    expect(await dialog.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { hacked?: boolean }).hacked)).toBeUndefined();
    await saveScreenshot(page, 'admin-failed-mail-source');
    await dialog.getByRole('button', { name: 'Zamknij' }).click();

    await withDatabase(product, async (db) => {
      await db.query(`DROP TRIGGER okienko_test_refuse_ticket ON tickets`);
      await db.query(`DROP FUNCTION okienko_test_refuse_ticket()`);
    });
    await row.getByRole('button', { name: 'Przetwórz ponownie' }).click();
    await page.getByText(/^Mail „Faktura FV\/2026\/12\/0042 .*” przekazano do ponownego przetworzenia \(stan: .+\)$/).waitFor();
    const processed = await waitFor(async () => (await mails('processed')).find((mail) => mail.id === failed.id), {
      timeoutMs: 30_000,
      description: 'the mail to be processed',
    });
    expect(processed.ticketId).toEqual(expect.any(String));
    expect(await mails('failed')).toEqual([]);
    await page.getByRole('button', { name: 'Odśwież' }).click();
    await page.getByText('Wszystkie maile zostały przetworzone').waitFor();
  });
});
