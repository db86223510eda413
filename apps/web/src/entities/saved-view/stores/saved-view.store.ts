import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useSessionStore } from '../../session/stores/session.store';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView, type NewSavedView, type SavedView, type SavedViewChange } from '../api';

/** The saved views of the ticket list the user sees: their own, then the shared ones. */
export const useSavedViewStore = defineStore('savedViews', () => {
  const items = ref<SavedView[]>([]);
  const loaded = ref(false);
  const failed = ref(false);
  let pending: Promise<void> | null = null;

  function refresh(): Promise<void> {
    pending ??= listSavedViews()
      .then((views) => {
        items.value = views;
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

  async function create(view: NewSavedView): Promise<SavedView> {
    const created = await createSavedView(view);
    await refresh();
    return created;
  }

  async function update(id: string, change: SavedViewChange): Promise<SavedView> {
    const updated = await updateSavedView(id, change);
    items.value = items.value.map((view) => (view.id === id ? updated : view));
    return updated;
  }

  async function remove(id: string): Promise<void> {
    await deleteSavedView(id);
    items.value = items.value.filter((view) => view.id !== id);
  }

  function clear(): void {
    items.value = [];
    loaded.value = false;
    failed.value = false;
  }

  useSessionStore().onSessionEnd(clear);

  return { items, loaded, failed, refresh, ensureLoaded, create, update, remove, clear };
});
