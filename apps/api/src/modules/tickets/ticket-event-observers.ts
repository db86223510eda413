import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NewTicketEvent } from './tickets.repository.js';

/** An audit event just written, with its id. */
export type WrittenTicketEvent = NewTicketEvent & { id: string };

/** What follows audit events in their own transaction (the notifications of agents). */
export interface TicketEventObserver {
  written(manager: EntityManager, events: readonly WrittenTicketEvent[]): Promise<void>;
  /**
   * Whether this observer must hear of a new ticket's events now (webhooks someone listens to): the intake then files
   * new mail on its general path, which writes events through `insertEvents`, instead of in one statement.
   */
  needsNewTicketEvents?(): Promise<boolean>;
}

/**
 * Where modules that depend on tickets (notifications) hear of every audit
 * event written through `TicketsRepository.insertEvents`, inside the
 * transaction that writes it, without the tickets module depending on them.
 */
@Injectable()
export class TicketEventObservers {
  private readonly observers: TicketEventObserver[] = [];

  register(observer: TicketEventObserver): void {
    if (!this.observers.includes(observer)) this.observers.push(observer);
  }

  async written(manager: EntityManager, events: readonly WrittenTicketEvent[]): Promise<void> {
    for (const observer of this.observers) await observer.written(manager, events);
  }

  /** Whether an observer must hear of new tickets' events (see `TicketEventObserver.needsNewTicketEvents`). */
  async needNewTicketEvents(): Promise<boolean> {
    for (const observer of this.observers) if (await observer.needsNewTicketEvents?.()) return true;
    return false;
  }
}
