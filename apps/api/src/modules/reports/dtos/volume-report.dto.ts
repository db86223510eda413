import { ApiProperty } from '@nestjs/swagger';
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

export class VolumeReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ description: 'Tickets not resolved or closed when the range starts.' })
  backlogAtStart!: number;

  @ApiProperty({ type: VolumeTotalsDto })
  totals!: VolumeTotalsDto;

  @ApiProperty({ type: [VolumeBucketDto], description: 'Every bucket of the range, empty ones with zeros.' })
  buckets!: VolumeBucketDto[];
}
