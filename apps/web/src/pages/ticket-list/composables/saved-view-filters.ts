import type { SavedViewFilters } from '../../../entities/saved-view/api';
import { EMPTY_FILTERS, parseFilters, toQuery, type TicketListFilters } from './ticket-list-filters';

/** The list's filters and sort as a saved view stores them (the fields of GET /tickets); paging is not kept. */
export function toSavedFilters(filters: TicketListFilters): SavedViewFilters {
  const saved: SavedViewFilters = {};
  if (filters.status.length > 0) saved.status = [...filters.status];
  if (filters.priority.length > 0) saved.priority = [...filters.priority];
  if (filters.sla.length > 0) saved.slaState = [...filters.sla];
  if (filters.queue) saved.queueId = filters.queue;
  if (filters.category) saved.categoryId = filters.category;
  if (filters.assignee) saved.assigneeId = filters.assignee;
  if (filters.channel) saved.channel = filters.channel;
  if (filters.tag) saved.tag = filters.tag;
  if (filters.from) saved.createdFrom = filters.from;
  if (filters.to) saved.createdTo = filters.to;
  if (filters.q) saved.q = filters.q;
  if (filters.sort !== EMPTY_FILTERS.sort) saved.sort = filters.sort;
  return saved;
}

/** The list's filters a saved view stands for, on the first page with the given page size; what the panel cannot show is left out. */
export function fromSavedFilters(saved: SavedViewFilters, limit: number): TicketListFilters {
  const query: Record<string, string> = {};
  const put = (key: string, value: string | string[] | undefined) => {
    if (value !== undefined && value.length > 0) query[key] = Array.isArray(value) ? value.join(',') : value;
  };
  put('status', saved.status);
  put('priority', saved.priority);
  put('sla', saved.slaState);
  put('queue', saved.queueId);
  put('category', saved.categoryId);
  put('assignee', saved.assigneeId);
  put('channel', saved.channel);
  put('tag', saved.tag);
  put('from', saved.createdFrom?.slice(0, 10));
  put('to', saved.createdTo?.slice(0, 10));
  put('q', saved.q);
  put('sort', saved.sort);
  return { ...parseFilters(query), page: 1, limit };
}

/** Whether the list shows exactly what the view stands for (paging aside). */
export function showsView(filters: TicketListFilters, saved: SavedViewFilters): boolean {
  const same = (a: TicketListFilters) => JSON.stringify(toQuery({ ...a, page: 1, limit: EMPTY_FILTERS.limit }));
  return same(filters) === same(fromSavedFilters(saved, EMPTY_FILTERS.limit));
}
