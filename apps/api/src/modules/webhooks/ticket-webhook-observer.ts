import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketEventObservers, type TicketEventObserver, type WrittenTicketEvent } from '../tickets/ticket-event-observers.js';
import { WebhookEvents } from './webhook-events.service.js';
import { WebhookPayloadsRepository } from './webhook-payloads.repository.js';

/** Fields of `ticket.updated` (the audit trail's field names). */
const TICKET_FIELDS = new Set(['status', 'priority', 'queueId', 'categoryId', 'assigneeId', 'tags', 'subject', 'snoozedUntil', 'orderNumber']);

/**
 * Turns the ticket audit trail, as it is written, into webhook events in the
 * same transaction: `created` → `ticket.created` (and `customer.created` for a customer new with it), field changes →
 * `ticket.updated` (the changed fields, one event per ticket and change),
 * `merged` → `ticket.merged`, `message_added` → `message.created` (notes only
 * to endpoints that include notes), `customer_merged` → `customer.merged`,
 * `survey_answered` → `survey.answered`.
 */
/** How long a process trusts that an endpoint is (or is not) listening: a new endpoint hears of new mail within it. */
const LISTENING_TTL_MS = 3_000;

@Injectable()
export class TicketWebhookObserver implements TicketEventObserver, OnModuleInit {
  private listening: { answer: Promise<boolean>; until: number } | null = null;

  constructor(
    private readonly observers: TicketEventObservers,
    private readonly events: WebhookEvents,
    private readonly payloads: WebhookPayloadsRepository,
  ) {}

  onModuleInit(): void {
    this.observers.register(this);
  }

  /** New mail is filed with its events when an endpoint listens (checked at most every few seconds on this hot path). */
  needsNewTicketEvents(): Promise<boolean> {
    const now = Date.now();
    if (!this.listening || this.listening.until < now) {
      const answer = this.events.anyListening();
      this.listening = { answer, until: now + LISTENING_TTL_MS };
      answer.catch(() => (this.listening = null));
    }
    return this.listening.answer;
  }

  async written(manager: EntityManager, written: readonly WrittenTicketEvent[]): Promise<void> {
    if (!written.length || !(await this.events.anyListening(manager))) return;
    const changes = new Map<string, { field: string; oldValue: unknown; newValue: unknown }[]>();
    const sentMessages = new Set<string>();
    const customerMerges = new Map<string, { source: unknown; target: unknown; ticketIds: string[]; actor: unknown }>();
    for (const event of written) {
      const value = (event.newValue ?? {}) as Record<string, unknown>;
      const actor = { type: event.actorType, id: event.actorId, name: event.actorName };
      switch (event.type) {
        case 'created': {
          const ticket = await this.payloads.ticket(manager, event.ticketId);
          // A customer written in the same transaction (now() is the transaction's start) is new with the ticket.
          const customer = await this.payloads.customerCreatedWith(manager, event.ticketId);
          if (customer) await this.events.emit('customer.created', { customer }, manager);
          await this.events.emit('ticket.created', { ticket, actor }, manager);
          // The message that opened the ticket is written with it (no message_added event of its own).
          const first = await this.payloads.firstMessage(manager, event.ticketId);
          if (first && !sentMessages.has(first.id as string)) {
            sentMessages.add(first.id as string);
            await this.events.emit('message.created', { ticket, message: first, actor }, manager, { note: first.kind === 'note' });
          }
          break;
        }
        case 'field_changed':
          if (event.field && TICKET_FIELDS.has(event.field)) {
            changes.set(event.ticketId, [...(changes.get(event.ticketId) ?? []), { field: event.field, oldValue: event.oldValue, newValue: event.newValue }]);
          }
          break;
        case 'merged':
          await this.events.emit('ticket.merged', { ticket: await this.payloads.ticket(manager, event.ticketId), mergedInto: value, actor }, manager);
          break;
        case 'message_added': {
          const messageId = typeof value.messageId === 'string' ? value.messageId : null;
          const message = messageId ? await this.payloads.message(manager, messageId) : null;
          if (!message || sentMessages.has(message.id as string)) break;
          sentMessages.add(message.id as string);
          const note = message.kind === 'note';
          await this.events.emit('message.created', { ticket: await this.payloads.ticket(manager, event.ticketId), message, actor }, manager, { note });
          break;
        }
        case 'customer_merged': {
          const key = JSON.stringify([event.oldValue, event.newValue]);
          const merge = customerMerges.get(key) ?? { source: event.oldValue, target: event.newValue, ticketIds: [] as string[], actor };
          merge.ticketIds.push(event.ticketId);
          customerMerges.set(key, merge);
          break;
        }
        case 'survey_answered':
          await this.events.emit('survey.answered', { ticket: await this.payloads.ticket(manager, event.ticketId), survey: value }, manager);
          break;
        default:
          break;
      }
    }
    for (const merge of customerMerges.values()) await this.events.emit('customer.merged', merge, manager);
    for (const [ticketId, changed] of changes) {
      await this.events.emit('ticket.updated', { ticket: await this.payloads.ticket(manager, ticketId), changes: changed }, manager);
    }
  }
}
