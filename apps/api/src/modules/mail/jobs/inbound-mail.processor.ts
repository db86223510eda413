import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { InboundMailProcessingService, PermanentMailError } from '../inbound-mail-processing.service.js';
import type { InboundMailJob } from '../inbound-mails.service.js';
import { INBOUND_MAIL_QUEUE } from '../mail-queues.js';

/** Worker role: turns accepted mail into tickets, several at a time; one bad mail never blocks the others. */
@Processor(INBOUND_MAIL_QUEUE, { concurrency: 8 })
export class InboundMailProcessor extends WorkerHost {
  constructor(private readonly processing: InboundMailProcessingService) {
    super();
  }

  async process(job: Job<InboundMailJob>): Promise<void> {
    try {
      await this.processing.process(job.data.mailId);
    } catch (error) {
      const permanent = error instanceof PermanentMailError;
      if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.processing.fail(job.data.mailId, error as Error);
      throw permanent ? new UnrecoverableError((error as Error).message) : error;
    }
  }
}
