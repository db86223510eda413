import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, type TicketChannel, type TicketPriority, type TicketStatus } from '@okienko/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export const TICKET_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'priority', '-priority', 'number', '-number', 'dueAt', '-dueAt'] as const;
export const SLA_STATES = ['ok', 'warning', 'breached', 'paused', 'none'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
export const SNOOZED_FILTERS = ['false', 'true', 'any'] as const;
export type SnoozedFilter = (typeof SNOOZED_FILTERS)[number];

/** `a,b` or repeated parameters both give a list. */
const list = ({ value }: { value: unknown }): unknown =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

export class TicketQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'One or more statuses, comma-separated.', example: 'new,open', type: String })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(6)
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'One or more priorities, comma-separated.', example: 'high,urgent', type: String })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(4)
  @IsIn(TICKET_PRIORITIES, { each: true })
  priority?: TicketPriority[];

  @ApiPropertyOptional({ description: 'A queue id, or `none` (tickets in no queue).' })
  @IsOptional()
  @Matches(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'queueId must be a queue id (UUID) or "none"',
  })
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'A user id, `me` or `none` (unassigned).', example: 'me' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assigneeId must be a user id (UUID), "me" or "none"',
  })
  assigneeId?: string;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS })
  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ example: 'allegro' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after.' })
  @IsOptional()
  @IsDateString()
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before.' })
  @IsOptional()
  @IsDateString()
  createdTo?: string;

  @ApiPropertyOptional({ description: 'Words to find in the subject, number or any message; letter case and Polish diacritics do not matter.', example: 'zwrot zamowienie' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: `Where the tickets stand against their deadlines, one or more of ${SLA_STATES.join(', ')}, comma-separated.`, example: 'warning,breached', type: String })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(5)
  @IsIn(SLA_STATES, { each: true })
  slaState?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'The nearest running deadline (first response, next response, resolution, statutory) is before this.' })
  @IsOptional()
  @IsDateString()
  dueBefore?: string;

  @ApiPropertyOptional({
    enum: SNOOZED_FILTERS, default: 'false',
    description: 'Snoozed tickets (snoozedUntil in the future): `false` leaves them out (the default, as they wait until then), `true` only them, `any` both.',
  })
  @IsOptional()
  @IsIn(SNOOZED_FILTERS)
  snoozed?: SnoozedFilter;

  @ApiPropertyOptional({ enum: TICKET_SORTS, default: '-createdAt', description: 'A leading minus sorts descending; `dueAt` is the nearest running deadline (tickets without one last).' })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSort;

  @ApiPropertyOptional({
    description:
      'Keyset pagination: the `nextCursor` of the previous page, to read the page right after it in the same order ' +
      '(same filters and `sort`, no `offset`). Unlike a growing offset it costs the same on every page, and tickets ' +
      'created meanwhile do not shift the pages.',
    example: 'WyItY3JlYXRlZEF0IiwiMjAyNi0xMi0wN1QwOToxMjozNC41Njc4OTBaIiwiMjAyNi0xMi0wN1QwOToxMjozNC41Njc4OTBaIiwiYjFkM2YzZjAtN2U3Yy00ZTJhLTg0ZmUtNzRiNjFjNzFkOWEwIl0',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be a nextCursor this list returned' })
  after?: string;
}
