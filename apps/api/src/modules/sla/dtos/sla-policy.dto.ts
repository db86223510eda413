import { ApiProperty } from '@nestjs/swagger';
import {
  isCatchAllSlaPolicy, SLA_PAUSE_STATUSES, SLA_TARGET_MODES, TICKET_CHANNELS, TICKET_PRIORITIES, type SlaPauseStatus, type SlaTargetMode,
  type TicketChannel, type TicketPriority,
} from '@okienko/domain';
import type { SlaPolicyEntity } from '../entities/sla-policy.entity.js';

export class SlaTargetDto {
  @ApiProperty({ minimum: 1, maximum: 527_040, example: 480, description: 'Whole minutes: 480 business minutes are one working day of 8 hours.' })
  minutes!: number;

  @ApiProperty({ enum: SLA_TARGET_MODES, description: "business: working time of the policy's calendar; calendar: every minute, weekends included." })
  mode!: SlaTargetMode;
}

export class SlaConditionsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The ticket is in one of these queues; empty: any queue.' })
  queueIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'The ticket has one of these categories; empty: any category.' })
  categoryIds!: string[];

  @ApiProperty({ enum: TICKET_PRIORITIES, isArray: true, description: 'Empty: any priority.' })
  priorities!: TicketPriority[];

  @ApiProperty({ enum: TICKET_CHANNELS, isArray: true, description: 'Empty: any channel.' })
  channels!: TicketChannel[];

  @ApiProperty({ type: [String], example: ['vip'], description: 'The customer has one of these tags (any letter case); empty: any customer.' })
  customerTags!: string[];
}

export class SlaWarningDto {
  @ApiProperty({ type: Number, nullable: true, example: 80, description: 'Warn when this share of the target (per cent) is used up.' })
  percent!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null, description: "Warn this many minutes before the deadline, on the target's own clock." })
  minutesBefore!: number | null;
}

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Reklamacje' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ description: 'Policies are tried in ascending order; the first enabled one whose conditions hold applies.' })
  order!: number;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ description: 'true: no conditions, the policy covers every ticket (a catch-all).' })
  matchesAll!: boolean;

  @ApiProperty({ type: SlaConditionsDto, description: 'Every non-empty list must hold; a value of each list is enough.' })
  conditions!: SlaConditionsDto;

  @ApiProperty({ type: SlaTargetDto, nullable: true, description: 'The first answer to the customer; null: no target.' })
  firstResponse!: SlaTargetDto | null;

  @ApiProperty({ type: SlaTargetDto, nullable: true, description: 'The next answer after each reply of the customer; null: no target.' })
  nextResponse!: SlaTargetDto | null;

  @ApiProperty({ type: SlaTargetDto, nullable: true, description: 'Resolving the ticket; null: no target.' })
  resolution!: SlaTargetDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The calendar of business-time targets; null: the default calendar.' })
  calendarId!: string | null;

  @ApiProperty({ enum: SLA_PAUSE_STATUSES, isArray: true, description: 'Statuses in which the clocks stand still.' })
  pauseStatuses!: SlaPauseStatus[];

  @ApiProperty({ type: SlaWarningDto })
  warning!: SlaWarningDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(policy: SlaPolicyEntity): SlaPolicyDto {
    return {
      id: policy.id,
      name: policy.name,
      description: policy.description,
      order: policy.position,
      enabled: policy.enabled,
      matchesAll: isCatchAllSlaPolicy(policy.conditions),
      conditions: {
        queueIds: [...(policy.conditions.queueIds ?? [])],
        categoryIds: [...(policy.conditions.categoryIds ?? [])],
        priorities: [...(policy.conditions.priorities ?? [])],
        channels: [...(policy.conditions.channels ?? [])],
        customerTags: [...(policy.conditions.customerTags ?? [])],
      },
      firstResponse: policy.firstResponse,
      nextResponse: policy.nextResponse,
      resolution: policy.resolution,
      calendarId: policy.calendarId,
      pauseStatuses: policy.pauseStatuses,
      warning: { percent: policy.warning.percent ?? null, minutesBefore: policy.warning.minutesBefore ?? null },
      createdAt: policy.createdAt.toISOString(),
      updatedAt: policy.updatedAt.toISOString(),
    };
  }
}

export class SlaPolicyListDto {
  @ApiProperty({ type: [SlaPolicyDto], description: 'In the order they are tried.' })
  items!: SlaPolicyDto[];

  @ApiProperty()
  total!: number;
}
