import { onScopeDispose, ref, watch, type Ref } from 'vue';
import { listTickets, type TicketListItem } from '../../../entities/ticket/api';
import { useErrorText } from '../../../shared/i18n/use-error-text';
import { toApiParams, type TicketListFilters } from './ticket-list-filters';

/** One page of the ticket list for the current filters; a newer request cancels an older one. */
export function useTicketList(filters: Ref<TicketListFilters>) {
  const errorText = useErrorText();
  const items = ref<TicketListItem[]>([]);
  const total = ref(0);
  /** False when more tickets match than `total` (the API stops counting at 10,000): shown as "10 000+". */
  const totalIsExact = ref(true);
  const loading = ref(false);
  /** What went wrong with the last load, in words; null when it worked. */
  const failure = ref<string | null>(null);
  /** Set once the first answer arrived, so the page can tell "nothing yet" from "nothing found". */
  const loaded = ref(false);
  let inFlight: AbortController | null = null;

  /** Loads the page; `quiet` (a live refresh) keeps showing the current rows meanwhile, without a loading state. */
  async function load(options: { quiet?: boolean } = {}): Promise<void> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    loading.value = !options.quiet;
    try {
      const page = await listTickets(toApiParams(filters.value), controller.signal);
      if (controller.signal.aborted) return;
      items.value = page.items;
      total.value = page.total;
      totalIsExact.value = page.totalIsExact !== false;
      failure.value = null;
      loaded.value = true;
    } catch (error) {
      if (controller.signal.aborted || (options.quiet && loaded.value)) return;
      failure.value = errorText(error);
    } finally {
      if (inFlight === controller) {
        inFlight = null;
        loading.value = false;
      }
    }
  }

  watch(() => JSON.stringify(toApiParams(filters.value)), () => load(), { immediate: true });
  onScopeDispose(() => inFlight?.abort());

  return { items, total, totalIsExact, loading, loaded, failure, reload: () => load(), quietReload: () => load({ quiet: true }) };
}
