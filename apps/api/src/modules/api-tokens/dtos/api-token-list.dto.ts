import { ApiProperty } from '@nestjs/swagger';
import { ApiTokenDto } from './api-token.dto.js';

export class ApiTokenListDto {
  @ApiProperty({ type: [ApiTokenDto] })
  items!: ApiTokenDto[];

  @ApiProperty()
  total!: number;
}
