import type { TicketChannel, TicketPriority, TicketStatus } from '@okienko/domain';
import type { SLA_STATES, TicketSort } from '../tickets/dtos/ticket-query.dto.js';

/** The ticket list's filters and sort as a saved view stores them: the fields of GET /tickets, lists as arrays. */
export interface SavedViewFilters {
  status?: TicketStatus[];
  priority?: TicketPriority[];
  slaState?: (typeof SLA_STATES)[number][];
  queueId?: string;
  categoryId?: string;
  assigneeId?: string;
  channel?: TicketChannel;
  tag?: string;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  sort?: TicketSort;
}
