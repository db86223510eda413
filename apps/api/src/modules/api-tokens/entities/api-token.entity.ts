import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UserRole } from '../../users/entities/user.entity.js';

@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** sha256 of the secret; the secret itself is shown once and never stored. */
  @Column('text', { name: 'token_hash', select: false })
  tokenHash!: string;

  /** The first characters of the token, so an admin can tell tokens apart. */
  @Column('text', { name: 'token_prefix' })
  tokenPrefix!: string;

  @Column('text')
  role!: UserRole;

  /** The queues an agent-role token works in (its tickets are those of these queues); ignored for admin tokens. */
  @Column('uuid', { name: 'queue_ids', array: true, default: () => "'{}'" })
  queueIds!: string[];

  @Column('uuid', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
