import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { WEBHOOKS_SWEEP_QUEUE } from '../webhooks-queues.js';
import { WebhooksSweepService } from '../webhooks-sweep.service.js';

/**
 * Worker role: one BullMQ job scheduler for all instances sends the due
 * webhook deliveries every WEBHOOKS_SWEEP_INTERVAL_MS (new events at once,
 * retries when their back-off is over; the schedule lives in the rows, so a
 * lost Redis loses nothing).
 */
@Processor(WEBHOOKS_SWEEP_QUEUE)
export class WebhooksSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(WEBHOOKS_SWEEP_QUEUE) private readonly queue: Queue,
    private readonly sweeper: WebhooksSweepService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: this.config.webhooksSweepIntervalMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } });
  }

  async process(): Promise<void> {
    await this.sweeper.sweep();
  }
}
