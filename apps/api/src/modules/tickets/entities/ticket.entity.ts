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

  /** Snoozed (a waiting ticket out of Today and the default list) until this moment; null: not snoozed. */
  @Column('timestamptz', { name: 'snoozed_until', nullable: true })
  snoozedUntil!: Date | null;

  /** The ticket this one was merged into (it is closed; replies to it land there); null: not merged. */
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  // ---- SLA (kept up to date in the transaction of every change; see the sla module) ----

  /** The SLA policy that applies; null: no SLA. */
  @Column('uuid', { name: 'sla_policy_id', nullable: true })
  slaPolicyId!: string | null;

  @Column('timestamptz', { name: 'first_response_due_at', nullable: true })
  firstResponseDueAt!: Date | null;

  @Column('timestamptz', { name: 'first_response_warn_at', nullable: true })
  firstResponseWarnAt!: Date | null;

  /** When the customer last wrote after an answer: the start of the next-response clock; null when nobody waits for an answer. */
  @Column('timestamptz', { name: 'next_response_started_at', nullable: true })
  nextResponseStartedAt!: Date | null;

  @Column('timestamptz', { name: 'next_response_due_at', nullable: true })
  nextResponseDueAt!: Date | null;

  @Column('timestamptz', { name: 'next_response_warn_at', nullable: true })
  nextResponseWarnAt!: Date | null;

  @Column('timestamptz', { name: 'resolution_due_at', nullable: true })
  resolutionDueAt!: Date | null;

  @Column('timestamptz', { name: 'resolution_warn_at', nullable: true })
  resolutionWarnAt!: Date | null;

  /** The statutory complaint deadline (category complaint-return: 14 calendar days from creation). */
  @Column('timestamptz', { name: 'statutory_due_at', nullable: true })
  statutoryDueAt!: Date | null;

  /** Since when the SLA clocks stand still (a pause status, or resolved/closed); null while they run. */
  @Column('timestamptz', { name: 'sla_paused_since', nullable: true })
  slaPausedSince!: Date | null;

  /** Finished pauses, ISO instants. */
  @Column('jsonb', { name: 'sla_pauses', default: () => "'[]'" })
  slaPauses!: { from: string; to: string }[];

  @Column('timestamptz', { name: 'first_response_warned_at', nullable: true })
  firstResponseWarnedAt!: Date | null;

  @Column('timestamptz', { name: 'first_response_breached_at', nullable: true })
  firstResponseBreachedAt!: Date | null;

  @Column('timestamptz', { name: 'next_response_warned_at', nullable: true })
  nextResponseWarnedAt!: Date | null;

  @Column('timestamptz', { name: 'next_response_breached_at', nullable: true })
  nextResponseBreachedAt!: Date | null;

  @Column('timestamptz', { name: 'resolution_warned_at', nullable: true })
  resolutionWarnedAt!: Date | null;

  @Column('timestamptz', { name: 'resolution_breached_at', nullable: true })
  resolutionBreachedAt!: Date | null;

  @Column('timestamptz', { name: 'statutory_breached_at', nullable: true })
  statutoryBreachedAt!: Date | null;

  /** The next moment a warning or breach is due to be recorded; null: nothing pending. */
  @Column('timestamptz', { name: 'sla_next_check_at', nullable: true })
  slaNextCheckAt!: Date | null;

  /** Business seconds from creation to the first response, on the SLA policy's calendar (or the default one); counted once when it happens. */
  @Column('integer', { name: 'first_response_business_seconds', nullable: true })
  firstResponseBusinessSeconds!: number | null;

  /** Business seconds from creation to the resolution, counted when the ticket is resolved (cleared when it is reopened). */
  @Column('integer', { name: 'resolution_business_seconds', nullable: true })
  resolutionBusinessSeconds!: number | null;
}
