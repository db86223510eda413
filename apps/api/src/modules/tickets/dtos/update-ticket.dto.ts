import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@okienko/domain';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsTicketTagList } from './is-ticket-tag-list.js';

/** Only the fields present change; `null` clears queue, category or assignee. */
export class UpdateTicketDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(500)
  subject?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES, description: 'Must be an allowed transition from the current status.' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  queueId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'The complete new set of tags.' })
  @IsOptional()
  @IsTicketTagList()
  tags?: string[];

  @ApiPropertyOptional({
    type: String, format: 'date-time', nullable: true,
    description: 'Snooze the ticket until then (a moment in the future; only while its status, after this change, is waiting_customer or ' +
      'waiting_third_party: else 409 TICKET_NOT_WAITING). It leaves Today and the default list until then. `null` wakes it now.',
    example: '2026-12-08T08:00:00.000Z',
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsISO8601({ strict: true }, { message: 'snoozedUntil must be an ISO 8601 date-time' })
  snoozedUntil?: string | null;
}
