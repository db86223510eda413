import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dtos/user.dto.js';

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 43200 })
  expiresIn!: number;

  @ApiProperty({ type: UserDto })
  user!: UserDto;
}
