import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  formatTicketNumber, planStatusChange, statusAfterCustomerReply, yearInTimeZone, type MailClassificationKind, type SenderAuthentication,
  type TicketPriority,
} from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import { createBatcher } from '../../core/batching/batcher.js';
import { createLimiter } from '../../core/batching/limiter.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { CustomersService } from '../customers/customers.service.js';
import type { CustomerEntity } from '../customers/entities/customer.entity.js';
import { QueuesService } from '../queues/queues.service.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { statusChangePatch } from '../tickets/status-change-patch.js';
import { TicketAutomationHooks, type AfterCommit } from '../tickets/automation/ticket-automation.hooks.js';
import { createdEvent, fieldChangeEvents, type EventActor } from '../tickets/ticket-audit.js';
import { MessagesRepository, type NewAttachment } from '../tickets/messages.repository.js';
import { TicketsRepository, type NewTicketEvent } from '../tickets/tickets.repository.js';
import { OpeningStatementRepository, type InsertedInboundTicket, type NewInboundTicket } from './opening-statement.repository.js';

/** A parsed inbound mail, as the tickets need it. */
export interface InboundMailInput {
  inboundMailId: string;
  /** Without angle brackets. */
  messageId: string;
  /** In-Reply-To and References, newest first: what the thread is looked up by. */
  threadIds: string[];
  inReplyTo: string | null;
  /** The References header as sent, oldest first. */
  references: string[];
  /** Ticket numbers found in `[#2026-000123]` subject tags. */
  ticketNumbers: string[];
  subject: string;
  from: { email: string | null; name: string | null };
  /** Reply-To addresses when they are not the From address: answers on the ticket go there. */
  replyTo: string[];
  to: string[];
  cc: string[];
  text: string;
  visibleText: string;
  /** Already sanitised. */
  html: string | null;
  attachments: NewAttachment[];
  automated: boolean;
  /** Who wrote it: a person, or which kind of machine (see classifyInboundMail). */
  kind: MailClassificationKind;
  /** Our addresses the mail reached. */
  reachedAddresses: string[];
  /** Where a new ticket goes (from the first inbound address it reached). */
  route: { queueId: string | null; categoryId: string | null; priority: TicketPriority | null } | null;
  /** What the inbound mail's row records once it is filed (its Message-ID, subject and sender as read). */
  record: { messageId: string; subject: string | null; fromAddress: string | null };
  /** For delivery-status reports: the Message-ID of our mail that bounced and why. */
  /**
   * A delivery failure report: the Message-ID of our mail it returns, when found,
   * and the ticket numbers its subject or text quotes (for reports that return
   * only the subject line of our mail).
   */
  bounce: { bouncedMessageId: string | null; ticketNumbers: string[]; error: string } | null;
  /** What the SPF, DKIM and DMARC checks found of the sender (null when not checked). */
  authentication: SenderAuthentication | null;
}

export type InboundOutcome = 'new_ticket' | 'appended' | 'duplicate' | 'bounce' | 'bounce_unmatched' | 'automated_unthreaded';

/** Machine mail that never opens a ticket of its own: it only means something next to the mail it answers. */
const NEVER_OPENS_TICKET: readonly MailClassificationKind[] = ['auto_reply', 'loop'];

export interface FiledInboundMail {
  outcome: InboundOutcome;
  ticketId: string | null;
  ticketNumber: string | null;
  /** The stored message (null for duplicates and unmatched bounces). */
  messageRowId: string | null;
  customer: Pick<CustomerEntity, 'id' | 'name' | 'email'> | null;
  /** The rules' work that waits for the commit (mail to queue, webhooks to call). */
  afterCommit: AfterCommit[];
}

/**
 * Files an inbound mail on the right ticket: the one it replies to (by
 * Message-ID or subject tag) or a new one; the same Message-ID is stored only
 * once; a bounce goes to the ticket of the mail that bounced.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');

  constructor(
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly openings: OpeningStatementRepository,
    private readonly customers: CustomersService,
    private readonly customerRows: CustomersRepository,
    private readonly queues: QueuesService,
    private readonly automation: TicketAutomationHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Files the mail; `finish` runs in the same transaction (the caller records
   * the outcome there, so the mail and its ticket commit together).
   */
  async file(input: InboundMailInput, finish: (manager: EntityManager, filed: FiledInboundMail) => Promise<void>): Promise<FiledInboundMail> {
    // The one-statement path marks the inbound mail processed in the same statement.
    const opened = await this.openInOneStatement(input);
    if (opened) return opened;
    const attempt = () =>
      this.generalPathSlots(() =>
        this.tickets.transaction(async (manager) => {
          const filed = await this.fileIn(manager, input);
          await finish(manager, filed);
          return filed;
        }),
      );
    let filed: FiledInboundMail;
    try {
      filed = await attempt();
    } catch (error) {
      // The same mail, reaching two of our addresses at once, was stored by the other transaction first.
      if ((error as { code?: string }).code !== '23505') throw error;
      filed = await attempt();
    }
    await this.automation.afterCommit(filed.afterCommit);
    return filed;
  }

  /**
   * A new mail in one statement, with the other new mails being filed at the
   * same moment (group commit: no timer, a mail alone goes at once; while a
   * statement runs, the mails arriving gather into the next). If the shared
   * statement fails (a Message-ID stored already, a value PostgreSQL refuses),
   * or the batch has the same Message-ID twice, the mail is written alone, so
   * one bad mail never fails the others. Null when the general path is
   * needed, including for a Message-ID stored already (a duplicate).
   */
  private async openInOneStatement(input: InboundMailInput): Promise<FiledInboundMail | null> {
    const plan = await this.planOpening(input);
    if (!plan) return null;
    const together = await this.openTogether(plan).catch((error: Error) => {
      this.logger.debug(`mail ${input.inboundMailId} written alone: its batch failed (${error.message})`);
      return null;
    });
    if (together) return filedAsNew(together);
    try {
      const [inserted] = await this.openings.insertInboundTickets([plan]);
      return filedAsNew(inserted);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return null;
      throw error;
    }
  }

  /** Senders of messages being filed at the same moment, looked up together (one round trip for many). */
  private readonly knownSender = createBatcher((emails: string[]) => this.customerRows.knownSenders(emails), { maxBatch: 100, maxInFlight: 2 });

  /**
   * Mails on the general path (a transaction of several round trips each,
   * holding a connection throughout) at most 8 at once: the workers keep many
   * mails in progress, and the API needs connections of the same pool.
   */
  private readonly generalPathSlots = createLimiter(8);

  /** New mails' tickets written together: one statement per batch; null for a second copy of a Message-ID in the batch. */
  private readonly openTogether = createBatcher(
    async (plans: NewInboundTicket[]): Promise<(InsertedInboundTicket | null)[]> => {
      const messageIds = new Set<string | null>();
      const unique = plans.filter((plan) => !messageIds.has(plan.message.messageId) && messageIds.add(plan.message.messageId));
      const inserted = await this.openings.insertInboundTickets(unique);
      return plans.map((plan) => {
        const i = unique.indexOf(plan);
        return i >= 0 ? inserted[i] : null;
      });
    },
    { maxBatch: 64, maxInFlight: 2 },
  );

  /**
   * The common case, a new mail that starts a conversation (no thread, no
   * attachments) and rules that only set fields: the ticket, its message and
   * its history as one row to write. Null when the general path is needed.
   */
  private async planOpening(input: InboundMailInput): Promise<NewInboundTicket | null> {
    const sender = input.from.email;
    if (!sender || input.bounce || input.threadIds.length || input.ticketNumbers.length || input.attachments.length) return null;
    if (NEVER_OPENS_TICKET.includes(input.kind)) return null;
    const queueId = input.route?.queueId ?? (await this.queues.resolveQueueId(undefined));
    const categoryId = input.route?.categoryId ?? null;
    const priority = input.route?.priority ?? 'normal';
    const subject = ticketSubject(input.subject);
    const inboundAddresses = [...new Set(input.reachedAddresses.map((a) => a.toLowerCase()))];
    const now = new Date();
    const plan = await this.automation.planNewTicket({
      inboundAddresses, senderAddress: sender.toLowerCase(), senderName: input.from.name, subject, body: input.visibleText || input.text,
      queueId, categoryId, priority, hasAttachments: false, createdAt: now, customer: await this.knownSender(sender),
    });
    if (!plan) return null;
    const opened = { subject, status: 'new', priority, channel: 'email', queueId, categoryId, assigneeId: null, tags: [] as string[], inboundAddresses };
    return {
      year: yearInTimeZone(now, this.config.timeZone),
      subject, priority: plan.patch.priority ?? priority, queueId: plan.patch.queueId ?? queueId,
      categoryId: plan.patch.categoryId ?? categoryId, assigneeId: plan.patch.assigneeId ?? null, tags: plan.patch.tags ?? [],
      inboundAddresses, createdAt: now,
      deadlines: {
        slaPolicyId: plan.patch.slaPolicyId ?? null,
        firstResponseDueAt: plan.patch.firstResponseDueAt ?? null,
        firstResponseWarnAt: plan.patch.firstResponseWarnAt ?? null,
        resolutionDueAt: plan.patch.resolutionDueAt ?? null,
        resolutionWarnAt: plan.patch.resolutionWarnAt ?? null,
        statutoryDueAt: plan.patch.statutoryDueAt ?? null,
        slaNextCheckAt: plan.patch.slaNextCheckAt ?? null,
      },
      customer: { email: sender, name: input.from.name },
      record: input.record,
      message: {
        fromAddress: sender, toAddresses: input.to, ccAddresses: input.cc, replyToAddresses: input.replyTo, subject: input.subject, bodyText: input.text,
        visibleText: input.visibleText, bodyHtml: input.html, messageId: input.messageId, inReplyTo: input.inReplyTo,
        references: input.references, automated: input.automated, inboundMailId: input.inboundMailId,
        authentication: input.authentication,
      },
      events: [
        // As createdEvent() writes it: the ticket as it was opened, before any rule changed it.
        { type: 'created', actor_type: 'customer', actor_id: null, actor_name: null, by_customer: true, field: null, old_value: null, new_value: { ...opened, previousTicketId: null } },
        ...plan.events.map((e) => ({
          type: e.type, actor_type: e.actorType, actor_id: e.actorId, actor_name: e.actorName, by_customer: false,
          field: e.field, old_value: e.oldValue ?? null, new_value: e.newValue ?? null,
        })),
      ].map((e, ord) => ({ ord, ...e })),
    };
  }

  private async fileIn(manager: EntityManager, input: InboundMailInput): Promise<FiledInboundMail> {
    const existing = await this.messages.findMessageByMessageId(manager, input.messageId);
    if (existing) {
      await this.tickets.addInboundAddresses(manager, existing.ticketId, input.reachedAddresses);
      const ticket = await this.tickets.findById(existing.ticketId, manager);
      return { outcome: 'duplicate', ticketId: existing.ticketId, ticketNumber: ticket?.number ?? null, messageRowId: null, customer: null, afterCommit: [] };
    }
    if (input.bounce) return this.fileBounce(manager, input, input.bounce);

    const threadTicketId =
      (await this.messages.findTicketIdByMessageIds(manager, input.threadIds)) ??
      (await this.tickets.findByNumberIn(manager, input.ticketNumbers))?.id ??
      null;
    if (threadTicketId) {
      const ticket = (await this.tickets.findForUpdate(manager, threadTicketId))!;
      const decision = statusAfterCustomerReply({
        status: ticket.status,
        closedAt: ticket.closedAt,
        now: new Date(),
        reopenWindowDays: this.config.reopenWindowDays,
        automated: input.automated,
      });
      if (decision.kind !== 'new_ticket') return this.append(manager, ticket, input, decision.kind === 'change' ? decision.to : null);
      return this.openTicket(manager, input, ticket.id);
    }
    if (NEVER_OPENS_TICKET.includes(input.kind)) {
      // An out-of-office answer to nothing we know: kept as a processed mail (visible to admins), no ticket.
      return { outcome: 'automated_unthreaded', ticketId: null, ticketNumber: null, messageRowId: null, customer: null, afterCommit: [] };
    }
    return this.openTicket(manager, input, null);
  }

  private async append(
    manager: EntityManager,
    ticket: TicketEntity,
    input: InboundMailInput,
    newStatus: TicketEntity['status'] | null,
  ): Promise<FiledInboundMail> {
    const customer = await this.customers.get(ticket.customerId);
    const now = new Date();
    const message = await this.insertMessage(manager, ticket.id, customer.id, input, now);
    const plan = newStatus ? planStatusChange(ticket.status, newStatus, now) : null;
    const patch: Partial<TicketEntity> = { lastInboundAt: now, updatedAt: now, ...(plan?.ok ? statusChangePatch(plan) : {}) };
    const events: NewTicketEvent[] = [
      this.messageEvent(ticket.id, customer, input, message),
      ...fieldChangeEvents(ticket, patch, this.customerActor(customer)),
    ];
    await this.tickets.updateTicket(manager, ticket.id, patch);
    await this.tickets.addInboundAddresses(manager, ticket.id, input.reachedAddresses);
    await this.tickets.insertEvents(manager, events);
    const afterCommit = await this.automation.onChange(manager, {
      ticketId: ticket.id, trigger: 'customer_replied', messageId: message.id, statusBefore: ticket.status,
    });
    return { outcome: 'appended', ticketId: ticket.id, ticketNumber: ticket.number, messageRowId: message.id, customer, afterCommit };
  }

  private async openTicket(manager: EntityManager, input: InboundMailInput, previousTicketId: string | null): Promise<FiledInboundMail> {
    const now = new Date();
    const customer = input.from.email
      ? await this.customers.upsertForTicket(manager, { email: input.from.email, name: input.from.name ?? undefined })
      : await this.customers.createAnonymous(manager, input.from.name);
    const queueId = input.route?.queueId ?? (await this.queues.resolveQueueId(undefined));
    const year = yearInTimeZone(now, this.config.timeZone);
    const ticket = await this.tickets.insertTicket(manager, {
      number: formatTicketNumber(year, await this.tickets.nextSequence(year, manager)),
      subject: ticketSubject(input.subject),
      status: 'new',
      priority: input.route?.priority ?? 'normal',
      channel: 'email',
      queueId,
      categoryId: input.route?.categoryId ?? null,
      assigneeId: null,
      customerId: customer.id,
      tags: [],
      inboundAddresses: [...new Set(input.reachedAddresses.map((a) => a.toLowerCase()))],
      previousTicketId,
      lastInboundAt: now,
      createdAt: now,
    });
    const message = await this.insertMessage(manager, ticket.id, customer.id, input, now);
    await this.tickets.insertEvents(manager, [createdEvent(ticket, this.customerActor(customer))]);
    const afterCommit = await this.automation.onChange(manager, { ticketId: ticket.id, trigger: 'ticket_created', messageId: message.id, statusBefore: null });
    return { outcome: 'new_ticket', ticketId: ticket.id, ticketNumber: ticket.number, messageRowId: message.id, customer, afterCommit };
  }

  private async fileBounce(
    manager: EntityManager,
    input: InboundMailInput,
    bounce: NonNullable<InboundMailInput['bounce']>,
  ): Promise<FiledInboundMail> {
    const bounced =
      (bounce.bouncedMessageId ? await this.messages.findMessageByMessageId(manager, bounce.bouncedMessageId) : null) ??
      (await this.newestSentMessageOfTagged(manager, bounce.ticketNumbers));
    if (!bounced) return { outcome: 'bounce_unmatched', ticketId: null, ticketNumber: null, messageRowId: null, customer: null, afterCommit: [] };
    const ticket = (await this.tickets.findForUpdate(manager, bounced.ticketId))!;
    const now = new Date();
    await this.messages.updateMessageIn(manager, bounced.id, { deliveryState: 'bounced', deliveryError: bounce.error.slice(0, 2000) });
    const message = await this.insertMessage(manager, ticket.id, null, input, now);
    await this.tickets.insertEvents(manager, [
      {
        ticketId: ticket.id, type: 'message_bounced', actorType: 'system', actorId: null, actorName: null,
        field: null, oldValue: null, newValue: { messageId: bounced.id, reportMessageId: message.id, error: bounce.error },
      },
    ]);
    return { outcome: 'bounce', ticketId: ticket.id, ticketNumber: ticket.number, messageRowId: message.id, customer: null, afterCommit: [] };
  }

  /** The bounced mail of a report that quotes only our subject tag: the ticket's newest mail sent out. */
  private async newestSentMessageOfTagged(manager: EntityManager, ticketNumbers: string[]) {
    const ticket = await this.tickets.findByNumberIn(manager, ticketNumbers);
    return ticket ? this.messages.findNewestSentMessage(manager, ticket.id) : null;
  }

  private async insertMessage(manager: EntityManager, ticketId: string, customerId: string | null, input: InboundMailInput, now: Date) {
    const message = await this.messages.insertMessage(manager, {
      ticketId,
      direction: 'inbound',
      authorCustomerId: customerId,
      fromAddress: input.from.email,
      toAddresses: input.to,
      ccAddresses: input.cc,
      replyToAddresses: input.replyTo,
      subject: input.subject,
      bodyText: input.text,
      visibleText: input.visibleText,
      bodyHtml: input.html,
      messageId: input.messageId,
      inReplyTo: input.inReplyTo,
      references: input.references,
      deliveryState: 'received',
      automated: input.automated,
      inboundMailId: input.inboundMailId,
      authentication: input.authentication,
      createdAt: now,
    });
    await this.messages.insertAttachments(manager, message.id, input.attachments);
    return message;
  }

  private messageEvent(ticketId: string, customer: CustomerEntity, input: InboundMailInput, message: { id: string }): NewTicketEvent {
    return {
      ticketId, type: 'message_added', ...this.customerActor(customer), field: null, oldValue: null,
      newValue: { messageId: message.id, direction: 'inbound', automated: input.automated },
    };
  }

  private customerActor(customer: CustomerEntity): EventActor {
    return { actorType: 'customer', actorId: customer.id, actorName: customer.name ?? customer.email };
  }
}

/** What a new mail written in one statement became. */
function filedAsNew(inserted: InsertedInboundTicket): FiledInboundMail {
  return {
    outcome: 'new_ticket', ticketId: inserted.ticketId, ticketNumber: inserted.number, messageRowId: inserted.messageId,
    customer: inserted.customer, afterCommit: [],
  };
}

/** A ticket's subject from a mail's: trimmed, at most 500 characters, never empty. */
function ticketSubject(subject: string): string {
  return subject.trim().slice(0, 500) || '(bez tematu)';
}
