/**
 * Which tickets an actor may see and act on: every ticket (admins, admin-role
 * API tokens), or those of some queues, those assigned to one user and,
 * when the installation allows it, those in no queue yet.
 */
export type TicketReach =
  | { all: true }
  | {
      all: false;
      /** The queues whose tickets are in reach (the agent is a member or the lead; an agent token's own list). */
      queueIds: ReadonlySet<string>;
      /** Tickets assigned to this user are in reach whatever their queue; null for API tokens. */
      assigneeId: string | null;
      /** Tickets in no queue are in reach. */
      unqueued: boolean;
    };

/** The two columns of a ticket that decide who reaches it. */
export interface TicketPlacement {
  queueId: string | null;
  assigneeId: string | null;
}

/** Whether a ticket is within the reach. */
export function ticketInReach(reach: TicketReach, ticket: TicketPlacement): boolean {
  if (reach.all) return true;
  if (reach.assigneeId !== null && ticket.assigneeId === reach.assigneeId) return true;
  if (ticket.queueId === null) return reach.unqueued;
  return reach.queueIds.has(ticket.queueId);
}
