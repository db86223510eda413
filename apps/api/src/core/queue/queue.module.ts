import { BullModule } from '@nestjs/bullmq';
import { Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { redisOptions } from '../redis/redis-options.js';

/** Connections handed to BullMQ; BullMQ does not close a connection it was given. */
const connections = new Set<Redis>();

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
        connections.add(connection);
        return { connection, prefix: `${config.redisPrefix}:bull` };
      },
    }),
  ],
})
export class QueueModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...connections].map((c) => c.quit().catch(() => c.disconnect())));
    connections.clear();
  }
}
