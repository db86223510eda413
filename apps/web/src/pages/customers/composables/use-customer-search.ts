import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { searchCustomers } from '../../../entities/customer/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

export const CUSTOMER_PAGE_SIZE = 25;

function single(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** The customer search: the words and the page live in the URL, so a search can be shared and reloaded. */
export function useCustomerSearch() {
  const route = useRoute();
  const router = useRouter();

  const q = computed(() => (route.name === 'customers' ? single(route.query['q']).trim() : ''));
  const page = computed(() => Math.max(1, Number.parseInt(single(route.query['page']), 10) || 1));
  const params = computed(() => JSON.stringify({ q: q.value, page: page.value }));

  const { data, loading, failure, reload } = useApiData((_key, signal) => {
    const query = { limit: CUSTOMER_PAGE_SIZE, offset: (page.value - 1) * CUSTOMER_PAGE_SIZE, ...(q.value ? { q: q.value } : {}) };
    return searchCustomers(query, signal);
  }, params);

  function search(words: string): void {
    const trimmed = words.trim();
    void router.replace({ name: 'customers', query: trimmed ? { q: trimmed } : {} });
  }

  function goToPage(next: number): void {
    void router.push({ name: 'customers', query: { ...(q.value ? { q: q.value } : {}), ...(next > 1 ? { page: String(next) } : {}) } });
  }

  const items = computed(() => data.value?.items ?? []);
  const total = computed(() => data.value?.total ?? 0);

  return { q, page, items, total, loaded: computed(() => data.value !== null), loading, failure, reload, search, goToPage };
}
