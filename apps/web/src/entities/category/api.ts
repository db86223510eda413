import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Category = components['schemas']['CategoryDto'];

export async function listCategories(signal?: AbortSignal): Promise<Category[]> {
  return (await unwrap(api.GET('/api/v1/categories', { signal }))).items;
}
