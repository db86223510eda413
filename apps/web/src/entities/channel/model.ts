import type { ChannelType } from './channel-type';

/** A channel as a message or a ticket names it: which kind, and which of ours (null when none is known). */
export interface ChannelRef {
  id: string | null;
  type: ChannelType;
  name: string | null;
}

/** Where a reply to a ticket may go (GET /tickets/:id/reply-targets). */
export interface ReplyTarget {
  /** The channel it goes out on; null for e-mail to an address of the customer outside any channel of ours. */
  channelId: string | null;
  type: ChannelType;
  /** The channel's name; for e-mail outside any channel, the address the reply is sent from. */
  name: string | null;
  /** Whom it reaches: an e-mail address, a phone number, a chat… */
  recipient: string;
  /** The channel of the customer's last message: where a reply goes unless the agent chooses another. */
  isDefault: boolean;
  /** False when replies cannot be sent on this channel type yet (such a reply is marked failed). */
  canSend: boolean;
}
