import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../../../core/redis/redis.module.js';

/** Failures in a row (within FAILURE_WINDOW_S) after which a shop is left alone for OPEN_S. */
export const FAILURES_TO_OPEN = 5;
const FAILURE_WINDOW_S = 60;
const OPEN_S = 30;

/**
 * A circuit breaker per integration, shared by all processes through Redis: a
 * shop that keeps failing (down, timing out) is not asked for a while, so
 * every ticket page does not wait for its time-out.
 */
@Injectable()
export class CircuitBreaker {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Seconds the circuit stays open (0: closed, the shop may be asked). */
  async openFor(integrationId: string): Promise<number> {
    const ttl = await this.redis.ttl(`shop-open:${integrationId}`);
    return ttl > 0 ? ttl : 0;
  }

  async success(integrationId: string): Promise<void> {
    await this.redis.del(`shop-failures:${integrationId}`);
  }

  async failure(integrationId: string): Promise<void> {
    const key = `shop-failures:${integrationId}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, FAILURE_WINDOW_S).exec()) as [[unknown, number]];
    if (count >= FAILURES_TO_OPEN) {
      await this.redis.multi().set(`shop-open:${integrationId}`, '1', 'EX', OPEN_S).del(key).exec();
    }
  }

  async reset(integrationId: string): Promise<void> {
    await this.redis.del(`shop-failures:${integrationId}`, `shop-open:${integrationId}`);
  }
}
