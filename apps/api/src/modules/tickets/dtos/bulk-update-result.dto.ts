import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Why one ticket of a bulk action was refused: what PATCH /tickets/:id would have answered. */
export class BulkItemErrorDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'TICKET_INVALID_TRANSITION' })
  code!: string;

  @ApiProperty({ example: 'status cannot change from closed to waiting_customer; allowed: open' })
  message!: string;
}

export class BulkItemResultDto {
  @ApiProperty({ description: 'The id (or number) as given in ticketIds.' })
  id!: string;

  @ApiProperty({ description: 'Whether the changes were made (or there was nothing to change).' })
  ok!: boolean;

  @ApiPropertyOptional({ type: BulkItemErrorDto })
  error?: BulkItemErrorDto;
}

export class BulkUpdateResultDto {
  @ApiProperty({ type: [BulkItemResultDto], description: 'One result per ticket, in the order given.' })
  items!: BulkItemResultDto[];
}
