import { onScopeDispose, ref, watch, type Ref } from 'vue';
import { listTodayTickets, type TicketListItem, type TodayScope } from '../../../entities/ticket/api';
import { useErrorText } from '../../../shared/i18n/use-error-text';
import { TODAY_PAGE_SIZE } from './today-scope';

/** One page of "today to handle" for a scope; a newer request cancels an older one. */
export function useTodayList(scope: Ref<TodayScope>) {
  const errorText = useErrorText();
  const items = ref<TicketListItem[]>([]);
  const total = ref(0);
  const page = ref(1);
  const loading = ref(false);
  const failure = ref<string | null>(null);
  const loaded = ref(false);
  let inFlight: AbortController | null = null;

  /** Loads the page; `quiet` (a live refresh) keeps showing the current rows meanwhile, without a loading state. */
  async function load(options: { quiet?: boolean } = {}): Promise<void> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    loading.value = !options.quiet;
    try {
      const answer = await listTodayTickets(
        { scope: scope.value, limit: TODAY_PAGE_SIZE, offset: (page.value - 1) * TODAY_PAGE_SIZE },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      items.value = answer.items;
      total.value = answer.total;
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

  // Another scope starts again at the first page.
  watch(scope, () => {
    if (page.value === 1) void load();
    else page.value = 1;
  });
  watch(page, () => load(), { immediate: true });
  onScopeDispose(() => inFlight?.abort());

  return { items, total, page, loading, loaded, failure, reload: () => load(), quietReload: () => load({ quiet: true }) };
}
