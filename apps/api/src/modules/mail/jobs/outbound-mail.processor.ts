import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { OutboundMailJob } from '../../mail-outbox/mail-outbox.service.js';
import { OUTBOUND_MAIL_QUEUE } from '../../mail-outbox/outbound-mail-queue.js';
import { OutboundMailSenderService } from '../outbound-mail-sender.service.js';

/** Worker role: sends queued replies and automatic mail, retrying temporary SMTP failures with backoff. */
@Processor(OUTBOUND_MAIL_QUEUE, { concurrency: 4 })
export class OutboundMailProcessor extends WorkerHost {
  constructor(private readonly sender: OutboundMailSenderService) {
    super();
  }

  async process(job: Job<OutboundMailJob>): Promise<void> {
    await this.sender.send(job.data.messageId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
