import { api } from '../../shared/api-client/client';
import { NetworkError, toApiError } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Health = components['schemas']['HealthDto'];

function isHealth(value: unknown): value is Health {
  return typeof value === 'object' && value !== null && 'status' in value && 'checks' in value;
}

/** Health of the API and its dependencies; a 503 still carries which check failed. */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  let result;
  try {
    result = await api.GET('/api/health', { signal });
  } catch (cause) {
    if (cause instanceof TypeError) throw new NetworkError(cause);
    throw cause;
  }
  if (result.data) return result.data;
  if (isHealth(result.error)) return result.error;
  throw toApiError(result.response, result.error);
}
