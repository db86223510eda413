import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { NotificationMailService } from '../notification-mail.service.js';
import { SNOOZE_SWEEP_QUEUE } from '../notification-queues.js';
import { SnoozeSweepService } from '../snooze-sweep.service.js';

/**
 * Worker role: one BullMQ job scheduler for all instances wakes snoozed
 * tickets every SNOOZE_SWEEP_INTERVAL_MS, and hands the notifications agents
 * want by mail to the outbox.
 */
@Processor(SNOOZE_SWEEP_QUEUE)
export class SnoozeSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(SNOOZE_SWEEP_QUEUE) private readonly queue: Queue,
    private readonly sweeper: SnoozeSweepService,
    private readonly mail: NotificationMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: this.config.snoozeSweepIntervalMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } });
  }

  async process(): Promise<void> {
    await this.sweeper.sweep();
    await this.mail.sendPending();
  }
}
