import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type InboundAddress = components['schemas']['InboundAddressDto'];
export type NewInboundAddress = components['schemas']['CreateInboundAddressDto'];
export type InboundAddressChange = components['schemas']['UpdateInboundAddressDto'];

export async function listInboundAddresses(signal?: AbortSignal): Promise<InboundAddress[]> {
  return (await unwrap(api.GET('/api/v1/inbound-addresses', { params: { query: { limit: 200 } }, signal }))).items;
}

export function createInboundAddress(address: NewInboundAddress): Promise<InboundAddress> {
  return unwrap(api.POST('/api/v1/inbound-addresses', { body: address }));
}

export function updateInboundAddress(id: string, change: InboundAddressChange): Promise<InboundAddress> {
  return unwrap(api.PATCH('/api/v1/inbound-addresses/{id}', { params: { path: { id } }, body: change }));
}

/** Removes an address: mail to it is refused from then on. */
export async function deleteInboundAddress(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/inbound-addresses/{id}', { params: { path: { id } } }));
}
