import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { redisOptions } from '../redis/redis-options.js';

/**
 * The connection handed to BullMQ by each application (by its configuration object, as one process may run several
 * applications); BullMQ does not close a connection it was given, so the application's shutdown closes its own.
 */
const connections = new WeakMap<AppConfig, Redis>();

/**
 * BullMQ on Redis: the connection every queue and worker of this process
 * starts from (workers duplicate it for their blocking reads).
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const connection = new Redis(redisOptions(config.redisUrl));
        connections.set(config, connection);
        return { connection, prefix: `${config.redisPrefix}:bull` };
      },
    }),
  ],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationShutdown(): Promise<void> {
    const connection = connections.get(this.config);
    connections.delete(this.config);
    await connection?.quit().catch(() => connection.disconnect());
  }
}
