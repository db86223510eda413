import { Injectable, Logger } from '@nestjs/common';
import { isSnoozable } from '@okienko/domain';
import { wakeUp } from '../tickets/ticket-snooze.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { NotificationsRepository } from './notifications.repository.js';

const BATCH = 200;

/**
 * Wakes snoozed tickets whose time has come: clears `snoozed_until` and writes
 * an `unsnoozed` event (reason `time`), which notifies the assignee
 * (`snooze_ended`) in the same transaction. Each ticket is locked (others'
 * locks skipped), so any number of workers may sweep at once.
 */
@Injectable()
export class SnoozeSweepService {
  private readonly logger = new Logger('SnoozeSweep');

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly tickets: TicketsRepository,
  ) {}

  async sweep(now = new Date()): Promise<number> {
    let woken = 0;
    for (;;) {
      const due = await this.repository.dueSnoozes(now, BATCH);
      let handled = 0;
      for (const ticketId of due) {
        if (await this.wake(ticketId, now)) handled += 1;
      }
      woken += handled;
      if (due.length < BATCH || handled === 0) break;
    }
    if (woken) this.logger.log(`woke ${woken} snoozed tickets`);
    return woken;
  }

  private wake(ticketId: string, now: Date): Promise<boolean> {
    return this.tickets.transaction(async (manager) => {
      const ticket = await this.repository.lockedTicketOrSkip(manager, ticketId);
      if (!ticket?.snoozedUntil || ticket.snoozedUntil > now) return false;
      // A ticket that left the waiting statuses without waking (e.g. resolved with a reply) wakes without a notification.
      const change = wakeUp(ticket, isSnoozable(ticket.status) ? 'time' : 'status_changed', { actorType: 'system', actorId: null, actorName: null });
      await this.tickets.updateTicket(manager, ticket.id, { ...change.patch, updatedAt: now });
      await this.tickets.insertEvents(manager, change.events);
      return true;
    });
  }
}
