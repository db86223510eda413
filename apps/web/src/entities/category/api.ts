import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Category = components['schemas']['CategoryDto'];
export type NewCategory = components['schemas']['CreateCategoryDto'];
export type CategoryChange = components['schemas']['UpdateCategoryDto'];

export async function listCategories(signal?: AbortSignal): Promise<Category[]> {
  return (await unwrap(api.GET('/api/v1/categories', { signal }))).items;
}

export function createCategory(category: NewCategory): Promise<Category> {
  return unwrap(api.POST('/api/v1/categories', { body: category }));
}

export function updateCategory(id: string, change: CategoryChange): Promise<Category> {
  return unwrap(api.PATCH('/api/v1/categories/{id}', { params: { path: { id } }, body: change }));
}

/** Deletes a category; its tickets are left without one. */
export async function deleteCategory(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/categories/{id}', { params: { path: { id } } }));
}
