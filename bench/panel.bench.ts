/**
 * `npm run bench:panel`: how fast the agent panel opens a long ticket.
 *
 * Builds the product, starts it on a fresh database `okienko_bench_panel` on
 * BENCH_DATABASE_URL's server (serving the built panel), creates one ticket
 * with 100 messages (customer mails in HTML, replies some in HTML, internal
 * notes) and opens its page in Debian's Chromium BENCH_ROUNDS times (default
 * 30, after 3 warm-up loads), each a full page load with the browser's cache
 * warm, as an agent's browser has it. Measured: from navigation start until
 * the thread is rendered — the last of the 100 messages is in the page and
 * the next frame has been painted. Then the same from inside the panel, as
 * agents mostly open a ticket: BENCH_ROUNDS times the ticket list is loaded
 * and the ticket is clicked in it; measured from the click until the thread is
 * rendered (same condition). Also the panel's JavaScript, gzipped: what
 * index.html loads up front, and everything the ticket page loads.
 * BENCH_TIMELINE=1 also prints what one load fetched and when; BENCH_TRACE=file
 * saves a Chrome trace of that load (open it in the browser's Performance panel).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium, type Response } from 'playwright-core';
import { loadConfig } from '../apps/api/src/core/config/load-config.js';
import { startOkienko } from '../apps/api/src/core/startup/start-okienko.js';
import { benchDatabaseUrl, percentile, recreateBenchDatabase } from './bench-database.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARM_UP = 3;
const MESSAGES = 100;
const DATABASE = 'okienko_bench_panel';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// WEB_DIST=<dir> measures another build of the panel (e.g. an earlier commit's, for a side-by-side comparison).
const WEB_DIST = path.resolve(process.env.WEB_DIST ?? 'dist/apps/web');

const PARAGRAPHS = [
  'Dzień dobry, paczka z zamówienia nie dotarła, a status w śledzeniu nie zmienia się od trzech dni.',
  'Proszę o informację, kiedy mogę się spodziewać zwrotu pieniędzy za oddany towar.',
  'W załączeniu przesyłam numer listu przewozowego oraz zdjęcie etykiety.',
  'Kurier twierdzi, że nikogo nie było w domu, ale cały dzień pracowałem zdalnie.',
];

/** A customer's mail as mail clients write it: styled HTML with a quoted history. */
function customerHtml(i: number): string {
  const body = PARAGRAPHS.map((text, k) => `<p style="margin:0 0 8px;font-family:Arial">${k === i % 4 ? `<b>${text}</b>` : text}</p>`).join('');
  return `<div dir="ltr">${body}<p>Pozdrawiam,<br>Jan Kowalski</p><blockquote style="border-left:2px solid #ccc;padding-left:8px">
    <p>W dniu ${i}.03.2026 Sklep napisał(a):</p><p>${PARAGRAPHS[(i + 1) % 4]}</p><table><tr><td>Zamówienie</td><td>4521-${i}</td></tr></table></blockquote></div>`;
}

async function seedTicket(base: string, token: string, url: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async (route: string, body: object) => {
    const res = await fetch(`${base}/api/v1${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`POST ${route} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string; number: string };
  };
  const ticket = await post('/tickets', {
    subject: 'Paczka nie dotarła — długa wymiana wiadomości',
    customer: { email: 'jan.kowalski@example.pl', name: 'Jan Kowalski' },
    message: { body: PARAGRAPHS.join('\n\n'), html: customerHtml(0) },
    channel: 'email',
  });
  // Replies (every other one in HTML) and notes through the API; each third message is the customer's.
  const inbound: number[] = [];
  for (let i = 1; i < MESSAGES; i++) {
    if (i % 3 === 0) inbound.push(i);
    else if (i % 3 === 1) {
      await post(`/tickets/${ticket.id}/messages`, {
        type: 'reply',
        body: `Dzień dobry, sprawdzamy przesyłkę (odpowiedź ${i}).\n\n${PARAGRAPHS[i % 4]}`,
        ...(i % 2 === 0 ? { html: `<p>Dzień dobry,</p><p>sprawdzamy przesyłkę (<i>odpowiedź ${i}</i>).</p><p>${PARAGRAPHS[i % 4]}</p>` } : {}),
      });
    } else {
      await post(`/tickets/${ticket.id}/messages`, { type: 'note', body: `Notatka ${i}: ${PARAGRAPHS[(i + 2) % 4]}` });
    }
  }
  // The customer's further mails: copies of their first one with their own text, as the mail worker stores them.
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const i of inbound) {
      await db.query(
        `INSERT INTO messages (ticket_id, direction, author_user_id, author_customer_id, author_api_token_id, from_address, to_addresses,
           cc_addresses, subject, body_text, body_html, message_id, in_reply_to, "references", delivery_state, delivery_error,
           visible_text, automated, purpose, inbound_mail_id, sent_at, delivery_attempts, created_at)
         SELECT ticket_id, direction, author_user_id, author_customer_id, author_api_token_id, from_address, to_addresses,
           cc_addresses, 'Re: ' || subject, $2, $3, message_id || '-' || $4::text, in_reply_to, "references", delivery_state, delivery_error,
           NULL, automated, purpose, NULL, sent_at, delivery_attempts, now() + $4::int * interval '1 second'
         FROM messages WHERE ticket_id = $1 AND direction = 'inbound' ORDER BY created_at LIMIT 1`,
        [ticket.id, `${PARAGRAPHS[i % 4]} (mail ${i})`, customerHtml(i), i],
      );
    }
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1', [ticket.id]);
    if (rows[0]!.n !== MESSAGES) throw new Error(`the ticket has ${rows[0]!.n} messages, not ${MESSAGES}`);
  } finally {
    await db.end();
  }
  return ticket.number;
}

/** The JavaScript index.html loads up front (its module script and module preloads), gzipped. */
function initialJsGzipped(): { files: number; bytes: number } {
  const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = sources.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(WEB_DIST, src.replace(/^\//, ''))), { level: 9 }).length, 0);
  return { files: sources.length, bytes };
}

// Runs in the page before the panel's own code: notes when the thread holds every message, one frame later.
const THREAD_MARKER = `
  (() => {
    const expected = ${MESSAGES};
    const check = () => {
      if (window.__threadRenderedAt !== undefined) return true;
      if (document.querySelectorAll('.thread article.message').length < expected) return false;
      window.__threadRenderedAt = null;
      requestAnimationFrame(() => setTimeout(() => (window.__threadRenderedAt = performance.now()), 0));
      return true;
    };
    new MutationObserver((_, observer) => check() && observer.disconnect()).observe(document, { childList: true, subtree: true });
  })();`;

/**
 * Runs in the page showing the ticket list: clicks the ticket's link and answers how many
 * milliseconds passed until the thread held every message and the next frame was painted.
 */
function openFromList(number: string): string {
  return `new Promise((resolve) => {
    const link = document.querySelector('a[href="/tickets/${number}"]');
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('.thread article.message').length < ${MESSAGES}) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
    link.click();
  })`;
}

async function main(): Promise<void> {
  await recreateBenchDatabase(DATABASE);
  const url = benchDatabaseUrl(DATABASE);
  const product = await startOkienko(
    loadConfig({
      DATABASE_URL: url, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', OKIENKO_ROLES: 'api', LOG_LEVEL: 'error',
      ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench-password', REDIS_PREFIX: `okienko-bench-${process.pid}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', WEB_DIST_DIR: WEB_DIST,
    }, []),
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const base = product.httpUrl!;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const number = await seedTicket(base, accessToken, url);

    const context = await browser.newContext({ baseURL: base, locale: 'pl-PL', viewport: { width: 1280, height: 800 } });
    // In-page code is written as text: the benchmarks are type-checked without the DOM's types.
    await context.addInitScript(
      `localStorage.setItem('okienko.session', ${JSON.stringify(JSON.stringify({ accessToken, expiresAt: null }))})`,
    );
    await context.addInitScript(THREAD_MARKER);
    const page = await context.newPage();
    // The scripts of the first load, read while that page is still open.
    const scripts = new Map<string, Response>();
    const collect = (response: Response) => {
      if (response.url().endsWith('.js') && !scripts.has(response.url())) scripts.set(response.url(), response);
    };
    page.on('response', collect);
    const ticketJs = new Map<string, number>();

    const times: number[] = [];
    // When the ticket's JSON had arrived, for telling the API's share from the page's.
    const apiTimes: number[] = [];
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      const tracing = process.env.BENCH_TRACE && round === WARM_UP;
      if (tracing) await browser.startTracing(page, { path: process.env.BENCH_TRACE, screenshots: false });
      await page.goto(`/tickets/${number}`);
      const handle = await page.waitForFunction(() => (globalThis as { __threadRenderedAt?: number | null }).__threadRenderedAt || null, null, {
        timeout: 60_000,
      });
      const at = (await handle.jsonValue()) as number;
      if (tracing) await browser.stopTracing();
      const answered = (await page.evaluate(
        `performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/api/v1/tickets/${number}'))?.responseEnd ?? NaN`,
      )) as number;
      if (round >= WARM_UP) {
        times.push(at);
        apiTimes.push(answered);
      }
      if (process.env.BENCH_TIMELINE && round === WARM_UP) {
        // What the page fetched and when (ms from navigation start), for finding where the time goes.
        const timeline = (await page.evaluate(
          "performance.getEntriesByType('resource').map((entry) => `${entry.startTime.toFixed(0)}–${entry.responseEnd.toFixed(0)} ${entry.name.replace(location.origin, '')}`)",
        )) as string[];
        console.log(timeline.join('\n'));
      }
      if (round === 0) {
        page.off('response', collect);
        for (const [url, response] of scripts) ticketJs.set(url, gzipSync(await response.body(), { level: 9 }).length);
        const shown = await page.locator('.thread article.message').count();
        if (shown !== MESSAGES) throw new Error(`the page shows ${shown} messages, not ${MESSAGES}`);
      }
    }
    // As agents mostly open a ticket: the ticket list is on screen and they click the ticket in it.
    const inApp: number[] = [];
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      await page.goto('/tickets');
      await page.locator(`a[href="/tickets/${number}"]`).first().waitFor();
      // The list has settled, as it has by the time someone reads it and picks a ticket.
      await page.waitForTimeout(300);
      const took = (await page.evaluate(openFromList(number))) as number;
      if (round >= WARM_UP) inApp.push(took);
    }
    inApp.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    apiTimes.sort((a, b) => a - b);
    const initial = initialJsGzipped();
    const ticketPageJs = [...ticketJs.values()].reduce((sum, bytes) => sum + bytes, 0);

    console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${(await browser.version())}`);
    console.log(`One ticket with ${MESSAGES} messages; ${ROUNDS} full loads of its page (after ${WARM_UP} warm-up loads), browser cache warm\n`);
    console.log('| measure | value |\n| --- | ---: |');
    console.log(`| ticket page, navigation start → thread rendered, p50 | ${percentile(times, 50).toFixed(0)} ms |`);
    console.log(`| ticket page, navigation start → thread rendered, p95 | ${percentile(times, 95).toFixed(0)} ms |`);
    console.log(`| of which: navigation start → the ticket's JSON received, p50 / p95 | ${percentile(apiTimes, 50).toFixed(0)} / ${percentile(apiTimes, 95).toFixed(0)} ms |`);
    console.log(`| ticket page, fastest / slowest | ${times[0]!.toFixed(0)} / ${times.at(-1)!.toFixed(0)} ms |`);
    console.log(`| from the ticket list: click → thread rendered, p50 | ${percentile(inApp, 50).toFixed(0)} ms |`);
    console.log(`| from the ticket list: click → thread rendered, p95 | ${percentile(inApp, 95).toFixed(0)} ms |`);
    console.log(`| initial JavaScript (index.html, ${initial.files} files), gzipped | ${(initial.bytes / 1024).toFixed(1)} kB |`);
    console.log(`| all JavaScript of the ticket page (${ticketJs.size} files), gzipped | ${(ticketPageJs / 1024).toFixed(1)} kB |`);
    await context.close();
  } finally {
    await browser.close();
    await product.stop();
    await recreateBenchDatabase(DATABASE, { dropOnly: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
