import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

export type TicketChangeEvent = Schemas['TicketChangeEventDto'];
export type TicketPresence = Schemas['PresenceDto'];
export type PresenceEntry = Schemas['PresenceEntryDto'];
export type PresenceState = PresenceEntry['state'];

/** Where the live events stream from (Server-Sent Events; read with fetch, which can send the bearer header). */
export const LIVE_STREAM_PATH = '/api/v1/live';

/** A heartbeat: I am viewing or replying to the ticket. Answers everybody on it now. */
export function sendPresence(ticketId: string, state: PresenceState): Promise<TicketPresence> {
  return unwrap(api.PUT('/api/v1/tickets/{id}/presence', { params: { path: { id: ticketId } }, body: { state } }));
}

/** I left the ticket; `keepalive` lets the request outlive a closing tab. */
export function clearPresence(ticketId: string, options: { keepalive?: boolean } = {}): Promise<void> {
  return unwrapEmpty(api.DELETE('/api/v1/tickets/{id}/presence', { params: { path: { id: ticketId } }, keepalive: options.keepalive }));
}
