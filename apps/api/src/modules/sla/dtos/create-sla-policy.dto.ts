import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLA_PAUSE_STATUSES, TICKET_CHANNELS, TICKET_PRIORITIES, type SlaPauseStatus, type TicketChannel, type TicketPriority } from '@okienko/domain';
import { Allow, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { SlaTargetDto } from './sla-policy.dto.js';

const CHECKED = 'A problem answers 400 SLA_POLICY_INVALID naming the place, e.g. firstResponse.minutes or conditions.priorities[1].';

export class SlaConditionsInputDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The ticket is in one of these queues.' })
  queueIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The ticket has one of these categories.' })
  categoryIds?: string[];

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, isArray: true, example: ['urgent', 'high'] })
  priorities?: TicketPriority[];

  @ApiPropertyOptional({ enum: TICKET_CHANNELS, isArray: true })
  channels?: TicketChannel[];

  @ApiPropertyOptional({ type: [String], example: ['vip'], description: 'The customer has one of these tags (any letter case).' })
  customerTags?: string[];
}

export class SlaWarningInputDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 99, example: 80, description: 'Warn when this share of the target (per cent) is used up.' })
  percent?: number;

  @ApiPropertyOptional({ minimum: 1, example: 30, description: "Warn this many minutes before the deadline, on the target's own clock. Not with percent." })
  minutesBefore?: number;
}

/**
 * An SLA policy: which tickets (conditions), how soon (targets), on which
 * clock, when the clocks pause and when to warn. Conditions, targets, pause
 * statuses and the warning are checked together; a problem is answered with
 * 400 SLA_POLICY_INVALID naming the place.
 */
export class CreateSlaPolicyDto {
  @ApiProperty({ example: 'Reklamacje', description: 'Unique, whatever the letter case.' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    minimum: 0, maximum: 1_000_000,
    description: 'Position (ascending). Left out: a policy with conditions goes just before the first enabled catch-all, a catch-all goes last.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  order?: number;

  @ApiPropertyOptional({
    type: SlaConditionsInputDto, default: {}, example: { priorities: ['urgent', 'high'] },
    description: `Which tickets the policy covers: every list given must hold, any value of each list; {} or left out covers every ticket. ${CHECKED}`,
  })
  @Allow()
  conditions?: SlaConditionsInputDto;

  @ApiPropertyOptional({ type: SlaTargetDto, nullable: true, example: { minutes: 120, mode: 'business' }, description: `The first answer; null or left out: no target. ${CHECKED}` })
  @Allow()
  firstResponse?: SlaTargetDto | null;

  @ApiPropertyOptional({ type: SlaTargetDto, nullable: true, description: 'The next answer after each reply of the customer; null or left out: no target.' })
  @Allow()
  nextResponse?: SlaTargetDto | null;

  @ApiPropertyOptional({ type: SlaTargetDto, nullable: true, example: { minutes: 20_160, mode: 'calendar' }, description: 'Resolving the ticket; null or left out: no target.' })
  @Allow()
  resolution?: SlaTargetDto | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The calendar of business-time targets; null or left out: the default calendar.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  calendarId?: string | null;

  @ApiPropertyOptional({ enum: SLA_PAUSE_STATUSES, isArray: true, default: ['waiting_customer'], description: 'Statuses in which the clocks stand still; [] for none.' })
  @Allow()
  pauseStatuses?: SlaPauseStatus[];

  @ApiPropertyOptional({
    type: SlaWarningInputDto, nullable: true, default: { percent: 80 },
    description: 'When to warn before a deadline: { percent } or { minutesBefore }; {} or null: no warning.',
  })
  @Allow()
  warning?: SlaWarningInputDto | null;
}
