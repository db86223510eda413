import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { hostedBrowserEndpoint } from './product-host/host-client.js';

/** test-artifacts/screenshots at the workspace root (not committed). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/**
 * Chromium for one browser suite: Debian's Chromium (test/support/browser-options.ts), shared by the suites of a
 * jest worker through its product host. Closing what this answers closes the suite's contexts and lets go of the
 * browser, which stays for the worker's next suite.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.connect(await hostedBrowserEndpoint());
}

/** What a download holds, as text (read over the browser's connection: the file itself is on the browser's side). */
export async function readDownload(download: Download, encoding: BufferEncoding = 'utf8'): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString(encoding);
}

/**
 * A fresh browser profile (no storage shared with other tests) that opens
 * relative URLs against `baseUrl`. Uncaught page errors are collected so a
 * test can assert there were none.
 */
export async function newSession(
  browser: Browser,
  baseUrl: string,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; pageErrors: Error[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'pl-PL',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

/** Saves a full-page screenshot to test-artifacts/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** An accessibility problem axe-core found, in a form that reads well in a failed assertion. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of (up to five of) the elements concerned. */
  targets: string[];
  /** axe's explanation for the first of them, e.g. the colours and the contrast it measured. */
  detail: string;
}

const AXE_SOURCE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/**
 * Runs axe-core (WCAG 2.1 A and AA rules and axe's best practices) on what the
 * page shows now and answers the serious and critical violations; minor and
 * moderate ones are left out.
 */
export async function seriousAccessibilityProblems(page: Page): Promise<AxeFinding[]> {
  // In-page code is written as text: these files are type-checked without the DOM's types.
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  // Evaluated by the browser's tooling rather than as a <script>, so the page's own Content-Security-Policy stays as it is.
  if (!loaded) await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  // Colours are judged as they end up, not halfway through a dialog's fade-in.
  await page.evaluate(`Promise.all(
    document.getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  ).then(() => true)`);
  const violations = (await page.evaluate(`axe
    .run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })
    .then((result) => result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    })))`)) as { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
      detail: violation.nodes[0]?.failureSummary ?? '',
    }));
}
