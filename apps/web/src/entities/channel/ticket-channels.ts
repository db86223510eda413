import type { TicketDetail, TicketMessage } from '../ticket/api';
import type { ChannelRef } from './model';

/** The channel a message came in or went out on; null for internal notes, which go nowhere. */
export function messageChannel(message: TicketMessage): ChannelRef | null {
  if (message.direction === 'note') return null;
  return (message as TicketMessage & { channel?: ChannelRef | null }).channel ?? null;
}

/** Every channel the ticket's messages came in or went out on, oldest first. */
export function ticketChannels(ticket: TicketDetail): ChannelRef[] {
  return (ticket as TicketDetail & { channels?: ChannelRef[] }).channels ?? [];
}
