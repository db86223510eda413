import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsObject, Matches, ValidateNested } from 'class-validator';
import { BulkTicketChangesDto } from './bulk-ticket-changes.dto.js';

/** The most tickets one bulk action changes. */
export const BULK_MAX_TICKETS = 500;

const TICKET_REF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{6,})$/i;

/** The same changes for many tickets, each changed (or refused) on its own. */
export class BulkUpdateTicketsDto {
  @ApiProperty({ type: [String], maxItems: BULK_MAX_TICKETS, description: 'Ticket ids (or numbers), 1 to 500, each once.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_TICKETS)
  @ArrayUnique({ message: 'ticketIds must not name a ticket twice' })
  @Matches(TICKET_REF, { each: true, message: 'each of ticketIds must be a ticket id (UUID) or number (e.g. 2026-000123)' })
  ticketIds!: string[];

  @ApiProperty({ type: BulkTicketChangesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BulkTicketChangesDto)
  changes!: BulkTicketChangesDto;
}
