import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class MergeCustomersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The customers merged into this one (their tickets, identities and history move here).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sourceIds!: string[];
}
