import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';

/** How many tickets the user can see, without fetching them. */
export async function countTickets(): Promise<number> {
  const page = await unwrap(api.GET('/api/v1/tickets', { params: { query: { limit: 1 } } }));
  return page.total;
}
