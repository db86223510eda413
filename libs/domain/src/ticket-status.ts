/** Every status a ticket can be in, in the order the UI lists them. */
export const TICKET_STATUSES = ['new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Narrows untrusted input (query parameters, JSON bodies, database rows) to a ticket status. */
export function isTicketStatus(v: unknown): v is TicketStatus {
  return typeof v === 'string' && (TICKET_STATUSES as readonly string[]).includes(v);
}

/** Statuses in which a ticket still needs work from someone: they count as "open" in lists, SLA and reports. */
export const UNRESOLVED_STATUSES: readonly TicketStatus[] = Object.freeze([
  'new',
  'open',
  'waiting_customer',
  'waiting_third_party',
] as const);
