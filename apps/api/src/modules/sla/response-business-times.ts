import { businessMinutesBetween, type BusinessCalendar } from '@okienko/domain';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';

type Timed = Pick<TicketEntity, 'createdAt' | 'firstResponseAt' | 'resolvedAt' | 'firstResponseBusinessSeconds' | 'resolutionBusinessSeconds'>;
export type ResponseBusinessTimes = Partial<Pick<TicketEntity, 'firstResponseBusinessSeconds' | 'resolutionBusinessSeconds'>>;

/** Whether the ticket's business-time figures lag behind its first response or resolution (so the calendar is needed). */
export function needsBusinessTimes(ticket: Timed): boolean {
  return (ticket.firstResponseAt !== null && ticket.firstResponseBusinessSeconds === null)
    || (ticket.resolvedAt !== null && ticket.resolutionBusinessSeconds === null)
    || (ticket.resolvedAt === null && ticket.resolutionBusinessSeconds !== null);
}

/**
 * The business seconds from the ticket's creation to its first response and
 * to its resolution on `calendar`, each counted once when it happens; a
 * reopened ticket loses its resolution time and gets a new one when resolved
 * again. Only the columns that change.
 */
export function responseBusinessTimes(ticket: Timed, calendar: BusinessCalendar): ResponseBusinessTimes {
  const seconds = (at: Date) => Math.max(0, Math.round(businessMinutesBetween(calendar, ticket.createdAt, at) * 60));
  const patch: ResponseBusinessTimes = {};
  if (ticket.firstResponseAt && ticket.firstResponseBusinessSeconds === null) patch.firstResponseBusinessSeconds = seconds(ticket.firstResponseAt);
  if (ticket.resolvedAt && ticket.resolutionBusinessSeconds === null) patch.resolutionBusinessSeconds = seconds(ticket.resolvedAt);
  if (!ticket.resolvedAt && ticket.resolutionBusinessSeconds !== null) patch.resolutionBusinessSeconds = null;
  return patch;
}
