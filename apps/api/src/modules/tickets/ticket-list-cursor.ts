import type { TicketSort } from './dtos/ticket-query.dto.js';
import { TicketsErrorCode, TicketsException } from './tickets.exception.js';

/**
 * Where a page of the ticket list ended, to read the next one from there
 * (keyset pagination): the list's order, the last ticket's sort value, its
 * creation time and its id (the order's tie-breakers), all as PostgreSQL
 * printed them, so no precision is lost on the way. Opaque to clients
 * (base64url JSON); a cursor of another order is refused.
 */
export interface TicketListCursor {
  sort: TicketSort;
  /** The last ticket's sort value as text; null only for `dueAt` (no running deadline). */
  key: string | null;
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeTicketListCursor(cursor: TicketListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.createdAt, cursor.id])).toString('base64url');
}

/** The cursor `after` names, for a list sorted by `sort`; a 400 naming `after` when it is not one of ours or of another order. */
export function decodeTicketListCursor(after: string, sort: TicketSort): TicketListCursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalid('after is not a cursor this list returned (nextCursor)');
  }
  if (
    !Array.isArray(parts) || parts.length !== 4 ||
    typeof parts[0] !== 'string' || (parts[1] !== null && typeof parts[1] !== 'string') ||
    typeof parts[2] !== 'string' || Number.isNaN(Date.parse(parts[2])) || typeof parts[3] !== 'string' || !UUID.test(parts[3])
  ) {
    throw invalid('after is not a cursor this list returned (nextCursor)');
  }
  if (parts[0] !== sort) throw invalid(`after continues a list sorted by ${parts[0]}, not by ${sort}: keep the sort of the first page`);
  if (parts[1] !== null && !validKey(sort, parts[1])) throw invalid('after is not a cursor this list returned (nextCursor)');
  return { sort, key: parts[1], createdAt: parts[2], id: parts[3] };
}

function validKey(sort: TicketSort, key: string): boolean {
  const column = sort.replace(/^-/, '');
  if (column === 'priority') return /^[0-3]$/.test(key);
  if (column === 'number') return key.length <= 40;
  return !Number.isNaN(Date.parse(key));
}

function invalid(message: string): TicketsException {
  return new TicketsException(TicketsErrorCode.InvalidCursor, message, { fields: [{ field: 'after', errors: [message] }] });
}
