import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TicketChannel, TicketPriority, TicketStatus } from '@okienko/domain';

@Entity('tickets')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-friendly and unique, e.g. `2026-000123`. */
  @Column('text')
  number!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  status!: TicketStatus;

  @Column('text')
  priority!: TicketPriority;

  @Column('text')
  channel!: TicketChannel;

  @Column('uuid', { name: 'queue_id', nullable: true })
  queueId!: string | null;

  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column('uuid', { name: 'customer_id' })
  customerId!: string;

  @Column('text', { array: true })
  tags!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'first_response_at', nullable: true })
  firstResponseAt!: Date | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  /** When the ticket entered its current status (what "3 days waiting for the customer" is measured from). */
  @Column('timestamptz', { name: 'status_changed_at', default: () => 'now()' })
  statusChangedAt!: Date;

  @Column('timestamptz', { name: 'last_inbound_at', nullable: true })
  lastInboundAt!: Date | null;

  @Column('timestamptz', { name: 'last_outbound_at', nullable: true })
  lastOutboundAt!: Date | null;

  /** Every address of ours that mail for this ticket reached, e.g. biuro@ and reklamacje@. */
  @Column('text', { name: 'inbound_addresses', array: true })
  inboundAddresses!: string[];

  /** The closed ticket this one continues (a customer wrote after the reopen window). */
  @Column('uuid', { name: 'previous_ticket_id', nullable: true })
  previousTicketId!: string | null;
}
