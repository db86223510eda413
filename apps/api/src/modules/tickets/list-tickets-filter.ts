import type { TicketChannel, TicketPriority, TicketStatus } from '@okienko/domain';
import type { SnoozedFilter, TicketSort } from './dtos/ticket-query.dto.js';
import type { TicketAccessCondition } from './ticket-access.policy.js';
import type { TicketListCursor } from './ticket-list-cursor.js';

/** What the ticket list is asked for, with `me` already resolved to a user id and `none` to null. */
export interface ListTicketsFilter {
  status?: TicketStatus[];
  priority?: TicketPriority[];
  /** undefined: any; null: in no queue. */
  queueId?: string | null;
  categoryId?: string;
  /** undefined: anyone; null: unassigned. */
  assigneeId?: string | null;
  channel?: TicketChannel;
  customerId?: string;
  tag?: string;
  createdFrom?: Date;
  createdTo?: Date;
  q?: string;
  /** Where the tickets stand against their deadlines (see `ticketSlaState`). */
  slaState?: string[];
  /** The nearest running deadline is before this. */
  dueBefore?: Date;
  /** Snoozed tickets (until a moment still to come): left out, only them, or both. */
  snoozed: SnoozedFilter;
  sort: TicketSort;
  limit: number;
  offset: number;
  /** Keyset pagination: the page right after this ticket of the same order (then `offset` is 0). */
  after?: TicketListCursor;
  /** The caller's reach (see TicketAccessPolicy); null: every ticket. */
  access: TicketAccessCondition | null;
}

/** The "today" view: unresolved tickets, of one assignee, of the queues a user belongs to, or all. */
export interface TodayFilter {
  assigneeId?: string;
  memberId?: string;
  /** The caller's reach (see TicketAccessPolicy); null: every ticket. */
  access: TicketAccessCondition | null;
  limit: number;
  offset: number;
}
