import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { API, asAdmin, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// The security headers of every answer: the agent panel (its pages, its built
// files) and the API can be neither framed nor sniffed, the panel runs only its
// own scripts, and API answers may load nothing at all.

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Map<string, string[]> {
  expect(header).toBeDefined();
  return new Map(
    header!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectCommonHeaders(res: request.Response): void {
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(directives(res.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
  expect(res.headers['x-powered-by']).toBeUndefined();
}

function expectPanelPolicy(res: request.Response): void {
  expectCommonHeaders(res);
  const csp = directives(res.headers['content-security-policy']);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  // Attachments and the inline pictures of mail are shown from blob: URLs.
  expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
}

function expectApiPolicy(res: request.Response): void {
  expectCommonHeaders(res);
  expect(directives(res.headers['content-security-policy']).get('default-src')).toEqual(["'none'"]);
}

describe('security headers', () => {
  let product: TestProduct;
  let admin: ApiClient;

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const http = () => request(product.baseUrl);

  it.each(['/', '/login', '/tickets', '/tickets/2026-000001', '/admin/users'])('the panel at %s', async (path) => {
    const res = await http().get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expectPanelPolicy(res);
  });

  it("the panel's built scripts and styles", async () => {
    const index = await http().get('/');
    const assets = [...(index.text as string).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await http().get(asset);
      expect(res.status).toBe(200);
      expectPanelPolicy(res);
    }
  });

  it('Swagger UI at /api/docs gets the policy of a page, its OpenAPI document too', async () => {
    const docs = await http().get('/api/docs');
    expect(docs.status).toBe(200);
    expectPanelPolicy(docs);
    const json = await http().get('/api/docs-json');
    expect(json.status).toBe(200);
    expectCommonHeaders(json);
  });

  it('an attachment download: sandboxed, never sniffed, never framed', async () => {
    const created = await admin.post('/tickets', { subject: 'Nagłówki', customer: { email: 'naglowki@example.pl' }, message: { body: 'Treść' } });
    expect(created.status).toBe(201);
    const reply = await admin.post(`/tickets/${created.body.id}/messages`, {
      type: 'note',
      body: 'Zdjęcie w załączniku',
      attachments: [{ filename: 'kropka.png', contentType: 'image/png', contentBase64: Buffer.from('not really a png').toString('base64') }],
    });
    expect(reply.status).toBe(201);
    const ticket = await admin.get(`/tickets/${created.body.id}`);
    const messages = (ticket.body as { messages: { attachments: { id: string }[] }[] }).messages;
    const attachmentId = messages.flatMap((message) => message.attachments)[0]!.id;
    const res = await admin.get(`/tickets/${created.body.id}/attachments/${attachmentId}`);
    expect(res.status).toBe(200);
    expectApiPolicy(res);
    expect(directives(res.headers['content-security-policy']).has('sandbox')).toBe(true);
  });

  it('API answers: success, errors, health, unknown routes', async () => {
    const list = await admin.get('/tickets');
    expect(list.status).toBe(200);
    expectApiPolicy(list);
    expectApiPolicy(await http().get(`${API}/auth/me`));
    expectApiPolicy(await http().post(`${API}/auth/login`).send({}));
    expectApiPolicy(await http().get('/api/health'));
    const unknown = await http().get(`${API}/no-such-route`);
    expect(unknown.status).toBe(404);
    expectApiPolicy(unknown);
  });
});
