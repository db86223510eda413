import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { REDIS } from '../../core/redis/redis.module.js';
import { AuthException, AuthErrorCode } from './auth.exception.js';

/**
 * Takes one attempt from every counter, atomically, before the password is
 * checked: when any counter is spent the attempt is refused (and not counted),
 * and the answer is how many seconds the fullest counter still runs.
 * KEYS: the counters; ARGV: their limits in the same order, then the window in seconds.
 */
const TAKE_ATTEMPT = `
local window = tonumber(ARGV[#ARGV])
local wait = 0
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i]) then
    local ttl = redis.call('TTL', key)
    if ttl < 0 then
      redis.call('EXPIRE', key, window)
      ttl = window
    end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('EXPIRE', key, window, 'NX')
end
return 0
`;

/**
 * A successful sign-in: forgets the failures of this e-mail from this address
 * (KEYS[1]) and gives back the attempt it took from the wider counters.
 */
const GIVE_BACK = `
redis.call('DEL', KEYS[1])
for i = 2, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 0
`;

/** How many times the per-(e-mail, address) limit the wider counters allow. */
const WIDER_FACTOR = 10;

/**
 * Slows down password guessing. Every attempt is counted before the password
 * is checked, in one Redis script, so concurrent attempts cannot slip past the
 * limit. Within LOGIN_WINDOW_SECONDS it allows:
 * - LOGIN_MAX_ATTEMPTS failures for one e-mail from one client address: an
 *   attacker elsewhere does not lock the owner out of their usual address;
 * - ten times as many for one e-mail from all addresses together, so guessing
 *   spread over many addresses stays bounded;
 * - ten times as many from one address for all e-mails together.
 * A refused attempt is answered 429 with Retry-After, without checking the
 * password and without being counted. A successful sign-in clears the
 * (e-mail, address) counter. Counters live in Redis, shared by every instance.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes one attempt, or refuses with 429 when a limit is reached. */
  async takeAttempt(email: string, ip: string): Promise<void> {
    const max = this.config.loginMaxAttempts;
    const limits = [max, max * WIDER_FACTOR, max * WIDER_FACTOR];
    const keys = this.keys(email, ip);
    const blockedFor = Number(await this.redis.eval(TAKE_ATTEMPT, keys.length, ...keys, ...limits, this.config.loginWindowSeconds));
    if (blockedFor > 0) {
      throw new AuthException(AuthErrorCode.TooManyAttempts, `Too many failed sign-in attempts; try again in ${blockedFor} seconds`, {
        retryAfterSeconds: blockedFor,
      });
    }
  }

  /** The attempt succeeded: it no longer counts as a failure. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis.eval(GIVE_BACK, keys.length, ...keys);
  }

  /** (e-mail, address), e-mail from all addresses, address for all e-mails. */
  private keys(email: string, ip: string): [string, string, string] {
    const normalised = email.trim().toLowerCase();
    return [`login-failures:pair:${ip}|${normalised}`, `login-failures:email:${normalised}`, `login-failures:ip:${ip}`];
  }
}
