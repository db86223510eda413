import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@okienko/domain';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { IsTicketTagList } from './is-ticket-tag-list.js';

/** What a bulk action changes on every ticket; only the fields present change. */
export class BulkTicketChangesDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, description: 'Must be an allowed transition from each ticket\'s current status; tickets where it is not are refused one by one.' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An active user; null unassigns.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ type: [String], example: ['allegro'], description: 'Tags added to each ticket\'s own.' })
  @IsOptional()
  @IsTicketTagList()
  addTags?: string[];

  @ApiPropertyOptional({ type: [String], example: ['pilne'], description: 'Tags removed from each ticket (applied before addTags).' })
  @IsOptional()
  @IsTicketTagList()
  removeTags?: string[];
}
