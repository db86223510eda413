import type { TicketChannel } from '../ticket-channel.js';

/**
 * The kinds of channel a customer can reach the team on. Every message records
 * the type of the channel it came in on or went out on; `email` channels are
 * the inbound addresses (one channel per address).
 */
export const CHANNEL_TYPES = ['email', 'web_form', 'chat', 'phone', 'api', 'allegro'] as const;

export type ChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * The type of channel a ticket's first message came on, from the channel the
 * ticket records (marketplace and social messages reach us through the API).
 */
export function channelTypeOfTicketChannel(channel: TicketChannel): ChannelType {
  return channel === 'marketplace' || channel === 'social' ? 'api' : channel;
}

/** Narrows untrusted input to a channel type. */
export function isChannelType(v: unknown): v is ChannelType {
  return typeof v === 'string' && (CHANNEL_TYPES as readonly string[]).includes(v);
}

/**
 * The channel types replies can be sent on (those with an outbound
 * transport). A reply on any other type is stored and marked failed.
 */
export const REPLYABLE_CHANNEL_TYPES: readonly ChannelType[] = ['email', 'api', 'allegro', 'web_form', 'chat'];

export function canReplyOn(type: ChannelType): boolean {
  return REPLYABLE_CHANNEL_TYPES.includes(type);
}
