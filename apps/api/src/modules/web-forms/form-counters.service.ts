import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../../core/redis/redis.module.js';

/**
 * Counts one in every counter (fixed windows) and answers, per counter, its
 * count after the increment. KEYS: counters; ARGV[1]: the window in seconds.
 */
const COUNT = `
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, tonumber(ARGV[1])) end
  out[i] = n
end
return out
`;

/** The web forms' counters in Redis (shared by every instance): rate limits, flood level, used tokens. */
@Injectable()
export class FormCountersService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Counts one in each counter; the counts after it, and the seconds the window of the first still runs. */
  async count(keys: string[], windowSeconds: number): Promise<{ counts: number[]; ttl: number }> {
    const full = keys.map((k) => `web-forms:${k}`);
    const counts = (await this.redis.eval(COUNT, full.length, ...full, windowSeconds)) as number[];
    const ttl = await this.redis.ttl(full[0]);
    return { counts: counts.map(Number), ttl: ttl > 0 ? ttl : windowSeconds };
  }

  /** The count of a counter without changing it. */
  async peek(key: string): Promise<number> {
    return Number((await this.redis.get(`web-forms:${key}`)) ?? 0);
  }

  /** Marks a form token used; false when it was used already. */
  async useOnce(tokenKey: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(`web-forms:used:${tokenKey}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }
}
