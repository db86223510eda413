import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type NewTicket = components['schemas']['CreateTicketDto'];
export type CreatedTicket = components['schemas']['TicketDetailDto'];

/** Opens a ticket: the customer's first message, or the agent's mail to the customer (`message.direction: outbound`). */
export function createTicket(ticket: NewTicket): Promise<CreatedTicket> {
  return unwrap(api.POST('/api/v1/tickets', { body: ticket }));
}
