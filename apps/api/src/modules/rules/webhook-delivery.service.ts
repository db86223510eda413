import { Injectable, Logger } from '@nestjs/common';
import { RulesRepository } from './rules.repository.js';

const TIMEOUT_MS = 10_000;

export type WebhookResult = 'delivered' | 'skipped' | 'failed';

/**
 * Calls a rule's webhook: a JSON POST of the ticket. A 2xx answer delivers it;
 * anything else is retried with backoff by the queue, and after the last
 * attempt the delivery is marked failed with the reason.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('Webhooks');

  constructor(private readonly repository: RulesRepository) {}

  async deliver(deliveryId: string, lastAttempt: boolean): Promise<WebhookResult> {
    const delivery = await this.repository.findWebhookDelivery(deliveryId);
    if (!delivery || delivery.state !== 'queued') return 'skipped';
    const attempts = delivery.attempts + 1;
    let status: number | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Okienko-Webhook/1', 'x-okienko-delivery': delivery.id },
        body: JSON.stringify(delivery.payload),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`);
      await this.repository.updateWebhookDelivery(delivery.id, { state: 'delivered', attempts, responseStatus: status, lastError: null, deliveredAt: new Date() });
      return 'delivered';
    } catch (error) {
      const reason = (error as Error).message.slice(0, 2000);
      await this.repository.updateWebhookDelivery(delivery.id, { state: lastAttempt ? 'failed' : 'queued', attempts, responseStatus: status, lastError: reason });
      if (lastAttempt) {
        this.logger.warn({ deliveryId, url: delivery.url, error: reason });
        return 'failed';
      }
      throw error;
    }
  }
}
