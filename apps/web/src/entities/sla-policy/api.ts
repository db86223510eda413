import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type SlaPolicy = components['schemas']['SlaPolicyDto'];
export type NewSlaPolicy = components['schemas']['CreateSlaPolicyDto'];
export type SlaPolicyChange = components['schemas']['UpdateSlaPolicyDto'];
export type SlaTarget = components['schemas']['SlaTargetDto'];

/** SLA policies in the order they are tried. */
export async function listSlaPolicies(signal?: AbortSignal): Promise<SlaPolicy[]> {
  return (await unwrap(api.GET('/api/v1/sla-policies', { signal }))).items;
}

export function createSlaPolicy(policy: NewSlaPolicy): Promise<SlaPolicy> {
  return unwrap(api.POST('/api/v1/sla-policies', { body: policy }));
}

export function updateSlaPolicy(id: string, change: SlaPolicyChange): Promise<SlaPolicy> {
  return unwrap(api.PATCH('/api/v1/sla-policies/{id}', { params: { path: { id } }, body: change }));
}

/** Sets the order in which the policies are tried (every policy, listed once). */
export async function reorderSlaPolicies(ids: string[]): Promise<SlaPolicy[]> {
  return (await unwrap(api.PUT('/api/v1/sla-policies/order', { body: { ids } }))).items;
}

export async function deleteSlaPolicy(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/sla-policies/{id}', { params: { path: { id } } }));
}
