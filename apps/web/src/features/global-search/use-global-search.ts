import { ref, shallowRef, watch } from 'vue';
import { listTickets, type TicketListItem } from '../../entities/ticket/api';
import { useLatestRequest } from '../../shared/ui/use-latest-request';

/** How long typing has to pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 250;
/** How many tickets the box shows (the whole list is one Enter away). */
export const SEARCH_RESULT_LIMIT = 8;

/** Whether the words are worth searching for: a ticket number's digits, or two characters of anything else. */
export function searchable(words: string): boolean {
  const trimmed = words.trim();
  return /^\d+$/.test(trimmed) || trimmed.length >= 2;
}

/**
 * Tickets by number, subject, text and customer (`GET /tickets?q=`, snoozed ones included),
 * searched as the user types once typing pauses; a newer search cancels an older one.
 */
export function useGlobalSearch(options: { debounceMs?: number } = {}) {
  const words = ref('');
  const results = shallowRef<TicketListItem[]>([]);
  const total = ref(0);
  /** False when more tickets match than the API counts (it then says 10 000, shown as "10 000+"). */
  const totalIsExact = ref(true);
  /** The words the shown results are for (null: none yet). */
  const searchedFor = ref<string | null>(null);
  const { loading, failure, schedule, cancel } = useLatestRequest(
    (q: string, signal) => listTickets({ q, limit: SEARCH_RESULT_LIMIT, snoozed: 'any' }, signal),
    (page, q) => {
      results.value = page.items;
      total.value = page.total;
      totalIsExact.value = page.totalIsExact !== false;
      searchedFor.value = q;
    },
  );

  function clear(): void {
    cancel();
    results.value = [];
    total.value = 0;
    searchedFor.value = null;
    failure.value = null;
  }

  watch(words, (value) => {
    const q = value.trim();
    if (!searchable(q)) {
      clear();
      return;
    }
    schedule(q, options.debounceMs ?? SEARCH_DEBOUNCE_MS);
  });

  return { words, results, total, totalIsExact, searchedFor, loading, failure, clear };
}
