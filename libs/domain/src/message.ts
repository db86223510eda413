/**
 * Who a message on a ticket is from and for: `inbound` from the customer,
 * `outbound` a reply to the customer, `note` internal to the team (never sent).
 */
export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;

export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/**
 * Delivery state of a message: `received` for inbound mail; `queued` → `sending` →
 * `sent` (or `failed` / `bounced`) for outbound mail; `none` for notes and
 * messages that are never delivered (e.g. a phone call typed in by an agent).
 */
export const DELIVERY_STATES = ['received', 'queued', 'sending', 'sent', 'failed', 'bounced', 'none'] as const;

export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * What an outbound message is for: the `conversation` with the customer, or
 * mail a rule sends elsewhere: a `forward`ed copy (e.g. a lead handed to
 * sales) or a `notification` to agents. Only the conversation goes to the customer.
 */
export const MESSAGE_PURPOSES = ['conversation', 'forward', 'notification'] as const;

export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];
