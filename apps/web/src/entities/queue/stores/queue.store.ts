import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useSessionStore } from '../../session/stores/session.store';
import { listQueues, type Queue } from '../api';

/**
 * The queues the user may see, with their members and ticket counts. Loaded
 * once for names and choices; `refresh()` brings the counts up to date.
 */
export const useQueueStore = defineStore('queues', () => {
  const items = ref<Queue[]>([]);
  const loaded = ref(false);
  const failed = ref(false);
  let pending: Promise<void> | null = null;

  const byId = computed(() => new Map(items.value.map((queue) => [queue.id, queue])));

  function refresh(): Promise<void> {
    pending ??= listQueues()
      .then((queues) => {
        items.value = queues;
        loaded.value = true;
        failed.value = false;
      })
      .catch(() => {
        failed.value = true;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function ensureLoaded(): Promise<void> {
    return loaded.value ? Promise.resolve() : refresh();
  }

  function clear(): void {
    items.value = [];
    loaded.value = false;
    failed.value = false;
  }

  // Another user may see other queues.
  useSessionStore().onSessionEnd(clear);

  return { items, loaded, failed, byId, refresh, ensureLoaded, clear };
});
