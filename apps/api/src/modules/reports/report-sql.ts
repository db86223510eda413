import { hasTicketFilters, type ReportFilters, type ReportParams } from './report-params.js';

/** Positional parameters of one statement: `add` gives the placeholder of a value. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The number (1-based) of the bucket a timestamp falls in: a binary search
 * over the buckets' start instants, which already follow the report's zone,
 * grouping and clock changes, so no per-row time-zone arithmetic is needed.
 * Only for timestamps inside the range.
 */
export function bucketSql(column: string, params: ReportParams, sql: SqlParams): string {
  return `width_bucket(${column}, ${sql.add(params.buckets.map((b) => b.start.toISOString()))}::timestamptz[])`;
}

/** The bucket's key (its local start date) for the number `bucketSql` gave. */
export function bucketKey(index: number, params: ReportParams): string {
  const bucket = params.buckets[index - 1];
  if (!bucket) throw new RangeError(`bucket ${index} is outside the report's ${params.buckets.length} buckets`);
  return bucket.key;
}

/** `column` inside the report's range: [start, end). */
export function inRangeSql(column: string, params: ReportParams, sql: SqlParams): string {
  return `${column} >= ${sql.add(params.range.start)} AND ${column} < ${sql.add(params.range.end)}`;
}

/** ` AND …` for each ticket filter, on the tickets table aliased `alias`. */
export function ticketFiltersSql(filters: ReportFilters, sql: SqlParams, alias = 't'): string {
  const parts: string[] = [];
  if (filters.queueId) parts.push(`${alias}.queue_id = ${sql.add(filters.queueId)}::uuid`);
  if (filters.categoryId) parts.push(`${alias}.category_id = ${sql.add(filters.categoryId)}::uuid`);
  if (filters.channel) parts.push(`${alias}.channel = ${sql.add(filters.channel)}`);
  if (filters.assigneeId) parts.push(`${alias}.assignee_id = ${sql.add(filters.assigneeId)}::uuid`);
  if (filters.priority) parts.push(`${alias}.priority = ${sql.add(filters.priority)}`);
  return parts.map((p) => ` AND ${p}`).join('');
}

/** A join to the ticket of `ticketColumn` with the filters, or nothing when no filter is set. */
export function filteredTicketJoinSql(ticketColumn: string, filters: ReportFilters, sql: SqlParams): string {
  return hasTicketFilters(filters) ? ` JOIN tickets t ON t.id = ${ticketColumn}${ticketFiltersSql(filters, sql)}` : '';
}
