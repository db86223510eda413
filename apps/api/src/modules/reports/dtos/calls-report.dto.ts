import { ApiProperty } from '@nestjs/swagger';
import { ReportRangeDto } from './report-range.dto.js';

/** Calls counted for the whole range, a queue or an agent. */
export class CallFiguresDto {
  @ApiProperty({ description: 'Inbound calls somebody answered.' })
  answered!: number;

  @ApiProperty({ description: 'Inbound calls nobody answered.' })
  missed!: number;

  @ApiProperty({ description: 'Outbound calls (reported by the PBX or logged by hand).' })
  outbound!: number;

  @ApiProperty({ description: 'Outbound calls to a number whose call was missed before, within the range.' })
  callBacks!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Share of inbound calls answered, in percent to one decimal (null without inbound calls).' })
  answeredPercent!: number | null;
}

export class QueueCallsDto extends CallFiguresDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: calls of a channel in no queue, on no ticket of a queue.' })
  queueId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
}

export class AgentCallsDto extends CallFiguresDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agent who answered or made the call; null: calls nobody answered or made.' })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Nowak' })
  name!: string | null;
}

export class CallsReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ type: CallFiguresDto, description: 'Every call of the range (within the queue and agent filters).' })
  total!: CallFiguresDto;

  @ApiProperty({ type: [QueueCallsDto], description: 'Per queue: the queue of the call’s channel, else of the call’s ticket; by name, no queue last.' })
  queues!: QueueCallsDto[];

  @ApiProperty({ type: [AgentCallsDto], description: 'Per agent who answered or made the call; by name, nobody last.' })
  agents!: AgentCallsDto[];
}
