import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatTicketNumber, planStatusChange, statusAfterCustomerReply, yearInTimeZone } from '@okienko/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { createLimiter } from '../../core/batching/limiter.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CustomersService } from '../customers/customers.service.js';
import type { CustomerEntity } from '../customers/entities/customer.entity.js';
import { QueuesService } from '../queues/queues.service.js';
import { TicketAutomationHooks } from '../tickets/automation/ticket-automation.hooks.js';
import type { MessageEntity } from '../tickets/entities/message.entity.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { statusChangePatch } from '../tickets/status-change-patch.js';
import { fieldChangeEvents, type EventActor } from '../tickets/ticket-audit.js';
import { wakeUp } from '../tickets/ticket-snooze.js';
import { TicketsRepository, type NewTicketEvent } from '../tickets/tickets.repository.js';
import type { IncomingEmail, IncomingMessage, ReceivedMessage } from './incoming-message.js';
import { NEVER_OPENS_TICKET, OneStatementOpenings } from './one-statement-openings.js';
import type { OpeningCompanion } from './opening-companion.js';
import { inboundMessageRow, planTicketOpening } from './ticket-opening-plan.js';

/**
 * The intake: a customer's message arrived on a channel. It finds the
 * customer by the sender's identities and the ticket (the channel's thread
 * id, the mail's references, a subject tag, or a new one), writes the
 * ticket, the message, its attachments and audit events, and runs the
 * automations (rules, then SLA) in the same transaction; their work that
 * needs the commit runs after it (`afterCommit`).
 *
 * Two ways to write: a new conversation that only needs fields set goes in
 * one statement with the others arriving at the same moment
 * (`openInOneStatement`, see `one-statement-openings.ts`); everything else in a transaction the channel
 * opens (`transaction` + `receiveIn`), so it records its own state in it.
 * Both build the new ticket from one plan (`ticket-opening-plan.ts`).
 */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly oneStatement: OneStatementOpenings,
    private readonly customers: CustomersService,
    private readonly queues: QueuesService,
    private readonly automation: TicketAutomationHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * For a channel that keeps no state of its own: the message filed (in one
   * statement when it can), then the automations' after-commit work.
   */
  async receive(message: IncomingMessage): Promise<ReceivedMessage> {
    const received = (await this.oneStatement.open(message)) ?? (await this.transaction((manager) => this.receiveIn(manager, message)));
    await this.afterCommit(received);
    return received;
  }

  /**
   * A transaction for the general path: at most 8 at once (the workers keep
   * many messages in progress, and the API needs connections of the same
   * pool); when the same message, reaching us twice at once, was stored by the
   * other transaction first (23505), `work` runs once more (and finds it).
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const attempt = () => this.generalPathSlots(() => this.dataSource.transaction(work));
    try {
      return await attempt();
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      return attempt();
    }
  }

  private readonly generalPathSlots = createLimiter(8);

  /** After the commit: the automations' work (a failure is logged; the work is durable and swept up later). */
  afterCommit(received: ReceivedMessage): Promise<void> {
    return this.automation.afterCommit(received.afterCommit);
  }

  /**
   * A new conversation written in one statement with the others of the
   * moment, with the channel's own rows (`companion`); null when the general
   * path is needed (see `OneStatementOpenings`).
   */
  openInOneStatement(message: IncomingMessage, companion?: OpeningCompanion): Promise<ReceivedMessage | null> {
    return this.oneStatement.open(message, companion);
  }

  /** Files the message in the caller's transaction (the general path): duplicate, bounce, reply, or a new ticket. */
  async receiveIn(manager: EntityManager, message: IncomingMessage): Promise<ReceivedMessage> {
    const stored = await this.storedAlready(manager, message);
    if (stored) return this.filedAlready(manager, message, stored);
    const email = message.email;
    if (email?.bounce) return this.fileBounce(manager, message, email.bounce);

    const threadTicketId = await this.threadOf(manager, message);
    if (threadTicketId) {
      let ticket = (await this.tickets.findForUpdate(manager, threadTicketId))!;
      // A merged ticket's replies land in the ticket it was merged into (along a chain of merges).
      for (let hops = 0; ticket.mergedIntoId && hops < 32; hops++) ticket = (await this.tickets.findForUpdate(manager, ticket.mergedIntoId))!;
      const decision = statusAfterCustomerReply({
        status: ticket.status,
        closedAt: ticket.closedAt,
        now: new Date(),
        reopenWindowDays: this.config.reopenWindowDays,
        automated: message.automated,
      });
      if (decision.kind !== 'new_ticket') return this.append(manager, ticket, message, decision.kind === 'change' ? decision.to : null);
      return this.openTicket(manager, message, ticket.id);
    }
    if (email && NEVER_OPENS_TICKET.includes(email.kind)) {
      // An out-of-office answer to nothing we know: kept as a processed mail (visible to admins), no ticket.
      return { outcome: 'automated_unthreaded', ticketId: null, ticketNumber: null, messageRowId: null, customer: null, afterCommit: [], filedBefore: false };
    }
    return this.openTicket(manager, message, null);
  }

  /** The message as stored already: by its Message-ID (e-mail) or the channel's message id. */
  private async storedAlready(manager: EntityManager, message: IncomingMessage): Promise<MessageEntity | null> {
    if (message.email) return this.messages.findMessageByMessageId(manager, message.email.messageId);
    if (message.channel.id && message.externalMessageId) {
      return this.messages.findByExternalMessageId(manager, message.channel.id, message.externalMessageId);
    }
    return null;
  }

  /**
   * A message stored already. The same inbound mail filed again (its first
   * filing committed, then the process stopped before the mail was marked
   * processed) answers what the first filing did; any other copy is a
   * duplicate (its addresses are added to the ticket).
   */
  private async filedAlready(manager: EntityManager, message: IncomingMessage, stored: MessageEntity): Promise<ReceivedMessage> {
    await this.tickets.addInboundAddresses(manager, stored.ticketId, message.email?.reachedAddresses ?? []);
    const ticket = await this.tickets.findById(stored.ticketId, manager);
    const base = { ticketId: stored.ticketId, ticketNumber: ticket?.number ?? null, afterCommit: [], filedBefore: false };
    const inboundMailId = message.email?.inboundMailId;
    if (!ticket || !inboundMailId || stored.inboundMailId !== inboundMailId || stored.direction !== 'inbound') {
      return { ...base, outcome: 'duplicate', messageRowId: null, customer: null };
    }
    if (message.email?.bounce) return { ...base, outcome: 'bounce', messageRowId: stored.id, customer: null, filedBefore: true };
    // The message that opened a ticket was written with the ticket, at the same moment.
    const opened = stored.createdAt.getTime() === ticket.createdAt.getTime();
    const customer = await this.customers.get(ticket.customerId, manager);
    return { ...base, outcome: opened ? 'new_ticket' : 'appended', messageRowId: stored.id, customer, filedBefore: true };
  }

  /** The ticket the message continues: the channel's thread, the mail's references, a subject tag. */
  private async threadOf(manager: EntityManager, message: IncomingMessage): Promise<string | null> {
    if (message.joinTicketId) return message.joinTicketId;
    if (message.channel.id && message.externalThreadId) {
      const ticketId = await this.messages.findTicketIdByExternalThread(manager, message.channel.id, message.externalThreadId);
      if (ticketId) return ticketId;
    }
    const email = message.email;
    if (!email) return null;
    return (
      (await this.messages.findTicketIdByMessageIds(manager, email.threadIds)) ??
      (await this.tickets.findByNumberIn(manager, email.ticketNumbers))?.id ??
      null
    );
  }

  private async append(
    manager: EntityManager,
    ticket: TicketEntity,
    message: IncomingMessage,
    newStatus: TicketEntity['status'] | null,
  ): Promise<ReceivedMessage> {
    const customer = await this.customers.get(ticket.customerId);
    const now = new Date();
    const stored = await this.insertMessage(manager, ticket.id, customer.id, message, now);
    const plan = newStatus ? planStatusChange(ticket.status, newStatus, now) : null;
    // The customer's message wakes a snoozed ticket at once.
    const wake = message.automated ? { patch: {}, events: [] } : wakeUp(ticket, 'customer_replied', customerActor(customer));
    const patch: Partial<TicketEntity> = { lastInboundAt: now, updatedAt: now, ...(plan?.ok ? statusChangePatch(plan) : {}), ...wake.patch };
    const events: NewTicketEvent[] = [
      this.messageEvent(ticket.id, customer, message, stored),
      ...fieldChangeEvents(ticket, patch, customerActor(customer)),
      ...wake.events,
    ];
    await this.tickets.updateTicket(manager, ticket.id, patch);
    await this.tickets.addInboundAddresses(manager, ticket.id, message.email?.reachedAddresses ?? []);
    await this.tickets.insertEvents(manager, events);
    const afterCommit = await this.automation.onChange(manager, {
      ticketId: ticket.id, trigger: 'customer_replied', messageId: stored.id, statusBefore: ticket.status,
    });
    return { outcome: 'appended', ticketId: ticket.id, ticketNumber: ticket.number, messageRowId: stored.id, customer, afterCommit, filedBefore: false };
  }

  /** A new ticket on the general path: the same plan as the one statement, then the automations on the written ticket. */
  private async openTicket(manager: EntityManager, message: IncomingMessage, previousTicketId: string | null): Promise<ReceivedMessage> {
    const plan = planTicketOpening(message, {
      defaultQueueId: message.route?.queueId ? null : await this.queues.resolveQueueId(undefined),
      now: new Date(),
      previousTicketId,
    });
    const customer = await this.customerOf(manager, message);
    const year = yearInTimeZone(plan.ticket.createdAt, this.config.timeZone);
    const ticket = await this.tickets.insertTicket(manager, {
      ...plan.ticket,
      number: formatTicketNumber(year, await this.tickets.nextSequence(year, manager)),
      customerId: customer.id,
    });
    const stored = await this.messages.insertMessage(manager, { ...plan.message, ticketId: ticket.id, authorCustomerId: customer.id });
    await this.messages.insertAttachments(manager, stored.id, message.attachments);
    await this.tickets.insertEvents(manager, [
      {
        ticketId: ticket.id, type: 'created', ...customerActor(customer), field: null, oldValue: null,
        newValue: { number: ticket.number, ...plan.created },
      },
    ]);
    const afterCommit = await this.automation.onChange(manager, { ticketId: ticket.id, trigger: 'ticket_created', messageId: stored.id, statusBefore: null });
    return { outcome: 'new_ticket', ticketId: ticket.id, ticketNumber: ticket.number, messageRowId: stored.id, customer, afterCommit, filedBefore: false };
  }

  /** The customer holding any of the sender's identities (new identities are added), or a new one; anonymous without any. */
  private customerOf(manager: EntityManager, message: IncomingMessage): Promise<CustomerEntity> {
    const { identities, name } = message.sender;
    if (!identities.length) return this.customers.createAnonymous(manager, name);
    const email = identities.find((i) => i.kind === 'email');
    return this.customers.upsertForTicket(manager, {
      email: email?.value,
      name: name ?? undefined,
      identities: identities.filter((i) => i !== email),
    });
  }

  private async fileBounce(manager: EntityManager, message: IncomingMessage, bounce: NonNullable<IncomingEmail['bounce']>): Promise<ReceivedMessage> {
    const bounced =
      (bounce.bouncedMessageId ? await this.messages.findMessageByMessageId(manager, bounce.bouncedMessageId) : null) ??
      (await this.newestSentMessageOfTagged(manager, bounce.ticketNumbers));
    if (!bounced) return { outcome: 'bounce_unmatched', ticketId: null, ticketNumber: null, messageRowId: null, customer: null, afterCommit: [], filedBefore: false };
    const ticket = (await this.tickets.findForUpdate(manager, bounced.ticketId))!;
    const now = new Date();
    await this.messages.updateMessageIn(manager, bounced.id, { deliveryState: 'bounced', deliveryError: bounce.error.slice(0, 2000) });
    const report = await this.insertMessage(manager, ticket.id, null, message, now);
    await this.tickets.insertEvents(manager, [
      {
        ticketId: ticket.id, type: 'message_bounced', actorType: 'system', actorId: null, actorName: null,
        field: null, oldValue: null, newValue: { messageId: bounced.id, reportMessageId: report.id, error: bounce.error },
      },
    ]);
    return { outcome: 'bounce', ticketId: ticket.id, ticketNumber: ticket.number, messageRowId: report.id, customer: null, afterCommit: [], filedBefore: false };
  }

  /** The bounced mail of a report that quotes only our subject tag: the ticket's newest mail sent out. */
  private async newestSentMessageOfTagged(manager: EntityManager, ticketNumbers: string[]) {
    const ticket = await this.tickets.findByNumberIn(manager, ticketNumbers);
    return ticket ? this.messages.findNewestSentMessage(manager, ticket.id) : null;
  }

  private async insertMessage(manager: EntityManager, ticketId: string, customerId: string | null, message: IncomingMessage, now: Date) {
    const stored = await this.messages.insertMessage(manager, { ...inboundMessageRow(message, now), ticketId, authorCustomerId: customerId });
    await this.messages.insertAttachments(manager, stored.id, message.attachments);
    return stored;
  }

  private messageEvent(ticketId: string, customer: CustomerEntity, message: IncomingMessage, stored: { id: string }): NewTicketEvent {
    return {
      ticketId, type: 'message_added', ...customerActor(customer), field: null, oldValue: null,
      newValue: { messageId: stored.id, direction: 'inbound', automated: message.automated },
    };
  }
}

function customerActor(customer: CustomerEntity): EventActor {
  return { actorType: 'customer', actorId: customer.id, actorName: customer.name ?? customer.email };
}
