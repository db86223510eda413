import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type UserRole = 'admin' | 'agent';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @Column('text')
  role!: UserRole;

  @Column('boolean')
  active!: boolean;

  @Column('boolean')
  absent!: boolean;

  @Column('text')
  locale!: string;

  /** Added below the user's replies (placeholders such as {{agent.name}}); null: the queue's signature. */
  @Column('text', { nullable: true })
  signature!: string | null;

  @Column('timestamptz', { name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;

  /** Access tokens issued before this moment no longer work (set when the password changes or the user is deactivated). */
  @Column('timestamptz', { name: 'tokens_valid_after', nullable: true })
  tokensValidAfter!: Date | null;

  /** Carried in every access token; raised when the password changes, which stops every token issued before. */
  @Column('integer', { name: 'token_generation', default: 0 })
  tokenGeneration!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
