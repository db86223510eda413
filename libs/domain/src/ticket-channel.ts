/** Where a ticket came from. */
export const TICKET_CHANNELS = ['email', 'web_form', 'phone', 'chat', 'api', 'marketplace', 'social'] as const;

export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Narrows untrusted input to a ticket channel. */
export function isTicketChannel(v: unknown): v is TicketChannel {
  return typeof v === 'string' && (TICKET_CHANNELS as readonly string[]).includes(v);
}
