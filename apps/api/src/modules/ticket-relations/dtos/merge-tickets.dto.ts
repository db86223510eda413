import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, Matches } from 'class-validator';

const TICKET_REF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{6,})$/i;

/** The most tickets merged into one at once. */
export const MERGE_MAX_SOURCES = 50;

export class MergeTicketsDto {
  @ApiProperty({
    type: [String], minItems: 1, maxItems: MERGE_MAX_SOURCES, example: ['2026-000121'],
    description: 'The tickets merged into this one (ids or numbers, each once, 1 to 50). Each is closed and points at this ticket; ' +
      'its messages (with their attachments) and watchers move here.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'sourceIds must name at least one ticket' })
  @ArrayMaxSize(MERGE_MAX_SOURCES)
  @ArrayUnique({ message: 'sourceIds must not name a ticket twice' })
  @Matches(TICKET_REF, { each: true, message: 'each of sourceIds must be a ticket id (UUID) or number (e.g. 2026-000123)' })
  sourceIds!: string[];
}
