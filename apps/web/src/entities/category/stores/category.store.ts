import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useSessionStore } from '../../session/stores/session.store';
import { listCategories, type Category } from '../api';

/** Ticket categories, loaded once per session for names and choices. */
export const useCategoryStore = defineStore('categories', () => {
  const items = ref<Category[]>([]);
  const loaded = ref(false);
  let pending: Promise<void> | null = null;

  const byId = computed(() => new Map(items.value.map((category) => [category.id, category])));

  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    pending ??= listCategories()
      .then((categories) => {
        items.value = categories;
        loaded.value = true;
      })
      .catch(() => undefined)
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function clear(): void {
    items.value = [];
    loaded.value = false;
  }

  useSessionStore().onSessionEnd(clear);

  return { items, loaded, byId, ensureLoaded, clear };
});
