import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Queue = components['schemas']['QueueDto'];
export type QueueCounts = components['schemas']['QueueTicketCountsDto'];
export type NewQueue = components['schemas']['CreateQueueDto'];
export type QueueChange = components['schemas']['UpdateQueueDto'];
export type AssignmentStrategy = Queue['assignmentStrategy'];

/** The queues the user may see, each with its members and ticket counts per status. */
export async function listQueues(signal?: AbortSignal): Promise<Queue[]> {
  return (await unwrap(api.GET('/api/v1/queues', { signal }))).items;
}

export function createQueue(queue: NewQueue): Promise<Queue> {
  return unwrap(api.POST('/api/v1/queues', { body: queue }));
}

export function updateQueue(id: string, change: QueueChange): Promise<Queue> {
  return unwrap(api.PATCH('/api/v1/queues/{id}', { params: { path: { id } }, body: change }));
}

/** Deletes a queue; its tickets move to the default queue. */
export async function deleteQueue(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/queues/{id}', { params: { path: { id } } }));
}

/** Sets the whole member list of a queue. */
export function setQueueMembers(id: string, userIds: string[]): Promise<Queue> {
  return unwrap(api.PUT('/api/v1/queues/{id}/members', { params: { path: { id } }, body: { userIds } }));
}

export type QueueName = components['schemas']['QueueNameDto'];

/** Every queue's id and name (any signed-in user may name the queue of a ticket they can see). */
export async function listQueueNames(signal?: AbortSignal): Promise<QueueName[]> {
  return (await unwrap(api.GET('/api/v1/queues/names', { signal }))).items;
}
