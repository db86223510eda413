import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One call of a rule's webhook: stored before it is made, so a lost job is found again. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'rule_id', nullable: true })
  ruleId!: string | null;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('text')
  url!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('text')
  state!: 'queued' | 'delivered' | 'failed';

  @Column('integer')
  attempts!: number;

  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus!: number | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;
}
