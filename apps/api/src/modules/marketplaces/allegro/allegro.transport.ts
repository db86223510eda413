import { Injectable } from '@nestjs/common';
import type { OutboundTransport } from '../../channels/outbound/outbound-transport.js';
import { PermanentDeliveryError } from '../../channels/outbound/outbound-transport.js';
import { OutboundTransports } from '../../channels/outbound/outbound-transports.js';
import type { OutboundDelivery } from '../../tickets/outbound-messages.service.js';
import { AllegroAccountsRepository } from './allegro-accounts.repository.js';
import { AllegroError } from './allegro-client.js';
import { AllegroConnection } from './allegro-connection.js';

/**
 * Agents' replies on an Allegro channel: attachments declared and uploaded,
 * then `POST /messaging/threads/{id}/messages` in the buyer's thread; the
 * message id Allegro answers is kept, so the reader never files it as the
 * buyer's. 429 and 5xx are retried by the dispatcher; other refusals fail the
 * message with Allegro's reason.
 */
@Injectable()
export class AllegroTransport implements OutboundTransport {
  readonly type = 'allegro' as const;

  constructor(
    transports: OutboundTransports,
    private readonly accounts: AllegroAccountsRepository,
    private readonly connection: AllegroConnection,
  ) {
    transports.register(this);
  }

  async send(delivery: OutboundDelivery): Promise<{ response?: string }> {
    const { message, ticket } = delivery;
    const channel = message.channelId ? await this.accounts.channel(message.channelId) : null;
    if (!channel) throw new PermanentDeliveryError('The Allegro channel of the reply no longer exists');
    const threadId = await this.accounts.threadOf(ticket.id, channel.id);
    if (!threadId) throw new PermanentDeliveryError('The ticket has no Allegro conversation to answer in');
    try {
      const client = await this.connection.client(channel);
      const token = await this.connection.accessToken(channel, client);
      const attachmentIds: string[] = [];
      for (const file of delivery.attachments) attachmentIds.push(await client.attach(token, file));
      const sent = await client.send(token, threadId, message.bodyText ?? '', attachmentIds);
      if (sent?.id) await this.accounts.setSentIds(message.id, threadId, String(sent.id));
      return { response: `Allegro message ${sent?.id ?? ''}`.trim() };
    } catch (error) {
      if (error instanceof AllegroError && error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 401) {
        throw new PermanentDeliveryError(error.message);
      }
      throw error;
    }
  }
}
