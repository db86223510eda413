import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../../../core/redis/redis.module.js';

/** A bucket's size and how fast it fills again. */
export interface BucketLimit {
  capacity: number;
  perSecond: number;
}

/**
 * Takes one token, or answers how many milliseconds until one is there. The
 * bucket lives in Redis, so every process of the installation draws from the
 * same one (a shop's limit holds across API replicas and workers).
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate) + 1000)
return wait
`;

/** Sets how many tokens are left (what the shop itself reports), never raising it. */
const LOWER = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens')
local tokens = tonumber(state[1])
local left = tonumber(ARGV[1])
if tokens == nil or left < tokens then
  redis.call('HSET', KEYS[1], 'tokens', tostring(left), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return 0
`;

@Injectable()
export class TokenBucket {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Milliseconds to wait before the request may go (0: go now; a token was taken). */
  async take(key: string, limit: BucketLimit): Promise<number> {
    return Number(await this.redis.eval(TAKE, 1, `shop-bucket:${key}`, limit.capacity, limit.perSecond));
  }

  /**
   * Takes a token, waiting for one while it comes before `deadline`
   * (epoch ms); false when it would come later.
   */
  async acquire(key: string, limit: BucketLimit, deadline: number, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      const wait = await this.take(key, limit);
      if (wait === 0) return true;
      if (Date.now() + wait >= deadline || signal?.aborted) return false;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** The shop says only `left` requests remain (e.g. from its leaky-bucket headers); or none at all for `pauseMs`. */
  async lower(key: string, left: number, limit: BucketLimit): Promise<void> {
    await this.redis.eval(LOWER, 1, `shop-bucket:${key}`, left, Math.ceil((limit.capacity / limit.perSecond) * 1000) + 1000);
  }
}
