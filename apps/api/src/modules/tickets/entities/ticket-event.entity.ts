import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActorType = 'user' | 'api_token' | 'rule' | 'system' | 'customer';

/** One line of a ticket's audit trail: who or what changed which field from what to what. */
@Entity('ticket_events')
export class TicketEventEntity {
  /** A bigint, read as a string by the driver. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  /** `created`, `field_changed`, `message_added`, ... */
  @Column('text')
  type!: string;

  @Column('text', { name: 'actor_type' })
  actorType!: ActorType;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_name', nullable: true })
  actorName!: string | null;

  @Column('text', { nullable: true })
  field!: string | null;

  @Column('jsonb', { name: 'old_value', nullable: true })
  oldValue!: unknown;

  @Column('jsonb', { name: 'new_value', nullable: true })
  newValue!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
