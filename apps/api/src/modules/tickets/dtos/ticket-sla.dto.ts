import { ApiProperty } from '@nestjs/swagger';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { ticketSlaState, type SlaState } from '../ticket-sla-view.js';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export class TicketSlaBreachesDto {
  @ApiProperty({ description: 'The first response came (or is still missing) after its deadline.' })
  firstResponse!: boolean;

  @ApiProperty({ description: 'The resolution deadline passed before the ticket was resolved.' })
  resolution!: boolean;

  @ApiProperty({ description: 'The statutory complaint deadline passed before the ticket was resolved.' })
  statutory!: boolean;
}

/** A ticket's deadlines and where it stands against them. */
export class TicketSlaDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The SLA policy that applies; null: none.' })
  policyId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Domyślna' })
  policyName!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseDueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set after a reply of the customer that waits for an answer.' })
  nextResponseDueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Category complaint-return: 14 calendar days for the decision, never paused.' })
  statutoryDueAt!: string | null;

  @ApiProperty({ description: "The clocks stand still (one of the policy's pause statuses)." })
  paused!: boolean;

  @ApiProperty({
    enum: ['ok', 'warning', 'breached', 'paused', 'none'],
    description: 'none: no SLA, or resolved/closed; breached beats paused beats warning (past the policy’s warning time) beats ok.',
  })
  state!: SlaState;

  @ApiProperty({ type: TicketSlaBreachesDto })
  breached!: TicketSlaBreachesDto;

  static from(ticket: TicketEntity, policyName: string | null = null, now = new Date()): TicketSlaDto {
    const { state, breached } = ticketSlaState(ticket, now);
    return {
      policyId: ticket.slaPolicyId,
      policyName: ticket.slaPolicyId ? policyName : null,
      firstResponseDueAt: iso(ticket.firstResponseDueAt),
      nextResponseDueAt: iso(ticket.nextResponseDueAt),
      resolutionDueAt: iso(ticket.resolutionDueAt),
      statutoryDueAt: iso(ticket.statutoryDueAt),
      paused: ticket.slaPausedSince !== null && ticket.status !== 'resolved' && ticket.status !== 'closed',
      state,
      breached,
    };
  }
}
