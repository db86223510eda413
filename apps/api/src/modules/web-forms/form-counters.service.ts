import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../../core/redis/redis.module.js';

/**
 * Counts one in every counter (fixed windows) and answers, per counter, its
 * count after the increment and the seconds its window still runs.
 * KEYS: counters; ARGV[i]: the window of KEYS[i] in seconds (ARGV[1] for any without its own).
 */
const COUNT = `
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, tonumber(ARGV[i] or ARGV[1])) end
  out[2 * i - 1] = n
  out[2 * i] = redis.call('TTL', key)
end
return out
`;

/**
 * Marks a form token used (KEYS[1], for ARGV[1] seconds) and, only when it
 * was not used before, counts one in the other counters as COUNT does (their
 * windows in ARGV[2..]). Answers {0} for a used token, else {1, n, ttl, …}.
 */
const USE_AND_COUNT = `
if not redis.call('SET', KEYS[1], '1', 'EX', tonumber(ARGV[1]), 'NX') then return {0} end
local out = {1}
for i = 2, #KEYS do
  local n = redis.call('INCR', KEYS[i])
  if n == 1 then redis.call('EXPIRE', KEYS[i], tonumber(ARGV[i])) end
  out[2 * i - 2] = n
  out[2 * i - 1] = redis.call('TTL', KEYS[i])
end
return out
`;

export interface CounterWindow {
  key: string;
  windowSeconds: number;
}

/** A counter's count after the increment, and the seconds its window still runs. */
export interface CounterCount {
  count: number;
  ttl: number;
}

/**
 * The web forms' counters in Redis (shared by every instance): rate limits,
 * flood level, used tokens. Each call is one Redis command (a script), so a
 * submission's checks cost two round trips.
 */
@Injectable()
export class FormCountersService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Counts one in each counter; the counts after it, and the seconds the window of the first still runs. */
  async count(keys: string[], windowSeconds: number): Promise<{ counts: number[]; ttl: number }> {
    const counted = await this.countEach(keys.map((key) => ({ key, windowSeconds })));
    return { counts: counted.map((c) => c.count), ttl: counted[0]?.ttl ?? windowSeconds };
  }

  /** Counts one in each counter, each in its own window. */
  async countEach(counters: CounterWindow[]): Promise<CounterCount[]> {
    const answer = (await this.redis.eval(COUNT, counters.length, ...counters.map((c) => `web-forms:${c.key}`), ...counters.map((c) => c.windowSeconds))) as number[];
    return readCounts(answer, 0, counters);
  }

  /** The count of a counter without changing it. */
  async peek(key: string): Promise<number> {
    return Number((await this.redis.get(`web-forms:${key}`)) ?? 0);
  }

  /** Marks a form token used; false when it was used already. */
  async useOnce(tokenKey: string, ttlSeconds: number): Promise<boolean> {
    return (await this.useOnceAndCount(tokenKey, ttlSeconds, [])) !== null;
  }

  /** Marks a form token used and, when it was not used already, counts one in each counter; null for a used token. */
  async useOnceAndCount(tokenKey: string, ttlSeconds: number, counters: CounterWindow[]): Promise<CounterCount[] | null> {
    const keys = [`web-forms:used:${tokenKey}`, ...counters.map((c) => `web-forms:${c.key}`)];
    const answer = (await this.redis.eval(USE_AND_COUNT, keys.length, ...keys, ttlSeconds, ...counters.map((c) => c.windowSeconds))) as number[];
    return Number(answer[0]) === 1 ? readCounts(answer, 1, counters) : null;
  }
}

function readCounts(answer: number[], from: number, counters: CounterWindow[]): CounterCount[] {
  return counters.map((c, i) => {
    const ttl = Number(answer[from + 2 * i + 1]);
    return { count: Number(answer[from + 2 * i]), ttl: ttl > 0 ? ttl : c.windowSeconds };
  });
}
