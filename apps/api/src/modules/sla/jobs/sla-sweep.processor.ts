import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { SLA_RECOUNT_JOB, SLA_SWEEP_QUEUE } from '../sla-queues.js';
import { SlaRecountService } from '../sla-recount.service.js';
import { SlaSweepService } from '../sla-sweep.service.js';

/**
 * Worker role: one BullMQ job scheduler for all instances records SLA warnings
 * and breaches every SLA_SWEEP_INTERVAL_MS; recount jobs follow policy and calendar changes.
 */
@Processor(SLA_SWEEP_QUEUE)
export class SlaSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(SLA_SWEEP_QUEUE) private readonly queue: Queue,
    private readonly sweeper: SlaSweepService,
    private readonly recounter: SlaRecountService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: this.config.slaSweepIntervalMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } });
  }

  async process(job: Job): Promise<void> {
    if (job.name === SLA_RECOUNT_JOB) await this.recounter.recountAll();
    else await this.sweeper.sweep();
  }
}
