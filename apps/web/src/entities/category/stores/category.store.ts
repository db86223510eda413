import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useSessionList } from '../../session/composables/use-session-list';
import { listCategories } from '../api';

/** Ticket categories, loaded once per session for names and choices. */
export const useCategoryStore = defineStore('categories', () => {
  const list = useSessionList(listCategories);
  const byId = computed(() => new Map(list.items.value.map((category) => [category.id, category])));
  return { ...list, byId };
});
