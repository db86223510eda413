import { ApiProperty } from '@nestjs/swagger';
import { NotificationDto } from './notification.dto.js';

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto], description: 'Unread first, then newest first.' })
  items!: NotificationDto[];

  @ApiProperty({ description: 'All of the caller\'s notifications.' })
  total!: number;

  @ApiProperty({ description: 'How many of them are unread (the bell\'s count).' })
  unread!: number;
}
