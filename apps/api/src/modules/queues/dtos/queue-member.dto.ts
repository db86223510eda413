import { ApiProperty } from '@nestjs/swagger';

export class QueueMemberDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Anna Nowak' })
  name!: string;

  @ApiProperty({ description: 'Inactive members get no tickets.' })
  active!: boolean;

  @ApiProperty({ description: 'Absent members get no tickets.' })
  absent!: boolean;
}
