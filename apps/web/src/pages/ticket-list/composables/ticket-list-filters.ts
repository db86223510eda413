import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@okienko/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { TicketChannel, TicketListParams, TicketPriority, TicketSort, TicketStatus } from '../../../entities/ticket/api';

/**
 * What the ticket list shows. It lives in the URL query (`?status=new,open&queue=…&q=…&page=2`),
 * so every view can be bookmarked, shared and reached with the back button.
 */
export interface TicketListFilters {
  status: TicketStatus[];
  priority: TicketPriority[];
  /** The tickets' SLA state (`breached`, `warning`, …); none chosen: any. */
  sla: SlaState[];
  /** A queue id, or `none` for tickets in no queue; null: every queue. */
  queue: string | null;
  /** A user id, `me` or `none` (unassigned); null: anyone. */
  assignee: string | null;
  /** A category id; null: any category. */
  category: string | null;
  channel: TicketChannel | null;
  /** Snoozed tickets: left out (`false`, the default), only them (`true`) or both (`any`). */
  snoozed: SnoozedFilter;
  /** One tag the tickets carry; empty: any. */
  tag: string;
  /** Created on or after this local date (`YYYY-MM-DD`); null: no lower bound. */
  from: string | null;
  /** Created on or before this local date (`YYYY-MM-DD`); null: no upper bound. */
  to: string | null;
  q: string;
  sort: TicketSort;
  /** 1-based. */
  page: number;
  limit: number;
}

/** The SLA states the list filters by, most pressing first. */
export const SLA_STATES = ['breached', 'warning', 'ok', 'paused', 'none'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Whether snoozed tickets are listed, as GET /tickets takes it. */
export const SNOOZED_FILTERS = ['false', 'true', 'any'] as const;
export type SnoozedFilter = (typeof SNOOZED_FILTERS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_SORT: TicketSort = '-createdAt';
const DEFAULT_LIMIT = PAGE_SIZES[0];
const SORTS: readonly TicketSort[] = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'priority', '-priority', 'number', '-number'];
const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TAG_LENGTH = 50;

export const EMPTY_FILTERS: TicketListFilters = Object.freeze({
  status: [],
  priority: [],
  sla: [],
  queue: null,
  assignee: null,
  category: null,
  channel: null,
  snoozed: 'false',
  tag: '',
  from: null,
  to: null,
  q: '',
  sort: DEFAULT_SORT,
  page: 1,
  limit: DEFAULT_LIMIT,
}) as TicketListFilters;

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : null;
}

function listOf<T extends string>(value: LocationQuery[string] | undefined, allowed: readonly T[]): T[] {
  const raw = single(value);
  if (!raw) return [];
  const wanted = new Set(raw.split(','));
  // In the order the panel lists them, without duplicates or unknown values.
  return allowed.filter((item) => wanted.has(item));
}

function positive(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = value === null ? NaN : Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
}

/** A real calendar date `YYYY-MM-DD`, or null. */
function dateOf(value: string | null): string | null {
  if (value === null || !DATE_SHAPE.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** The instant a local date starts, as the API takes it. */
function startOfLocalDay(date: string, plusDays = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day + plusDays).toISOString();
}

/** Reads the filters from a URL query; anything unknown or malformed falls back to the default. */
export function parseFilters(query: LocationQuery): TicketListFilters {
  const queue = single(query['queue']);
  const assignee = single(query['assignee']);
  const sort = single(query['sort']);
  const limit = positive(single(query['limit']), DEFAULT_LIMIT);
  const category = single(query['category']);
  const channel = single(query['channel']);
  return {
    status: listOf(query['status'], TICKET_STATUSES),
    priority: listOf(query['priority'], TICKET_PRIORITIES),
    sla: listOf(query['sla'], SLA_STATES),
    queue: queue === 'none' || (queue !== null && ID_SHAPE.test(queue)) ? queue : null,
    assignee: assignee === 'me' || assignee === 'none' || (assignee !== null && ID_SHAPE.test(assignee)) ? assignee : null,
    category: category !== null && ID_SHAPE.test(category) ? category : null,
    channel: channel !== null && (TICKET_CHANNELS as readonly string[]).includes(channel) ? (channel as TicketChannel) : null,
    snoozed: (SNOOZED_FILTERS as readonly string[]).includes(single(query['snoozed']) ?? '') ? (single(query['snoozed']) as SnoozedFilter) : 'false',
    tag: (single(query['tag']) ?? '').trim().slice(0, MAX_TAG_LENGTH),
    from: dateOf(single(query['from'])),
    to: dateOf(single(query['to'])),
    q: (single(query['q']) ?? '').trim(),
    sort: sort !== null && (SORTS as readonly string[]).includes(sort) ? (sort as TicketSort) : DEFAULT_SORT,
    page: positive(single(query['page']), 1),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIMIT,
  };
}

/** The URL query for the filters, leaving out what is the default; lists in one order, so equal views get equal links. */
export function toQuery(filters: TicketListFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  const status = TICKET_STATUSES.filter((value) => filters.status.includes(value));
  const priority = TICKET_PRIORITIES.filter((value) => filters.priority.includes(value));
  if (status.length > 0) query['status'] = status.join(',');
  if (priority.length > 0) query['priority'] = priority.join(',');
  const sla = SLA_STATES.filter((value) => filters.sla.includes(value));
  if (sla.length > 0) query['sla'] = sla.join(',');
  if (filters.queue) query['queue'] = filters.queue;
  if (filters.assignee) query['assignee'] = filters.assignee;
  if (filters.category) query['category'] = filters.category;
  if (filters.channel) query['channel'] = filters.channel;
  if (filters.snoozed !== 'false') query['snoozed'] = filters.snoozed;
  if (filters.tag) query['tag'] = filters.tag;
  if (filters.from) query['from'] = filters.from;
  if (filters.to) query['to'] = filters.to;
  if (filters.q) query['q'] = filters.q;
  if (filters.sort !== DEFAULT_SORT) query['sort'] = filters.sort;
  if (filters.page > 1) query['page'] = String(filters.page);
  if (filters.limit !== DEFAULT_LIMIT) query['limit'] = String(filters.limit);
  return query;
}

/** The same filters as GET /tickets takes them. */
export function toApiParams(filters: TicketListFilters): TicketListParams {
  const params: TicketListParams = {
    limit: filters.limit,
    offset: (filters.page - 1) * filters.limit,
    sort: filters.sort,
  };
  if (filters.status.length > 0) params.status = filters.status.join(',');
  if (filters.priority.length > 0) params.priority = filters.priority.join(',');
  if (filters.sla.length > 0) params.slaState = filters.sla.join(',');
  if (filters.queue) params.queueId = filters.queue;
  if (filters.assignee) params.assigneeId = filters.assignee;
  if (filters.category) params.categoryId = filters.category;
  if (filters.channel) params.channel = filters.channel;
  if (filters.snoozed !== 'false') params.snoozed = filters.snoozed;
  if (filters.tag) params.tag = filters.tag;
  // Whole local days: from the start of `from` to the start of the day after `to`.
  if (filters.from) params.createdFrom = startOfLocalDay(filters.from);
  if (filters.to) params.createdTo = startOfLocalDay(filters.to, 1);
  if (filters.q) params.q = filters.q;
  return params;
}

/** Whether anything narrows the list (sorting and paging do not). */
export function isFiltered(filters: TicketListFilters): boolean {
  return (
    filters.status.length > 0 || filters.priority.length > 0 || filters.sla.length > 0 || filters.queue !== null || filters.assignee !== null ||
    filters.category !== null || filters.channel !== null || filters.tag !== '' || filters.from !== null || filters.to !== null ||
    filters.q !== '' || filters.snoozed !== 'false'
  );
}
