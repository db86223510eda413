import { TICKET_STATUSES } from '@okienko/domain';
import { computed, type Ref } from 'vue';
import type { TicketStatus } from '../../../entities/ticket/api';
import { useQueueStore } from '../../../entities/queue/stores/queue.store';
import type { TicketListFilters } from './ticket-list-filters';

export interface StatusCount {
  status: TicketStatus;
  count: number;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The side bar of the ticket list: every queue the user sees with its open
 * tickets, and the tickets per status of the chosen queue (or of all of them).
 */
export function useQueueOverview(filters: Ref<TicketListFilters>) {
  const queues = useQueueStore();

  const rows = computed(() => queues.items.map((queue) => ({ id: queue.id, name: queue.name, openCount: queue.openCount })));
  const allOpen = computed(() => sum(queues.items.map((queue) => queue.openCount)));

  /** Null when the counts are unknown: tickets in no queue, or a queue the user does not see. */
  const statusCounts = computed<StatusCount[] | null>(() => {
    const chosen = filters.value.queue;
    if (chosen === 'none') return null;
    const source = chosen ? queues.items.filter((queue) => queue.id === chosen) : queues.items;
    if (source.length === 0) return null;
    return TICKET_STATUSES.map((status) => ({ status, count: sum(source.map((queue) => queue.counts[status])) }));
  });

  return {
    rows,
    allOpen,
    statusCounts,
    loaded: computed(() => queues.loaded),
    failed: computed(() => queues.failed),
    refresh: () => queues.refresh(),
  };
}
