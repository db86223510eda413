import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useSessionList } from '../../session/composables/use-session-list';
import { listQueueNames } from '../api';

/**
 * The name of every queue, also of those the user does not work in: an agent
 * sees tickets assigned to them (or in no queue) that lie in other queues.
 */
export const useQueueNameStore = defineStore('queue-names', () => {
  const list = useSessionList(() => listQueueNames());
  const byId = computed(() => new Map(list.items.value.map((queue) => [queue.id, queue.name])));
  return { ...list, byId };
});
