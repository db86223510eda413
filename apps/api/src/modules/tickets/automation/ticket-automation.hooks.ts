import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { TicketChannel, TicketStatus } from '@okienko/domain';
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

/** A ticket about to be opened for a new conversation (a mail, a form submission), as the rules see it. */
export interface NewTicketDraft {
  /** The ticket's channel. */
  channel: TicketChannel;
  inboundAddresses: string[];
  /** The sender's e-mail address (a mail's From, the address typed into a form). */
  senderAddress: string;
  senderName: string | null;
  subject: string;
  body: string;
  queueId: string | null;
  categoryId: string | null;
  priority: TicketEntity['priority'];
  hasAttachments: boolean;
  /** When the ticket will be created (what the SLA clocks start from); now when left out. */
  createdAt?: Date;
  /** The sender as a customer we know already (null when new): read once, for every automation. */
  customer: DraftCustomer | null;
}

/** What the automations may look at of a known sender. */
export interface DraftCustomer {
  name: string | null;
  email: string | null;
  tags: string[];
  externalIds: Record<string, string>;
}

/**
 * What the automations set on a new ticket when that is all they do; the
 * events lack the ticket id (it does not exist yet). The rules set
 * `queueId`, `categoryId`, `priority`, `assigneeId` and `tags`; the SLA then
 * adds its columns (policy, deadlines) computed from the final fields.
 */
export interface NewTicketPlan {
  patch: Partial<TicketEntity>;
  events: NewTicketEvent[];
}

/**
 * The automations in the order they run, as one list (`readonly TicketAutomation[]`).
 * Provided once, by `intake/ticket-automations.module.ts`, which names them in order.
 */
export const TICKET_AUTOMATIONS = Symbol('TICKET_AUTOMATIONS');

/** The name of the rules' automation: `afterRules` runs those listed after it. */
export const RULES_AUTOMATION = 'rules';

/** What an automation (the rules, the SLA) implements: its work on a change, inside the change's own transaction. */
export interface TicketAutomation {
  /** What it is called in logs and in `afterRules` (`rules`, `sla`). */
  readonly name: string;
  onChange(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]>;
  /**
   * The automation's verdict on a new ticket before it is written, so it can
   * be written in one statement: what it adds to `planned` (the plan of the
   * automations before it); null when it does more than set fields (mail,
   * assignment by strategy, a status change), which needs the general path.
   */
  planNewTicket(draft: NewTicketDraft, planned: NewTicketPlan): Promise<NewTicketPlan | null>;
}

/**
 * Where ticket changes reach the automations without the tickets module
 * depending on them (the rules and SLA modules depend on tickets, not the
 * other way round). The automations and their order come from one list,
 * `TICKET_AUTOMATIONS` (rules, then SLA), read when first needed.
 */
@Injectable()
export class TicketAutomationHooks {
  private readonly logger = new Logger('TicketAutomation');
  private ordered: readonly TicketAutomation[] | null = null;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The automations in order: the list provided as `TICKET_AUTOMATIONS` (a process without it fails here, loudly). */
  private get automations(): readonly TicketAutomation[] {
    this.ordered ??= this.moduleRef.get<readonly TicketAutomation[]>(TICKET_AUTOMATIONS, { strict: false });
    return this.ordered;
  }

  /** Runs the automations in order in the caller's transaction; what they return runs after the commit. */
  async onChange(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]> {
    const tasks: AfterCommit[] = [];
    for (const automation of this.automations) tasks.push(...(await automation.onChange(manager, change)));
    return tasks;
  }

  /**
   * Only the automations after the rules (the SLA), for a change the rules
   * made themselves outside a ticket change (a time-based rule closed the
   * ticket): the deadlines follow without the rules running again.
   */
  async afterRules(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]> {
    const tasks: AfterCommit[] = [];
    const automations = this.automations;
    for (const automation of automations.slice(automations.findIndex((a) => a.name === RULES_AUTOMATION) + 1)) {
      tasks.push(...(await automation.onChange(manager, change)));
    }
    return tasks;
  }

  /** Every automation's plan in order, merged; null when one of them needs the general path. */
  async planNewTicket(draft: NewTicketDraft): Promise<NewTicketPlan | null> {
    let plan: NewTicketPlan = { patch: {}, events: [] };
    for (const automation of this.automations) {
      const own = await automation.planNewTicket(draft, plan);
      if (!own) return null;
      plan = { patch: { ...plan.patch, ...own.patch }, events: [...plan.events, ...own.events] };
    }
    return plan;
  }

  /** After the commit: a failure here is logged (the work is durable in the database and swept up later). */
  async afterCommit(tasks: readonly AfterCommit[]): Promise<void> {
    for (const task of tasks) {
      await task().catch((error: Error) => this.logger.warn(`after-commit work failed: ${error.message}`));
    }
  }
}
