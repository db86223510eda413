import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

/** A web form's submission: filed as a ticket, or kept as suspected spam. */
export type FormSubmission = components['schemas']['FormSubmissionDto'];

/** The submissions kept as suspected spam, newest first. */
export async function listSpamSubmissions(signal?: AbortSignal): Promise<FormSubmission[]> {
  return (await unwrap(api.GET('/api/v1/form-submissions', { params: { query: { state: 'spam', limit: 200 } }, signal }))).items;
}

/** "Not spam": the submission is filed as the ticket it would have been. */
export function fileAsNotSpam(id: string): Promise<FormSubmission> {
  return unwrap(api.POST('/api/v1/form-submissions/{id}/not-spam', { params: { path: { id } } }));
}

/** The values of the web form a ticket came from, field by field (no rows for other tickets). */
export type TicketFormData = components['schemas']['TicketFormDataDto'];

export function fetchTicketFormData(ticketId: string, signal?: AbortSignal): Promise<TicketFormData> {
  return unwrap(api.GET('/api/v1/tickets/{id}/form-data', { params: { path: { id: ticketId } }, signal }));
}
