import { computed } from 'vue';
import {
  createCategory,
  deleteCategory,
  listCategories,
  updateCategory,
  type Category,
  type CategoryChange,
  type NewCategory,
} from '../../../entities/category/api';
import { useCategoryStore } from '../../../entities/category/stores/category.store';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** Ticket categories and the changes an admin makes to them. */
export function useCategoryAdmin() {
  const store = useCategoryStore();
  const { data, loading, failure, reload } = useApiData((_source: null, signal) => listCategories(signal));

  // The ticket pages load categories once per session: make them load the new list.
  async function changed(): Promise<void> {
    store.clear();
    await reload();
  }

  return {
    categories: computed(() => data.value ?? []),
    loading,
    failure,
    create: async (category: NewCategory) => {
      await createCategory(category);
      await changed();
    },
    save: async (category: Category, change: CategoryChange) => {
      await updateCategory(category.id, change);
      await changed();
    },
    remove: async (category: Category) => {
      await deleteCategory(category.id);
      await changed();
    },
  };
}
