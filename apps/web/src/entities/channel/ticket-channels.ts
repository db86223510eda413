import type { TicketDetail, TicketMessage } from '../ticket/api';
import type { ChannelRef } from './model';

/** The channel a message came in or went out on; null for internal notes, which go nowhere. */
export function messageChannel(message: TicketMessage): ChannelRef | null {
  return message.direction === 'note' ? null : message.channel;
}

/** Every channel the ticket's messages came in or went out on, oldest first. */
export function ticketChannels(ticket: TicketDetail): ChannelRef[] {
  return ticket.channels;
}
