import http from 'node:http';
import { rm, writeFile } from 'node:fs/promises';
import { startProductHere, type InProcessTestProduct, type ProductDatabaseChoice } from '../product-instance.js';

// The product host: one Node.js process per jest worker that starts and stops whole products for the test files
// that worker runs. The product's code is loaded once per worker instead of once per test file (jest gives every
// file a module registry of its own, and loading the product in it takes seconds), and the product runs beside the
// test instead of on its event loop. Products still get a database and a Redis prefix of their own each.
//
// Started by host-client.ts as `node --import register-typescript.mjs host.ts <registry file> <worker pid>`; it
// writes its port into the registry file and ends when the worker that started it is gone.
//
//   POST   /products      {owner, env, database}  → 201 {id, baseUrl, smtpPort, databaseUrl, admin} | 500 {message}
//   DELETE /products/:id                          → 204 once the product has stopped
//   POST   /browser                               → 200 {wsEndpoint} of the worker's Chromium (browser-server.ts)

export interface HostedStartRequest {
  /** The test file asking (a new owner means the previous file has ended: what it left running is stopped). */
  owner: string;
  env: Record<string, string>;
  database: ProductDatabaseChoice;
}

export interface HostedProductAnswer {
  id: string;
  baseUrl: string;
  smtpPort: number | null;
  databaseUrl: string;
  admin: { email: string; password: string };
}

const [registryFile, workerPid] = process.argv.slice(2);
if (!registryFile || !workerPid) throw new Error('usage: host.ts <registry file> <worker pid>');

const products = new Map<string, { owner: string; product: InProcessTestProduct }>();
let nextId = 1;

async function stop(id: string): Promise<void> {
  const entry = products.get(id);
  if (!entry) return;
  products.delete(id);
  await entry.product.close();
}

async function start(request: HostedStartRequest): Promise<HostedProductAnswer> {
  const leftOver = [...products].filter(([, entry]) => entry.owner !== request.owner).map(([id]) => id);
  await Promise.all(leftOver.map((id) => stop(id).catch(() => undefined)));
  const product = await startProductHere(request.env, request.database);
  const id = String(nextId++);
  products.set(id, { owner: request.owner, product });
  return { id, baseUrl: product.baseUrl, smtpPort: product.smtpPort, databaseUrl: product.databaseUrl, admin: product.admin };
}

function readJson(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.on('error', reject);
  });
}

function answer(response: http.ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

/** Answers one request as its status and body. */
async function route(request: http.IncomingMessage): Promise<[number, unknown?]> {
  const url = request.url ?? '';
  const stopMatch = /^\/products\/(\d+)$/.exec(url);
  if (request.method === 'POST' && url === '/products') return [201, await start((await readJson(request)) as HostedStartRequest)];
  if (request.method === 'DELETE' && stopMatch) return [204, await stop(stopMatch[1]!)];
  if (request.method === 'POST' && url === '/browser') {
    const { browserEndpoint } = await import('./browser-server.js');
    return [200, { wsEndpoint: await browserEndpoint() }];
  }
  if (request.method === 'GET' && url === '/health') return [200, { products: products.size }];
  return [404, { message: 'not found' }];
}

const server = http.createServer((request, response) => {
  route(request).then(
    ([status, body]) => answer(response, status, body),
    (error: unknown) => answer(response, 500, { message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

let ending = false;
async function end(): Promise<never> {
  if (!ending) {
    ending = true;
    server.close();
    const stopped = Promise.all([
      ...[...products.keys()].map((id) => stop(id).catch(() => undefined)),
      import('./browser-server.js').then(({ closeBrowserServer }) => closeBrowserServer()).catch(() => undefined),
    ]);
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await rm(registryFile!, { force: true });
  }
  process.exit(0);
}

process.on('SIGTERM', () => void end());
process.on('SIGINT', () => void end());
// The worker that started this host has ended (a crash, or the end of the run without the teardown).
setInterval(() => {
  try {
    process.kill(Number(workerPid), 0);
  } catch {
    void end();
  }
}, 1000).unref();

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  void writeFile(registryFile, JSON.stringify({ port, pid: process.pid }));
});
