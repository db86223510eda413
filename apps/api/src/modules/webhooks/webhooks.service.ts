import { Injectable } from '@nestjs/common';
import type { CreateWebhookDto } from './dtos/create-webhook.dto.js';
import type { UpdateWebhookDto } from './dtos/update-webhook.dto.js';
import { WebhookDto, type RotatedSecretDto, type WebhookDeliveryDto, type WebhookWithSecretDto } from './dtos/webhook.dto.js';
import { OutboundHttpService } from './outbound-http.service.js';
import { SecretsService } from './secrets.service.js';
import { newSigningSecret } from './standard-webhook-signature.js';
import { newWebhookMessageId } from './webhook-events.service.js';
import { TEST_EVENT } from './webhook-event-types.js';
import { WebhookSenderService } from './webhook-sender.service.js';
import { WebhooksException, WebhooksErrorCode } from './webhooks.exception.js';
import { WebhooksRepository, type AttemptRow, type DeliveryRow, type WebhookRow } from './webhooks.repository.js';

/** How long the previous secret keeps signing after a rotation. */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;
/** A delivery sent from the API is kept from the sweep meanwhile; if that send fails, the sweep retries it after this. */
const INLINE_CLAIM_MS = 60_000;

/** The integrators' webhooks: endpoints, secrets, test calls, the delivery log and redeliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly secrets: SecretsService,
    private readonly http: OutboundHttpService,
    private readonly sender: WebhookSenderService,
  ) {}

  async list(limit: number, offset: number): Promise<{ items: WebhookDto[]; total: number }> {
    const [rows, total] = await this.repository.list(limit, offset);
    return { items: rows.map(WebhookDto.from), total };
  }

  async get(id: string): Promise<WebhookDto> {
    return WebhookDto.from(await this.find(id));
  }

  async create(dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    const url = this.checkedUrl(dto.url);
    const secret = newSigningSecret();
    const row = await this.repository.insert({
      url,
      events: [...new Set(dto.events)],
      description: dto.description?.trim() || null,
      active: dto.active ?? true,
      includeNotes: dto.includeNotes ?? false,
      secretEnc: await this.secrets.encrypt(secret),
    });
    return { ...WebhookDto.from(row), secret };
  }

  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    await this.find(id);
    const patch: Partial<WebhookRow> = {};
    if (dto.url !== undefined) patch.url = this.checkedUrl(dto.url);
    if (dto.events !== undefined) patch.events = [...new Set(dto.events)];
    if (dto.description !== undefined) patch.description = dto.description?.trim() || null;
    if (dto.includeNotes !== undefined) patch.includeNotes = dto.includeNotes;
    if (dto.active !== undefined) {
      patch.active = dto.active;
      // Switching an endpoint on again also lifts a disabling for failures.
      if (dto.active) Object.assign(patch, { disabledAt: null, disabledReason: null, failingSince: null });
    }
    const updated = await this.repository.update(id, patch);
    return WebhookDto.from(updated ?? (await this.find(id)));
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw notFound(id);
  }

  /** A new secret; the previous one keeps signing (alongside) for 24 hours. */
  async rotateSecret(id: string): Promise<RotatedSecretDto> {
    const webhook = await this.find(id);
    const secret = newSigningSecret();
    const until = new Date(Date.now() + ROTATION_OVERLAP_MS);
    await this.repository.update(id, { secretEnc: await this.secrets.encrypt(secret), previousSecretEnc: webhook.secretEnc, previousSecretUntil: until });
    return { secret, previousSecretValidUntil: until.toISOString() };
  }

  /** Sends a `webhook.test` event to the endpoint now and answers the delivery with its attempt. */
  async test(id: string): Promise<WebhookDeliveryDto> {
    const webhook = await this.find(id);
    const [delivery] = await this.repository.insertDeliveries(null, [
      {
        webhookId: webhook.id,
        messageId: newWebhookMessageId(),
        event: TEST_EVENT,
        payload: { type: TEST_EVENT, timestamp: new Date().toISOString(), data: { webhookId: webhook.id, message: 'Okienko test event' } },
      },
    ], INLINE_CLAIM_MS);
    // Sent here; a failure is retried by the sweep like any other delivery.
    await this.sender.send(delivery!.id);
    return this.delivery(webhook.id, delivery!.id);
  }

  async deliveries(id: string, limit: number, offset: number): Promise<{ items: WebhookDeliveryDto[]; total: number }> {
    await this.find(id);
    const [rows, total] = await this.repository.deliveriesOf(id, limit, offset);
    const attempts = await this.repository.attemptsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => deliveryDto(r, attempts)), total };
  }

  /** Sends a delivery again (the same webhook-id), now, whatever its state. */
  async redeliver(id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.find(id);
    const delivery = await this.repository.findDelivery(deliveryId);
    if (!delivery || delivery.webhookId !== id) {
      throw new WebhooksException(WebhooksErrorCode.DeliveryNotFound, `Delivery ${deliveryId} of webhook ${id} does not exist`);
    }
    await this.repository.requeue(deliveryId, INLINE_CLAIM_MS);
    await this.sender.send(deliveryId);
    return this.delivery(id, deliveryId);
  }

  private async delivery(webhookId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const row = await this.repository.findDelivery(deliveryId);
    if (!row || row.webhookId !== webhookId) throw new WebhooksException(WebhooksErrorCode.DeliveryNotFound, `Delivery ${deliveryId} does not exist`);
    return deliveryDto(row, await this.repository.attemptsOf([row.id]));
  }

  private async find(id: string): Promise<WebhookRow> {
    const row = await this.repository.find(id);
    if (!row) throw notFound(id);
    return row;
  }

  private checkedUrl(url: string): string {
    const trimmed = url.trim();
    const problem = this.http.checkUrl(trimmed);
    if (problem) throw new WebhooksException(WebhooksErrorCode.UrlRefused, `url ${problem}`, 'url');
    return trimmed;
  }
}

function notFound(id: string): WebhooksException {
  return new WebhooksException(WebhooksErrorCode.WebhookNotFound, `Webhook ${id} does not exist`);
}

function deliveryDto(row: DeliveryRow, attempts: AttemptRow[]): WebhookDeliveryDto {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id, messageId: row.messageId, event: row.event, state: row.state, attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? iso(row.nextAttemptAt) : null, lastStatus: row.lastStatus, lastError: row.lastError,
    payload: row.payload, createdAt: iso(row.createdAt)!, deliveredAt: iso(row.deliveredAt),
    attemptLog: attempts
      .filter((a) => a.deliveryId === row.id)
      .map((a) => ({ attemptedAt: iso(a.attemptedAt)!, status: a.status, responseExcerpt: a.responseExcerpt, error: a.error, durationMs: a.durationMs })),
  };
}
