/** Ticket priorities from the least to the most pressing. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Narrows untrusted input to a ticket priority. */
export function isTicketPriority(v: unknown): v is TicketPriority {
  return typeof v === 'string' && (TICKET_PRIORITIES as readonly string[]).includes(v);
}

/** Sort key of a priority: low = 0, normal = 1, high = 2, urgent = 3. */
export function priorityRank(p: TicketPriority): number {
  const rank = TICKET_PRIORITIES.indexOf(p);
  if (rank < 0) throw new RangeError(`Unknown ticket priority: ${String(p)}`);
  return rank;
}
