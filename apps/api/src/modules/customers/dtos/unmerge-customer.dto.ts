import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class UnmergeCustomerDto {
  @ApiProperty({ format: 'uuid', description: 'The customer merged into this one whose merge is undone.' })
  @IsUUID()
  sourceId!: string;
}
