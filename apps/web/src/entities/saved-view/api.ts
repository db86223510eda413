import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type SavedView = components['schemas']['SavedViewDto'];
export type SavedViewFilters = components['schemas']['SavedViewFiltersDto'];
export type NewSavedView = components['schemas']['CreateSavedViewDto'];
export type SavedViewChange = components['schemas']['UpdateSavedViewDto'];

/** My saved views, then those shared with everyone. */
export async function listSavedViews(signal?: AbortSignal): Promise<SavedView[]> {
  return (await unwrap(api.GET('/api/v1/saved-views', { params: { query: { limit: 200 } }, signal }))).items;
}

export function createSavedView(view: NewSavedView): Promise<SavedView> {
  return unwrap(api.POST('/api/v1/saved-views', { body: view }));
}

export function updateSavedView(id: string, change: SavedViewChange): Promise<SavedView> {
  return unwrap(api.PATCH('/api/v1/saved-views/{id}', { params: { path: { id } }, body: change }));
}

export async function deleteSavedView(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/saved-views/{id}', { params: { path: { id } } }));
}
