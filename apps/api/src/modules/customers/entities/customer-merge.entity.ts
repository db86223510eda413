import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActorType } from '../../tickets/entities/ticket-event.entity.js';

/** What the source customer looked like before a merge: restored by undoing it. */
export interface MergedCustomerState {
  name: string | null;
  email: string | null;
  emails: string[];
  phones: string[];
}

/** One source customer merged into a target: exactly what moved, so that undoing it restores that and nothing else. */
@Entity('customer_merges')
export class CustomerMergeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'target_id' })
  targetId!: string;

  @Column('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('uuid', { name: 'ticket_ids', array: true })
  ticketIds!: string[];

  @Column('uuid', { name: 'identity_ids', array: true })
  identityIds!: string[];

  /** The customer's own messages on the moved tickets (their author). */
  @Column('uuid', { name: 'message_ids', array: true })
  messageIds!: string[];

  @Column('jsonb', { name: 'source_state' })
  sourceState!: MergedCustomerState;

  @Column('text', { name: 'actor_type' })
  actorType!: ActorType;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_name', nullable: true })
  actorName!: string | null;

  @Column('timestamptz', { name: 'merged_at' })
  mergedAt!: Date;

  @Column('timestamptz', { name: 'unmerged_at', nullable: true })
  unmergedAt!: Date | null;
}
