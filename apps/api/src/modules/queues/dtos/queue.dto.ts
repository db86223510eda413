import { ApiProperty } from '@nestjs/swagger';
import type { QueueEntity } from '../entities/queue.entity.js';

export class QueueDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Reklamacje' })
  name!: string;

  @ApiProperty({ example: 'complaints' })
  slug!: string;

  @ApiProperty({ description: 'Tickets without a queue land here.' })
  isDefault!: boolean;

  static from(queue: QueueEntity): QueueDto {
    return { id: queue.id, name: queue.name, slug: queue.slug, isDefault: queue.isDefault };
  }
}

export class QueueListDto {
  @ApiProperty({ type: [QueueDto] })
  items!: QueueDto[];

  @ApiProperty()
  total!: number;
}
