import type { AssignmentStrategy } from '@okienko/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A queue (team). Its round-robin cursor (`round_robin_last_user_id`) is the assignment repository's alone. */
@Entity('queues')
export class QueueEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** Stable: seeded rules and integrations find queues by it. */
  @Column('text')
  slug!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** Added below replies on the queue's tickets when the agent has no signature of their own. */
  @Column('text', { nullable: true })
  signature!: string | null;

  @Column('boolean', { name: 'is_default' })
  isDefault!: boolean;

  @Column('text', { name: 'assignment_strategy' })
  assignmentStrategy!: AssignmentStrategy;

  @Column('uuid', { name: 'lead_id', nullable: true })
  leadId!: string | null;

  /** Members with this many open tickets get no more; null: no cap. */
  @Column('integer', { name: 'max_open_per_agent', nullable: true })
  maxOpenPerAgent!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
