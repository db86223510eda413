import { ApiProperty } from '@nestjs/swagger';
import { TicketSummaryDto } from '../../tickets/dtos/ticket-summary.dto.js';
import { CustomerMergeDto } from './customer-merge.dto.js';
import { CustomerDto } from './customer.dto.js';

export class CustomerDetailDto extends CustomerDto {
  @ApiProperty({ type: [TicketSummaryDto], description: 'Their tickets across every channel, newest first (at most 50).' })
  tickets!: TicketSummaryDto[];

  @ApiProperty({ type: [CustomerMergeDto], description: 'Customers merged into this one, newest first; a standing merge can be undone within 30 days.' })
  merges!: CustomerMergeDto[];
}
