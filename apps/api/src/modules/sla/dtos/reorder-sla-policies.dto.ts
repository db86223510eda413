import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class ReorderSlaPoliciesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every policy, in the order they should be tried.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  ids!: string[];
}
