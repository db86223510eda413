import type { ChannelType } from '@okienko/domain';
import type { OutboundDelivery } from '../../tickets/outbound-messages.service.js';

/**
 * Sends replies on one channel type (e-mail: SMTP through the relay). A
 * transport only delivers: claiming the message, the delivery state and the
 * retries are the dispatcher's. Throw `PermanentDeliveryError` for a failure
 * another try cannot fix; anything else thrown is tried again with backoff.
 */
export interface OutboundTransport {
  readonly type: ChannelType;
  send(delivery: OutboundDelivery): Promise<{ response?: string }>;
}

/** A failure no retry can fix (no recipient, a refused address): the message is marked failed at once. */
export class PermanentDeliveryError extends Error {}
