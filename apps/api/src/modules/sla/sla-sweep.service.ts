import { Injectable, Logger } from '@nestjs/common';
import type { NewTicketEvent } from '../tickets/tickets.repository.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { TicketSlaRepository } from './ticket-sla.repository.js';
import { dueSlaFirings } from './ticket-sla-state.js';

/** Tickets read at a time. */
const BATCH = 200;
/** How long one sweep keeps taking batches when many deadlines fall due at once (e.g. Monday 9:00); the next sweep takes the rest. */
const SWEEP_BUDGET_MS = 20_000;

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
    const started = Date.now();
    let fired = 0;
    for (;;) {
      const due = await this.repository.dueForCheck(now, BATCH);
      let handled = 0;
      for (const ticketId of due) {
        const recorded = await this.record(ticketId, now);
        if (recorded === null) continue;
        handled += 1;
        fired += recorded;
      }
      // A short batch is the last one; a batch all held by others (another worker's sweep) is theirs to finish.
      if (due.length < BATCH || handled === 0 || Date.now() - started > SWEEP_BUDGET_MS) break;
    }
    if (fired) this.logger.log(`recorded ${fired} SLA warnings and breaches`);
    return fired;
  }

  /** The warnings and breaches of one ticket due by `now`, written once: how many, or null when another worker holds the ticket. */
  private record(ticketId: string, now: Date): Promise<number | null> {
    return this.repository.transaction(async (manager) => {
      const ticket = await this.repository.lockedOrSkip(manager, ticketId);
      if (!ticket) return null;
      // It moved on since it was found.
      if (!ticket.slaNextCheckAt || ticket.slaNextCheckAt > now) return 0;
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
}
