import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

const TICKET_REF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{6,})$/i;

export class CreateTicketLinkDto {
  @ApiProperty({ example: '2026-000124', description: 'The ticket to link (id or number); the link shows on both tickets.' })
  @Matches(TICKET_REF, { message: 'ticketId must be a ticket id (UUID) or number (e.g. 2026-000123)' })
  ticketId!: string;

  @ApiProperty({ enum: ['related'], description: 'What the link means; agents link `related` tickets (`split` links are made by a split).' })
  @IsIn(['related'], { message: 'kind must be related' })
  kind!: 'related';
}
