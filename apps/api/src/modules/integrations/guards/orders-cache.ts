import { Inject, Injectable } from '@nestjs/common';
import type { Order } from '@okienko/domain';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { REDIS } from '../../../core/redis/redis.module.js';
import type { OrderQuery } from '../sources/order-source.js';

/** A shop's answer about a customer, kept briefly in Redis (SHOP_CACHE_SECONDS); failures are never kept. */
@Injectable()
export class OrdersCache {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(integrationId: string, query: OrderQuery): Promise<Order[] | null> {
    if (this.config.shopCacheSeconds === 0) return null;
    const raw = await this.redis.get(key(integrationId, query));
    return raw ? (JSON.parse(raw) as Order[]) : null;
  }

  async put(integrationId: string, query: OrderQuery, orders: Order[]): Promise<void> {
    if (this.config.shopCacheSeconds === 0) return;
    const k = key(integrationId, query);
    const index = `shop-cache-keys:${integrationId}`;
    const ttl = this.config.shopCacheSeconds;
    await this.redis.multi().set(k, JSON.stringify(orders), 'EX', ttl).sadd(index, k).expire(index, ttl).exec();
  }

  /** Forgets what an integration answered (its settings changed). */
  async forget(integrationId: string): Promise<void> {
    const keys = await this.redis.smembers(`shop-cache-keys:${integrationId}`);
    if (keys.length) await this.redis.del(...keys);
    await this.redis.del(`shop-cache-keys:${integrationId}`);
  }
}

function key(integrationId: string, query: OrderQuery): string {
  const normalised = {
    e: [...query.emails].sort(),
    p: [...query.phones].sort(),
    n: [...query.orderNumbers].sort(),
    x: [...(query.externalOrderIds ?? [])].sort(),
    s: query.since?.toISOString() ?? null,
  };
  return `shop-cache:${integrationId}:${createHash('sha256').update(JSON.stringify(normalised)).digest('base64url')}`;
}
