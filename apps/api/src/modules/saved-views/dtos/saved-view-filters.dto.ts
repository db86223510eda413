import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, type TicketChannel, type TicketPriority, type TicketStatus } from '@okienko/domain';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SLA_STATES, TICKET_SORTS, type TicketSort } from '../../tickets/dtos/ticket-query.dto.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The ticket list's filters and sort, as GET /tickets takes them (lists as arrays); every field optional, nothing else allowed. */
export class SavedViewFiltersDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TICKET_STATUSES.length)
  @ArrayUnique()
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @ArrayUnique()
  @IsIn(TICKET_PRIORITIES, { each: true })
  priority?: TicketPriority[];

  @ApiPropertyOptional({ enum: SLA_STATES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SLA_STATES.length)
  @ArrayUnique()
  @IsIn(SLA_STATES, { each: true })
  slaState?: (typeof SLA_STATES)[number][];

  @ApiPropertyOptional({ description: 'A queue id, or `none` (tickets in no queue).' })
  @IsOptional()
  @Matches(new RegExp(`^(none|${UUID})$`, 'i'), { message: 'queueId must be a queue id (UUID) or "none"' })
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'A user id, `me` (whoever opens the view) or `none` (unassigned).' })
  @IsOptional()
  @Matches(new RegExp(`^(me|none|${UUID})$`, 'i'), { message: 'assigneeId must be a user id (UUID), "me" or "none"' })
  assigneeId?: string;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS })
  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional({ example: 'allegro' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ description: 'Created on or after: a date (`2026-12-01`) or an instant.', example: '2026-12-01' })
  @IsOptional()
  @IsDateString()
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'Created on or before this date (or before this instant).', example: '2026-12-31' })
  @IsOptional()
  @IsDateString()
  createdTo?: string;

  @ApiPropertyOptional({ example: 'zwrot' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TICKET_SORTS })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSort;
}
