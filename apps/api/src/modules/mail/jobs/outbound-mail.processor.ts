import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { OutboundMailJob } from '../../mail-outbox/mail-outbox.service.js';
import { OUTBOUND_MAIL_QUEUE } from '../../mail-outbox/outbound-mail-queue.js';
import { OutboundDispatcherService } from '../../channels/outbound/outbound-dispatcher.service.js';

/**
 * Worker role: sends queued replies and automatic mail through the transport of
 * each message's channel type, retrying temporary failures with backoff.
 */
@Processor(OUTBOUND_MAIL_QUEUE, { concurrency: 4 })
export class OutboundMailProcessor extends WorkerHost {
  constructor(private readonly dispatcher: OutboundDispatcherService) {
    super();
  }

  async process(job: Job<OutboundMailJob>): Promise<void> {
    await this.dispatcher.send(job.data.messageId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
