import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components, paths } from '../../shared/api-client/schema';

export type Customer = components['schemas']['CustomerDto'];
export type CustomerList = components['schemas']['CustomerListDto'];
export type CustomerDetail = components['schemas']['CustomerDetailDto'];
export type CustomerSearchParams = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;

/** Customers whose name or e-mail contains the words, or with that phone number or further e-mail. */
export function searchCustomers(query: CustomerSearchParams, signal?: AbortSignal): Promise<CustomerList> {
  return unwrap(api.GET('/api/v1/customers', { params: { query }, signal }));
}

/** A customer's contact data (and their newest tickets). */
export function fetchCustomer(id: string, signal?: AbortSignal): Promise<CustomerDetail> {
  return unwrap(api.GET('/api/v1/customers/{id}', { params: { path: { id } }, signal }));
}

export type CustomerIdentity = components['schemas']['CustomerIdentityDto'];
export type CustomerIdentityInput = components['schemas']['CreateCustomerIdentityDto'];
export type CustomerChange = components['schemas']['UpdateCustomerDto'];
export type CustomerMerge = components['schemas']['CustomerMergeDto'];
export type CustomerDuplicate = components['schemas']['CustomerDuplicateDto'];

/** Changes the given fields (`phones` replaces the phone identities). */
export function updateCustomer(id: string, change: CustomerChange): Promise<Customer> {
  return unwrap(api.PATCH('/api/v1/customers/{id}', { params: { path: { id } }, body: change }));
}

export function addCustomerIdentity(id: string, identity: CustomerIdentityInput): Promise<Customer> {
  return unwrap(api.POST('/api/v1/customers/{id}/identities', { params: { path: { id } }, body: identity }));
}

export function removeCustomerIdentity(id: string, identityId: string): Promise<Customer> {
  return unwrap(api.DELETE('/api/v1/customers/{id}/identities/{identityId}', { params: { path: { id, identityId } } }));
}

/** Merges the sources into the customer: their tickets, identities and history move there. */
export function mergeCustomers(id: string, sourceIds: string[]): Promise<Customer> {
  return unwrap(api.POST('/api/v1/customers/{id}/merge', { params: { path: { id } }, body: { sourceIds } }));
}

/** Undoes the merge of `sourceId` into the customer; answers the restored customer. */
export function unmergeCustomer(id: string, sourceId: string): Promise<Customer> {
  return unwrap(api.POST('/api/v1/customers/{id}/unmerge', { params: { path: { id } }, body: { sourceId } }));
}

/** Customers who may be the same person, for the agent to confirm. */
export async function fetchDuplicates(id: string, signal?: AbortSignal): Promise<CustomerDuplicate[]> {
  return (await unwrap(api.GET('/api/v1/customers/{id}/duplicates', { params: { path: { id } }, signal }))).items;
}
