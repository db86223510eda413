import { defineStore } from 'pinia';
import { useSessionList } from '../../session/composables/use-session-list';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView, type NewSavedView, type SavedView, type SavedViewChange } from '../api';

/** The saved views of the ticket list the user sees: their own, then the shared ones. */
export const useSavedViewStore = defineStore('savedViews', () => {
  const list = useSessionList(listSavedViews);
  const { items, refresh } = list;

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

  return { ...list, create, update, remove };
});
