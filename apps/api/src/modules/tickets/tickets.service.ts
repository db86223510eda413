import { Inject, Injectable } from '@nestjs/common';
import { channelTypeOfTicketChannel, formatTicketNumber, yearInTimeZone } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { sanitizeHtml } from '../../core/html/sanitize-html.js';
import { CustomersService } from '../customers/customers.service.js';
import { QueuesService } from '../queues/queues.service.js';
import { UsersService } from '../users/users.service.js';
import type { CreateTicketDto } from './dtos/create-ticket.dto.js';
import type { TicketQueryDto } from './dtos/ticket-query.dto.js';
import type { TodayQueryDto } from './dtos/today-query.dto.js';
import type { UpdateTicketDto } from './dtos/update-ticket.dto.js';
import type { AttachmentEntity } from './entities/attachment.entity.js';
import type { TicketEntity } from './entities/ticket.entity.js';
import type { ListTicketsFilter } from './list-tickets-filter.js';
import { TicketAccessPolicy, ticketNotFound } from './ticket-access.policy.js';
import { checkedStatusPatch } from './status-change-patch.js';
import { addresses } from './recipient-addresses.js';
import { snoozeChange } from './ticket-snooze.js';
import { auditActor, createdEvent, fieldChangeEvents } from './ticket-audit.js';
import { TicketsException, TicketsErrorCode } from './tickets.exception.js';
import { OutboundMessagesService } from './outbound-messages.service.js';
import { TicketAutomationHooks, type AfterCommit } from './automation/ticket-automation.hooks.js';
import { MessagesRepository } from './messages.repository.js';
import { TicketListsRepository, type TicketPage } from './ticket-lists.repository.js';
import { decodeTicketListCursor, type TicketListCursor } from './ticket-list-cursor.js';
import { TicketsRepository } from './tickets.repository.js';

const TICKET_NUMBER = /^\d{4}-\d{6,}$/;

/** How a change is applied beyond its fields, for callers that change many tickets (bulk actions). */
export interface TicketUpdateOptions {
  /** Tags added to and removed from the ticket's own, read under the ticket's lock. */
  tagEdits?: TagEdits;
  /** The caller has checked the queue, category and assignee the change names already. */
  referencesChecked?: boolean;
}

export interface TagEdits {
  add: string[];
  remove: string[];
}

@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly lists: TicketListsRepository,
    private readonly customers: CustomersService,
    private readonly queues: QueuesService,
    private readonly users: UsersService,
    private readonly outbound: OutboundMessagesService,
    private readonly automation: TicketAutomationHooks,
    private readonly access: TicketAccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A ticket by its id or by its number (`2026-000123`) that the actor may see;
   * one out of their reach is a 404, as if it did not exist.
   */
  async get(ref: string, actor: Actor): Promise<TicketEntity> {
    const ticket = TICKET_NUMBER.test(ref) ? await this.tickets.findByNumber(ref) : await this.tickets.findById(ref);
    if (!ticket) throw ticketNotFound(ref);
    await this.access.assertCanSee(actor, ticket, ref);
    return ticket;
  }

  async list(query: TicketQueryDto, actor: Actor): Promise<TicketPage> {
    const filter: ListTicketsFilter = {
      status: query.status,
      priority: query.priority,
      queueId: query.queueId === 'none' ? null : query.queueId,
      categoryId: query.categoryId,
      assigneeId: this.assigneeFilter(query.assigneeId, actor),
      channel: query.channel,
      customerId: query.customerId,
      tag: query.tag,
      createdFrom: query.createdFrom ? new Date(query.createdFrom) : undefined,
      createdTo: query.createdTo ? new Date(query.createdTo) : undefined,
      // An empty search box (`q=` or blanks) means no search, as in the customer list.
      q: query.q?.trim() ? query.q : undefined,
      slaState: query.slaState,
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      snoozed: query.snoozed ?? 'false',
      sort: query.sort ?? '-createdAt',
      limit: query.limit,
      offset: query.offset,
      after: query.after === undefined ? undefined : this.cursor(query),
      access: await this.access.condition(actor),
    };
    return this.lists.list(filter);
  }

  /** The "today" view: unresolved tickets of mine, of my queues or all; urgent and breached first, then by the nearest deadline, then by age. */
  async today(query: TodayQueryDto, actor: Actor): Promise<[TicketEntity[], number]> {
    const scope = query.scope ?? 'mine';
    if (scope !== 'all' && !actor.userId) {
      throw new TicketsException(TicketsErrorCode.AssigneeMeWithoutUser, `scope=${scope} needs a signed-in user, not an API token`, {
        fields: [{ field: 'scope', errors: [`scope=${scope} needs a signed-in user`] }],
      });
    }
    return this.lists.today({
      assigneeId: scope === 'mine' ? actor.userId! : undefined,
      memberId: scope === 'team' ? actor.userId! : undefined,
      access: await this.access.condition(actor),
      limit: query.limit,
      offset: query.offset,
    });
  }

  /** Opens a ticket for a customer (found or created by any identity) with their first message, or with the agent's outbound mail to them. */
  async create(dto: CreateTicketDto, actor: Actor): Promise<TicketEntity> {
    const queueId = await this.queues.resolveQueueId(dto.queueId);
    if (dto.categoryId) await this.queues.assertCategory(dto.categoryId);
    if (dto.assigneeId) await this.assertAssignee(dto.assigneeId);
    const now = new Date();
    const year = yearInTimeZone(now, this.config.timeZone);
    const number = formatTicketNumber(year, await this.tickets.nextSequence(year));

    const channel = dto.channel ?? (actor.type === 'api_token' ? 'api' : 'phone');
    let afterCommit: AfterCommit[] = [];
    let outboundId: string | null = null;
    const created = await this.tickets.transaction(async (manager) => {
      const customer = await this.customers.upsertForTicket(manager, dto.customer);
      // An agent's outbound mail opens the ticket: it is their reply, sent to the customer's e-mail.
      const outbound = dto.message.direction === 'outbound';
      if (outbound && !customer.email) {
        throw new TicketsException(TicketsErrorCode.CustomerEmailRequired, 'an outbound first message needs the customer\'s e-mail: give customer.email', {
          fields: [{ field: 'customer.email', errors: ['customer.email is required when message.direction is outbound'] }],
        });
      }
      const ticket = await this.tickets.insertTicket(manager, {
        number,
        subject: dto.subject.trim(),
        status: outbound ? 'waiting_customer' : 'new',
        priority: dto.priority ?? 'normal',
        channel,
        queueId,
        categoryId: dto.categoryId ?? null,
        assigneeId: dto.assigneeId ?? null,
        customerId: customer.id,
        tags: unique(dto.tags ?? []),
        lastInboundAt: outbound ? null : now,
        ...(outbound ? { lastOutboundAt: now, firstResponseAt: now } : {}),
        createdAt: now,
      });
      const message = await this.messages.insertMessage(manager, outbound
        ? {
          ticketId: ticket.id,
          direction: 'outbound',
          channelType: 'email',
          messageId: this.outbound.newMessageId(),
          inReplyTo: null,
          references: [],
          authorUserId: actor.userId,
          authorApiTokenId: actor.type === 'api_token' ? actor.id : null,
          toAddresses: [customer.email!],
          ccAddresses: addresses(dto.message.ccAddresses ?? []),
          bccAddresses: addresses(dto.message.bccAddresses ?? []),
          subject: ticket.subject,
          bodyText: dto.message.body,
          bodyHtml: dto.message.html ? sanitizeHtml(dto.message.html) : null,
          deliveryState: 'queued',
          createdAt: now,
        }
        : {
          ticketId: ticket.id,
          direction: 'inbound',
          channelType: channelTypeOfTicketChannel(channel),
          authorCustomerId: customer.id,
          fromAddress: customer.email,
          subject: ticket.subject,
          bodyText: dto.message.body,
          bodyHtml: dto.message.html ? sanitizeHtml(dto.message.html) : null,
          deliveryState: 'none',
          createdAt: now,
        });
      outboundId = outbound ? message.id : null;
      await this.tickets.insertEvents(manager, [createdEvent(ticket, auditActor(actor))]);
      afterCommit = await this.automation.onChange(manager, { ticketId: ticket.id, trigger: 'ticket_created', messageId: message.id, statusBefore: null });
      // What the rules changed is part of the answer.
      return (await this.tickets.findById(ticket.id, manager))!;
    });
    if (outboundId) await this.outbound.enqueue(outboundId);
    await this.automation.afterCommit(afterCommit);
    return created;
  }

  /** Changes the given fields; each change is one audit event in the same transaction. */
  async update(ref: string, dto: UpdateTicketDto, actor: Actor, options: TicketUpdateOptions = {}): Promise<TicketEntity> {
    const { id } = await this.get(ref, actor);
    if (!options.referencesChecked) await this.assertReferences(dto);

    let afterCommit: AfterCommit[] = [];
    const updated = await this.tickets.transaction(async (manager) => {
      const before = await this.lockedTicket(manager, id);
      // Judged again on the locked row: the ticket may have left the actor's queues meanwhile.
      await this.access.assertCanSee(actor, before, ref);
      const patch: Partial<TicketEntity> = {};
      if (dto.subject !== undefined) patch.subject = dto.subject.trim();
      if (dto.priority !== undefined) patch.priority = dto.priority;
      if (dto.queueId !== undefined) patch.queueId = dto.queueId;
      if (dto.categoryId !== undefined) patch.categoryId = dto.categoryId;
      if (dto.assigneeId !== undefined) patch.assigneeId = dto.assigneeId;
      if (dto.tags !== undefined) patch.tags = unique(dto.tags);
      if (options.tagEdits) patch.tags = editedTags(before.tags, options.tagEdits);
      if (dto.status !== undefined && dto.status !== before.status) Object.assign(patch, checkedStatusPatch(before.status, dto.status));
      const snooze = snoozeChange(before, dto.snoozedUntil, patch.status ?? before.status, auditActor(actor), new Date());
      Object.assign(patch, snooze.patch);

      const events = [...fieldChangeEvents(before, patch, auditActor(actor)), ...snooze.events];
      if (events.length) {
        await this.tickets.updateTicket(manager, id, { ...patch, updatedAt: new Date() });
        await this.tickets.insertEvents(manager, events);
      }
      // A status change fires the rules' status triggers; any change makes the SLA recount (priority, queue and category pick the policy).
      if (events.length) {
        afterCommit = await this.automation.onChange(manager, { ticketId: id, trigger: null, messageId: null, statusBefore: before.status });
      }
      return (await this.tickets.findById(id, manager))!;
    });
    await this.automation.afterCommit(afterCommit);
    return updated;
  }

  /** The queue, category and assignee a change names must exist (400 naming the field otherwise). */
  async assertReferences(dto: Pick<UpdateTicketDto, 'queueId' | 'categoryId' | 'assigneeId'>): Promise<void> {
    if (dto.queueId) await this.queues.assertQueue(dto.queueId);
    if (dto.categoryId) await this.queues.assertCategory(dto.categoryId);
    if (dto.assigneeId) await this.assertAssignee(dto.assigneeId);
  }

  /** An attachment of the ticket with its bytes. */
  async attachment(ref: string, attachmentId: string, actor: Actor): Promise<{ attachment: AttachmentEntity; content: Buffer }> {
    const ticket = await this.get(ref, actor);
    const attachment = await this.messages.findAttachment(ticket.id, attachmentId);
    if (!attachment) throw new TicketsException(TicketsErrorCode.AttachmentNotFound, `Attachment ${attachmentId} does not exist on ticket ${ticket.number}`);
    return { attachment, content: await this.messages.attachmentContent(attachment.blobSha256) };
  }

  messagesOf(ticketId: string) {
    return this.messages.messagesOf(ticketId);
  }

  attachmentsOf(messageIds: string[]) {
    return this.messages.attachmentsOf(messageIds);
  }

  eventsOf(ticketId: string) {
    return this.tickets.eventsOf(ticketId);
  }

  /** The ticket locked for the transaction's change; a 404 when it is gone. */
  async lockedTicket(manager: EntityManager, id: string): Promise<TicketEntity> {
    const ticket = await this.tickets.findForUpdate(manager, id);
    if (!ticket) throw ticketNotFound(id);
    return ticket;
  }

  /** The cursor `after` names, which continues a list from where its previous page ended (so with no offset). */
  private cursor(query: TicketQueryDto): TicketListCursor {
    if (query.offset > 0) {
      throw new TicketsException(TicketsErrorCode.InvalidCursor, 'after and offset cannot be combined: a cursor already says where the page starts', {
        fields: [{ field: 'offset', errors: ['offset must be 0 (or left out) with after'] }],
      });
    }
    return decodeTicketListCursor(query.after!, query.sort ?? '-createdAt');
  }

  private assigneeFilter(value: string | undefined, actor: Actor): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === 'none') return null;
    if (value === 'me') {
      if (!actor.userId) {
        throw new TicketsException(TicketsErrorCode.AssigneeMeWithoutUser, 'assigneeId=me needs a signed-in user, not an API token', {
          fields: [{ field: 'assigneeId', errors: ['assigneeId=me needs a signed-in user'] }],
        });
      }
      return actor.userId;
    }
    return value;
  }

  private async assertAssignee(userId: string): Promise<void> {
    const user = await this.users.get(userId).catch(() => null);
    if (!user?.active) {
      throw new TicketsException(TicketsErrorCode.AssigneeNotFound, `assigneeId ${userId} is not an active user`, {
        fields: [{ field: 'assigneeId', errors: [`assigneeId ${userId} is not an active user`] }],
      });
    }
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** The ticket's tags without the removed ones, then the added ones not there yet. */
function editedTags(tags: string[], edits: TagEdits): string[] {
  const removed = new Set(unique(edits.remove));
  return unique([...tags.filter((tag) => !removed.has(tag)), ...edits.add]);
}
