import type { TicketDetail, TicketMessage } from '../ticket/api';
import type { ChannelRef } from './model';

// Only channels of ours are shown. A message on none of them (mail that reached none of our addresses, the opening
// message of a ticket created through the API or by an agent, a deleted channel) has `id: null` and a type that is
// only the stored default for some of them (an agent's phone ticket opens with an "email" message), so naming that
// type would mislead; the ticket's own `channel` says how it was opened.
const isOurs = (channel: ChannelRef | null): channel is ChannelRef => channel !== null && channel.id !== null;

/** The channel of ours a message came in or went out on; null for internal notes and messages on none of ours. */
export function messageChannel(message: TicketMessage): ChannelRef | null {
  return message.direction !== 'note' && isOurs(message.channel) ? message.channel : null;
}

/** Every channel of ours the ticket's messages came in or went out on, oldest first. */
export function ticketChannels(ticket: TicketDetail): ChannelRef[] {
  return ticket.channels.filter(isOurs);
}
