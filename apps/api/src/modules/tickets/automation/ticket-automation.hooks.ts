import { Injectable, Logger } from '@nestjs/common';
import type { TicketStatus } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { TicketEntity } from '../entities/ticket.entity.js';
import type { NewTicketEvent } from '../tickets.repository.js';

/** The moments that make the automation look at a ticket (the rules' event triggers). */
export type TicketEventTrigger = 'ticket_created' | 'customer_replied' | 'agent_replied';

export interface TicketChange {
  ticketId: string;
  /** What happened; null when only the status changed (e.g. an agent closed the ticket). */
  trigger: TicketEventTrigger | null;
  /** The message that fired it: the customer's mail, the agent's reply. */
  messageId: string | null;
  /** The status before the change (null for a new ticket): a different status now fires `status_changed`. */
  statusBefore: TicketStatus | null;
}

/** Work to do once the transaction has committed (e.g. hand a queued mail to the senders). */
export type AfterCommit = () => Promise<void>;

/** A ticket about to be opened for a new mail, as the rules see it. */
export interface NewTicketDraft {
  inboundAddresses: string[];
  senderAddress: string;
  senderName: string | null;
  subject: string;
  body: string;
  queueId: string | null;
  categoryId: string | null;
  priority: TicketEntity['priority'];
  hasAttachments: boolean;
}

/** What the rules set on a new ticket when that is all they do; the events lack the ticket id (it does not exist yet). */
export interface NewTicketPlan {
  patch: Partial<Pick<TicketEntity, 'queueId' | 'categoryId' | 'priority' | 'assigneeId' | 'tags'>>;
  events: NewTicketEvent[];
}

/** What the rules module implements: run the rules of a change inside the change's own transaction. */
export interface TicketAutomation {
  onChange(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]>;
  /**
   * The rules' verdict on a new ticket before it is written, so it can be
   * written in one statement; null when they do more than set fields (mail,
   * assignment by strategy, a status change), which needs the general path.
   */
  planNewTicket(draft: NewTicketDraft): Promise<NewTicketPlan | null>;
}

/**
 * Where the tickets module hands every change to the automation without
 * depending on it (the rules module depends on tickets, not the other way
 * round): the rules module registers itself here when it starts.
 */
@Injectable()
export class TicketAutomationHooks {
  private readonly logger = new Logger('TicketAutomation');
  private automation: TicketAutomation | null = null;

  register(automation: TicketAutomation): void {
    this.automation = automation;
  }

  /** Runs the automation in the caller's transaction; what it returns runs after the commit. */
  async onChange(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]> {
    return this.automation ? this.automation.onChange(manager, change) : [];
  }

  planNewTicket(draft: NewTicketDraft): Promise<NewTicketPlan | null> {
    return this.automation ? this.automation.planNewTicket(draft) : Promise.resolve({ patch: {}, events: [] });
  }

  /** After the commit: a failure here is logged (the work is durable in the database and swept up later). */
  async afterCommit(tasks: readonly AfterCommit[]): Promise<void> {
    for (const task of tasks) {
      await task().catch((error: Error) => this.logger.warn(`after-commit work failed: ${error.message}`));
    }
  }
}
