import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

/** An integrator's endpoint, without its secret. */
export type Webhook = Schemas['WebhookDto'];
export type NewWebhook = Schemas['CreateWebhookDto'];
/** One event sent to an endpoint, with every attempt. */
export type WebhookDelivery = Schemas['WebhookDeliveryDto'];

export async function listWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  return (await unwrap(api.GET('/api/v1/webhooks', { params: { query: { limit: 200 } }, signal }))).items;
}

/** Creates an endpoint; the answer carries its secret, shown only now. */
export function createWebhook(webhook: NewWebhook): Promise<Webhook & { secret: string }> {
  return unwrap(api.POST('/api/v1/webhooks', { body: webhook }));
}

export function updateWebhook(id: string, change: Schemas['UpdateWebhookDto']): Promise<Webhook> {
  return unwrap(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body: change }));
}

export async function deleteWebhook(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } }));
}

export function rotateWebhookSecret(id: string): Promise<Schemas['RotatedSecretDto']> {
  return unwrap(api.POST('/api/v1/webhooks/{id}/rotate-secret', { params: { path: { id } } }));
}

export function testWebhook(id: string): Promise<WebhookDelivery> {
  return unwrap(api.POST('/api/v1/webhooks/{id}/test', { params: { path: { id } } }));
}

export async function listWebhookDeliveries(id: string, signal?: AbortSignal): Promise<WebhookDelivery[]> {
  return (await unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } }, signal }))).items;
}

export function redeliverWebhook(id: string, deliveryId: string): Promise<WebhookDelivery> {
  return unwrap(api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId } } }));
}
