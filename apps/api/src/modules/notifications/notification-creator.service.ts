import { Injectable, OnModuleInit } from '@nestjs/common';
import { mentionedAgents, mentionedHandles } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';
import { TicketAccessPolicy } from '../tickets/ticket-access.policy.js';
import { TicketEventObservers, type TicketEventObserver, type WrittenTicketEvent } from '../tickets/ticket-event-observers.js';
import { TicketWatchersRepository } from '../tickets/ticket-watchers.repository.js';
import type { TicketNotificationKind as NotificationKind } from './notification-kind.js';
import { NotificationsRepository, type NewNotification, type NotifiedTicket } from './notifications.repository.js';

/** How much of a message a notification quotes. */
const EXCERPT_LENGTH = 160;

/** A notification someone may get, before the checks (not the actor, active, can see the ticket). */
interface Candidate {
  userId: string;
  kind: NotificationKind;
  event: WrittenTicketEvent;
  payload: Record<string, unknown>;
}

/** The audit events that may notify somebody. */
function mayNotify(event: WrittenTicketEvent): boolean {
  const value = (event.newValue ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case 'field_changed':
      return event.field === 'assigneeId' && typeof event.newValue === 'string';
    case 'created':
      return typeof value.assigneeId === 'string';
    case 'message_added':
      return value.direction === 'note' || (value.direction === 'inbound' && event.actorType === 'customer' && value.automated !== true);
    case 'sla_warning':
      return true;
    case 'unsnoozed':
      return value.reason === 'time';
    default:
      return false;
  }
}

function excerpt(text: string | null): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/**
 * Notifies agents of what happens on tickets, from the audit events as they
 * are written, in the same transaction (a change and its notifications commit
 * together, whichever path made it: the API, mail, rules, the SLA sweep):
 *
 * - `assigned`: a ticket assigned to you by somebody else or by a rule;
 * - `mention`: `@handle` in an internal note (see `mentionedAgents`);
 * - `customer_replied`: the customer wrote on a ticket assigned to you or that you watch;
 * - `sla_warning`: an SLA warning on such a ticket;
 * - `snooze_ended`: the snooze of your ticket (or one you snoozed, when nobody has it) ended.
 *
 * Nobody is notified of their own doing, and only of tickets they may see.
 */
@Injectable()
export class NotificationCreatorService implements TicketEventObserver, OnModuleInit {
  constructor(
    private readonly observers: TicketEventObservers,
    private readonly repository: NotificationsRepository,
    private readonly watchers: TicketWatchersRepository,
    private readonly access: TicketAccessPolicy,
  ) {}

  onModuleInit(): void {
    this.observers.register(this);
  }

  async written(manager: EntityManager, events: readonly WrittenTicketEvent[]): Promise<void> {
    const relevant = events.filter(mayNotify);
    if (!relevant.length) return;
    const byTicket = new Map<string, WrittenTicketEvent[]>();
    for (const event of relevant) byTicket.set(event.ticketId, [...(byTicket.get(event.ticketId) ?? []), event]);
    for (const [ticketId, ticketEvents] of byTicket) {
      const ticket = await this.repository.ticket(manager, ticketId);
      if (!ticket) continue;
      const candidates: Candidate[] = [];
      for (const event of ticketEvents) candidates.push(...(await this.candidates(manager, ticket, event)));
      await this.repository.insert(manager, await this.allowed(manager, ticket, candidates));
    }
  }

  private async candidates(manager: EntityManager, ticket: NotifiedTicket, event: WrittenTicketEvent): Promise<Candidate[]> {
    const value = (event.newValue ?? {}) as Record<string, unknown>;
    const followers = async () => [...new Set([ticket.assigneeId, ...(await this.watchers.watchersOf(ticket.id, manager)).map((w) => w.userId)])]
      .filter((id): id is string => id !== null);
    const to = (userIds: string[], kind: NotificationKind, payload: Record<string, unknown> = {}): Candidate[] =>
      userIds.map((userId) => ({ userId, kind, event, payload }));
    switch (event.type) {
      case 'field_changed':
        return to([event.newValue as string], 'assigned');
      case 'created':
        return to([value.assigneeId as string], 'assigned');
      case 'message_added': {
        // Read only what is needed: nobody follows most tickets, and most notes mention nobody.
        const recipients = value.direction === 'inbound' ? await followers() : null;
        if (recipients?.length === 0) return [];
        const text = await this.repository.messageText(manager, value.messageId as string);
        if (recipients) return to(recipients, 'customer_replied', { messageId: value.messageId, excerpt: excerpt(text) });
        if (!mentionedHandles(text ?? '').length) return [];
        const agents = mentionedAgents(text ?? '', await this.repository.activeUsers(manager, null));
        return to(agents.map((a) => a.id), 'mention', { messageId: value.messageId, excerpt: excerpt(text) });
      }
      case 'sla_warning':
        return to(await followers(), 'sla_warning', { target: value.target ?? event.field, dueAt: value.dueAt ?? null });
      case 'unsnoozed': {
        const owner = ticket.assigneeId ?? (await this.repository.lastSnoozer(manager, ticket.id));
        return owner ? to([owner], 'snooze_ended', { snoozedUntil: event.oldValue ?? null }) : [];
      }
      default:
        return [];
    }
  }

  /** Each candidate once per kind and event, never to the actor, only to active users who may see the ticket. */
  private async allowed(manager: EntityManager, ticket: NotifiedTicket, candidates: Candidate[]): Promise<NewNotification[]> {
    const seen = new Set<string>();
    const unique = candidates.filter((c) => {
      const key = `${c.userId}:${c.kind}:${c.event.id}`;
      const own = c.event.actorType === 'user' && c.event.actorId === c.userId;
      if (own || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (!unique.length) return [];
    const users = await this.repository.activeUsers(manager, [...new Set(unique.map((c) => c.userId))]);
    const actors: Actor[] = users.map((u) => ({ type: 'user', id: u.id, name: u.name, role: u.role, userId: u.id }));
    const reaches = await this.access.reaches(actors);
    const mayRead = new Set(users.filter((_, i) => this.access.allows(reaches[i], ticket)).map((u) => u.id));
    return unique.filter((c) => mayRead.has(c.userId)).map((c) => ({
      userId: c.userId,
      kind: c.kind,
      ticketId: ticket.id,
      eventId: c.event.id,
      actor: { type: c.event.actorType, id: c.event.actorId, name: c.event.actorName },
      payload: c.payload,
    }));
  }
}
