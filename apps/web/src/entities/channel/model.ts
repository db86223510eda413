import type { components } from '../../shared/api-client/schema';

/** A channel as a message or a ticket names it: which kind, and which of ours (id and name null when none is known). */
export type ChannelRef = components['schemas']['ChannelRefDto'];

/**
 * Where a reply to a ticket may go (GET /tickets/:id/reply-targets): the
 * channel (null: e-mail outside our channels, chosen by leaving channelId
 * out), whom it reaches, whether it is the default and whether replies can be
 * sent on it yet.
 */
export type ReplyTarget = components['schemas']['ReplyTargetDto'];
