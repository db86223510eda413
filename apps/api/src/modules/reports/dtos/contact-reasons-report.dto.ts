import { ApiProperty } from '@nestjs/swagger';
import { ReportRangeDto } from './report-range.dto.js';

export class CategoryShareDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: tickets without a category.' })
  categoryId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Reklamacja / zwrot' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'complaint-return' })
  slug!: string | null;

  @ApiProperty() count!: number;

  @ApiProperty({ type: Number, nullable: true, description: '% of the tickets created in the range, one decimal.' })
  percent!: number | null;
}

export class TagShareDto {
  @ApiProperty({ example: 'allegro' }) tag!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true, description: '% of the tickets counted (a ticket may have several tags).' })
  percent!: number | null;
}

export class ComplaintReasonsDto {
  @ApiProperty({ description: 'Tickets created in the range in the complaint category (`complaint-return`).' })
  total!: number;

  @ApiProperty({ description: 'Of those, without any tag.' })
  untagged!: number;

  @ApiProperty({ type: [TagShareDto], description: 'Their tags (the reasons), most frequent first; % of the complaints.' })
  reasons!: TagShareDto[];
}

export class ContactReasonsReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ description: 'Tickets created in the range.' })
  total!: number;

  @ApiProperty({ type: [CategoryShareDto], description: 'Every category (zeros included) and tickets without one, most frequent first.' })
  categories!: CategoryShareDto[];

  @ApiProperty({ type: [TagShareDto], description: 'Tags of the tickets, most frequent first.' })
  tags!: TagShareDto[];

  @ApiProperty({ type: ComplaintReasonsDto })
  complaints!: ComplaintReasonsDto;
}
