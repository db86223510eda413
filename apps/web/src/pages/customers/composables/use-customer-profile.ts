import { computed, type Ref } from 'vue';
import { fetchCustomer } from '../../../entities/customer/api';
import { ApiError } from '../../../shared/api-client/errors';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** One customer's contact data, by id. */
export function useCustomerProfile(id: Ref<string>) {
  const { data, loading, failure, error, reload } = useApiData((customerId, signal) => fetchCustomer(customerId, signal), id);
  const notFound = computed(() => error.value instanceof ApiError && (error.value.status === 404 || error.value.status === 400));
  return { customer: data, loading, failure, notFound, reload };
}
