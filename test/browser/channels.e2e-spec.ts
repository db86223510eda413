import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { addInboundAddress, deliverRaw, waitForProcessed } from '../mail/mail-kit.js';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot, seriousAccessibilityProblems } from '../support/browser.js';
import { composeMail } from '../support/compose-mail.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Channels in the agent panel, in a real headless Chromium against the whole
// product: a customer writes to two of our addresses about the same matter;
// the ticket shows both channels, each message its own, and the reply goes
// back on the channel the agent chooses (the mail leaves from that address,
// as the test relay sees it). The channels screen lists the e-mail channels
// and creates a phone channel.

jest.setTimeout(120_000);

const BIURO = 'biuro@sklep.test';
const REKLAMACJE = 'reklamacje@sklep.test';
const CUSTOMER = 'jan.kowalski@example.pl';

interface ChannelRow {
  id: string;
  type: string;
  name: string;
  priority: string | null;
  settings: Record<string, unknown>;
  active: boolean;
}

describe('agent panel: channels', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let browser: Browser;
  let admin: ApiClient;
  let ticket: { id: string; number: string };
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'sklep.test' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO });
    await addInboundAddress(admin, { address: REKLAMACJE });

    // The customer writes to the office, then follows up on the complaints address in the same thread.
    const first = composeMail({
      from: CUSTOMER,
      fromName: 'Jan Kowalski',
      to: BIURO,
      subject: 'Buty z zamówienia 4521',
      body: 'Dzień dobry, podeszwa odkleiła się po tygodniu.',
    });
    await deliverRaw(product, first.raw, { to: [BIURO] });
    const filed = await waitForProcessed(admin, first.messageId);
    const second = composeMail({
      from: CUSTOMER,
      fromName: 'Jan Kowalski',
      to: REKLAMACJE,
      subject: 'Re: Buty z zamówienia 4521',
      body: 'Przesyłam zdjęcia, proszę o zwrot pieniędzy.',
      inReplyTo: first.messageId,
    });
    await deliverRaw(product, second.raw, { to: [REKLAMACJE] });
    const followUp = await waitForProcessed(admin, second.messageId);
    expect(followUp.ticketId).toBe(filed.ticketId);
    const res = await admin.get(`/tickets/${filed.ticketId}`);
    expect(res.status).toBe(200);
    ticket = res.body as { id: string; number: string };
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product, sink]);

  const messageWith = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text });

  it("shows both channels of the ticket and each message's own, and replies on the channel the agent chooses", async () => {
    const page = await sessions.loggedIn(`/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: 'Buty z zamówienia 4521', level: 1 }).waitFor();

    // The header: every channel the conversation went through, oldest first, each with its type's icon.
    const channels = page.getByRole('list', { name: 'Kanały tego zgłoszenia' });
    await channels.getByRole('listitem').nth(1).waitFor();
    expect((await channels.getByRole('listitem').allInnerTexts()).map((text) => text.trim())).toEqual([BIURO, REKLAMACJE]);
    expect(await channels.getByRole('img', { name: 'E-mail' }).count()).toBe(2);

    // Each message: the channel it came on.
    await messageWith(page, 'podeszwa odkleiła się').getByTitle(`E-mail: ${BIURO}`).waitFor();
    await messageWith(page, 'Przesyłam zdjęcia').getByTitle(`E-mail: ${REKLAMACJE}`).waitFor();
    expect(await messageWith(page, 'podeszwa odkleiła się').getByTitle(`E-mail: ${REKLAMACJE}`).count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The reply goes where the customer last wrote, unless the agent chooses the other address.
    const via = page.getByRole('combobox', { name: /^Odpowiedź przez/ });
    await via.filter({ hasText: `E-mail · ${REKLAMACJE} → ${CUSTOMER}` }).waitFor();
    await via.focus();
    await page.keyboard.press('Enter');
    const listbox = page.getByRole('listbox');
    expect((await listbox.getByRole('option').allInnerTexts()).map((text) => text.trim()).sort()).toEqual([
      `E-mail · ${BIURO} → ${CUSTOMER}`,
      `E-mail · ${REKLAMACJE} → ${CUSTOMER}`,
    ]);
    await listbox.getByRole('option', { name: `E-mail · ${BIURO} → ${CUSTOMER}`, exact: true }).click();
    await via.filter({ hasText: `E-mail · ${BIURO} → ${CUSTOMER}` }).waitFor();
    await saveScreenshot(page, 'ticket-reply-channels');

    await page.getByLabel('Treść', { exact: true }).fill('Dzień dobry, prosimy odesłać buty, zwrot zlecimy po ich otrzymaniu.');
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await page.getByRole('status').filter({ hasText: 'Odpowiedź przekazana do wysyłki' }).waitFor();
    const reply = messageWith(page, 'prosimy odesłać buty');
    await reply.getByTitle(`E-mail: ${BIURO}`).waitFor();
    await reply.getByText('Wysłana').waitFor();

    const mail = await sink.waitFor((captured) => captured.to.includes(CUSTOMER) && captured.text.includes('prosimy odesłać buty'));
    expect(mail.from?.address).toBe(BIURO);

    // The same in English; the agent's choice stays while it is still one of the targets.
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.getByRole('list', { name: "This ticket's channels" }).getByRole('img', { name: 'E-mail' }).first().waitFor();
    await page.getByRole('combobox', { name: /^Reply via/ }).filter({ hasText: `E-mail · ${BIURO} → ${CUSTOMER}` }).waitFor();
  });

  it('lists the e-mail channels as the inbound addresses they are, and creates, edits and removes a phone channel', async () => {
    const page = await sessions.loggedIn('/admin');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('navigation', { name: 'Administracja' }).getByRole('link', { name: 'Kanały', exact: true }).click();
    await page.getByRole('heading', { name: 'Kanały', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Kanały kontaktu z klientami' });
    const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

    // E-mail channels are changed where their addresses are.
    for (const address of [BIURO, REKLAMACJE]) {
      await rowOf(address).getByRole('cell', { name: 'E-mail', exact: true }).waitFor();
      await rowOf(address).getByRole('link', { name: `Zmień w adresach przychodzących: ${address}` }).waitFor();
      expect(await rowOf(address).getByRole('button').count()).toBe(0);
    }

    const create = page.getByRole('region', { name: 'Nowy kanał' });
    await create.getByLabel('Nazwa').fill('Infolinia');
    await create.getByLabel('Rodzaj').selectOption({ label: 'Telefon' });
    await create.getByLabel('Priorytet').selectOption({ label: 'Wysoki' });
    // Settings that are not a JSON object are refused before anything is sent, and the form says why.
    await create.getByLabel('Ustawienia (JSON)').fill('{"number": +48 22 123 45 67}');
    await create.getByRole('button', { name: 'Dodaj kanał' }).click();
    await create.getByRole('alert').filter({ hasText: 'Ustawienia to nie jest poprawny JSON' }).waitFor();
    expect(await create.getByLabel('Ustawienia (JSON)').getAttribute('aria-invalid')).toBe('true');

    await create.getByLabel('Ustawienia (JSON)').fill('{"number": "+48 22 123 45 67"}');
    await create.getByRole('button', { name: 'Dodaj kanał' }).click();
    await page.getByText('Dodano kanał Infolinia').waitFor();
    await rowOf('Infolinia').getByRole('cell', { name: 'Telefon', exact: true }).waitFor();
    await rowOf('Infolinia').getByRole('cell', { name: 'tak', exact: true }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    const listed = ((await admin.get('/channels')).body as { items: ChannelRow[] }).items;
    const created = listed.find((channel) => channel.name === 'Infolinia');
    expect(created).toMatchObject({ type: 'phone', priority: 'high', active: true, settings: { number: '+48 22 123 45 67' } });

    // Switched off in its edit dialog, where its settings come back as they were saved.
    await rowOf('Infolinia').getByRole('button', { name: 'Edytuj: Infolinia' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kanał: Infolinia' });
    expect(JSON.parse(await dialog.getByLabel('Ustawienia (JSON)').inputValue())).toEqual({ number: '+48 22 123 45 67' });
    expect(await dialog.getByLabel('Rodzaj').isDisabled()).toBe(true);
    await dialog.getByLabel('Kanał aktywny (przyjmuje wiadomości)').uncheck();
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Zapisano kanał Infolinia').waitFor();
    await rowOf('Infolinia').getByRole('cell', { name: 'nie', exact: true }).waitFor();
    expect(((await admin.get(`/channels/${created!.id}`)).body as ChannelRow).active).toBe(false);
    await saveScreenshot(page, 'admin-channels');

    await rowOf('Infolinia').getByRole('button', { name: 'Usuń: Infolinia' }).click();
    await page.getByText('Usunięto kanał Infolinia').waitFor();
    await rowOf('Infolinia').waitFor({ state: 'detached' });
    expect((await admin.get(`/channels/${created!.id}`)).status).toBe(404);
  });
});
