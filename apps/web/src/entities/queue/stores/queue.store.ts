import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useSessionList } from '../../session/composables/use-session-list';
import { listQueues } from '../api';

/**
 * The queues the user may see, with their members and ticket counts. Loaded
 * once for names and choices; `refresh()` brings the counts up to date.
 */
export const useQueueStore = defineStore('queues', () => {
  const list = useSessionList(listQueues);
  const byId = computed(() => new Map(list.items.value.map((queue) => [queue.id, queue])));
  return { ...list, byId };
});
