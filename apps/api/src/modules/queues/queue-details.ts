import type { TicketStatus } from '@okienko/domain';
import type { QueueEntity } from './entities/queue.entity.js';

/** A member of a queue as its screens show them. */
export interface QueueMember {
  id: string;
  name: string;
  active: boolean;
  absent: boolean;
}

/** A queue with its members and how many of its tickets are in each status. */
export interface QueueDetails {
  queue: QueueEntity;
  members: QueueMember[];
  counts: Record<TicketStatus, number>;
}
