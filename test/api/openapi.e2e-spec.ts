import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { startProduct, type TestProduct } from '../support/start-product.js';

type Operation = { summary?: string; responses: Record<string, unknown>; security?: unknown[] };
type Document = { paths: Record<string, Record<string, Operation>> };

describe('OpenAPI document', () => {
  let product: TestProduct;
  let served: Document;

  beforeAll(async () => {
    product = await startProduct();
    served = (await request(product.baseUrl).get('/api/docs-json').expect(200)).body as Document;
  }, 60_000);
  afterAll(async () => {
    await product?.close();
  }, 30_000);

  it('is what docs/openapi.json holds (run "npm run openapi" after changing the API)', async () => {
    const committed = JSON.parse(await readFile('docs/openapi.json', 'utf8')) as Document;
    expect(served).toEqual(committed);
  });

  it('is a valid OpenAPI document', async () => {
    const result = await new Validator().validate(served as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route of the API with a summary and its error answers', () => {
    const routes = Object.entries(served.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(routes.map((r) => r.route).sort()).toEqual(
      [
        'DELETE /api/v1/api-tokens/{id}', 'DELETE /api/v1/users/{id}', 'GET /api/health', 'GET /api/v1/api-tokens',
        'GET /api/v1/auth/me', 'GET /api/v1/categories', 'GET /api/v1/customers', 'GET /api/v1/customers/{id}',
        'GET /api/v1/queues', 'GET /api/v1/tickets', 'GET /api/v1/tickets/{id}', 'GET /api/v1/users', 'GET /api/v1/users/{id}',
        'PATCH /api/v1/customers/{id}', 'PATCH /api/v1/tickets/{id}', 'PATCH /api/v1/users/{id}', 'POST /api/v1/api-tokens',
        'POST /api/v1/auth/login', 'POST /api/v1/customers', 'POST /api/v1/tickets', 'POST /api/v1/tickets/{id}/messages',
        'POST /api/v1/users',
        'GET /api/v1/inbound-addresses', 'POST /api/v1/inbound-addresses', 'GET /api/v1/inbound-addresses/{id}',
        'PATCH /api/v1/inbound-addresses/{id}', 'DELETE /api/v1/inbound-addresses/{id}',
        'GET /api/v1/inbound-mails', 'GET /api/v1/inbound-mails/{id}', 'GET /api/v1/inbound-mails/{id}/raw',
        'POST /api/v1/inbound-mails/{id}/reprocess', 'GET /api/v1/tickets/{id}/attachments/{attachmentId}',
        'GET /api/v1/templates', 'POST /api/v1/templates', 'GET /api/v1/templates/placeholders', 'POST /api/v1/templates/preview',
        'GET /api/v1/templates/{id}', 'PATCH /api/v1/templates/{id}', 'DELETE /api/v1/templates/{id}', 'GET /api/v1/tickets/{id}/template-suggestions',
        'POST /api/v1/queues', 'GET /api/v1/queues/{id}', 'PATCH /api/v1/queues/{id}', 'DELETE /api/v1/queues/{id}',
        'PUT /api/v1/queues/{id}/members', 'POST /api/v1/categories', 'GET /api/v1/categories/{id}', 'PATCH /api/v1/categories/{id}',
        'DELETE /api/v1/categories/{id}',
        'GET /api/v1/channels', 'POST /api/v1/channels', 'GET /api/v1/channels/{id}', 'PATCH /api/v1/channels/{id}', 'DELETE /api/v1/channels/{id}',
        'GET /api/v1/tickets/{id}/reply-targets',
        'GET /api/v1/rules', 'POST /api/v1/rules', 'PUT /api/v1/rules/order', 'POST /api/v1/rules/dry-run', 'GET /api/v1/rules/{id}',
        'PATCH /api/v1/rules/{id}', 'DELETE /api/v1/rules/{id}', 'POST /api/v1/rules/{id}/dry-run',
        'GET /api/v1/calendars', 'POST /api/v1/calendars', 'GET /api/v1/calendars/{id}', 'PATCH /api/v1/calendars/{id}', 'DELETE /api/v1/calendars/{id}',
        'GET /api/v1/calendars/{id}/holidays', 'GET /api/v1/calendars/{id}/preview',
        'GET /api/v1/sla-policies', 'POST /api/v1/sla-policies', 'PUT /api/v1/sla-policies/order', 'POST /api/v1/sla-policies/match',
        'GET /api/v1/sla-policies/{id}', 'PATCH /api/v1/sla-policies/{id}', 'DELETE /api/v1/sla-policies/{id}',
        'GET /api/v1/views/today',
        'GET /api/v1/reports/volume', 'GET /api/v1/reports/inbound-mails', 'GET /api/v1/reports/response-times', 'GET /api/v1/reports/sla',
        'GET /api/v1/reports/load', 'GET /api/v1/reports/contact-reasons', 'GET /api/v1/reports/automation', 'GET /api/v1/reports/satisfaction',
        'GET /api/v1/surveys/{token}', 'POST /api/v1/surveys/{token}',
        'GET /api/v1/live', 'GET /api/v1/tickets/{id}/presence', 'PUT /api/v1/tickets/{id}/presence', 'DELETE /api/v1/tickets/{id}/presence',
        'POST /api/v1/tickets/bulk', 'GET /api/v1/saved-views', 'POST /api/v1/saved-views', 'GET /api/v1/saved-views/{id}',
        'PATCH /api/v1/saved-views/{id}', 'DELETE /api/v1/saved-views/{id}',
        'POST /api/v1/customers/{id}/identities', 'DELETE /api/v1/customers/{id}/identities/{identityId}', 'POST /api/v1/customers/{id}/merge',
        'POST /api/v1/customers/{id}/unmerge', 'GET /api/v1/customers/{id}/duplicates',
        'POST /api/v1/tickets/{id}/merge', 'POST /api/v1/tickets/{id}/split', 'POST /api/v1/tickets/{id}/links', 'DELETE /api/v1/tickets/{id}/links/{ticketId}',
        'GET /api/v1/notifications', 'POST /api/v1/notifications/read', 'POST /api/v1/tickets/{id}/watch', 'DELETE /api/v1/tickets/{id}/watch',
        'GET /api/v1/me/notification-settings', 'PUT /api/v1/me/notification-settings',
        'GET /api/v1/queues/names', 'GET /api/v1/settings', 'PATCH /api/v1/settings',
        'GET /api/v1/tickets/{id}/draft', 'PUT /api/v1/tickets/{id}/draft', 'DELETE /api/v1/tickets/{id}/draft',
        'GET /api/v1/profile/signature', 'PUT /api/v1/profile/signature',
        'GET /api/v1/webhooks', 'POST /api/v1/webhooks', 'GET /api/v1/webhooks/{id}', 'PATCH /api/v1/webhooks/{id}', 'DELETE /api/v1/webhooks/{id}',
        'POST /api/v1/webhooks/{id}/rotate-secret', 'POST /api/v1/webhooks/{id}/test', 'GET /api/v1/webhooks/{id}/deliveries',
        'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
        'GET /api/public/forms/{key}', 'POST /api/public/forms/{key}/submissions', 'GET /api/public/tickets/{token}',
        'POST /api/public/tickets/{token}/messages', 'GET /api/public/tickets/{token}/attachments/{attachmentId}',
        'GET /api/v1/form-submissions', 'GET /api/v1/form-submissions/{id}', 'POST /api/v1/form-submissions/{id}/not-spam',
        'POST /api/v1/tickets/{id}/status-link', 'DELETE /api/v1/tickets/{id}/status-link', 'GET /api/v1/tickets/{id}/form-data',
        'POST /api/v1/channels/{key}/messages', 'GET /api/v1/channels/{key}/attachments/{attachmentId}',
        'POST /api/v1/channels/{id}/authorize',
        'GET /api/v1/integrations', 'POST /api/v1/integrations', 'GET /api/v1/integrations/{id}', 'PATCH /api/v1/integrations/{id}',
        'DELETE /api/v1/integrations/{id}', 'POST /api/v1/integrations/{id}/test', 'GET /api/v1/customers/{id}/orders',
        'GET /api/v1/tickets/{id}/orders', 'POST /api/v1/tickets/{id}/orders',
        'POST /api/v1/cti/{channelKey}', 'GET /api/v1/calls', 'POST /api/v1/calls', 'GET /api/v1/calls/{id}', 'POST /api/v1/calls/{id}/confirm-customer', 'POST /api/v1/calls/{id}/recording', 'GET /api/v1/calls/report',
        'GET /api/v1/chats', 'GET /api/v1/chats/availability', 'PUT /api/v1/chats/availability', 'GET /api/v1/chats/{id}',
        'POST /api/v1/chats/{id}/accept', 'POST /api/v1/chats/{id}/messages', 'POST /api/v1/chats/{id}/typing', 'POST /api/v1/chats/{id}/transfer',
        'POST /api/v1/chats/{id}/end', 'GET /api/public/chat/{key}/status', 'POST /api/public/chat/{key}/sessions',
        'POST /api/public/chat/{key}/offline-messages', 'GET /api/public/chat/sessions/{id}/events', 'POST /api/public/chat/sessions/{id}/messages',
        'POST /api/public/chat/sessions/{id}/files', 'POST /api/public/chat/sessions/{id}/typing',
        'POST /api/public/chat/sessions/{id}/end', 'GET /api/public/chat/sessions/{id}/files/{eventId}', 'POST /api/v1/chats/{id}/files',
        'GET /api/v1/reports/calls',
      ].sort(),
    );
    for (const { route, op } of routes) {
      expect({ route, summary: Boolean(op.summary) }).toEqual({ route, summary: true });
      const publicRoute = route === 'POST /api/v1/auth/login' || route === 'GET /api/health' || route.endsWith(' /api/v1/surveys/{token}') ||
        route.includes(' /api/public/forms/') || route.includes(' /api/public/tickets/') || route.includes(' /api/public/chat/') ||
        route === 'POST /api/v1/cti/{channelKey}' || route === 'POST /api/v1/channels/{key}/messages' || route === 'GET /api/v1/channels/{key}/attachments/{attachmentId}';
      expect({ route, secured: Boolean(op.security?.length) }).toEqual({ route, secured: !publicRoute });
      if (!publicRoute) expect({ route, has401: '401' in op.responses }).toEqual({ route, has401: true });
    }
  });

  it('serves Swagger UI at /api/docs', async () => {
    const page = await request(product.baseUrl).get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
  });
});
