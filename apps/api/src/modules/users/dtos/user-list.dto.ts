import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from './user.dto.js';

export class UserListDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];

  @ApiProperty()
  total!: number;
}
