import type { TicketMessage } from '../../../entities/ticket/api';
import { mergeAddresses } from './email-addresses';

/** The customer's latest message written by a person, the one a reply answers. */
export function latestCustomerMessage(messages: readonly TicketMessage[]): TicketMessage | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.direction === 'inbound' && !message.automated) return message;
  }
  return null;
}

/**
 * "Reply all": the other addresses the customer's mail went to (its To and
 * Cc), without our own addresses and without those the reply goes to already.
 */
export function replyAllCopies(message: TicketMessage | null, ours: readonly string[], to: readonly string[]): string[] {
  if (!message) return [];
  const own = new Set(ours.map((a) => a.toLowerCase()));
  const others = [...message.toAddresses, ...message.ccAddresses].filter((a) => a.includes('@') && !own.has(a.toLowerCase()));
  return mergeAddresses([], others, to);
}
