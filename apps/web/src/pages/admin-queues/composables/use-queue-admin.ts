import { computed } from 'vue';
import {
  createQueue,
  deleteQueue,
  listQueues,
  setQueueMembers,
  updateQueue,
  type NewQueue,
  type Queue,
  type QueueChange,
} from '../../../entities/queue/api';
import { useQueueStore } from '../../../entities/queue/stores/queue.store';
import { listAllUsers } from '../../../entities/user/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** Queues (teams) with their members, and the users who can be members or leads. */
export function useQueueAdmin() {
  const queueStore = useQueueStore();
  const queueData = useApiData((_source: null, signal) => listQueues(signal));
  const userData = useApiData((_source: null, signal) => listAllUsers(signal));

  const queues = computed(() => queueData.data.value ?? []);
  const users = computed(() => userData.data.value ?? []);
  const userName = (id: string | null) => (id ? (users.value.find((user) => user.id === id)?.name ?? null) : null);

  // The rest of the panel (filters, ticket properties) shows the new names too.
  async function changed(): Promise<void> {
    await Promise.all([queueData.reload(), queueStore.refresh()]);
  }

  async function create(queue: NewQueue): Promise<void> {
    await createQueue(queue);
    await changed();
  }

  async function save(queue: Queue, change: QueueChange, memberIds: string[]): Promise<void> {
    await updateQueue(queue.id, change);
    const current = queue.members.map((member) => member.id).sort();
    if (JSON.stringify(current) !== JSON.stringify([...memberIds].sort())) await setQueueMembers(queue.id, memberIds);
    await changed();
  }

  async function remove(queue: Queue): Promise<void> {
    await deleteQueue(queue.id);
    await changed();
  }

  return {
    queues,
    users,
    userName,
    loading: queueData.loading,
    failure: computed(() => queueData.failure.value ?? userData.failure.value),
    create,
    save,
    remove,
  };
}
