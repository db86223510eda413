import { ApiProperty } from '@nestjs/swagger';
import { SLA_CONDITION_FIELDS, SLA_TARGET_MODES, TICKET_CHANNELS, TICKET_PRIORITIES, type SlaConditionField, type SlaTargetMode, type TicketChannel, type TicketPriority } from '@okienko/domain';
import { SlaPolicyDto } from './sla-policy.dto.js';

export class SlaDeadlineDto {
  @ApiProperty({ example: 120 })
  minutes!: number;

  @ApiProperty({ enum: SLA_TARGET_MODES })
  mode!: SlaTargetMode;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-21T08:30:00.000Z', description: 'When the target is reached.' })
  dueAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-21T09:30:00', description: "dueAt on the calendar's wall clock." })
  dueAtLocal!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "When to warn; null: the policy's warning is off." })
  warnAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "warnAt on the calendar's wall clock." })
  warnAtLocal!: string | null;
}

export class SlaDeadlinesDto {
  @ApiProperty({ type: SlaDeadlineDto, nullable: true, description: 'null: the policy sets no such target.' })
  firstResponse!: SlaDeadlineDto | null;

  @ApiProperty({ type: SlaDeadlineDto, nullable: true, description: 'As if the customer wrote at start.' })
  nextResponse!: SlaDeadlineDto | null;

  @ApiProperty({ type: SlaDeadlineDto, nullable: true })
  resolution!: SlaDeadlineDto | null;
}

export class SlaMatchTicketDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The stored ticket, when one was named.' })
  ticketId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  queueId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId!: string | null;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  priority!: TicketPriority;

  @ApiProperty({ enum: TICKET_CHANNELS })
  channel!: TicketChannel;

  @ApiProperty({ type: [String] })
  customerTags!: string[];
}

export class SlaMatchCalendarDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: no calendar is stored as the default; the built-in office hours are used.' })
  id!: string | null;

  @ApiProperty({ example: 'Godziny pracy biura' })
  name!: string;

  @ApiProperty({ example: 'Europe/Warsaw' })
  timeZone!: string;
}

export class SlaMatchCandidateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  order!: number;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ description: 'Whether every condition holds for the ticket (a disabled policy never applies).' })
  matches!: boolean;

  @ApiProperty({ enum: SLA_CONDITION_FIELDS, isArray: true, description: 'The conditions that do not hold.' })
  failedConditions!: SlaConditionField[];
}

export class SlaMatchResultDto {
  @ApiProperty({ type: SlaMatchTicketDto, description: 'The fields the policies were matched against.' })
  ticket!: SlaMatchTicketDto;

  @ApiProperty({ format: 'date-time', description: 'Where the clocks start.' })
  start!: string;

  @ApiProperty({ type: SlaPolicyDto, nullable: true, description: 'The policy that applies; null: none does, the ticket has no SLA.' })
  policy!: SlaPolicyDto | null;

  @ApiProperty({ type: SlaMatchCalendarDto, nullable: true, description: "The calendar the policy's business-time targets count on." })
  calendar!: SlaMatchCalendarDto | null;

  @ApiProperty({ type: SlaDeadlinesDto, nullable: true, description: 'The deadlines from start, with no pause; null without a policy.' })
  deadlines!: SlaDeadlinesDto | null;

  @ApiProperty({ type: [SlaMatchCandidateDto], description: 'Every policy in the order they are tried, and why each does or does not match.' })
  candidates!: SlaMatchCandidateDto[];
}
