import { ApiProperty } from '@nestjs/swagger';

/** The data of the `ticket.created` and `ticket.updated` live events. */
export class TicketChangeEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-000123' })
  number!: string;

  @ApiProperty({ type: [String], description: 'Types of the events recorded on the ticket (`created`, `field_changed`, `message_added`, ...).' })
  types!: string[];

  @ApiProperty({ type: [String], description: 'Fields that changed (`status`, `assigneeId`, ...); empty when only messages or events were added.' })
  fields!: string[];
}
