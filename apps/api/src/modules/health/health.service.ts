import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../../core/redis/redis.module.js';
import { withTimeout } from '../../core/startup/startup-error.js';

const CHECK_TIMEOUT_MS = 2_000;

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<HealthReport> {
    const probe = (work: Promise<unknown>) =>
      withTimeout(work, CHECK_TIMEOUT_MS, () => new Error('timed out')).then(() => 'up' as const, () => 'down' as const);
    const [database, redis] = await Promise.all([probe(this.dataSource.query('SELECT 1')), probe(this.redis.ping())]);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'error', checks: { database, redis } };
  }
}
