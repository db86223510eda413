import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class ReorderRulesDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every rule of one trigger, in the order they should run.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  ids!: string[];
}
