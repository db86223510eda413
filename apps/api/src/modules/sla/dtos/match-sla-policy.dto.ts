import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '@okienko/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsIsoInstant } from './iso-instant.js';

/**
 * A ticket, real or imagined, to check the policies against. With `ticketId`
 * its stored fields are used, and any field given here replaces the stored one.
 */
export class MatchSlaPolicyDto {
  @ApiPropertyOptional({ example: '2026-000123', description: 'A stored ticket (id or number) whose queue, category, priority, channel and customer tags are used.' })
  @IsOptional()
  @IsString()
  @Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{6,})$/i, {
    message: 'ticketId must be a ticket id (UUID) or number (e.g. 2026-000123)',
  })
  ticketId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: no queue. Default: none (or the ticket\'s).' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  queueId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: no category. Default: none (or the ticket\'s).' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: "Default: normal (or the ticket's)." })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS, description: "Default: email (or the ticket's)." })
  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional({ type: [String], example: ['vip'], description: "The customer's tags. Default: none (or the ticket's customer's)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  customerTags?: string[];

  @ApiPropertyOptional({
    example: '2026-12-18T15:30:00+01:00',
    description: "Where the clocks start (the ticket was opened, the customer wrote), with its offset. Default: the ticket's creation, or now.",
  })
  @IsOptional()
  @IsIsoInstant()
  start?: string;
}
