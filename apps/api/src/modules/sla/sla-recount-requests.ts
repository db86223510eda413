import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SLA_RECOUNT_JOB, SLA_SWEEP_QUEUE } from './sla-queues.js';

/** Asks the workers to recount open tickets' deadlines after a policy or calendar changed. */
@Injectable()
export class SlaRecountRequests {
  private readonly logger = new Logger('SlaRecount');

  constructor(@InjectQueue(SLA_SWEEP_QUEUE) private readonly queue: Queue) {}

  /** While a recount is waiting to start, later requests join it (it reads the configuration when it runs). */
  async request(): Promise<void> {
    await this.queue
      .add(SLA_RECOUNT_JOB, {}, {
        jobId: `${SLA_RECOUNT_JOB}-waiting`, removeOnComplete: true, removeOnFail: true, attempts: 3, backoff: { type: 'exponential', delay: 2_000 },
      })
      .catch((error: Error) => this.logger.warn(`the recount of open tickets could not be queued: ${error.message}`));
  }
}
