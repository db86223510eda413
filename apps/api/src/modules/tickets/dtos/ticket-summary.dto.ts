import { ApiProperty } from '@nestjs/swagger';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, type TicketChannel, type TicketPriority, type TicketStatus } from '@okienko/domain';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { TicketSlaDto } from './ticket-sla.dto.js';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** A ticket as lists show it. */
export class TicketSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-000123' })
  number!: string;

  @ApiProperty({ example: 'Reklamacja zamówienia 4521' })
  subject!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatus;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  priority!: TicketPriority;

  @ApiProperty({ enum: TICKET_CHANNELS })
  channel!: TicketChannel;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  queueId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First public reply by an agent.' })
  firstResponseAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last message from the customer.' })
  lastInboundAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last reply to the customer.' })
  lastOutboundAt!: string | null;

  @ApiProperty({ type: [String], description: 'Every address of ours that mail for this ticket reached.', example: ['biuro@sklep.pl'] })
  inboundAddresses!: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The closed ticket this one continues.' })
  previousTicketId!: string | null;

  @ApiProperty({
    type: String, format: 'date-time', nullable: true,
    description: 'Snoozed until then: out of Today and the default ticket list; it comes back (event `unsnoozed`, a `snooze_ended` notification to the assignee) when the time comes or the customer writes. Null: not snoozed.',
  })
  snoozedUntil!: string | null;

  @ApiProperty({
    type: String, format: 'uuid', nullable: true,
    description: 'The ticket this one was merged into (POST /tickets/:id/merge): it is closed, its conversation and replies are there. Null: not merged.',
  })
  mergedIntoId!: string | null;

  @ApiProperty({ type: TicketSlaDto, description: 'Deadlines (SLA policy and statutory) and where the ticket stands against them.' })
  sla!: TicketSlaDto;

  /** `policyNames`: SLA policy names by id (without them, `sla.policyName` is null). */
  static from(ticket: TicketEntity, policyNames?: ReadonlyMap<string, string> | number): TicketSummaryDto {
    const names = typeof policyNames === 'object' ? policyNames : undefined;
    return {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      channel: ticket.channel,
      queueId: ticket.queueId,
      categoryId: ticket.categoryId,
      assigneeId: ticket.assigneeId,
      customerId: ticket.customerId,
      tags: ticket.tags,
      createdAt: ticket.createdAt.toISOString(),
      updatedAt: ticket.updatedAt.toISOString(),
      firstResponseAt: iso(ticket.firstResponseAt),
      resolvedAt: iso(ticket.resolvedAt),
      closedAt: iso(ticket.closedAt),
      lastInboundAt: iso(ticket.lastInboundAt),
      lastOutboundAt: iso(ticket.lastOutboundAt),
      inboundAddresses: ticket.inboundAddresses,
      previousTicketId: ticket.previousTicketId,
      snoozedUntil: iso(ticket.snoozedUntil ?? null),
      mergedIntoId: ticket.mergedIntoId ?? null,
      sla: TicketSlaDto.from(ticket, ticket.slaPolicyId ? (names?.get(ticket.slaPolicyId) ?? null) : null),
    };
  }
}
