import { ApiProperty } from '@nestjs/swagger';

/** A queue as every signed-in user may name it (tickets they can see may lie in queues they do not work in). */
export class QueueNameDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Reklamacje' })
  name!: string;
}

export class QueueNameListDto {
  @ApiProperty({ type: [QueueNameDto] })
  items!: QueueNameDto[];

  @ApiProperty()
  total!: number;
}
