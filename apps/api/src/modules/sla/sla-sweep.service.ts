import { Injectable, Logger } from '@nestjs/common';
import type { NewTicketEvent } from '../tickets/tickets.repository.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { TicketSlaRepository } from './ticket-sla.repository.js';
import { dueSlaFirings } from './ticket-sla-state.js';

/** Tickets handled per sweep; the next sweep takes the rest. */
const BATCH = 200;

/**
 * Records SLA warnings and breaches: each sweep takes the tickets whose next
 * check is due (an indexed column), and for each, in one transaction with the
 * ticket locked, writes an `sla_warning` or `sla_breached` event per deadline
 * reached and marks it recorded on the ticket, so it is written once, however
 * many workers sweep at the same time.
 */
@Injectable()
export class SlaSweepService {
  private readonly logger = new Logger('SlaSweep');

  constructor(
    private readonly repository: TicketSlaRepository,
    private readonly tickets: TicketsRepository,
  ) {}

  async sweep(now = new Date()): Promise<number> {
    let fired = 0;
    for (const ticketId of await this.repository.dueForCheck(now, BATCH)) {
      fired += await this.repository.transaction(async (manager) => {
        const ticket = await this.repository.lockedOrSkip(manager, ticketId);
        // Another worker has it, or it moved on since it was found.
        if (!ticket?.slaNextCheckAt || ticket.slaNextCheckAt > now) return 0;
        const { firings, patch } = dueSlaFirings(ticket, now);
        await this.repository.updateSla(manager, ticket.id, patch);
        const events: NewTicketEvent[] = firings.map((f) => ({
          ticketId: ticket.id, type: f.type, actorType: 'system', actorId: null, actorName: null, field: f.target, oldValue: null,
          newValue: { target: f.target, dueAt: f.dueAt.toISOString(), warnAt: f.warnAt?.toISOString() ?? null, policyId: ticket.slaPolicyId },
        }));
        await this.tickets.insertEvents(manager, events);
        return events.length;
      });
    }
    if (fired) this.logger.log(`recorded ${fired} SLA warnings and breaches`);
    return fired;
  }
}
