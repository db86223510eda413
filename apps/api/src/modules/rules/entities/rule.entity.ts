import type { ConditionGroup, RuleAction, RuleTrigger, RuleTriggerParams } from '@okienko/routing';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A routing rule as stored: conditions and actions are JSON the rule engine checks before saving. */
@Entity('rules')
export class RuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Set on the ready-made scenarios, so an installation can recognise them. */
  @Column('text', { nullable: true })
  slug!: string | null;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('boolean')
  enabled!: boolean;

  /** Rules of one trigger run in ascending position. */
  @Column('integer')
  position!: number;

  @Column('text')
  trigger!: RuleTrigger;

  @Column('jsonb', { name: 'trigger_params' })
  triggerParams!: RuleTriggerParams;

  @Column('jsonb')
  conditions!: ConditionGroup;

  @Column('jsonb')
  actions!: RuleAction[];

  @Column('boolean', { name: 'stop_processing' })
  stopProcessing!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
