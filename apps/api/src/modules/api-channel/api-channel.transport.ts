import { Injectable } from '@nestjs/common';
import type { OutboundTransport } from '../channels/outbound/outbound-transport.js';
import { PermanentDeliveryError } from '../channels/outbound/outbound-transport.js';
import { OutboundTransports } from '../channels/outbound/outbound-transports.js';
import type { OutboundDelivery } from '../tickets/outbound-messages.service.js';
import { OutboundHttpService } from '../webhooks/outbound-http.service.js';
import { isRetryable } from '../webhooks/retry-schedule.js';
import { SecretsService } from '../webhooks/secrets.service.js';
import { signedHeaders } from '../webhooks/standard-webhook-signature.js';
import { ApiChannelAttachmentsService } from './api-channel-attachments.service.js';
import { ApiChannelRepository } from './api-channel.repository.js';

/**
 * Agents' replies on an API channel: POSTed to the channel's `outboundUrl` as
 * `{type: "message.created", data: {externalThreadId, ticketNumber, messageId,
 * text, html, attachments: [{filename, contentType, url}]}}`, signed with the
 * channel's secret (Standard Webhooks; the same webhook-id on every retry).
 * A 2xx answer sends it (its `{externalMessageId}` is kept); network errors,
 * time-outs, 408, 429 and 5xx are retried by the dispatcher; other answers and
 * a channel without `outboundUrl` fail the message with the reason.
 */
@Injectable()
export class ApiChannelTransport implements OutboundTransport {
  readonly type = 'api' as const;

  constructor(
    transports: OutboundTransports,
    private readonly repository: ApiChannelRepository,
    private readonly secrets: SecretsService,
    private readonly http: OutboundHttpService,
    private readonly attachments: ApiChannelAttachmentsService,
  ) {
    transports.register(this);
  }

  async send(delivery: OutboundDelivery): Promise<{ response?: string }> {
    const { message, ticket } = delivery;
    const channel = message.channelId ? await this.repository.channel(message.channelId) : null;
    if (!channel) throw new PermanentDeliveryError('The API channel of the reply no longer exists');
    const url = typeof channel.settings.outboundUrl === 'string' ? channel.settings.outboundUrl : '';
    if (!url) throw new PermanentDeliveryError(`The API channel ${channel.name} has no outboundUrl: replies cannot be delivered`);
    const secretEnc = await this.repository.secretOf(channel.id);
    if (!secretEnc) throw new PermanentDeliveryError(`The API channel ${channel.name} has no signing secret`);
    const secret = await this.secrets.decrypt(secretEnc);
    const body = JSON.stringify({
      type: 'message.created',
      data: {
        externalThreadId: await this.repository.threadOf(ticket.id, channel.id),
        ticketNumber: ticket.number,
        messageId: message.id,
        text: message.bodyText,
        html: message.bodyHtml,
        attachments: await this.attachments.links(channel, message.id, secret),
      },
    });
    const id = `msg_${message.id.replace(/-/g, '')}`;
    const answer = await this.http.request('POST', url, {
      headers: { 'content-type': 'application/json', ...signedHeaders([secret], id, Math.floor(Date.now() / 1000), body) },
      body,
      followRedirects: false,
    });
    if (answer.status !== null && answer.status >= 200 && answer.status < 300) {
      const externalMessageId = externalIdOf(answer.body);
      if (externalMessageId) await this.repository.setExternalMessageId(message.id, channel.id, externalMessageId);
      return { response: `HTTP ${answer.status}${externalMessageId ? ` ${externalMessageId}` : ''}` };
    }
    const reason = answer.error ?? `The integrator's endpoint answered HTTP ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ''}`;
    if (isRetryable(answer.status)) throw new Error(reason);
    throw new PermanentDeliveryError(reason);
  }
}

/** `{externalMessageId}` of a 2xx answer, when it has one. */
function externalIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { externalMessageId?: unknown };
    return typeof parsed.externalMessageId === 'string' && parsed.externalMessageId.length <= 500 ? parsed.externalMessageId : null;
  } catch {
    return null;
  }
}
