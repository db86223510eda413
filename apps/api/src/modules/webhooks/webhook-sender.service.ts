import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { AdminNotificationsService } from '../notifications/admin-notifications.service.js';
import { OutboundHttpService } from './outbound-http.service.js';
import { TEST_EVENT } from './webhook-event-types.js';
import { isRetryable, nextRetryDelay } from './retry-schedule.js';
import { SecretsService } from './secrets.service.js';
import { signedHeaders } from './standard-webhook-signature.js';
import { WebhooksRepository, type WebhookRow } from './webhooks.repository.js';

/** How much of an answer the delivery log keeps. */
const EXCERPT_LENGTH = 500;

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

/**
 * Sends one delivery to its endpoint, signed (Standard Webhooks: the
 * delivery's `webhook-id` on every attempt, a fresh timestamp, signed with the
 * current secret and, for a day after a rotation, also the previous one; the
 * secrets are decrypted here, at send time, and never logged). A 2xx answer
 * delivers it; network errors, time-outs, 408, 429 and 5xx are retried after
 * the configured waits (with jitter); other answers and the last retry fail it
 * for good. An endpoint failing for WEBHOOKS_DISABLE_AFTER_HOURS is disabled
 * and every active administrator is notified (`webhook_disabled`).
 */
@Injectable()
export class WebhookSenderService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly http: OutboundHttpService,
    private readonly secrets: SecretsService,
    private readonly adminNotifications: AdminNotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(deliveryId: string): Promise<AttemptOutcome> {
    const delivery = await this.repository.findDelivery(deliveryId);
    if (!delivery || delivery.state !== 'pending') return 'skipped';
    const webhook = await this.repository.find(delivery.webhookId);
    if (!webhook) return 'skipped';
    if ((webhook.disabledAt || !webhook.active) && delivery.event !== TEST_EVENT) {
      await this.repository.failDelivery(deliveryId, webhook.disabledAt ? 'The endpoint is disabled' : 'The endpoint is inactive');
      return 'failed';
    }
    const now = new Date();
    const body = JSON.stringify(delivery.payload);
    const headers = signedHeaders(await this.signingSecrets(webhook, now), delivery.messageId, Math.floor(now.getTime() / 1000), body);
    const answer = await this.http.request('POST', webhook.url, {
      headers: { 'content-type': 'application/json', ...headers },
      body,
      followRedirects: false,
    });
    const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
    const attempts = delivery.attempts + 1;
    const retryIn = ok || !isRetryable(answer.status) ? null : nextRetryDelay(attempts, this.config.webhooksRetryDelaysMs);
    const error = ok ? null : answer.error ?? `The endpoint answered HTTP ${answer.status}`;
    const state = ok ? 'delivered' : retryIn === null ? 'failed' : 'pending';
    await this.repository.recordAttempt(
      { deliveryId, attemptedAt: now, status: answer.status, responseExcerpt: answer.body.slice(0, EXCERPT_LENGTH) || null, error, durationMs: answer.durationMs },
      {
        state,
        nextAttemptAt: retryIn === null ? null : new Date(Date.now() + retryIn),
        lastStatus: answer.status,
        lastError: error,
        deliveredAt: ok ? new Date() : null,
      },
    );
    await this.trackHealth(webhook, ok, now);
    if (!ok) this.logger.warn({ webhookId: webhook.id, deliveryId, event: delivery.event, status: answer.status, error, next: state });
    return ok ? 'delivered' : state === 'failed' ? 'failed' : 'retrying';
  }

  /** The current secret and, within a day of a rotation, the previous one. */
  private async signingSecrets(webhook: WebhookRow, now: Date): Promise<string[]> {
    const secrets = [await this.secrets.decrypt(webhook.secretEnc)];
    if (webhook.previousSecretEnc && webhook.previousSecretUntil && webhook.previousSecretUntil > now) {
      secrets.push(await this.secrets.decrypt(webhook.previousSecretEnc));
    }
    return secrets;
  }

  /** A success clears the failing streak; failing longer than allowed disables the endpoint. */
  private async trackHealth(webhook: WebhookRow, ok: boolean, now: Date): Promise<void> {
    if (ok) {
      if (webhook.failingSince) await this.repository.update(webhook.id, { failingSince: null });
      return;
    }
    if (!webhook.failingSince) {
      await this.repository.update(webhook.id, { failingSince: now });
      return;
    }
    if (!webhook.disabledAt && now.getTime() - webhook.failingSince.getTime() >= this.config.webhooksDisableAfterMs) {
      const hours = Math.round(this.config.webhooksDisableAfterMs / 3_600_000);
      const reason = `Every delivery failed for ${hours} hours`;
      const failingSince = webhook.failingSince;
      const disabled = await this.repository.disableForFailing(webhook.id, now, reason, (manager) =>
        this.adminNotifications.webhookDisabled({ webhookId: webhook.id, url: webhook.url, description: webhook.description, reason, failingSince }, manager),
      );
      if (disabled) this.logger.error({ webhookId: webhook.id, url: webhook.url, message: `webhook disabled: every delivery failed for ${hours} hours` });
    }
  }
}
