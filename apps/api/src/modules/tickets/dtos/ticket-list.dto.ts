import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

  @ApiProperty({
    description:
      'How many tickets match the filters: exact up to 10,000; when more match it is 10000 and `totalIsExact: false` comes ' +
      'with it (show it as "10 000+"). Counting further would cost more than the page itself on a large installation.',
    example: 10000,
  })
  total!: number;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Present, and false, only when more tickets match than `total` says (it is then the 10,000 cap); absent when `total` is exact.',
    example: false,
  })
  totalIsExact?: false;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'The ticket list (`GET /tickets`) only: where the next page starts, to pass as `after` with the same filters and ' +
      'sort. Null on the last page.',
  })
  nextCursor?: string | null;
}
