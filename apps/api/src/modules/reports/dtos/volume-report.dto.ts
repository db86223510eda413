import { ApiProperty } from '@nestjs/swagger';
import { REPORT_CHANNELS, type ReportChannel } from '../report-channels.js';
import { ReportBucketDto, ReportRangeDto } from './report-range.dto.js';

export class VolumeBucketDto extends ReportBucketDto {
  @ApiProperty({ description: 'Tickets created in the bucket.' })
  created!: number;

  @ApiProperty({ description: 'Tickets resolved in the bucket (by their current resolution time).' })
  resolved!: number;

  @ApiProperty({ description: 'Tickets closed in the bucket.' })
  closed!: number;

  @ApiProperty({ description: 'Status changes from resolved or closed back to an open status in the bucket.' })
  reopened!: number;

  @ApiProperty({ description: 'Tickets not resolved or closed at the end of the bucket.' })
  backlog!: number;
}

export class VolumeTotalsDto {
  @ApiProperty() created!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() reopened!: number;
}

export class ChannelVolumeDto {
  @ApiProperty({ enum: REPORT_CHANNELS, description: "The ticket's channel, marketplaces apart: allegro (Allegro's message centre), amazon (buyer mail through Amazon's relay addresses, tagged amazon)." })
  channel!: ReportChannel;

  @ApiProperty({ description: 'Tickets created in the range.' }) created!: number;
  @ApiProperty({ description: 'Tickets resolved in the range.' }) resolved!: number;
  @ApiProperty({ description: 'Tickets closed in the range.' }) closed!: number;
}

export class VolumeReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ description: 'Tickets not resolved or closed when the range starts.' })
  backlogAtStart!: number;

  @ApiProperty({ type: VolumeTotalsDto })
  totals!: VolumeTotalsDto;

  @ApiProperty({ type: [VolumeBucketDto], description: 'Every bucket of the range, empty ones with zeros.' })
  buckets!: VolumeBucketDto[];

  @ApiProperty({ type: [ChannelVolumeDto], description: 'The range split by channel, each marketplace on its own; channels without tickets are left out.' })
  channels!: ChannelVolumeDto[];
}
