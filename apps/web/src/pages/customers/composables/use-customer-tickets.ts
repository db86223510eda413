import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { listTickets } from '../../../entities/ticket/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

export const HISTORY_PAGE_SIZE = 20;

/** Every ticket of a customer, whatever channel it came in through, newest first, a page at a time. */
export function useCustomerTickets(customerId: MaybeRefOrGetter<string>) {
  const page = ref(1);
  const key = computed(() => `${toValue(customerId)}:${page.value}`);
  const { data, loading, failure, reload } = useApiData(
    (_key, signal) =>
      listTickets(
        { customerId: toValue(customerId), sort: '-createdAt', limit: HISTORY_PAGE_SIZE, offset: (page.value - 1) * HISTORY_PAGE_SIZE },
        signal,
      ),
    key,
  );
  return {
    page,
    items: computed(() => data.value?.items ?? []),
    total: computed(() => data.value?.total ?? 0),
    loaded: computed(() => data.value !== null),
    loading,
    failure,
    reload,
  };
}
