import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProductDatabaseChoice, TestProduct } from '../product-instance.js';
import type { HostedProductAnswer, HostedStartRequest } from './host.js';

// The test files' side of the product host (host.ts): finds this jest worker's host, starting it when there is none
// (or it has ended), and asks it for products.

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** This test file: the host stops what an earlier file of the same worker left running when another file starts. */
const OWNER = randomUUID();

/** Where the hosts of this run note their ports, one file per jest worker (the global teardown ends them). */
export function hostRegistryPrefix(run: string): string {
  return path.join(tmpdir(), `${run}-product-host-`);
}

function registryFile(): string {
  const run = process.env.OKIENKO_TEST_RUN;
  if (!run) throw new Error('OKIENKO_TEST_RUN is not set: run the tests through jest (its global setup names the run)');
  return `${hostRegistryPrefix(run)}${process.env.JEST_WORKER_ID ?? '1'}.json`;
}

async function reachableHost(file: string): Promise<string | null> {
  try {
    const { port } = JSON.parse(await readFile(file, 'utf8')) as { port: number };
    const url = `http://127.0.0.1:${port}`;
    const response = await fetch(`${url}/health`);
    return response.ok ? url : null;
  } catch {
    return null;
  }
}

let host: Promise<string> | undefined;

function startHost(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', path.join(HERE, 'register-typescript.mjs'), path.join(HERE, 'host.ts'), file, String(process.pid)],
      { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    child.unref();
    const started = Date.now();
    const poll = async (): Promise<void> => {
      const url = await reachableHost(file);
      if (url) return resolve(url);
      if (child.exitCode !== null) return reject(new Error(`the product host ended at start (exit code ${child.exitCode})`));
      if (Date.now() - started > 60_000) return reject(new Error('the product host did not start within 60 s'));
      setTimeout(() => void poll(), 50);
    };
    void poll();
  });
}

function hostUrl(): Promise<string> {
  return (host ??= (async () => {
    const file = registryFile();
    return (await reachableHost(file)) ?? (await startHost(file));
  })().catch((error: unknown) => {
    host = undefined;
    throw error;
  }));
}

/** Starts a product in this worker's host. */
export async function startHostedProduct(env: Record<string, string>, database: ProductDatabaseChoice): Promise<TestProduct> {
  const url = await hostUrl();
  const request: HostedStartRequest = { owner: OWNER, env, database };
  const response = await fetch(`${url}/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as HostedProductAnswer & { message?: string };
  if (response.status !== 201) throw new Error(`the product did not start: ${body.message}`);
  let closed: Promise<void> | undefined;
  return {
    baseUrl: body.baseUrl,
    smtpPort: body.smtpPort,
    databaseUrl: body.databaseUrl,
    admin: body.admin,
    close: () =>
      (closed ??= fetch(`${url}/products/${body.id}`, { method: 'DELETE' }).then(async (stopped) => {
        if (stopped.status !== 204) throw new Error(`the product did not stop: ${await stopped.text()}`);
      })),
  };
}

/** The WebSocket address of this worker's Chromium, started by the host on first use (`chromium.connect`). */
export async function hostedBrowserEndpoint(): Promise<string> {
  const response = await fetch(`${await hostUrl()}/browser`, { method: 'POST' });
  const body = (await response.json()) as { wsEndpoint?: string; message?: string };
  if (!response.ok || !body.wsEndpoint) throw new Error(`the browser did not start: ${body.message}`);
  return body.wsEndpoint;
}
