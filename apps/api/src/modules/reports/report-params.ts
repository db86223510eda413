import type { ReportBucket, ReportGrouping, ReportRange, TicketChannel, TicketPriority } from '@okienko/domain';

/** The ticket fields a report can be narrowed to (their current values). */
export interface ReportFilters {
  queueId?: string;
  categoryId?: string;
  channel?: TicketChannel;
  assigneeId?: string;
  priority?: TicketPriority;
}

/** A checked report request: the range in its time zone, the grouping and its buckets, the filters. */
export interface ReportParams {
  range: ReportRange;
  groupBy: ReportGrouping;
  buckets: ReportBucket[];
  filters: ReportFilters;
}

/** Whether any ticket filter is set (queries that can do without the tickets table skip it then). */
export function hasTicketFilters(filters: ReportFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}
