import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { RULES_SWEEP_QUEUE } from '../rules-queues.js';
import { RulesSweepService } from '../rules-sweep.service.js';

/** Worker role: one BullMQ job scheduler for all instances runs the time-based rules every RULES_SWEEP_INTERVAL_MS. */
@Processor(RULES_SWEEP_QUEUE)
export class RulesSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(RULES_SWEEP_QUEUE) private readonly queue: Queue,
    private readonly sweeper: RulesSweepService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: this.config.rulesSweepIntervalMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } });
  }

  async process(): Promise<void> {
    await this.sweeper.sweep();
  }
}
