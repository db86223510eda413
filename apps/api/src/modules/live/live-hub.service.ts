import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { NotificationDto } from '../notifications/dtos/notification.dto.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { TicketAccessPolicy } from '../tickets/ticket-access.policy.js';
import type { PresenceDto } from './dtos/presence.dto.js';
import type { TicketChangeEventDto } from './dtos/ticket-change-event.dto.js';
import type { LiveStream } from './live-stream.js';
import { LiveRepository, type LiveTicket } from './live.repository.js';
import { PresenceService } from './presence.service.js';
import { TicketChangeFeedService, type TicketChange } from './ticket-change-feed.service.js';

/** How soon a client reconnects after losing the stream. */
const RETRY_MS = 3_000;
/** How often lapsed presence is looked for, to announce agents who left without saying so. */
const PRESENCE_SWEEP_MS = 1_000;

interface Subscriber {
  actor: Actor;
  stream: LiveStream;
}

/**
 * The panels connected to this API process and what they are told: committed
 * ticket changes (from the audit trail in the database) and presence changes
 * (from Redis, made on any replica), each only to those allowed to see the
 * ticket by the ticket access policy (the same rule as every ticket route).
 */
@Injectable()
export class LiveHubService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveHubService.name);
  private readonly subscribers = new Set<Subscriber>();
  /** Tickets whose presence was last announced with agents on them: the earliest expiry and who was on them in which state. */
  private readonly presenceSeen = new Map<string, { expiresAt: number; signature: string }>();
  private heartbeat: NodeJS.Timeout | null = null;
  private presenceSweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: LiveRepository,
    private readonly feed: TicketChangeFeedService,
    private readonly presence: PresenceService,
    private readonly access: TicketAccessPolicy,
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.feed.onChanges(
      (changes) => void this.announceChanges(changes).catch((error: Error) => this.logger.warn(`Live ticket changes: ${error.message}`)),
      () => this.subscribers.size > 0,
    );
    this.presence.onChange((ticketId) => void this.announcePresence(ticketId));
    // A comment line now and then keeps idle connections and proxies open (LIVE_KEEPALIVE_SECONDS).
    this.heartbeat = setInterval(() => this.forEachOpen((s) => s.stream.comment('keep-alive')), this.config.liveKeepAliveMs);
    this.presenceSweep = setInterval(() => this.sweepPresence(), PRESENCE_SWEEP_MS);
  }

  /** Ends every stream, so the HTTP server can close. */
  onModuleDestroy(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.presenceSweep) clearInterval(this.presenceSweep);
    for (const subscriber of this.subscribers) subscriber.stream.end();
    this.subscribers.clear();
  }

  /** Opens a stream for the caller; answers the function that closes it. */
  connect(actor: Actor, stream: LiveStream): () => void {
    const subscriber: Subscriber = { actor, stream };
    stream.open(RETRY_MS);
    this.subscribers.add(subscriber);
    stream.send('ready', { userId: actor.userId });
    return () => {
      this.subscribers.delete(subscriber);
      stream.end();
    };
  }

  /** Sends an event to the connected panels of the users `to` accepts (a call ringing, a chat waiting). */
  sendToUsers(event: string, data: unknown, to: (userId: string) => boolean): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.actor.userId && to(subscriber.actor.userId)) subscriber.stream.send(event, data);
    }
  }

  private async announceChanges(changes: TicketChange[]): Promise<void> {
    if (!this.subscribers.size) return;
    await this.announceNotifications(changes);
    const tickets = await this.repository.tickets(changes.map((c) => c.ticketId));
    const visibility = await this.visibility();
    for (const change of changes) {
      const ticket = tickets.get(change.ticketId);
      if (!ticket) continue;
      const event: TicketChangeEventDto = { id: ticket.id, number: ticket.number, types: [...change.types].sort(), fields: [...change.fields].sort() };
      const name = change.types.has('created') ? 'ticket.created' : 'ticket.updated';
      for (const subscriber of this.subscribers) {
        if (visibility(subscriber, ticket)) subscriber.stream.send(name, event);
      }
    }
  }

  /** The notifications written with these changes, each to its own user's streams only. */
  private async announceNotifications(changes: TicketChange[]): Promise<void> {
    const userIds = [...new Set([...this.subscribers].map((s) => s.actor.userId).filter((id): id is string => id !== null))];
    const notifications = await this.notifications.forEvents(changes.flatMap((c) => c.eventIds), userIds);
    for (const notification of notifications) {
      const event = NotificationDto.from(notification);
      for (const subscriber of this.subscribers) {
        if (subscriber.actor.userId === notification.userId) subscriber.stream.send('notification', event);
      }
    }
  }

  /** `onlyIfChanged`: a sweep re-reads presence whose entries may have lapsed; mere renewed heartbeats are not news. */
  private async announcePresence(ticketId: string, onlyIfChanged = false): Promise<void> {
    try {
      if (!this.subscribers.size) {
        this.presenceSeen.delete(ticketId);
        return;
      }
      const [agents, tickets] = await Promise.all([this.presence.list(ticketId), this.repository.tickets([ticketId])]);
      const ticket = tickets.get(ticketId);
      const signature = agents.map((a) => `${a.userId}:${a.state}`).join(',');
      const previous = this.presenceSeen.get(ticketId);
      if (agents.length) this.presenceSeen.set(ticketId, { expiresAt: Math.min(...agents.map((a) => Date.parse(a.expiresAt))), signature });
      else this.presenceSeen.delete(ticketId);
      if (!ticket || (onlyIfChanged && previous?.signature === signature)) return;
      const visibility = await this.visibility();
      const event: PresenceDto = { ticketId, agents };
      for (const subscriber of this.subscribers) {
        if (visibility(subscriber, ticket)) subscriber.stream.send('presence', event);
      }
    } catch (error) {
      this.logger.warn(`Live presence of ticket ${ticketId}: ${(error as Error).message}`);
    }
  }

  /** Agents who stopped sending heartbeats (a closed tab, a lost network) are announced as gone. */
  private sweepPresence(): void {
    const now = Date.now();
    for (const [ticketId, seen] of this.presenceSeen) {
      // Pushed out first, so a slow read is not started twice; the read puts it back while agents remain.
      if (seen.expiresAt <= now) {
        this.presenceSeen.set(ticketId, { expiresAt: Number.POSITIVE_INFINITY, signature: seen.signature });
        void this.announcePresence(ticketId, true);
      }
    }
  }

  /** Who may see which ticket, with the queues of the connected agents read once (fresh: membership may change while a stream is open). */
  private async visibility(): Promise<(subscriber: Subscriber, ticket: LiveTicket) => boolean> {
    const subscribers = [...this.subscribers];
    const reaches = await this.access.reaches(subscribers.map((s) => s.actor));
    const bySubscriber = new Map(subscribers.map((s, i) => [s, reaches[i]]));
    return (subscriber, ticket) => {
      const reach = bySubscriber.get(subscriber);
      return reach !== undefined && this.access.allows(reach, ticket);
    };
  }

  private forEachOpen(action: (subscriber: Subscriber) => void): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.stream.isClosed) this.subscribers.delete(subscriber);
      else action(subscriber);
    }
  }
}
