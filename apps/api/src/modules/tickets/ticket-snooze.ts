import { planSnooze, type WakeReason } from '@okienko/domain';
import type { TicketEntity } from './entities/ticket.entity.js';
import type { EventActor } from './ticket-audit.js';
import { TicketsException, TicketsErrorCode } from './tickets.exception.js';
import type { NewTicketEvent } from './tickets.repository.js';

/** What a change does to the ticket's snooze: the columns and the audit event (`snoozed` or `unsnoozed`). */
export interface SnoozeChange {
  patch: Partial<TicketEntity>;
  events: NewTicketEvent[];
}

/**
 * The snooze of a ticket change: `requested` as the PATCH gave it (undefined:
 * not asked; null: wake it), `statusAfter` the status after the same change.
 * A snoozed ticket leaving the waiting statuses wakes with it. Refuses a moment
 * not in the future (400) and a ticket that is not waiting (409), naming `snoozedUntil`.
 */
export function snoozeChange(before: TicketEntity, requested: string | null | undefined, statusAfter: TicketEntity['status'], who: EventActor, now: Date): SnoozeChange {
  const plan = planSnooze(before.snoozedUntil, requested === undefined || requested === null ? requested : new Date(requested), statusAfter, now);
  switch (plan.kind) {
    case 'none':
      return { patch: {}, events: [] };
    case 'wake':
      return wakeUp(before, plan.reason, who);
    case 'refused': {
      const message = plan.problem === 'in_past'
        ? 'snoozedUntil must be in the future'
        : `snoozedUntil needs a waiting status (waiting_customer, waiting_third_party); the ticket is ${statusAfter}`;
      throw new TicketsException(plan.problem === 'in_past' ? TicketsErrorCode.SnoozeInPast : TicketsErrorCode.NotWaiting, message, {
        fields: [{ field: 'snoozedUntil', errors: [message] }],
      });
    }
    case 'snooze':
      return {
        patch: { snoozedUntil: plan.until },
        events: [{
          ticketId: before.id, type: 'snoozed', ...who, field: 'snoozedUntil',
          oldValue: before.snoozedUntil?.toISOString() ?? null, newValue: plan.until.toISOString(),
        }],
      };
  }
}

/** Wakes a snoozed ticket (nothing when it is not snoozed): `unsnoozed` with why. */
export function wakeUp(ticket: Pick<TicketEntity, 'id' | 'snoozedUntil'>, reason: WakeReason, who: EventActor): SnoozeChange {
  if (!ticket.snoozedUntil) return { patch: {}, events: [] };
  return {
    patch: { snoozedUntil: null },
    events: [{ ticketId: ticket.id, type: 'unsnoozed', ...who, field: 'snoozedUntil', oldValue: ticket.snoozedUntil.toISOString(), newValue: { reason } }],
  };
}
