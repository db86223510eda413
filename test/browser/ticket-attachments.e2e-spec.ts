import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { addInboundAddress, deliverRaw, ticketOfMail } from '../mail/mail-kit.js';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { closePanelAfterTests, panelSessions } from '../support/panel-session.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Attachments on the ticket page in a real headless Chromium: a customer's
// mail with a photo and an SVG drawing arrives over SMTP; the photo is shown
// as a thumbnail that opens larger in a dialog, the SVG is only a download.

jest.setTimeout(90_000);

// A 2×2 PNG (red, green / blue, white).
const PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC',
  'base64',
);
const DRAWING_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>window.parent.__pwned = "svg"</script><rect width="10" height="10"/></svg>';

/** In the page: the picture's width once the browser has decoded it (fails for a broken image). */
function naturalWidthOnceDecoded(element: unknown): Promise<number> {
  const image = element as { naturalWidth: number; decode(): Promise<void> };
  return image.decode().then(() => image.naturalWidth);
}

function mailWithAttachments(messageId: string): Buffer {
  const boundary = 'okienko-attachments-boundary';
  const lines = [
    'From: Jan Kowalski <jan.kowalski@example.pl>',
    'To: reklamacje@sklep.test',
    'Subject: =?UTF-8?B?VXN6a29kem9uYSBwYWN6a2EgLSB6ZGrEmWNpZQ==?=',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Dzień dobry, paczka przyszła zgnieciona, w załączniku zdjęcie.',
    '',
    `--${boundary}`,
    'Content-Type: image/png; name="paczka.png"',
    'Content-Disposition: attachment; filename="paczka.png"',
    'Content-Transfer-Encoding: base64',
    '',
    PHOTO_PNG.toString('base64'),
    '',
    `--${boundary}`,
    'Content-Type: image/svg+xml; name="rysunek.svg"',
    'Content-Disposition: attachment; filename="rysunek.svg"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(DRAWING_SVG).toString('base64'),
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** An HTML mail whose picture is embedded in it (multipart/related) and shown where the HTML says, as `cid:`. */
function mailWithInlinePicture(messageId: string): Buffer {
  const related = 'okienko-related-boundary';
  const alternative = 'okienko-alternative-boundary';
  const lines = [
    'From: Sklep Kwiatek <biuro@kwiatek.example.pl>',
    'To: reklamacje@sklep.test',
    'Subject: Logo w stopce',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${related}"; type="multipart/alternative"`,
    '',
    `--${related}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Dzień dobry, w stopce nasze logo.',
    '',
    `--${alternative}`,
    'Content-Type: text/html; charset=UTF-8',
    '',
    '<p>Dzień dobry, w stopce nasze logo.</p><p><img src="cid:logo.kwiatek@kwiatek.example.pl" alt="Logo sklepu Kwiatek" width="2" height="2"></p>',
    '',
    `--${alternative}--`,
    '',
    `--${related}`,
    'Content-Type: image/png; name="logo.png"',
    'Content-Disposition: inline; filename="logo.png"',
    'Content-ID: <logo.kwiatek@kwiatek.example.pl>',
    'Content-Transfer-Encoding: base64',
    '',
    PHOTO_PNG.toString('base64'),
    '',
    `--${related}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

describe('agent panel: attachments on the ticket page', () => {
  let product: TestProduct;
  let browser: Browser;
  let admin: ApiClient;
  let ticketNumber: string;
  const sessions = panelSessions(
    () => browser,
    () => product,
  );

  beforeAll(async () => {
    product = await startProduct({ MAIL_DOMAIN: 'sklep.test' });
    browser = await launchBrowser();
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: 'reklamacje@sklep.test', autoAcknowledge: false });
    const messageId = `zdjecie-${Date.now()}@poczta.example.pl`;
    const sent = await deliverRaw(product, mailWithAttachments(messageId), { to: ['reklamacje@sklep.test'] });
    expect(sent.delivery.response).toMatch(/^250/);
    const ticket = await ticketOfMail(admin, messageId);
    expect(ticket.messages[0]!.attachments.map((attachment) => attachment.filename).sort()).toEqual(['paczka.png', 'rysunek.svg']);
    ticketNumber = ticket.number;
  }, 180_000);

  closePanelAfterTests(sessions, () => [browser, product]);

  async function ticketPage(): Promise<Page> {
    const page = await sessions.loggedIn(`/tickets/${ticketNumber}`);
    await page.getByRole('heading', { name: 'Uszkodzona paczka - zdjęcie' }).waitFor();
    return page;
  }

  it('shows a photo as a thumbnail that opens larger in a dialog', async () => {
    const page = await ticketPage();
    const thumbnail = page.getByRole('button', { name: 'Powiększ obraz paczka.png' });
    // The picture really loaded (fetched with the session's token), not just an element.
    const small = thumbnail.locator('img');
    await small.waitFor();
    expect(await small.evaluate(naturalWidthOnceDecoded)).toBe(2);
    expect(await thumbnail.isEnabled()).toBe(true);
    await thumbnail.click();

    const dialog = page.getByRole('dialog', { name: 'paczka.png' });
    await dialog.waitFor();
    const large = dialog.getByRole('img', { name: 'Załącznik paczka.png' });
    await large.waitFor();
    expect(await large.evaluate(naturalWidthOnceDecoded)).toBe(2);
    await saveScreenshot(page, 'ticket-attachment-preview');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('offers an SVG only as a download, never rendering it', async () => {
    const page = await ticketPage();
    const download = page.getByRole('button', { name: 'rysunek.svg — Pobierz' });
    await download.waitFor();
    expect(await page.locator('img[alt*="rysunek.svg"], object, embed, iframe[src]').count()).toBe(0);

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('rysunek.svg');
    expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned ?? null)).toBeNull();
  });

  it('shows a picture embedded in an HTML mail (cid:) inside the message', async () => {
    const messageId = `logo-${Date.now()}@kwiatek.example.pl`;
    const sent = await deliverRaw(product, mailWithInlinePicture(messageId), { to: ['reklamacje@sklep.test'] });
    expect(sent.delivery.response).toMatch(/^250/);
    const ticket = await ticketOfMail(admin, messageId);
    // The API points the cid: image at the attachment's URL.
    const message = ticket.messages[0]!;
    const logo = message.attachments.find((attachment) => attachment.filename === 'logo.png');
    expect(logo).toMatchObject({ inline: true, contentType: 'image/png' });
    expect(message.bodyHtml).toContain(`src="/api/v1/tickets/${ticket.id}/attachments/${logo!.id}"`);
    expect(message.bodyHtml).not.toContain('cid:');

    const page = await sessions.loggedIn(`/tickets/${ticket.number}`);
    const frame = page.getByTitle('Treść wiadomości (HTML)').contentFrame();
    await frame.getByText('w stopce nasze logo').waitFor();
    // The panel fetched the picture with the session and shows it from a blob: URL the frame's policy allows.
    const picture = frame.locator('img[alt="Logo sklepu Kwiatek"][src^="blob:"]');
    await picture.waitFor();
    expect(await picture.evaluate(naturalWidthOnceDecoded)).toBe(2);
    await saveScreenshot(page, 'ticket-inline-picture');
  });

  it('shows the same in English', async () => {
    const page = await ticketPage();
    await page.getByLabel('Język interfejsu', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Enlarge the image paczka.png' }).waitFor();
    await page.getByRole('button', { name: 'rysunek.svg — Download' }).waitFor();
  });
});
