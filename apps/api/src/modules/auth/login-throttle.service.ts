import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { REDIS } from '../../core/redis/redis.module.js';
import { AuthException, AuthErrorCode } from './auth.exception.js';

/**
 * Slows down password guessing: after LOGIN_MAX_ATTEMPTS failures for one
 * e-mail (or ten times as many from one address) within LOGIN_WINDOW_SECONDS,
 * further attempts are refused with 429 until the window passes. Counters live
 * in Redis, so every API instance sees the same ones.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [emailKey, ipKey] = this.keys(email, ip);
    const [[, emailCount], [, ipCount], [, emailTtl], [, ipTtl]] = (await this.redis
      .multi()
      .get(emailKey)
      .get(ipKey)
      .ttl(emailKey)
      .ttl(ipKey)
      .exec()) as [unknown, string | null][] as unknown as [[null, string | null], [null, string | null], [null, number], [null, number]];
    const max = this.config.loginMaxAttempts;
    const blockedFor = Math.max(
      Number(emailCount ?? 0) >= max ? emailTtl : 0,
      Number(ipCount ?? 0) >= max * 10 ? ipTtl : 0,
    );
    if (blockedFor > 0) {
      throw new AuthException(AuthErrorCode.TooManyAttempts, `Too many failed sign-in attempts; try again in ${blockedFor} seconds`, {
        retryAfterSeconds: blockedFor,
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.loginWindowSeconds;
    const multi = this.redis.multi();
    for (const key of this.keys(email, ip)) multi.incr(key).expire(key, window, 'NX');
    await multi.exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '')[0]);
  }

  private keys(email: string, ip: string): [string, string] {
    return [`login-failures:email:${email.trim().toLowerCase()}`, `login-failures:ip:${ip}`];
  }
}
