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
