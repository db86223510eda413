import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { WebhookJob } from '../rule-effects.service.js';
import { WEBHOOK_QUEUE } from '../rules-queues.js';
import { WebhookDeliveryService } from '../webhook-delivery.service.js';

/** Worker role: calls rules' webhooks, retrying failures with backoff. */
@Processor(WEBHOOK_QUEUE, { concurrency: 4 })
export class WebhookProcessor extends WorkerHost {
  constructor(private readonly webhooks: WebhookDeliveryService) {
    super();
  }

  async process(job: Job<WebhookJob>): Promise<void> {
    await this.webhooks.deliver(job.data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
