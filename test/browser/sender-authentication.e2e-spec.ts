import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { addInboundAddress, deliverRaw, ticketOfMail } from '../mail/mail-kit.js';
import { asAdmin } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { createDkimKey } from '../support/dkim-key.js';
import { startDnsStub, type DnsStub } from '../support/dns-stub.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The sender check on the ticket page in a real headless Chromium: a mail
// whose From is a bank that publishes DMARC p=reject, sent from a server the
// bank's SPF does not allow and without its signature, is shown with a
// warning nobody can miss; a genuine, signed mail gets a small "verified" badge.

jest.setTimeout(90_000);

const BANK = 'bank-polski.example';
const SHOP = 'sklep-rowerowy.example';

function mail(from: string, subject: string, messageId: string, body: string): Buffer {
  return Buffer.from(
    [
      `From: ${from}`, 'To: biuro@sklep.test', `Subject: ${subject}`, `Date: ${new Date().toUTCString()}`, `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit', '', body, '',
    ].join('\r\n'),
    'utf8',
  );
}

describe('agent panel: the sender check of a customer mail', () => {
  let product: TestProduct;
  let browser: Browser;
  let dns: DnsStub;
  let forgedTicket: string;
  let genuineTicket: string;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    const key = createDkimKey(SHOP);
    dns = await startDnsStub({
      [BANK]: { TXT: ['v=spf1 ip4:192.0.2.10 -all'] },
      [`_dmarc.${BANK}`]: { TXT: ['v=DMARC1; p=reject'] },
      [SHOP]: { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
      [`_dmarc.${SHOP}`]: { TXT: ['v=DMARC1; p=quarantine'] },
      [key.recordName]: { TXT: [key.record] },
    });
    product = await startProduct({ MAIL_DOMAIN: 'sklep.test', MAIL_AUTH_DNS_SERVERS: dns.server });
    browser = await launchBrowser();
    const admin = await asAdmin(product);
    await addInboundAddress(admin, { address: 'biuro@sklep.test', autoAcknowledge: false });

    const forgedId = `konto-${Date.now()}@${BANK}`;
    await deliverRaw(product, mail(`Bank Polski <ksiegowosc@${BANK}>`, 'Zmiana numeru konta', forgedId, 'Prosimy o przelewy na nowy numer konta.'), {
      to: ['biuro@sklep.test'],
    });
    forgedTicket = (await ticketOfMail(admin, forgedId)).number;

    const genuineId = `faktura-${Date.now()}@${SHOP}`;
    const signed = await key.sign(mail(`Anna Nowak <anna@${SHOP}>`, 'Faktura do zamówienia', genuineId, 'Proszę o fakturę.'));
    await deliverRaw(product, signed, { to: ['biuro@sklep.test'] });
    genuineTicket = (await ticketOfMail(admin, genuineId)).number;
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product, dns]);

  async function ticketPage(number: string, subject: string): Promise<Page> {
    const page = await sessions.loggedIn(`/tickets/${number}`);
    await page.getByRole('heading', { name: subject }).waitFor();
    return page;
  }

  it('warns on a mail whose domain failed DMARC, in Polish and in English', async () => {
    const page = await ticketPage(forgedTicket, 'Zmiana numeru konta');
    const warning = page.getByRole('alert').filter({ hasText: 'Nadawca niezweryfikowany — domena nie przeszła DMARC' });
    await warning.waitFor();
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain(BANK);
    await saveScreenshot(page, 'ticket-sender-not-verified');

    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.getByRole('alert').filter({ hasText: 'Sender not verified — the domain failed DMARC' }).waitFor();
  });

  it('marks a signed mail from an allowed server as verified, without a warning', async () => {
    const page = await ticketPage(genuineTicket, 'Faktura do zamówienia');
    await page.getByText('Nadawca zweryfikowany').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Nadawca niezweryfikowany' }).count()).toBe(0);
  });
});
