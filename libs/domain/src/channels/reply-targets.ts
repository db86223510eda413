import { canReplyOn, type ChannelType } from './channel-type.js';

/** A channel the customer wrote on, on this ticket. */
export interface UsedChannel {
  id: string;
  type: ChannelType;
  name: string;
  /** Who a reply on it goes to. */
  recipient: string;
  /**
   * Until when a reply may go out on it: the customer's last message on it
   * plus the channel's reply window (`settings.replyWindowHours` of API
   * channels, e.g. 24 for WhatsApp); absent or null when the channel has none.
   */
  replyWindowEndsAt?: Date | null;
}

export interface ReplyTarget {
  channelId: string | null;
  type: ChannelType;
  name: string;
  recipient: string;
  isDefault: boolean;
  canSend: boolean;
  /** ISO time when the channel's reply window closes (see `UsedChannel.replyWindowEndsAt`); null when it has none. */
  replyWindowEndsAt: string | null;
}

/**
 * Where a reply on a ticket may go: the channels the customer wrote on (latest
 * first) that replies can be sent on, the latest one even when they cannot be
 * yet (it is the default), and e-mail without a channel when the customer has
 * an e-mail address but wrote to none of our addresses. The default is the
 * channel of the customer's latest message, else the latest e-mail target.
 */
export function planReplyTargets(input: {
  /** Latest first: the first is where the customer wrote last. */
  used: UsedChannel[];
  /** The e-mail recipients of a reply (Reply-To, the address written from, else the customer's), comma-separated; '' for none. */
  emailRecipient: string;
  /** The sender of an e-mail reply without a channel (the ticket's inbound address or the default sender). */
  fallbackFrom: string;
}): ReplyTarget[] {
  const latestId = input.used[0]?.id ?? null;
  const targets: ReplyTarget[] = input.used
    .filter((c) => canReplyOn(c.type) || c.id === latestId)
    .map((c) => ({
      channelId: c.id, type: c.type, name: c.name, recipient: c.type === 'email' ? input.emailRecipient : c.recipient,
      isDefault: false, canSend: canReplyOn(c.type), replyWindowEndsAt: c.replyWindowEndsAt ? c.replyWindowEndsAt.toISOString() : null,
    }));
  if (input.emailRecipient && !targets.some((t) => t.type === 'email')) {
    targets.push({ channelId: null, type: 'email', name: input.fallbackFrom, recipient: input.emailRecipient, isDefault: false, canSend: true, replyWindowEndsAt: null });
  }
  const chosen = targets.find((t) => t.channelId === latestId && latestId !== null) ?? targets.find((t) => t.type === 'email') ?? targets[0];
  if (chosen) chosen.isDefault = true;
  return targets;
}
