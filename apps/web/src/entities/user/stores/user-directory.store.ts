import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useQueueStore } from '../../queue/stores/queue.store';
import { useSessionStore } from '../../session/stores/session.store';
import { listAllUsers } from '../api';

/** Someone a ticket can be assigned to, as far as the panel needs to know. */
export interface DirectoryUser {
  id: string;
  name: string;
  /** Active and present: can take tickets. */
  available: boolean;
}

/**
 * Names of agents and admins. Admins read the user list; agents, who may not,
 * know the members of their queues and themselves.
 */
export const useUserDirectoryStore = defineStore('user-directory', () => {
  const session = useSessionStore();
  const queues = useQueueStore();
  const listed = ref<DirectoryUser[] | null>(null);
  let pending: Promise<void> | null = null;

  const users = computed<DirectoryUser[]>(() => {
    const found = new Map<string, DirectoryUser>();
    for (const user of listed.value ?? []) found.set(user.id, user);
    for (const queue of queues.items) {
      for (const member of queue.members) {
        if (!found.has(member.id)) {
          found.set(member.id, { id: member.id, name: member.name, available: member.active && !member.absent });
        }
      }
    }
    const me = session.user;
    if (me && !found.has(me.id)) found.set(me.id, { id: me.id, name: me.name, available: true });
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
  });

  const byId = computed(() => new Map(users.value.map((user) => [user.id, user])));

  function ensureLoaded(): Promise<void> {
    if (listed.value !== null) return Promise.resolve();
    pending ??= (async () => {
      await queues.ensureLoaded();
      if (session.user?.role !== 'admin') {
        listed.value = [];
        return;
      }
      try {
        const all = await listAllUsers();
        listed.value = all.map((user) => ({ id: user.id, name: user.name, available: user.active && !user.absent }));
      } catch {
        // Names then come from the queues only.
      }
    })().finally(() => {
      pending = null;
    });
    return pending;
  }

  function clear(): void {
    listed.value = null;
  }

  session.onSessionEnd(clear);

  return { users, byId, ensureLoaded, clear };
});
