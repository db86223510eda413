import { Inject, Injectable } from '@nestjs/common';
import { defaultReportDates, reportBuckets, resolveReportRange, toCsv } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { ReportQueryDto } from './dtos/report-query.dto.js';
import type { ReportParams } from './report-params.js';
import type { ReportTable } from './report-table.js';
import { ReportsErrorCode, ReportsException } from './reports.exception.js';

/** A report ready to send: JSON, or a CSV document with its file name. */
export type ReportAnswer<T> = { format: 'json'; body: T } | { format: 'csv'; body: string; filename: string };

/** How one report is built and written as a table. */
export interface ReportBuilder<T> {
  report(p: ReportParams): Promise<T>;
  table(report: T): ReportTable;
}

/**
 * What every report shares: the request's range (dates in the installation's
 * time zone or `tz`), its buckets and filters checked once, and the answer as
 * JSON or as CSV (one writer for all reports).
 */
@Injectable()
export class ReportsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  params(query: ReportQueryDto, now = new Date()): ReportParams {
    const timeZone = query.tz ?? this.config.timeZone;
    const defaults = query.from === undefined || query.to === undefined ? defaultReportDates(isZone(timeZone) ? timeZone : 'UTC', now) : null;
    const to = query.to ?? defaults!.to;
    const from = query.from ?? (query.to === undefined ? defaults!.from : shiftDays(to, -29) ?? to);
    const range = resolveReportRange({ from, to, timeZone });
    if (Array.isArray(range)) {
      throw new ReportsException(
        ReportsErrorCode.InvalidFilter,
        range.map((problem) => problem.message).join('; '),
        range.map((problem) => ({ field: problem.field, errors: [problem.message] })),
      );
    }
    const groupBy = query.groupBy ?? 'day';
    return {
      range,
      groupBy,
      buckets: reportBuckets(range, groupBy),
      filters: { queueId: query.queueId, categoryId: query.categoryId, channel: query.channel, assigneeId: query.assigneeId, priority: query.priority },
    };
  }

  async answer<T>(name: string, query: ReportQueryDto, builder: ReportBuilder<T>): Promise<ReportAnswer<T>> {
    const p = this.params(query);
    const report = await builder.report(p);
    if (query.format !== 'csv') return { format: 'json', body: report };
    const table = builder.table(report);
    return { format: 'csv', body: toCsv(table.header, table.rows), filename: `okienko-${name}-${p.range.from}-${p.range.to}.csv` };
  }
}

function isZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DD` moved by whole days; null for a text that is not such a date. */
function shiftDays(date: string, days: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return null;
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
