import { ApiProperty } from '@nestjs/swagger';

/** A user watching a ticket: they get its notifications (customer replies, SLA warnings) as its assignee does. */
export class TicketWatcherDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Ala Nowak' })
  name!: string;
}
