import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { useLiveStore } from '../../entities/live/stores/live.store';
import {
  listNotifications, markAllNotificationsRead, markNotificationsRead, type AppNotification,
} from '../../entities/notification/api';
import { useSessionStore } from '../../entities/session/stores/session.store';

/**
 * My notifications for the bell: loaded once signed in, new ones pushed by
 * the live stream (`notification` events), the unread count kept here.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const session = useSessionStore();
  const live = useLiveStore();
  const items = ref<AppNotification[]>([]);
  const unread = ref(0);
  const loaded = ref(false);
  const failed = ref(false);
  let stopLive: (() => void) | null = null;

  async function load(): Promise<void> {
    try {
      const list = await listNotifications();
      items.value = list.items;
      unread.value = list.unread;
      failed.value = false;
      loaded.value = true;
    } catch {
      failed.value = true;
    }
  }

  /** Starts listening (once) and loads. */
  function start(): void {
    if (!stopLive) {
      stopLive = live.on('notification', (data) => {
        const incoming = data as AppNotification;
        if (items.value.some((n) => n.id === incoming.id)) return;
        items.value = [incoming, ...items.value];
        if (!incoming.readAt) unread.value += 1;
      });
      // After a reconnect events are not replayed: read the list again.
      live.on('resync', () => void load());
    }
    void load();
  }

  async function markRead(ids: string[]): Promise<void> {
    const fresh = ids.filter((id) => items.value.some((n) => n.id === id && !n.readAt));
    if (!fresh.length) return;
    const now = new Date().toISOString();
    items.value = items.value.map((n) => (fresh.includes(n.id) ? { ...n, readAt: now } : n));
    const result = await markNotificationsRead(fresh);
    unread.value = result.unread;
  }

  async function markAll(): Promise<void> {
    const now = new Date().toISOString();
    items.value = items.value.map((n) => (n.readAt ? n : { ...n, readAt: now }));
    unread.value = (await markAllNotificationsRead()).unread;
  }

  watch(
    () => session.accessToken,
    (token, previous) => {
      if (token === previous) return;
      items.value = [];
      unread.value = 0;
      loaded.value = false;
      if (token && stopLive) void load();
    },
  );

  return { items, unread, loaded, failed, start, load, markRead, markAll };
});
