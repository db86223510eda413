import { ApiProperty } from '@nestjs/swagger';
import { ReportRangeDto } from './report-range.dto.js';

export class AgentLoadDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: unassigned tickets.' })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Nowak' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ description: 'Unresolved tickets assigned now.' })
  openNow!: number;

  @ApiProperty({ description: 'Tickets resolved in the range that are assigned to the agent.' })
  resolved!: number;

  @ApiProperty({ description: 'Public replies the agent wrote in the range (automatic answers not counted).' })
  replies!: number;
}

export class QueueLoadDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: tickets in no queue.' })
  queueId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ description: 'Unresolved tickets in the queue now.' })
  openNow!: number;
}

export class LoadReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ type: [AgentLoadDto], description: 'Every active user, and anybody else with a figure; unassigned last.' })
  agents!: AgentLoadDto[];

  @ApiProperty({ type: [QueueLoadDto] })
  queues!: QueueLoadDto[];
}
