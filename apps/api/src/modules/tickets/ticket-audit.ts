import type { Actor } from '../../core/auth/actor.js';
import type { TicketEntity } from './entities/ticket.entity.js';
import type { NewTicketEvent } from './tickets.repository.js';

/** Fields whose changes are recorded one event each. */
export const AUDITED_FIELDS = ['subject', 'status', 'priority', 'queueId', 'categoryId', 'assigneeId', 'tags'] as const;
export type AuditedField = (typeof AUDITED_FIELDS)[number];

/** Who an audit event names: a user, an API token, a customer (their mail), a rule or the system. */
export type EventActor = Pick<NewTicketEvent, 'actorType' | 'actorId' | 'actorName'>;

export function auditActor(actor: Actor): EventActor {
  return { actorType: actor.type, actorId: actor.id, actorName: actor.name };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One `field_changed` event per audited field that differs between before and after. */
export function fieldChangeEvents(before: TicketEntity, patch: Partial<TicketEntity>, who: EventActor): NewTicketEvent[] {
  return AUDITED_FIELDS.filter((field) => field in patch && !same(before[field], patch[field])).map((field) => ({
    ticketId: before.id,
    type: 'field_changed',
    ...who,
    field,
    oldValue: before[field] ?? null,
    newValue: patch[field] ?? null,
  }));
}

/** The `created` event: the ticket as it was opened. */
export function createdEvent(ticket: TicketEntity, who: EventActor): NewTicketEvent {
  return {
    ticketId: ticket.id,
    type: 'created',
    ...who,
    field: null,
    oldValue: null,
    newValue: {
      number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority, channel: ticket.channel,
      queueId: ticket.queueId, categoryId: ticket.categoryId, assigneeId: ticket.assigneeId, tags: ticket.tags,
      inboundAddresses: ticket.inboundAddresses, previousTicketId: ticket.previousTicketId,
    },
  };
}
