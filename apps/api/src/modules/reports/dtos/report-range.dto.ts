import { ApiProperty } from '@nestjs/swagger';
import { REPORT_GROUPINGS, type ReportGrouping } from '@okienko/domain';
import type { ReportParams } from '../report-params.js';

/** The range a report covers, as it was understood. */
export class ReportRangeDto {
  @ApiProperty({ example: '2026-01-01' })
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  to!: string;

  @ApiProperty({ example: 'Europe/Warsaw' })
  timeZone!: string;

  @ApiProperty({ enum: REPORT_GROUPINGS })
  groupBy!: ReportGrouping;

  @ApiProperty({ description: 'Local midnight starting `from`.', example: '2025-12-31T23:00:00.000Z' })
  start!: string;

  @ApiProperty({ description: 'Local midnight after `to` (exclusive).', example: '2026-12-31T23:00:00.000Z' })
  end!: string;

  static from(p: ReportParams): ReportRangeDto {
    return {
      from: p.range.from, to: p.range.to, timeZone: p.range.timeZone, groupBy: p.groupBy,
      start: p.range.start.toISOString(), end: p.range.end.toISOString(),
    };
  }
}

/** One bucket of a report: its local start date and the instants it spans (cut to the range). */
export class ReportBucketDto {
  @ApiProperty({ description: 'Local date the day, ISO week (Monday) or month starts on.', example: '2026-03-30' })
  bucket!: string;

  @ApiProperty({ example: '2026-03-29T22:00:00.000Z' })
  start!: string;

  @ApiProperty({ example: '2026-03-30T22:00:00.000Z' })
  end!: string;
}
