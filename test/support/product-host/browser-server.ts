import type { BrowserServer } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../browser-options.js';

// The product host's Chromium: one browser process per jest worker, shared by the browser suites that worker runs
// one after another (each connects, works in contexts of its own and disconnects). Started on the first request and
// again whenever it has ended.

let server: Promise<BrowserServer> | undefined;

/** The WebSocket address a test connects its browser to (`chromium.connect`). */
export async function browserEndpoint(): Promise<string> {
  const current = await server?.catch(() => undefined);
  if (!current || current.process().exitCode !== null || current.process().signalCode !== null) {
    server = import('playwright-core').then(({ chromium }) => chromium.launchServer(CHROMIUM_LAUNCH_OPTIONS));
  }
  return (await server!).wsEndpoint();
}

/** Ends the browser, if one was started. */
export async function closeBrowserServer(): Promise<void> {
  const current = await server?.catch(() => undefined);
  server = undefined;
  await current?.close();
}
