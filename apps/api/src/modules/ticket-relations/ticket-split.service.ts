import { Inject, Injectable } from '@nestjs/common';
import { formatTicketNumber, yearInTimeZone } from '@okienko/domain';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { TicketAutomationHooks, type AfterCommit } from '../tickets/automation/ticket-automation.hooks.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { TicketAccessPolicy, ticketNotFound } from '../tickets/ticket-access.policy.js';
import { auditActor, createdEvent } from '../tickets/ticket-audit.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { splitSubject } from './split-subject.js';
import { TicketLinksRepository } from './ticket-links.repository.js';
import { TicketRelationsErrorCode, TicketRelationsException } from './ticket-relations.exception.js';
import { TicketRelationsRepository, type MovedMessage } from './ticket-relations.repository.js';

function newest(messages: MovedMessage[], direction: MovedMessage['direction']): Date | null {
  const times = messages.filter((m) => m.direction === direction).map((m) => new Date(m.createdAt).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * Splitting a ticket: some of its messages (notes too) move to a new ticket
 * of the same customer, queue, category, priority, assignee and tags, linked
 * to the original (kind `split`); `split_to` / `split_from` events on both.
 */
@Injectable()
export class TicketSplitService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly ticketRows: TicketsRepository,
    private readonly relations: TicketRelationsRepository,
    private readonly links: TicketLinksRepository,
    private readonly access: TicketAccessPolicy,
    private readonly automation: TicketAutomationHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The new ticket. */
  async split(ref: string, messageIds: string[], actor: Actor): Promise<TicketEntity> {
    const { id } = await this.tickets.get(ref, actor);
    const now = new Date();
    const year = yearInTimeZone(now, this.config.timeZone);
    const number = formatTicketNumber(year, await this.ticketRows.nextSequence(year));
    let afterCommit: AfterCommit[] = [];
    const created = await this.ticketRows.transaction(async (manager) => {
      const original = await this.ticketRows.findForUpdate(manager, id);
      if (!original) throw ticketNotFound(ref);
      await this.access.assertCanSee(actor, original, ref);
      const messages = await this.relations.messagesOf(manager, original.id);
      const wanted = new Set(messageIds);
      const unknown = messageIds.filter((m) => !messages.some((message) => message.id === m));
      if (unknown.length) {
        throw TicketRelationsException.field(
          TicketRelationsErrorCode.SplitMessageNotOnTicket, 'messageIds', `messageIds names messages that are not on ticket ${original.number}: ${unknown.join(', ')}`,
          { messageIds: unknown },
        );
      }
      if (messages.every((m) => wanted.has(m.id))) {
        throw TicketRelationsException.field(
          TicketRelationsErrorCode.SplitAllMessages, 'messageIds', `messageIds names every message of ticket ${original.number}; at least one must stay`,
        );
      }
      const moved = messages.filter((m) => wanted.has(m.id));
      const firstSubject = moved.map((m) => splitSubject(m.subject)).find(Boolean);
      const subject = (firstSubject || original.subject).slice(0, 500);
      const ticket = await this.ticketRows.insertTicket(manager, {
        number,
        subject,
        status: 'open',
        priority: original.priority,
        channel: original.channel,
        queueId: original.queueId,
        categoryId: original.categoryId,
        assigneeId: original.assigneeId,
        customerId: original.customerId,
        tags: original.tags,
        inboundAddresses: original.inboundAddresses,
        lastInboundAt: newest(moved, 'inbound'),
        lastOutboundAt: newest(moved, 'outbound'),
        firstResponseAt: moved.find((m) => m.direction === 'outbound')?.createdAt ?? null,
        createdAt: now,
      });
      await this.relations.moveMessages(manager, moved.map((m) => m.id), original.id, ticket.id);
      await this.links.insert(manager, original.id, ticket.id, 'split');
      await this.ticketRows.updateTicket(manager, original.id, { updatedAt: now });
      await this.relations.refreshSearch(manager, [original.id, ticket.id]);
      const who = auditActor(actor);
      const ids = moved.map((m) => m.id);
      await this.ticketRows.insertEvents(manager, [
        createdEvent(ticket, who),
        {
          ticketId: ticket.id, type: 'split_from', ...who, field: null, oldValue: null,
          newValue: { ticketId: original.id, number: original.number, subject: original.subject, messageIds: ids },
        },
        {
          ticketId: original.id, type: 'split_to', ...who, field: null, oldValue: null,
          newValue: { ticketId: ticket.id, number: ticket.number, subject: ticket.subject, messageIds: ids },
        },
      ]);
      // The deadlines of both follow; the rules do not run (the customer wrote nothing new).
      afterCommit = [
        ...(await this.automation.afterRules(manager, { ticketId: ticket.id, trigger: null, messageId: null, statusBefore: null })),
        ...(await this.automation.afterRules(manager, { ticketId: original.id, trigger: null, messageId: null, statusBefore: original.status })),
      ];
      return ticket;
    });
    await this.automation.afterCommit(afterCommit);
    return (await this.ticketRows.findById(created.id))!;
  }
}
