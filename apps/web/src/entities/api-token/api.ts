import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type ApiToken = components['schemas']['ApiTokenDto'];
export type NewApiToken = components['schemas']['CreateApiTokenDto'];
export type CreatedApiToken = components['schemas']['CreatedApiTokenDto'];

export async function listApiTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await unwrap(api.GET('/api/v1/api-tokens', { params: { query: { limit: 200 } }, signal }))).items;
}

/** Creates a token; its secret is in this answer only. */
export function createApiToken(token: NewApiToken): Promise<CreatedApiToken> {
  return unwrap(api.POST('/api/v1/api-tokens', { body: token }));
}

/** Revokes a token: it stops working at once. */
export async function revokeApiToken(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id } } }));
}
