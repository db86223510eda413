import { ApiProperty } from '@nestjs/swagger';
import { TicketSummaryDto } from './ticket-summary.dto.js';

export class TicketListItemDto extends TicketSummaryDto {
  @ApiProperty({ type: String, nullable: true, example: 'Jan Kowalski' })
  customerName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'jan.kowalski@example.pl' })
  customerEmail!: string | null;
}

export class TicketListDto {
  @ApiProperty({ type: [TicketListItemDto] })
  items!: TicketListItemDto[];

  @ApiProperty({ description: 'How many tickets match the filters in all.' })
  total!: number;
}
