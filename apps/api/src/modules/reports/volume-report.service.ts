import { Injectable } from '@nestjs/common';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { VolumeReportDto } from './dtos/volume-report.dto.js';
import type { ReportParams } from './report-params.js';
import type { ReportTable } from './report-table.js';
import { inChannelOrder, type ReportChannel } from './report-channels.js';
import { ReportChannelsRepository } from './report-channels.repository.js';
import { ReportsRepository, type KeyedCount } from './reports.repository.js';

const byKey = (rows: KeyedCount[]) => new Map(rows.map((r) => [r.key, r.count]));

/** Tickets created, resolved, closed and reopened per bucket, and the backlog at the end of each; the range split by channel. */
@Injectable()
export class VolumeReportService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly channels: ReportChannelsRepository,
  ) {}

  async report(p: ReportParams): Promise<VolumeReportDto> {
    const [created, resolved, closed, reopened, backlogAtEnd, channels] = await Promise.all([
      this.repository.countTicketsBy('created_at', p).then(byKey),
      this.repository.countTicketsBy('resolved_at', p).then(byKey),
      this.repository.countTicketsBy('closed_at', p).then(byKey),
      this.repository.reopenedBy(p).then(byKey),
      this.repository.backlogAt(p.range.end, p),
      this.channels.channelCounts(p),
    ]);
    const totals = { created: 0, resolved: 0, closed: 0, reopened: 0 };
    const rows = p.buckets.map((b) => {
      const row = {
        created: created.get(b.key) ?? 0, resolved: resolved.get(b.key) ?? 0, closed: closed.get(b.key) ?? 0, reopened: reopened.get(b.key) ?? 0,
      };
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += row[k];
      return { bucket: b.key, start: b.start.toISOString(), end: b.end.toISOString(), ...row, backlog: 0 };
    });
    // The backlog at the end of the range, carried back bucket by bucket: each ends with what the next began with.
    let backlog = backlogAtEnd;
    for (let i = rows.length - 1; i >= 0; i--) {
      rows[i]!.backlog = backlog;
      backlog -= rows[i]!.created - rows[i]!.resolved;
    }
    return {
      range: ReportRangeDto.from(p), backlogAtStart: backlog, totals, buckets: rows,
      channels: inChannelOrder(channels).map((c) => ({ channel: c.channel as ReportChannel, created: c.created, resolved: c.resolved, closed: c.closed })),
    };
  }

  table(report: VolumeReportDto): ReportTable {
    return {
      header: ['bucket', 'start', 'end', 'created', 'resolved', 'closed', 'reopened', 'backlog'],
      rows: report.buckets.map((b) => [b.bucket, b.start, b.end, b.created, b.resolved, b.closed, b.reopened, b.backlog]),
    };
  }
}
