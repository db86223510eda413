import { ApiProperty } from '@nestjs/swagger';
import { ApiTokenDto } from './api-token.dto.js';

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'The secret to send as "Authorization: Bearer <token>". Shown only now.', example: 'okn_Xk3b9Q...' })
  token!: string;
}
