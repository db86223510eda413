import { Injectable, Logger } from '@nestjs/common';
import { OutboundMessagesService } from '../../tickets/outbound-messages.service.js';
import { OutboundTransports } from './outbound-transports.js';
import { PermanentDeliveryError } from './outbound-transport.js';

export type SendResult = 'sent' | 'skipped' | 'failed';

/**
 * Sends one queued message through the transport of its channel type and
 * records its delivery state (`queued → sent | failed`). A message whose
 * channel type has no transport fails at once, with the reason on the ticket.
 */
@Injectable()
export class OutboundDispatcherService {
  private readonly logger = new Logger('Outbound');

  constructor(
    private readonly messages: OutboundMessagesService,
    private readonly transports: OutboundTransports,
  ) {}

  /**
   * Sends the message unless it was sent already (a retried job never sends
   * twice once the first send is recorded). Temporary failures throw, so the
   * job is retried with backoff; permanent ones (and the last try) mark the
   * message failed.
   */
  async send(messageId: string, lastAttempt: boolean): Promise<SendResult> {
    const delivery = await this.messages.claimForDelivery(messageId);
    if (!delivery) return 'skipped';
    const { channelType } = delivery.message;
    const transport = this.transports.get(channelType);
    if (!transport) {
      await this.messages.markFailed(messageId, `Replies on ${channelType} cannot be sent yet`);
      this.logger.warn({ messageId, ticket: delivery.ticket.number, error: `no transport for ${channelType}` });
      return 'failed';
    }
    try {
      const result = await transport.send(delivery);
      await this.messages.markSent(messageId);
      this.logger.log({ messageId, ticket: delivery.ticket.number, channel: channelType, response: result.response });
      return 'sent';
    } catch (error) {
      const reason = (error as Error).message;
      if (error instanceof PermanentDeliveryError || lastAttempt) {
        await this.messages.markFailed(messageId, reason);
        this.logger.warn({ messageId, ticket: delivery.ticket.number, error: reason });
        return 'failed';
      }
      await this.messages.markRetrying(messageId, reason);
      throw error;
    }
  }
}
