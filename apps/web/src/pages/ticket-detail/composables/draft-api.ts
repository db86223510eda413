import { api } from '../../../shared/api-client/client';
import { unwrap } from '../../../shared/api-client/errors';
import type { components } from '../../../shared/api-client/schema';

export type DraftState = components['schemas']['DraftStateDto'];
export type Draft = components['schemas']['DraftDto'];
export type DraftInput = components['schemas']['SaveDraftDto'];

/** The agent's own draft on the ticket and the colleagues who have one. */
export function fetchDraft(ticketId: string, signal?: AbortSignal): Promise<DraftState> {
  return unwrap(api.GET('/api/v1/tickets/{id}/draft', { params: { path: { id: ticketId } }, signal }));
}

export function saveDraft(ticketId: string, draft: DraftInput): Promise<Draft> {
  return unwrap(api.PUT('/api/v1/tickets/{id}/draft', { params: { path: { id: ticketId } }, body: draft }));
}

export async function deleteDraft(ticketId: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/tickets/{id}/draft', { params: { path: { id: ticketId } } }));
}
