import type { TicketChannel } from '@okienko/domain';
import type { Marketplace } from '@okienko/routing';
import { amazonRelaySite } from '../marketplaces/amazon/amazon-relay.js';

/**
 * The marketplace a ticket came from, for the rules' `marketplace` field:
 * `allegro` for Allegro's message centre (the ticket's channel `marketplace`,
 * or a message on an `allegro` channel), `amazon` for a buyer's mail from an
 * Amazon relay address (or a ticket the intake tagged `amazon`), else null.
 */
export function ticketMarketplace(input: {
  channel: TicketChannel | string;
  messageChannelType?: string | null;
  senderAddress?: string | null;
  tags?: readonly string[];
}): Marketplace | null {
  if (input.channel === 'marketplace' || input.messageChannelType === 'allegro') return 'allegro';
  if (amazonRelaySite(input.senderAddress) || input.tags?.includes('amazon')) return 'amazon';
  return null;
}
