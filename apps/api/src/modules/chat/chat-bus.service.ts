import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { REDIS } from '../../core/redis/redis.module.js';
import { LiveHubService } from '../live/live-hub.service.js';
import type { VisitorStream } from './visitor-stream.js';

/** One thing to tell: to the visitor's streams of a session and/or to agents' panels. */
export interface ChatNews {
  sessionId: string;
  visitor?: { event: string; data: unknown; id?: string };
  agents?: { userIds: string[]; event: string; data: unknown };
}

const HEARTBEAT_MS = 15_000;

/**
 * The chats' live fan-out: every piece of news goes through Redis pub/sub, so
 * whichever instance holds the visitor's stream or an agent's panel delivers
 * it. Visitor streams are kept here per session; agents' panels are the live
 * hub's.
 */
@Injectable()
export class ChatBusService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ChatBus');
  private readonly streams = new Map<string, Set<VisitorStream>>();
  private subscriber: Redis | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly live: LiveHubService,
  ) {
    this.channel = `${config.redisPrefix}:chat`;
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (error: Error) => this.logger.warn(`Chat subscription: ${error.message}`));
    subscriber.on('message', (_channel: string, text: string) => this.deliver(JSON.parse(text) as ChatNews));
    await subscriber.subscribe(this.channel);
    this.subscriber = subscriber;
    this.heartbeat = setInterval(() => {
      for (const set of this.streams.values()) for (const s of set) s.comment('keep-alive');
    }, HEARTBEAT_MS);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const s of set) s.end();
    this.streams.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    this.subscriber = null;
  }

  /** Keeps a visitor's stream until it closes; answers the function that drops it. */
  attach(sessionId: string, stream: VisitorStream): () => void {
    let set = this.streams.get(sessionId);
    if (!set) this.streams.set(sessionId, (set = new Set()));
    set.add(stream);
    return () => {
      set.delete(stream);
      if (!set.size) this.streams.delete(sessionId);
      stream.end();
    };
  }

  /** Open visitor streams on this instance (for the benchmark's memory figures). */
  get openStreams(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  async publish(news: ChatNews): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(news));
  }

  private deliver(news: ChatNews): void {
    if (news.visitor) {
      for (const stream of this.streams.get(news.sessionId) ?? []) stream.send(news.visitor.event, news.visitor.data, news.visitor.id);
    }
    if (news.agents) {
      const to = new Set(news.agents.userIds);
      this.live.sendToUsers(news.agents.event, news.agents.data, (userId) => to.has(userId));
    }
  }
}
