import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components, paths } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

export type TicketListItem = Schemas['TicketListItemDto'];
export type TicketList = Schemas['TicketListDto'];
export type TicketDetail = Schemas['TicketDetailDto'];
export type TicketMessage = Schemas['MessageDto'];
export type TicketEvent = Schemas['TicketEventDto'];
export type TicketCustomer = Schemas['CustomerDto'];
export type TicketSummary = Schemas['TicketSummaryDto'];
export type TicketChange = Schemas['UpdateTicketDto'];
export type NewMessage = Schemas['CreateMessageDto'];
export type TemplateSuggestion = Schemas['TemplateSuggestionDto'];
export type BulkTicketChanges = Schemas['BulkTicketChangesDto'];
export type BulkItemResult = Schemas['BulkItemResultDto'];

export type TicketStatus = TicketDetail['status'];
export type TicketPriority = TicketDetail['priority'];
export type TicketChannel = TicketDetail['channel'];
export type DeliveryState = TicketMessage['deliveryState'];
export type TicketSla = Schemas['TicketSlaDto'];
export type SlaState = TicketSla['state'];

/** Query parameters of GET /tickets, exactly as the API takes them. */
export type TicketListParams = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;
export type TicketSort = NonNullable<TicketListParams['sort']>;

/** Query parameters of GET /views/today. */
export type TodayParams = NonNullable<paths['/api/v1/views/today']['get']['parameters']['query']>;
export type TodayScope = NonNullable<TodayParams['scope']>;

/** How many tickets the user can see, without fetching them. */
export async function countTickets(): Promise<number> {
  const page = await unwrap(api.GET('/api/v1/tickets', { params: { query: { limit: 1 } } }));
  return page.total;
}

/** One page of tickets matching the filters. */
export function listTickets(query: TicketListParams, signal?: AbortSignal): Promise<TicketList> {
  return unwrap(api.GET('/api/v1/tickets', { params: { query }, signal }));
}

/** Unresolved tickets to handle today: urgent and breached first, then by the nearest deadline. */
export function listTodayTickets(query: TodayParams, signal?: AbortSignal): Promise<TicketList> {
  return unwrap(api.GET('/api/v1/views/today', { params: { query }, signal }));
}

/** A ticket (by id or number) with its messages, events and customer. */
export function fetchTicket(ref: string, signal?: AbortSignal): Promise<TicketDetail> {
  return unwrap(api.GET('/api/v1/tickets/{id}', { params: { path: { id: ref } }, signal }));
}

/** Changes status, priority, queue, category, assignee, tags or subject; answers the whole ticket. */
export function updateTicket(ref: string, change: TicketChange): Promise<TicketDetail> {
  return unwrap(api.PATCH('/api/v1/tickets/{id}', { params: { path: { id: ref } }, body: change }));
}

/** The same changes for many tickets; each is changed or refused on its own. */
export async function bulkUpdateTickets(ticketIds: string[], changes: BulkTicketChanges): Promise<BulkItemResult[]> {
  return (await unwrap(api.POST('/api/v1/tickets/bulk', { body: { ticketIds, changes } }))).items;
}

/** A reply to the customer (queued for sending) or an internal note. */
export function addTicketMessage(ref: string, message: NewMessage): Promise<TicketMessage> {
  return unwrap(api.POST('/api/v1/tickets/{id}/messages', { params: { path: { id: ref } }, body: message }));
}

/** Templates ranked by how well they fit the customer's latest message, best first. */
export async function fetchTemplateSuggestions(ref: string, signal?: AbortSignal): Promise<TemplateSuggestion[]> {
  const answer = await unwrap(
    api.GET('/api/v1/tickets/{id}/template-suggestions', { params: { path: { id: ref }, query: { limit: 5 } }, signal }),
  );
  return answer.items;
}
