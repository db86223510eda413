import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { addInboundAddress, deliverRaw, waitForProcessed } from '../mail/mail-kit.js';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, newSession, seriousAccessibilityProblems } from '../support/browser.js';
import { composeMail } from '../support/compose-mail.js';
import { closePanelAfterTests, PANEL_WAIT_MS, panelSessions } from '../support/panel-session.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// axe-core in a real headless Chromium on the panel's main screens, in Polish
// and in English, and on the public survey page: no serious or critical
// accessibility violation (missing labels and names, contrast, roles, ARIA).

jest.setTimeout(120_000);

const BIURO = 'biuro@sklep.test';
// A 2×2 PNG, for the preview of an image attachment.
const PHOTO_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC';
const SURVEY_LINK = /http:\/\/[^\s]+\/survey\/([A-Za-z0-9_-]+)/;

describe('accessibility of the agent panel (axe-core)', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let browser: Browser;
  let admin: ApiClient;
  let ticketNumber: string;
  let customerId: string;
  let ruleId: string;
  let surveyToken: string;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'sklep.test' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
    const me = (await admin.get('/auth/me')).body as { id: string };
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', autoAcknowledge: false });

    // A ticket with a thread: the customer's mail (HTML), a reply, a note, a tag, an owner.
    const html = '<p>Dzień dobry,</p><p>zamówienie <b>4521</b> nie dotarło. <a href="https://sklep.example/zamowienie/4521">Szczegóły</a></p>';
    const created = await admin.post('/tickets', {
      subject: 'Paczka nie dotarła',
      customer: { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski', phone: '+48 600 100 200' },
      message: { body: 'Dzień dobry, zamówienie 4521 nie dotarło.', html },
      priority: 'high',
      tags: ['dostawa'],
      channel: 'email',
    });
    expect(created.status).toBe(201);
    const ticket = created.body as { id: string; number: string; customer: { id: string } };
    ticketNumber = ticket.number;
    customerId = ticket.customer.id;
    const photo = { filename: 'etykieta.png', contentType: 'image/png', contentBase64: PHOTO_PNG };
    expect((await admin.post(`/tickets/${ticket.id}/messages`, { type: 'note', body: 'Sprawdzam u kuriera.', attachments: [photo] })).status).toBe(201);
    expect((await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body: 'Paczka jest w drodze.' })).status).toBe(201);
    expect((await admin.patch(`/tickets/${ticket.id}`, { assigneeId: me.id, status: 'open' })).status).toBe(200);
    expect(
      (
        await admin.post('/tickets', {
          subject: 'Faktura VAT',
          customer: { email: 'jan.kowalski@example.pl' },
          message: { body: 'Proszę o fakturę.' },
        })
      ).status,
    ).toBe(201);

    const rules = (await admin.get('/rules')).body.items as { id: string; slug: string | null }[];
    const survey = rules.find((rule) => rule.slug === 'close-csat-survey')!;
    ruleId = survey.id;
    expect((await admin.patch(`/rules/${survey.id}`, { enabled: true })).status).toBe(200);

    // A customer's mail, closed: the CSAT survey goes out with the link to the public page.
    const { raw, messageId } = composeMail({ from: 'ewa@example.pl', fromName: 'Ewa Nowak', to: BIURO, subject: 'Zwrot', body: 'Chcę zwrócić buty.' });
    await deliverRaw(product, raw, { to: [BIURO] });
    const processed = await waitForProcessed(admin, messageId);
    expect((await admin.patch(`/tickets/${processed.ticketId}`, { status: 'closed' })).status).toBe(200);
    const mail = await sink.waitFor((captured) => captured.to.includes('ewa@example.pl') && SURVEY_LINK.test(captured.text));
    surveyToken = SURVEY_LINK.exec(mail.text)![1]!;
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product, sink]);

  async function english(page: Page): Promise<void> {
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  }

  /** The page in Polish and then in English has no serious or critical violation. */
  async function expectAccessibleInBothLanguages(page: Page, ready: { pl: () => Promise<unknown>; en: () => Promise<unknown> }): Promise<void> {
    await ready.pl();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await english(page);
    await ready.en();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }

  it('login page', async () => {
    const session = await newSession(browser, product.baseUrl);
    session.context.setDefaultTimeout(PANEL_WAIT_MS);
    try {
      const page = session.page;
      await page.goto('/login');
      await page.getByRole('button', { name: 'Zaloguj się' }).waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      // A failed sign-in shows its error: that state is checked too.
      await page.getByLabel('Adres e-mail').fill('nikt@example.pl');
      await page.getByLabel('Hasło').fill('złe hasło');
      await page.getByRole('button', { name: 'Zaloguj się' }).click();
      await page.getByRole('alert').waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      expect(session.pageErrors.map((error) => error.message)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('Today', async () => {
    const page = await sessions.loggedIn('/today');
    await expectAccessibleInBothLanguages(page, {
      pl: () => page.getByText('Paczka nie dotarła').first().waitFor(),
      en: () => page.getByRole('heading', { level: 1, name: 'To handle today' }).waitFor(),
    });
  });

  it('ticket list', async () => {
    const page = await sessions.loggedIn('/tickets');
    await expectAccessibleInBothLanguages(page, {
      pl: () => page.getByText('Faktura VAT').first().waitFor(),
      en: () => page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor(),
    });
  });

  it('ticket page with a thread, its shortcuts dialog and an image preview', async () => {
    const page = await sessions.loggedIn(`/tickets/${ticketNumber}`);
    await expectAccessibleInBothLanguages(page, {
      pl: () => page.getByText('Sprawdzam u kuriera.').waitFor(),
      en: () => page.getByRole('heading', { name: 'Properties' }).waitFor(),
    });
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Enlarge the image etykieta.png' }).click();
    await page.getByRole('dialog', { name: 'etykieta.png' }).getByRole('img').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('customers and a customer profile', async () => {
    const page = await sessions.loggedIn('/customers');
    await expectAccessibleInBothLanguages(page, {
      pl: () => page.getByRole('link', { name: 'Jan Kowalski' }).first().waitFor(),
      en: () => page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor(),
    });
    await page.goto(`/customers/${customerId}`);
    await page.getByRole('heading', { name: 'Jan Kowalski' }).first().waitFor();
    await page.getByText('Faktura VAT').first().waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('reports dashboard', async () => {
    const page = await sessions.loggedIn('/reports');
    await expectAccessibleInBothLanguages(page, {
      pl: () => page.locator('canvas').first().waitFor(),
      en: () => page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor(),
    });
  });

  it('administration: rules and the rule editor', async () => {
    const page = await sessions.loggedIn('/admin/rules');
    await expectAccessibleInBothLanguages(page, {
      pl: () => page.getByText('Ankieta CSAT po zamknięciu').first().waitFor(),
      en: () => page.getByRole('heading', { level: 1, name: 'Automation rules' }).waitFor(),
    });
    await page.goto(`/admin/rules/${ruleId}`);
    await page.getByRole('button', { name: 'Save', exact: true }).first().waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('the public survey page, in Polish and in English', async () => {
    for (const locale of ['pl-PL', 'en-GB']) {
      // The page's policy allows no script at all: axe-core is let in by the browser, for the test only.
      const context = await browser.newContext({ baseURL: product.baseUrl, locale, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(`/survey/${surveyToken}`);
        await page.getByRole('radio').first().waitFor();
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
