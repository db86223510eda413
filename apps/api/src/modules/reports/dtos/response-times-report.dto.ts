import { ApiProperty } from '@nestjs/swagger';
import { REPORT_CHANNELS, type ReportChannel } from '../report-channels.js';
import { ReportBucketDto, ReportRangeDto } from './report-range.dto.js';

/** Mean, median, 90th percentile (linear interpolation) and maximum, in seconds; null without tickets. */
export class DurationStatsDto {
  @ApiProperty({ description: 'Tickets counted.' })
  count!: number;

  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
  @ApiProperty({ type: Number, nullable: true }) median!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max!: number | null;
}

export class ResponseTimeDto {
  @ApiProperty({ type: DurationStatsDto, description: 'Calendar time (every second counts).' })
  calendar!: DurationStatsDto;

  @ApiProperty({ type: DurationStatsDto, description: 'Business time on the calendar of the ticket\'s SLA policy (or the default calendar).' })
  business!: DurationStatsDto;
}

export class ResponseTimesBucketDto extends ReportBucketDto {
  @ApiProperty({ type: ResponseTimeDto, description: 'Tickets first answered in the bucket: creation → first public reply of an agent.' })
  firstResponse!: ResponseTimeDto;

  @ApiProperty({ type: ResponseTimeDto, description: 'Tickets resolved in the bucket: creation → resolution.' })
  resolution!: ResponseTimeDto;
}

export class ChannelResponseTimesDto {
  @ApiProperty({ enum: REPORT_CHANNELS, description: "The ticket's channel, marketplaces apart: allegro (Allegro's message centre), amazon (buyer mail through Amazon's relay addresses, tagged amazon)." })
  channel!: ReportChannel;

  @ApiProperty({ type: ResponseTimeDto, description: 'Tickets of the channel first answered in the range.' })
  firstResponse!: ResponseTimeDto;

  @ApiProperty({ type: ResponseTimeDto, description: 'Tickets of the channel resolved in the range.' })
  resolution!: ResponseTimeDto;
}

export class ResponseTimesReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ type: ResponseTimeDto, description: 'Over the whole range.' })
  firstResponse!: ResponseTimeDto;

  @ApiProperty({ type: ResponseTimeDto, description: 'Over the whole range.' })
  resolution!: ResponseTimeDto;

  @ApiProperty({ type: [ResponseTimesBucketDto] })
  buckets!: ResponseTimesBucketDto[];

  @ApiProperty({ type: [ChannelResponseTimesDto], description: 'The range split by channel, each marketplace on its own; channels without tickets are left out.' })
  channels!: ChannelResponseTimesDto[];
}
