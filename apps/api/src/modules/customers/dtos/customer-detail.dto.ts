import { ApiProperty } from '@nestjs/swagger';
import { TicketSummaryDto } from '../../tickets/dtos/ticket-summary.dto.js';
import { CustomerDto } from './customer.dto.js';

export class CustomerDetailDto extends CustomerDto {
  @ApiProperty({ type: [TicketSummaryDto], description: 'Their tickets across every channel, newest first (at most 50).' })
  tickets!: TicketSummaryDto[];
}
