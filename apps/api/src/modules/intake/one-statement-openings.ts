import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { yearInTimeZone, type MailClassificationKind } from '@okienko/domain';
import { DataSource } from 'typeorm';
import { createBatcher } from '../../core/batching/batcher.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { QueuesService } from '../queues/queues.service.js';
import { TicketAutomationHooks } from '../tickets/automation/ticket-automation.hooks.js';
import { TicketEventObservers } from '../tickets/ticket-event-observers.js';
import type { IncomingMessage, ReceivedMessage } from './incoming-message.js';
import type { OpeningCompanion, OpeningCompanionWriter } from './opening-companion.js';
import { OpeningStatementRepository, type InsertedInboundTicket, type NewInboundTicket } from './opening-statement.repository.js';
import { oneStatementOpening, planTicketOpening } from './ticket-opening-plan.js';

/** Machine mail that never opens a ticket of its own: it only means something next to the mail it answers. */
export const NEVER_OPENS_TICKET: readonly MailClassificationKind[] = ['auto_reply', 'loop'];

/**
 * The intake's fast path: a new conversation that only needs fields set,
 * written in one statement with the others arriving at the same moment
 * (group commit: no timer, a message alone goes at once; while a statement
 * runs, the messages arriving gather into the next). It builds the ticket
 * from the same plan as the general path (`ticket-opening-plan.ts`).
 */
@Injectable()
export class OneStatementOpenings {
  private readonly logger = new Logger('Intake');

  /**
   * Whether new conversations may go in one statement. Only the equivalence
   * tests turn it off, to write the same messages on the general path.
   */
  enabled = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly openings: OpeningStatementRepository,
    private readonly customerRows: CustomersRepository,
    private readonly queues: QueuesService,
    private readonly automation: TicketAutomationHooks,
    private readonly observers: TicketEventObservers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The message as a new ticket written in one statement with the others of
   * the moment. A channel's own rows for the new ticket (`companion`) are
   * written with it: by the same statement (a part) or in one transaction
   * with the batch. If the shared write fails (a Message-ID stored already, a
   * value PostgreSQL refuses), or the batch has the same Message-ID twice, the
   * message is written alone, so one bad message never fails the others.
   * Null when the general path is needed, including for a message stored
   * already (a duplicate).
   */
  async open(message: IncomingMessage, companion?: OpeningCompanion): Promise<ReceivedMessage | null> {
    const opening = await this.plan(message);
    if (!opening) return null;
    const pending: PendingOpening = { opening, companion: companion ?? null };
    const together = await this.openTogether(pending).catch((error: Error) => {
      this.logger.debug(`message ${opening.message.messageId ?? opening.message.externalMessageId ?? ''} written alone: its batch failed (${error.message})`);
      return null;
    });
    if (together) return openedAsNew(together);
    try {
      const [inserted] = await this.write([pending]);
      return openedAsNew(inserted);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return null;
      throw error;
    }
  }

  /** New conversations written together: one statement per batch; null for a second copy of a Message-ID in the batch. */
  private readonly openTogether = createBatcher(
    async (pending: PendingOpening[]): Promise<(InsertedInboundTicket | null)[]> => {
      const messageIds = new Set<string>();
      const unique = pending.filter(({ opening: { message } }) => message.messageId === null || (!messageIds.has(message.messageId) && !!messageIds.add(message.messageId)));
      const inserted = await this.write(unique);
      return pending.map((o) => {
        const i = unique.indexOf(o);
        return i >= 0 ? inserted[i] : null;
      });
    },
    { maxBatch: 64, maxInFlight: 2 },
  );

  /**
   * The tickets in one statement, with the part of one kind of channel rows
   * the statement writes itself; with the channels' own writers (one call per
   * writer), all in one transaction. A batch with parts of several kinds is
   * written as one statement per kind.
   */
  private async write(pending: readonly PendingOpening[]): Promise<InsertedInboundTicket[]> {
    const parts = [...new Set(pending.map(partOf))];
    if (parts.length > 1) {
      const written = new Map<PendingOpening, InsertedInboundTicket>();
      for (const part of parts) {
        const group = pending.filter((p) => partOf(p) === part);
        (await this.write(group)).forEach((inserted, i) => written.set(group[i], inserted));
      }
      return pending.map((p) => written.get(p)!);
    }
    const openings = pending.map((p) => p.opening);
    const part = parts[0] ? { part: parts[0], values: pending.map((p) => (partOf(p) ? p.companion!.value : null)) } : undefined;
    if (!pending.some((p) => p.companion && 'writer' in p.companion)) return this.openings.insertInboundTickets(openings, undefined, part);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await this.openings.insertInboundTickets(openings, manager, part);
      const byWriter = new Map<OpeningCompanionWriter<unknown>, { ticket: InsertedInboundTicket; value: unknown }[]>();
      pending.forEach(({ companion }, i) => {
        if (!companion || !('writer' in companion)) return;
        const rows = byWriter.get(companion.writer) ?? [];
        rows.push({ ticket: inserted[i], value: companion.value });
        byWriter.set(companion.writer, rows);
      });
      for (const [writer, rows] of byWriter) await writer.write(manager, rows);
      return inserted;
    });
  }

  /** Senders of messages being filed at the same moment, looked up together (one round trip for many). */
  private readonly knownSender = createBatcher((emails: string[]) => this.customerRows.knownSenders(emails), { maxBatch: 100, maxInFlight: 2 });

  /**
   * The common case, a new conversation (a mail that answers nothing we know,
   * a form submission) from a sender known by one e-mail address, without
   * attachments, and automations that only set fields: the ticket, its
   * message and its history as one row to write. Null when the general path
   * is needed.
   */
  private async plan(message: IncomingMessage): Promise<NewInboundTicket | null> {
    const { identities } = message.sender;
    const sender = identities.length === 1 && identities[0].kind === 'email' && !identities[0].source ? identities[0].value : null;
    if (!this.enabled || !sender || message.attachments.length || message.joinTicketId || !startsConversation(message)) return null;
    // Whoever must hear of the new ticket's events (a webhook) hears of them on the general path.
    if (await this.observers.needNewTicketEvents()) return null;
    const plan = planTicketOpening(message, {
      defaultQueueId: message.route?.queueId ? null : await this.queues.resolveQueueId(undefined),
      now: new Date(),
      previousTicketId: null,
    });
    const { ticket } = plan;
    const automations = await this.automation.planNewTicket({
      channel: ticket.channel, inboundAddresses: ticket.inboundAddresses, senderAddress: sender.toLowerCase(), senderName: message.sender.name,
      subject: ticket.subject, body: message.visibleText || message.text, queueId: ticket.queueId, categoryId: ticket.categoryId, priority: ticket.priority,
      hasAttachments: false, createdAt: ticket.createdAt, customer: await this.knownSender(sender),
    });
    if (!automations) return null;
    return oneStatementOpening(plan, automations, { email: sender, name: message.sender.name, language: message.language ?? null }, yearInTimeZone(ticket.createdAt, this.config.timeZone));
  }
}

/** Whether the message surely starts a conversation: a mail that answers and quotes nothing, or what the channel says opens one. */
function startsConversation(message: IncomingMessage): boolean {
  const email = message.email;
  if (!email) return message.startsConversation === true;
  if (message.channel.type !== 'email' || message.externalThreadId) return false;
  return !email.bounce && !email.threadIds.length && !email.ticketNumbers.length && !NEVER_OPENS_TICKET.includes(email.kind);
}

/** A new conversation waiting for its statement, with the channel's own rows. */
interface PendingOpening {
  opening: NewInboundTicket;
  companion: OpeningCompanion | null;
}

/** The part of the statement that writes the channel's rows, when the companion is one. */
function partOf(pending: PendingOpening) {
  return pending.companion && 'part' in pending.companion ? pending.companion.part : null;
}

/** What a new conversation written in one statement became. */
function openedAsNew(inserted: InsertedInboundTicket): ReceivedMessage {
  return {
    outcome: 'new_ticket', ticketId: inserted.ticketId, ticketNumber: inserted.number, messageRowId: inserted.messageId,
    customer: inserted.customer, afterCommit: [], filedBefore: false,
  };
}
