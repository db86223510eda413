import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Queue = components['schemas']['QueueDto'];
export type QueueCounts = components['schemas']['QueueTicketCountsDto'];

/** The queues the user may see, each with its members and ticket counts per status. */
export async function listQueues(signal?: AbortSignal): Promise<Queue[]> {
  return (await unwrap(api.GET('/api/v1/queues', { signal }))).items;
}
