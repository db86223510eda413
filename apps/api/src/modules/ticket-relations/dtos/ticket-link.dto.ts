import { ApiProperty } from '@nestjs/swagger';
import { TICKET_STATUSES, type TicketStatus } from '@okienko/domain';

export const TICKET_LINK_KINDS = ['related', 'split'] as const;
export type TicketLinkKind = (typeof TICKET_LINK_KINDS)[number];

/** A ticket linked to another (links are symmetric: both tickets show each other). */
export class TicketLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The linked ticket.' })
  ticketId!: string;

  @ApiProperty({ example: '2026-000124' })
  number!: string;

  @ApiProperty({ example: 'Reklamacja: pęknięta rama' })
  subject!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatus;

  @ApiProperty({ enum: TICKET_LINK_KINDS, description: '`related`: linked by an agent; `split`: one ticket was split off the other (POST /tickets/:id/split).' })
  kind!: TicketLinkKind;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
