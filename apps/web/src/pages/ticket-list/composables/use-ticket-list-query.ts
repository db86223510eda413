import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { EMPTY_FILTERS, isFiltered, parseFilters, toQuery, type TicketListFilters } from './ticket-list-filters';

/**
 * The ticket list's filters, read from and written to the URL query. Changing
 * any filter goes back to the first page; typing in the search box replaces
 * the history entry instead of adding one per keystroke.
 */
export function useTicketListQuery() {
  const route = useRoute();
  const router = useRouter();

  // Kept while the route leaves the list, so nothing reloads on the way out.
  const filters = ref<TicketListFilters>(parseFilters(route.query));
  watch(
    () => (route.name === 'tickets' ? route.query : null),
    (query) => {
      if (query) filters.value = parseFilters(query);
    },
  );

  function update(change: Partial<TicketListFilters>, options: { replace?: boolean } = {}): void {
    const next: TicketListFilters = { ...filters.value, ...change };
    if (!('page' in change)) next.page = 1;
    const location = { name: 'tickets' as const, query: toQuery(next) };
    void (options.replace ? router.replace(location) : router.push(location));
  }

  /** The link to the list with some filters changed, e.g. for the queue sidebar. */
  function linkTo(change: Partial<TicketListFilters>) {
    return { name: 'tickets' as const, query: toQuery({ ...filters.value, page: 1, ...change }) };
  }

  function clear(): void {
    update({ ...EMPTY_FILTERS, sort: filters.value.sort, limit: filters.value.limit });
  }

  const filtered = computed(() => isFiltered(filters.value));

  return { filters, filtered, update, linkTo, clear };
}
