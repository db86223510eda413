import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { ReportQuery } from '../../../entities/report/api';
import {
  hasNarrowingFilters,
  parseReportFilters,
  reportFiltersQuery,
  toReportQuery,
  type ReportFilters,
} from './report-filters';

/**
 * The dashboard's filters, read from and written to the URL query, so a view
 * can be bookmarked and shared; `query` is the request every card sends.
 */
export function useReportFilters() {
  const route = useRoute();
  const router = useRouter();

  // Kept while the route leaves the dashboard, so nothing reloads on the way out.
  const filters = ref<ReportFilters>(parseReportFilters(route.query));
  watch(
    () => (route.name === 'reports' ? route.query : null),
    (query) => {
      if (query) filters.value = parseReportFilters(query);
    },
  );

  const query = computed<ReportQuery>(() => toReportQuery(filters.value));
  /** The dates in effect (the defaults filled in), for the date fields. */
  const dates = computed(() => ({ from: query.value.from ?? '', to: query.value.to ?? '' }));
  const filtered = computed(() => hasNarrowingFilters(filters.value));

  function update(change: Partial<ReportFilters>): void {
    void router.push({ name: 'reports', query: reportFiltersQuery({ ...filters.value, ...change }) });
  }

  function clear(): void {
    void router.push({ name: 'reports' });
  }

  return { filters, query, dates, filtered, update, clear };
}
