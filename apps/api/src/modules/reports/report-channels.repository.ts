import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { reportChannelSql } from './report-channels.js';
import type { ReportParams } from './report-params.js';
import { reportRows } from './report-rows.js';
import { inRangeSql, SqlParams, ticketFiltersSql } from './report-sql.js';
import type { DurationRow } from './reports.repository.js';

export interface ChannelCountsRow { channel: string; created: number; resolved: number; closed: number }
export interface ChannelDurationRow { channel: string; calendar: Omit<DurationRow, 'key'>; business: Omit<DurationRow, 'key'> }

/** The reports' split by channel, each marketplace on its own (see `reportChannelSql`). */
@Injectable()
export class ReportChannelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per report channel (marketplaces apart, see `reportChannelSql`): tickets created, resolved and closed in the range. */
  channelCounts(p: ReportParams): Promise<ChannelCountsRow[]> {
    const sql = new SqlParams();
    const created = inRangeSql('t.created_at', p, sql);
    const resolved = inRangeSql('t.resolved_at', p, sql);
    const closed = inRangeSql('t.closed_at', p, sql);
    return reportRows<ChannelCountsRow>(
      this.dataSource,
      `SELECT ${reportChannelSql('t')} AS channel,
              count(*) FILTER (WHERE ${created})::int AS created,
              count(*) FILTER (WHERE ${resolved})::int AS resolved,
              count(*) FILTER (WHERE ${closed})::int AS closed
         FROM tickets t
        WHERE ((${created}) OR (${resolved}) OR (${closed}))${ticketFiltersSql(p.filters, sql)}
        GROUP BY 1`,
      sql,
    );
  }

  /**
   * Per report channel, the durations from creation to `at` of the tickets
   * whose `at` falls in the range (as `durations`, without buckets; the
   * channels are few, so each channel's values are sorted for its percentiles).
   */
  async channelDurations(at: 'first_response_at' | 'resolved_at', p: ReportParams): Promise<ChannelDurationRow[]> {
    const sql = new SqlParams();
    const business = at === 'first_response_at' ? 'first_response_business_seconds' : 'resolution_business_seconds';
    type Row = { channel: string; c_count: number; c_mean: number | null; c_pct: number[] | null; c_max: number | null }
      & { b_count: number; b_mean: number | null; b_pct: number[] | null; b_max: number | null };
    const rows = await reportRows<Row>(
      this.dataSource,
      `SELECT d.channel,
              count(d.c)::int AS c_count, avg(d.c) AS c_mean, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY d.c) AS c_pct, max(d.c) AS c_max,
              count(d.b)::int AS b_count, avg(d.b) AS b_mean, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY d.b) AS b_pct, max(d.b) AS b_max
         FROM (SELECT ${reportChannelSql('t')} AS channel, date_part('epoch', t.${at} - t.created_at) AS c, t.${business}::float8 AS b
                 FROM tickets t WHERE ${inRangeSql(`t.${at}`, p, sql)}${ticketFiltersSql(p.filters, sql)}) d
        GROUP BY 1`,
      sql,
    );
    const of = (r: Row, c: 'c' | 'b') => {
      const count = r[`${c}_count`];
      return {
        count, mean: count ? r[`${c}_mean`] : null, median: count ? r[`${c}_pct`]?.[0] ?? null : null,
        p90: count ? r[`${c}_pct`]?.[1] ?? null : null, max: count ? r[`${c}_max`] : null,
      };
    };
    return rows.map((r) => ({ channel: r.channel, calendar: of(r, 'c'), business: of(r, 'b') }));
  }
}
