import { ApiProperty } from '@nestjs/swagger';

export class MarkReadResultDto {
  @ApiProperty({ description: 'How many unread notifications were marked read.' })
  marked!: number;

  @ApiProperty({ description: 'How many remain unread.' })
  unread!: number;
}
