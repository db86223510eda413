import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { REDIS } from '../../core/redis/redis.module.js';

/**
 * Caps automatic replies per recipient (per hour) and for the whole
 * installation (per minute), so two auto-responders can never ping-pong and a
 * flood of mail cannot turn Okienko into a mail cannon. Counted in Redis, so
 * the caps hold across every worker.
 */
@Injectable()
export class AutoReplyLimiterService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one automatic reply to `recipient` and says whether it may go out. */
  async allow(recipient: string): Promise<boolean> {
    const hour = Math.floor(Date.now() / 3_600_000);
    const minute = Math.floor(Date.now() / 60_000);
    const senderKey = `auto-reply:sender:${recipient.toLowerCase()}:${hour}`;
    const globalKey = `auto-reply:global:${minute}`;
    const results = await this.redis.multi().incr(senderKey).expire(senderKey, 3_600).incr(globalKey).expire(globalKey, 60).exec();
    const perSender = Number(results?.[0]?.[1] ?? 0);
    const global = Number(results?.[2]?.[1] ?? 0);
    return perSender <= this.config.autoReplyPerSenderPerHour && global <= this.config.autoReplyGlobalPerMinute;
  }
}
