import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';
import { REDIS } from '../../core/redis/redis.module.js';

/**
 * Counts one request in each counter (fixed windows) and answers how long the
 * fullest spent counter still runs (0: allowed). KEYS: counters; ARGV: their
 * limits, then the window in seconds.
 */
const TAKE = `
local window = tonumber(ARGV[#ARGV])
local wait = 0
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, window) end
  if n > tonumber(ARGV[i]) then
    local ttl = redis.call('TTL', key)
    if ttl < 1 then ttl = 1 end
    if ttl > wait then wait = ttl end
  end
end
return wait
`;

export class RateLimitedException extends AppException<'RATE_LIMITED'> {
  constructor(what: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', ErrorKind.TooManyRequests, `Too many ${what}; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
  }
}

/** One limit: at most `max` within `windowSeconds` for the key. */
export interface PublicLimit {
  key: string;
  max: number;
}

/**
 * Rate limits of the public (unauthenticated) endpoints: the PBX webhook and
 * the chat widget's routes. Counters live in Redis (shared by every instance),
 * per client address and per session; a spent counter answers 429 with
 * Retry-After.
 */
@Injectable()
export class PublicRateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Takes one request from every limit, or throws 429 naming `what`. */
  async take(what: string, limits: PublicLimit[], windowSeconds: number): Promise<void> {
    if (!limits.length) return;
    const keys = limits.map((l) => `public-limit:${l.key}`);
    const wait = Number(await this.redis.eval(TAKE, keys.length, ...keys, ...limits.map((l) => l.max), windowSeconds));
    if (wait > 0) throw new RateLimitedException(what, wait);
  }
}
