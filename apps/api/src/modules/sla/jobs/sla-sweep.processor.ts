import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { SLA_SWEEP_QUEUE } from '../sla-queues.js';
import { SlaSweepService } from '../sla-sweep.service.js';

/** Worker role: one BullMQ job scheduler for all instances records SLA warnings and breaches every SLA_SWEEP_INTERVAL_MS. */
@Processor(SLA_SWEEP_QUEUE)
export class SlaSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(SLA_SWEEP_QUEUE) private readonly queue: Queue,
    private readonly sweeper: SlaSweepService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: this.config.slaSweepIntervalMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } });
  }

  async process(): Promise<void> {
    await this.sweeper.sweep();
  }
}
