import { api } from '../../shared/api-client/client';
import { toApiError, unwrap, NetworkError } from '../../shared/api-client/errors';
import type { components, paths } from '../../shared/api-client/schema';

export type InboundMail = components['schemas']['InboundMailDto'];
export type InboundMailList = components['schemas']['InboundMailListDto'];
export type InboundMailQuery = NonNullable<paths['/api/v1/inbound-mails']['get']['parameters']['query']>;

export function listInboundMails(query: InboundMailQuery, signal?: AbortSignal): Promise<InboundMailList> {
  return unwrap(api.GET('/api/v1/inbound-mails', { params: { query }, signal }));
}

/** The mail exactly as it arrived, as text (for reading, never for rendering). */
export async function fetchRawMail(id: string, signal?: AbortSignal): Promise<string> {
  let result;
  try {
    result = await api.GET('/api/v1/inbound-mails/{id}/raw', { params: { path: { id } }, parseAs: 'text', signal });
  } catch (cause) {
    if (cause instanceof TypeError) throw new NetworkError(cause);
    throw cause;
  }
  if (!result.response.ok || typeof result.data !== 'string') throw toApiError(result.response, result.error);
  return result.data;
}

/** Processes a failed mail again; answers it as queued. */
export function reprocessInboundMail(id: string): Promise<InboundMail> {
  return unwrap(api.POST('/api/v1/inbound-mails/{id}/reprocess', { params: { path: { id } } }));
}
