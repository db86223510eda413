import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class SplitTicketDto {
  @ApiProperty({
    type: [String], format: 'uuid', minItems: 1, maxItems: 500,
    description: 'Messages of this ticket (internal notes too) that move to the new ticket; not all of them.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'messageIds must name at least one message' })
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'messageIds must not name a message twice' })
  @IsUUID('all', { each: true, message: 'each of messageIds must be a message id (UUID)' })
  messageIds!: string[];
}
