import { ApiProperty } from '@nestjs/swagger';
import type { UserRole } from '../../users/entities/user.entity.js';
import type { ApiTokenEntity } from '../entities/api-token.entity.js';

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'The first characters of the token, to tell tokens apart.', example: 'okn_Xk3b9Q' })
  tokenPrefix!: string;

  @ApiProperty({ enum: ['admin', 'agent'] })
  role!: UserRole;

  @ApiProperty({
    type: [String], format: 'uuid',
    description: 'The queues an agent-role token works in: it sees and changes the tickets of these queues only (none: no tickets). Admin tokens see every ticket.',
  })
  queueIds!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  static from(token: ApiTokenEntity): ApiTokenDto {
    return {
      id: token.id,
      name: token.name,
      tokenPrefix: token.tokenPrefix,
      role: token.role,
      queueIds: token.queueIds,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      revokedAt: token.revokedAt?.toISOString() ?? null,
    };
  }
}
