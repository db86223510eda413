import { Injectable } from '@nestjs/common';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { ChannelResponseTimesDto, DurationStatsDto, ResponseTimeDto, ResponseTimesReportDto } from './dtos/response-times-report.dto.js';
import type { ReportParams } from './report-params.js';
import { roundSeconds, type ReportTable } from './report-table.js';
import { inChannelOrder, type ReportChannel } from './report-channels.js';
import { ReportChannelsRepository, type ChannelDurationRow } from './report-channels.repository.js';
import { ReportsRepository, type DurationRow } from './reports.repository.js';

type Index = Map<string | null, DurationRow>;

function stats(row: Omit<DurationRow, 'key'> | undefined): DurationStatsDto {
  if (!row) return { count: 0, mean: null, median: null, p90: null, max: null };
  return { count: row.count, mean: roundSeconds(row.mean), median: roundSeconds(row.median), p90: roundSeconds(row.p90), max: roundSeconds(row.max) };
}

const times = (calendar: Index, business: Index, key: string | null): ResponseTimeDto => ({
  calendar: stats(calendar.get(key)), business: stats(business.get(key)),
});

const channelTimes = (row: ChannelDurationRow | undefined): ResponseTimeDto => ({ calendar: stats(row?.calendar), business: stats(row?.business) });

/** Per channel with tickets first answered or resolved in the range. */
function byChannel(first: ChannelDurationRow[], resolution: ChannelDurationRow[]): ChannelResponseTimesDto[] {
  const names = [...new Set([...first, ...resolution].map((r) => r.channel))].map((channel) => ({ channel }));
  return inChannelOrder(names).map(({ channel }) => ({
    channel: channel as ReportChannel,
    firstResponse: channelTimes(first.find((r) => r.channel === channel)),
    resolution: channelTimes(resolution.find((r) => r.channel === channel)),
  }));
}

/**
 * First response and resolution times, in calendar and business seconds:
 * the tickets first answered (resolved) in the range, per bucket of that
 * moment and overall, and per channel (each marketplace on its own).
 */
@Injectable()
export class ResponseTimesReportService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly channels: ReportChannelsRepository,
  ) {}

  async report(p: ReportParams): Promise<ResponseTimesReportDto> {
    const index = (rows: DurationRow[]): Index => new Map(rows.map((r) => [r.key, r]));
    const [first, resolution, firstByChannel, resolutionByChannel] = await Promise.all([
      this.repository.durations('first_response_at', p), this.repository.durations('resolved_at', p),
      this.channels.channelDurations('first_response_at', p), this.channels.channelDurations('resolved_at', p),
    ]);
    const [firstCalendar, firstBusiness, resolutionCalendar, resolutionBusiness] = [first.calendar, first.business, resolution.calendar, resolution.business].map(index) as [Index, Index, Index, Index];
    return {
      range: ReportRangeDto.from(p),
      firstResponse: times(firstCalendar, firstBusiness, null),
      resolution: times(resolutionCalendar, resolutionBusiness, null),
      buckets: p.buckets.map((b) => ({
        bucket: b.key, start: b.start.toISOString(), end: b.end.toISOString(),
        firstResponse: times(firstCalendar, firstBusiness, b.key), resolution: times(resolutionCalendar, resolutionBusiness, b.key),
      })),
      channels: byChannel(firstByChannel, resolutionByChannel),
    };
  }

  table(report: ResponseTimesReportDto): ReportTable {
    const header = ['bucket', 'start', 'end', 'measure', 'clock', 'count', 'mean_seconds', 'median_seconds', 'p90_seconds', 'max_seconds'];
    const rowsOf = (bucket: string, start: string, end: string, measure: string, t: ResponseTimeDto) =>
      (['calendar', 'business'] as const).map((clock) => [bucket, start, end, measure, clock, t[clock].count, t[clock].mean, t[clock].median, t[clock].p90, t[clock].max]);
    return {
      header,
      rows: [
        ...rowsOf('all', report.range.start, report.range.end, 'first_response', report.firstResponse),
        ...rowsOf('all', report.range.start, report.range.end, 'resolution', report.resolution),
        ...report.buckets.flatMap((b) => [
          ...rowsOf(b.bucket, b.start, b.end, 'first_response', b.firstResponse),
          ...rowsOf(b.bucket, b.start, b.end, 'resolution', b.resolution),
        ]),
      ],
    };
  }
}
