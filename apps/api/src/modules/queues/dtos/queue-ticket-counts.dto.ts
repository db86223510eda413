import { ApiProperty } from '@nestjs/swagger';

/** How many of the queue's tickets are in each status. */
export class QueueTicketCountsDto {
  @ApiProperty()
  new!: number;

  @ApiProperty()
  open!: number;

  @ApiProperty()
  waiting_customer!: number;

  @ApiProperty()
  waiting_third_party!: number;

  @ApiProperty()
  resolved!: number;

  @ApiProperty()
  closed!: number;
}
