import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export class ReplaceQueueMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500, description: 'Every member of the queue (users); [] leaves it without members.' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  userIds!: string[];
}
