import { REPORT_GROUPINGS, TICKET_CHANNELS, TICKET_PRIORITIES } from '@okienko/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { ReportGrouping, ReportQuery } from '../../../entities/report/api';

/** The dashboard's filters as they live in the URL; an empty date means the default range (the last 30 days). */
export interface ReportFilters {
  from: string | null;
  to: string | null;
  groupBy: ReportGrouping;
  queueId: string | null;
  categoryId: string | null;
  channel: ReportQuery['channel'] | null;
  assigneeId: string | null;
  priority: ReportQuery['priority'] | null;
}

/** Days the default range covers, today included. */
export const DEFAULT_RANGE_DAYS = 30;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function matching(value: string | null, pattern: RegExp): string | null {
  return value !== null && pattern.test(value) ? value : null;
}

/** Reads the filters from a URL query; anything malformed (an old bookmark, a typo) counts as not set. */
export function parseReportFilters(query: LocationQuery): ReportFilters {
  return {
    from: matching(single(query.from), DATE),
    to: matching(single(query.to), DATE),
    groupBy: oneOf(single(query.groupBy), REPORT_GROUPINGS) ?? 'day',
    queueId: matching(single(query.queueId), UUID),
    categoryId: matching(single(query.categoryId), UUID),
    channel: oneOf(single(query.channel), TICKET_CHANNELS),
    assigneeId: matching(single(query.assigneeId), UUID),
    priority: oneOf(single(query.priority), TICKET_PRIORITIES),
  };
}

/** The URL query of the filters: only what differs from the defaults. */
export function reportFiltersQuery(filters: ReportFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.groupBy !== 'day') query.groupBy = filters.groupBy;
  for (const key of ['queueId', 'categoryId', 'channel', 'assigneeId', 'priority'] as const) {
    const value = filters[key];
    if (value) query[key] = value;
  }
  return query;
}

/** A local date as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A YYYY-MM-DD date moved by whole days. */
function shiftDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return isoDate(new Date(year, month - 1, day + days));
}

/** The default range: the last 30 days up to today, in the browser's calendar. */
export function defaultRange(today = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DEFAULT_RANGE_DAYS - 1));
  return { from: isoDate(from), to: isoDate(today) };
}

/** The browser's time zone, so the days of the reports are the days the user sees in the date fields. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** The request every report card sends for these filters. */
export function toReportQuery(filters: ReportFilters, today = new Date()): ReportQuery {
  const defaults = defaultRange(today);
  const query: ReportQuery = {
    from: filters.from ?? (filters.to ? shiftDays(filters.to, -(DEFAULT_RANGE_DAYS - 1)) : defaults.from),
    to: filters.to ?? defaults.to,
    groupBy: filters.groupBy,
  };
  const tz = browserTimeZone();
  if (tz) query.tz = tz;
  if (filters.queueId) query.queueId = filters.queueId;
  if (filters.categoryId) query.categoryId = filters.categoryId;
  if (filters.channel) query.channel = filters.channel;
  if (filters.assigneeId) query.assigneeId = filters.assigneeId;
  if (filters.priority) query.priority = filters.priority;
  return query;
}

export function hasNarrowingFilters(filters: ReportFilters): boolean {
  return Boolean(filters.from || filters.to || filters.groupBy !== 'day' || filters.queueId || filters.categoryId || filters.channel || filters.assigneeId || filters.priority);
}
