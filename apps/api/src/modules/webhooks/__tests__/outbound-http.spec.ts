import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../../core/config/app-config.js';
import { OutboundHttpService } from '../outbound-http.service.js';

// The guard against private addresses, against a real server on loopback.
describe('OutboundHttpService', () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
      else res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = (allow: boolean) => new OutboundHttpService({ webhooksAllowPrivateNetworks: allow, webhooksTimeoutMs: 2000 } as AppConfig);

  it('refuses loopback addresses, by literal and after DNS resolution, and sends nothing', async () => {
    const before = hits;
    const literal = await client(false).request('POST', `http://127.0.0.1:${port}/x`, { body: '{}' });
    expect(literal).toMatchObject({ status: null });
    expect(literal.error).toContain('private');
    const resolved = await client(false).request('POST', `http://localhost:${port}/x`, { body: '{}' });
    expect(resolved.status).toBeNull();
    expect(resolved.error).toContain('resolves to');
    expect(client(false).checkUrl(`http://[::1]:${port}/`)).toContain('private');
    expect(client(false).checkUrl('http://169.254.169.254/latest/meta-data')).toContain('private');
    expect(hits).toBe(before);
  });

  it('reaches them when private networks are allowed, following a redirect', async () => {
    const answer = await client(true).request('GET', `http://127.0.0.1:${port}/redirect`);
    expect(answer).toMatchObject({ status: 200, body: 'ok', error: null });
  });
});
