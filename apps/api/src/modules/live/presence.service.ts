import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { REDIS } from '../../core/redis/redis.module.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { PresenceState } from './dtos/presence-input.dto.js';
import type { PresenceDto, PresenceEntryDto } from './dtos/presence.dto.js';
import { LiveException, LiveErrorCode } from './live.exception.js';

/** An entry lapses this long after the agent's last heartbeat (the panel sends one every few seconds). */
export const PRESENCE_TTL_MS = 20_000;

/**
 * Who is viewing or replying to which ticket, shared by every API replica
 * through Redis: one hash per ticket (user → entry with its expiry), the key
 * itself expiring with its newest entry, and a pub/sub channel on which every
 * change of a ticket's presence is announced to all replicas.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  private subscriber: Redis | null = null;
  private handler: ((ticketId: string) => void) | null = null;
  /** Pub/sub channels are not covered by the client's key prefix: the installation's prefix is added here. */
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tickets: TicketsService,
  ) {
    this.channel = `${config.redisPrefix}:live:presence`;
  }

  /** Called with a ticket's id whenever any replica changes who is on it. */
  onChange(handler: (ticketId: string) => void): void {
    this.handler = handler;
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (error: Error) => this.logger.warn(`Presence subscription: ${error.message}`));
    subscriber.on('message', (_channel: string, ticketId: string) => this.handler?.(ticketId));
    await subscriber.subscribe(this.channel);
    this.subscriber = subscriber;
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    this.subscriber = null;
  }

  /** Who is on a ticket the actor may see (else 404, as for a ticket that does not exist). */
  async get(ref: string, actor: Actor): Promise<PresenceDto> {
    const { id } = await this.tickets.get(ref, actor);
    return { ticketId: id, agents: await this.list(id) };
  }

  /** A heartbeat: the agent is (still) viewing or replying; answers everybody on the ticket now. */
  async set(ref: string, actor: Actor, state: PresenceState): Promise<PresenceDto> {
    const userId = this.userOf(actor);
    const { id } = await this.tickets.get(ref, actor);
    const key = this.key(id);
    const entry: PresenceEntryDto = { userId, name: actor.name, state, expiresAt: new Date(Date.now() + PRESENCE_TTL_MS).toISOString() };
    const previous = await this.redis.hget(key, userId);
    await this.redis.multi().hset(key, userId, JSON.stringify(entry)).pexpire(key, PRESENCE_TTL_MS).exec();
    // A mere heartbeat changes nobody's view: only a new agent or a new state is announced.
    const before = previous ? (JSON.parse(previous) as PresenceEntryDto) : null;
    if (!before || before.state !== state || Date.parse(before.expiresAt) <= Date.now()) await this.redis.publish(this.channel, id);
    return { ticketId: id, agents: await this.list(id) };
  }

  /** The agent left the ticket. */
  async clear(ref: string, actor: Actor): Promise<void> {
    const userId = this.userOf(actor);
    const { id } = await this.tickets.get(ref, actor);
    if (await this.redis.hdel(this.key(id), userId)) await this.redis.publish(this.channel, id);
  }

  /** Everybody whose heartbeat has not lapsed, by name. */
  async list(ticketId: string): Promise<PresenceEntryDto[]> {
    const raw = await this.redis.hgetall(this.key(ticketId));
    const now = Date.now();
    // Lapsed entries stay in the hash (at most one per agent) until the whole key expires.
    const entries = Object.values(raw)
      .map((value) => JSON.parse(value) as PresenceEntryDto)
      .filter((entry) => Date.parse(entry.expiresAt) > now);
    return entries.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  }

  private userOf(actor: Actor): string {
    if (!actor.userId) throw new LiveException(LiveErrorCode.PresenceNeedsUser, 'Presence is kept for signed-in users, not API tokens');
    return actor.userId;
  }

  private key(ticketId: string): string {
    return `live:presence:${ticketId}`;
  }
}
