import { ApiProperty } from '@nestjs/swagger';
import { ReportRangeDto } from './report-range.dto.js';

export class RuleActivityDto {
  @ApiProperty({ description: 'The rule id (as recorded on the events; the rule may have been deleted since).' })
  ruleId!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ description: 'Tickets the rule acted on in the range.' })
  tickets!: number;

  @ApiProperty({ description: 'Times it matched and ran.' })
  firings!: number;

  @ApiProperty({ description: 'Actions it could not carry out.' })
  skippedActions!: number;
}

export class AutomationReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ description: 'Tickets created in the range (for the shares).' })
  ticketsCreated!: number;

  @ApiProperty({ description: 'Tickets a rule answered with an automatic reply in the range.' })
  autoAnswered!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'autoAnswered as % of ticketsCreated.' })
  autoAnsweredPercent!: number | null;

  @ApiProperty({ description: 'Tickets a rule moved to a queue or category in the range.' })
  autoRouted!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'autoRouted as % of ticketsCreated.' })
  autoRoutedPercent!: number | null;

  @ApiProperty({ description: 'Tickets any rule acted on in the range.' })
  ticketsTouched!: number;

  @ApiProperty({ type: [RuleActivityDto], description: 'Per rule, the busiest first.' })
  rules!: RuleActivityDto[];
}
