import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SecretsService } from './secrets.service.js';
import { newSigningSecret } from './standard-webhook-signature.js';
import type { WebhookEventType } from './webhook-event-types.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** A new `webhook-id`: the same on every attempt of the delivery, so receivers deduplicate. */
export function newWebhookMessageId(): string {
  return `msg_${randomUUID().replace(/-/g, '')}`;
}

/**
 * Publishes events to the integrators' webhooks: `emit` stores one delivery
 * per subscribed, active endpoint (in the caller's transaction when given, so
 * the event leaves only if the change commits); the worker's sweep sends them,
 * signed, and retries failures. Any module may publish, e.g.
 * `webhookEvents.emit('call.ended', {callId, ...}, manager)`.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly repository: WebhooksRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretsService,
  ) {}

  /**
   * A rule's "call a webhook": the body as given, POSTed to the URL through
   * the same engine (signed, retried, logged). The URL gets an endpoint of
   * its own in /webhooks (subscribed to no events; rotate its secret to get
   * one to verify with). Answers the delivery's id.
   */
  async deliverToUrl(manager: EntityManager, url: string, event: string, body: Record<string, unknown>, description: string): Promise<string> {
    const webhookId = await this.repository.ruleEndpoint(manager, url, description, () => this.secrets.encrypt(newSigningSecret()));
    const [delivery] = await this.repository.insertDeliveries(manager, [{ webhookId, messageId: newWebhookMessageId(), event, payload: body }]);
    return delivery!.id;
  }

  /**
   * Stores the event for every endpoint subscribed to it. `note`: a message
   * that is an internal note (sent only to endpoints that include notes).
   * Answers how many deliveries were stored.
   */
  async emit(event: WebhookEventType, data: Record<string, unknown>, manager?: EntityManager, options: { note?: boolean } = {}): Promise<number> {
    const m = manager ?? this.dataSource.manager;
    const subscribers = await this.repository.subscribers(m, event, options.note ?? false);
    if (!subscribers.length) return 0;
    const payload = { type: event, timestamp: new Date().toISOString(), data };
    const stored = await this.repository.insertDeliveries(
      m,
      subscribers.map((s) => ({ webhookId: s.id, messageId: newWebhookMessageId(), event, payload })),
    );
    return stored.length;
  }

  /** Whether any endpoint listens at all (callers skip building payloads otherwise). */
  anyListening(manager?: EntityManager): Promise<boolean> {
    return this.repository.anyActive(manager ?? this.dataSource.manager);
  }
}
