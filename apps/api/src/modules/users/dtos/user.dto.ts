import { ApiProperty } from '@nestjs/swagger';
import type { UserEntity, UserRole } from '../entities/user.entity.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'anna.nowak@sklep.pl' })
  email!: string;

  @ApiProperty({ example: 'Anna Nowak' })
  name!: string;

  @ApiProperty({ enum: ['admin', 'agent'] })
  role!: UserRole;

  @ApiProperty({ description: 'Inactive users cannot sign in.' })
  active!: boolean;

  @ApiProperty({ description: 'Marked absent (leave, sick): gets no new tickets.' })
  absent!: boolean;

  @ApiProperty({ example: 'pl', enum: ['pl', 'en'] })
  locale!: string;

  @ApiProperty({ type: String, nullable: true, description: "Added below the user's replies; placeholders such as {{agent.name}}, {{queue.name}}. null: the queue's signature is used." })
  signature!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      active: user.active,
      absent: user.absent,
      locale: user.locale,
      signature: user.signature ?? null,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
