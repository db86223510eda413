import { ref, type Ref } from 'vue';
import { useSessionStore } from '../stores/session.store';

/** A list the panel loads once for the signed-in user, for names and choices. */
export interface SessionList<T> {
  items: Ref<T[]>;
  /** Loaded at least once in this session. */
  loaded: Ref<boolean>;
  /** The last load failed (the items kept are the ones loaded before). */
  failed: Ref<boolean>;
  /** Loads the list again; loads asked for while one is under way share it. */
  refresh(): Promise<void>;
  /** Loads the list unless it has been loaded in this session. */
  ensureLoaded(): Promise<void>;
  /** Forgets the list (done when the session ends: another user may see another one). */
  clear(): void;
}

/**
 * The loading every such list shares (queues, categories, saved views): one
 * request at a time, a failure noted rather than thrown, and the list
 * forgotten when the session ends. For use inside a Pinia store's setup.
 */
export function useSessionList<T>(load: () => Promise<T[]>): SessionList<T> {
  const items = ref<T[]>([]) as Ref<T[]>;
  const loaded = ref(false);
  const failed = ref(false);
  let pending: Promise<void> | null = null;

  function refresh(): Promise<void> {
    pending ??= load()
      .then((loadedItems) => {
        items.value = loadedItems;
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

  useSessionStore().onSessionEnd(clear);

  return { items, loaded, failed, refresh, ensureLoaded, clear };
}
