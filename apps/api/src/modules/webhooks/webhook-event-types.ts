/** The events integrators subscribe to. */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.merged',
  'message.created',
  'customer.created',
  'customer.merged',
  'call.ended',
  'survey.answered',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** What `POST /webhooks/:id/test` sends (to that endpoint only). */
export const TEST_EVENT = 'webhook.test';

export function isWebhookEvent(v: unknown): v is WebhookEventType {
  return typeof v === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(v);
}
