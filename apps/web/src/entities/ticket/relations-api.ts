import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';
import type { TicketDetail } from './api';

export type TicketLink = components['schemas']['TicketLinkDto'];

/** Merges the sources into the target: their conversations move there and they are closed; answers the target. */
export function mergeTickets(targetRef: string, sourceIds: string[]): Promise<TicketDetail> {
  return unwrap(api.POST('/api/v1/tickets/{id}/merge', { params: { path: { id: targetRef } }, body: { sourceIds } }));
}

/** Moves the messages to a new ticket of the same customer, linked to this one; answers the new ticket. */
export function splitTicket(ref: string, messageIds: string[]): Promise<TicketDetail> {
  return unwrap(api.POST('/api/v1/tickets/{id}/split', { params: { path: { id: ref } }, body: { messageIds } }));
}

/** Links another ticket (both show the link); answers this ticket's links. */
export function linkTicket(ref: string, ticketId: string): Promise<TicketLink[]> {
  return unwrap(api.POST('/api/v1/tickets/{id}/links', { params: { path: { id: ref } }, body: { ticketId, kind: 'related' } }));
}

/** Removes the link between two tickets. */
export function unlinkTicket(ref: string, ticketId: string): Promise<void> {
  return unwrapEmpty(api.DELETE('/api/v1/tickets/{id}/links/{ticketId}', { params: { path: { id: ref, ticketId } } }));
}
