import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../../core/redis/redis.module.js';
import { ApiChannelErrorCode, ApiChannelException } from './api-channel.exception.js';

/** Requests a client address may make per minute, and those one channel key may take. */
const PER_ADDRESS = 600;
const PER_KEY = 1200;
const WINDOW_SECONDS = 60;

/**
 * The inbound route is public: counters in Redis (shared by every instance)
 * per client address and per channel key, fixed one-minute windows; a spent
 * counter answers 429 with Retry-After.
 */
@Injectable()
export class InboundRateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async take(address: string, key: string): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
    const counters: [string, number][] = [
      [`api-channel:addr:${address}:${window}`, PER_ADDRESS],
      [`api-channel:key:${key.slice(0, 100)}:${window}`, PER_KEY],
    ];
    const results = await this.redis
      .multi(counters.flatMap(([counter]) => [['incr', counter], ['expire', counter, WINDOW_SECONDS * 2]]))
      .exec();
    const spent = counters.some(([, max], i) => Number(results?.[i * 2]?.[1] ?? 0) > max);
    if (spent) {
      const retryAfterSeconds = WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % WINDOW_SECONDS);
      throw new ApiChannelException(ApiChannelErrorCode.RateLimited, `Too many messages; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
    }
  }
}
