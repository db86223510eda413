import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../../core/config/config.module.js';
import { AllegroPollerService } from '../allegro-poller.service.js';

export const ALLEGRO_QUEUE = 'allegro';

/**
 * Worker role: one BullMQ job scheduler for all instances looks for the
 * Allegro accounts due every MARKETPLACES_TICK_MS; each account's own
 * schedule (its pollSeconds, a Retry-After, the device flow's interval) lives
 * in its row, claimed by one worker at a time.
 */
@Processor(ALLEGRO_QUEUE)
export class AllegroTickProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(ALLEGRO_QUEUE) private readonly queue: Queue,
    private readonly poller: AllegroPollerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('tick', { every: this.config.marketplacesTickMs }, { name: 'tick', opts: { removeOnComplete: true, removeOnFail: true } });
  }

  async process(): Promise<void> {
    await this.poller.tick();
  }
}
