import type { ChannelType, TicketChannel } from '@okienko/domain';
import type { NewTicketPlan } from '../tickets/automation/ticket-automation.hooks.js';
import type { MessageEntity } from '../tickets/entities/message.entity.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import type { IncomingMessage } from './incoming-message.js';
import type { NewInboundTicket } from './opening-statement.repository.js';

/** A ticket's subject from a message's: trimmed, at most 500 characters, never empty. */
export function ticketSubject(subject: string): string {
  return subject.trim().slice(0, 500) || '(bez tematu)';
}

/** The ticket's channel column for a message's channel type (Allegro is a marketplace). */
export function ticketChannelOf(type: ChannelType): TicketChannel {
  return type === 'allegro' ? 'marketplace' : type;
}

/** A new ticket's fields as the message opens it, before any automation. */
export type OpenedTicket = Pick<
  TicketEntity,
  | 'subject' | 'status' | 'priority' | 'channel' | 'queueId' | 'categoryId' | 'assigneeId' | 'tags' | 'inboundAddresses' | 'previousTicketId'
  | 'lastInboundAt' | 'statusChangedAt' | 'createdAt' | 'updatedAt'
>;

/** Every column of an inbound message's row except its id, ticket and author (known once those are written). */
export type InboundMessageRow = Omit<MessageEntity, 'id' | 'ticketId' | 'authorCustomerId'>;

/** The `created` event's value without the number (added once the ticket has one): the ticket as it was opened. */
export type CreatedEventValue = Pick<
  OpenedTicket, 'subject' | 'status' | 'priority' | 'channel' | 'queueId' | 'categoryId' | 'assigneeId' | 'tags' | 'inboundAddresses' | 'previousTicketId'
>;

/** What opening a ticket for a message writes, whichever path writes it. */
export interface TicketOpeningPlan {
  ticket: OpenedTicket;
  message: InboundMessageRow;
  created: CreatedEventValue;
}

/** Where and when the ticket opens: the queue when the route names none, the moment, the ticket it follows (reopen window over). */
export interface OpeningContext {
  defaultQueueId: string | null;
  now: Date;
  previousTicketId: string | null;
}

/** The row of a customer's message as stored, on any path (new ticket, reply, bounce report). */
export function inboundMessageRow(message: IncomingMessage, createdAt: Date): InboundMessageRow {
  const email = message.email;
  return {
    direction: 'inbound',
    authorUserId: null,
    authorApiTokenId: null,
    fromAddress: email?.from ?? null,
    toAddresses: email?.to ?? [],
    ccAddresses: email?.cc ?? [],
    bccAddresses: [],
    replyToAddresses: email?.replyTo ?? [],
    subject: message.subject,
    bodyText: message.text,
    visibleText: message.visibleText,
    bodyHtml: message.html,
    messageId: email?.messageId ?? null,
    inReplyTo: email?.inReplyTo ?? null,
    references: email?.references ?? [],
    deliveryState: 'received',
    deliveryError: null,
    automated: message.automated,
    purpose: 'conversation',
    inboundMailId: email?.inboundMailId ?? null,
    authentication: email?.authentication ?? null,
    channelId: message.channel.id,
    channelType: message.channel.type,
    externalThreadId: message.externalThreadId,
    externalMessageId: message.externalMessageId,
    sentAt: null,
    deliveryAttempts: 0,
    createdAt,
  };
}

/**
 * The one plan of a new ticket for a message: its fields, its first message
 * and its `created` event. The one-statement path and the general path both
 * write this (the equivalence test holds them to it).
 */
export function planTicketOpening(message: IncomingMessage, context: OpeningContext): TicketOpeningPlan {
  const ticket: OpenedTicket = {
    subject: ticketSubject(message.subject),
    status: 'new',
    priority: message.route?.priority ?? 'normal',
    channel: ticketChannelOf(message.channel.type),
    queueId: message.route?.queueId ?? context.defaultQueueId,
    categoryId: message.route?.categoryId ?? null,
    assigneeId: null,
    tags: [],
    inboundAddresses: [...new Set((message.email?.reachedAddresses ?? []).map((a) => a.toLowerCase()))],
    previousTicketId: context.previousTicketId,
    lastInboundAt: context.now,
    statusChangedAt: context.now,
    createdAt: context.now,
    updatedAt: context.now,
  };
  const { subject, status, priority, channel, queueId, categoryId, assigneeId, tags, inboundAddresses, previousTicketId } = ticket;
  return {
    ticket,
    message: inboundMessageRow(message, context.now),
    created: { subject, status, priority, channel, queueId, categoryId, assigneeId, tags, inboundAddresses, previousTicketId },
  };
}

/**
 * The plan with the automations' verdict applied, as the one statement writes
 * it: the fields the rules set, the SLA columns, and the events in order (the
 * customer's `created` first, then the automations'). `customerEmail` is the
 * sender's e-mail identity the statement finds or creates the customer by.
 */
export function oneStatementOpening(
  plan: TicketOpeningPlan,
  automations: NewTicketPlan,
  customer: NewInboundTicket['customer'],
  year: number,
): NewInboundTicket {
  const patch = automations.patch;
  const { ticket, message } = plan;
  return {
    year,
    channel: ticket.channel,
    subject: ticket.subject,
    priority: patch.priority ?? ticket.priority,
    queueId: patch.queueId ?? ticket.queueId,
    categoryId: patch.categoryId ?? ticket.categoryId,
    assigneeId: patch.assigneeId ?? ticket.assigneeId,
    tags: patch.tags ?? ticket.tags,
    inboundAddresses: ticket.inboundAddresses,
    createdAt: ticket.createdAt,
    deadlines: {
      slaPolicyId: patch.slaPolicyId ?? null,
      firstResponseDueAt: patch.firstResponseDueAt ?? null,
      firstResponseWarnAt: patch.firstResponseWarnAt ?? null,
      resolutionDueAt: patch.resolutionDueAt ?? null,
      resolutionWarnAt: patch.resolutionWarnAt ?? null,
      statutoryDueAt: patch.statutoryDueAt ?? null,
      slaNextCheckAt: patch.slaNextCheckAt ?? null,
    },
    customer,
    message,
    events: [
      { type: 'created', actor_type: 'customer', actor_id: null, actor_name: null, by_customer: true, field: null, old_value: null, new_value: plan.created },
      ...automations.events.map((e) => ({
        type: e.type, actor_type: e.actorType, actor_id: e.actorId, actor_name: e.actorName, by_customer: false,
        field: e.field, old_value: e.oldValue ?? null, new_value: e.newValue ?? null,
      })),
    ].map((e, ord) => ({ ord, ...e })),
  };
}
