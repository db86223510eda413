import type { SlaConditions, SlaPauseStatus, SlaTarget, SlaWarning } from '@okienko/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An SLA policy as stored: conditions, targets and warning are JSON checked by `validateSlaPolicy` before saving. */
@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique, whatever the letter case. */
  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** Policies are tried in ascending position; the first enabled one that matches applies. */
  @Column('integer')
  position!: number;

  @Column('boolean')
  enabled!: boolean;

  /** Every list holds all five keys; an empty list covers every ticket. */
  @Column('jsonb')
  conditions!: Required<SlaConditions>;

  @Column('jsonb', { name: 'first_response', nullable: true })
  firstResponse!: SlaTarget | null;

  @Column('jsonb', { name: 'next_response', nullable: true })
  nextResponse!: SlaTarget | null;

  @Column('jsonb', { nullable: true })
  resolution!: SlaTarget | null;

  /** The calendar of business-time targets; null: the default calendar. */
  @Column('uuid', { name: 'calendar_id', nullable: true })
  calendarId!: string | null;

  @Column('text', { name: 'pause_statuses', array: true })
  pauseStatuses!: SlaPauseStatus[];

  @Column('jsonb')
  warning!: SlaWarning;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
