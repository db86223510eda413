import { ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { TodayScope } from '../../../entities/ticket/api';
import { DEFAULT_SCOPE, parseScope } from './today-scope';

/** The chosen scope (mine / my team / everything), read from and written to the URL query. */
export function useTodayScope() {
  const route = useRoute();
  const router = useRouter();

  // Kept while the route leaves the page, so nothing reloads on the way out.
  const scope = ref<TodayScope>(parseScope(route.query));
  watch(
    () => (route.name === 'today' ? route.query : null),
    (query) => {
      if (query) scope.value = parseScope(query);
    },
  );

  function setScope(next: TodayScope): void {
    void router.push({ name: 'today', query: next === DEFAULT_SCOPE ? {} : { scope: next } });
  }

  return { scope, setScope };
}
