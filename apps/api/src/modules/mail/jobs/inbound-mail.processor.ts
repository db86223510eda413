import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { ClaimedInboundMail } from '../inbound-mails.repository.js';
import { InboundMailProcessingService, PermanentMailError } from '../inbound-mail-processing.service.js';
import type { InboundMailJob } from '../inbound-mails.service.js';
import { INBOUND_MAIL_QUEUE } from '../mail-queues.js';

/**
 * Mails of one job processed at once (a job holds up to 128). New mails
 * processed at the same moment, of one job or of several, are claimed and
 * written together (one statement for the tickets of many): the more mails
 * in progress, the fewer statements per mail.
 */
const PARALLEL_PER_JOB = 16;

/**
 * Worker role: turns accepted mail into tickets, several at a time; one bad
 * mail never blocks the others. A mail that cannot be read or stored is
 * recorded as failed at once; a passing failure (the database away) retries
 * the job, which skips the mails done meanwhile.
 */
@Processor(INBOUND_MAIL_QUEUE, { concurrency: 16 })
export class InboundMailProcessor extends WorkerHost {
  constructor(private readonly processing: InboundMailProcessingService) {
    super();
  }

  async process(job: Job<InboundMailJob>): Promise<void> {
    const ids = job.data.mailIds ?? (job.data.mailId ? [job.data.mailId] : []);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const mails = await this.processing.claim(ids, job.attemptsMade > 0);
    let retry: unknown = null;
    for (let next = 0; next < mails.length; ) {
      const slice = mails.slice(next, (next += PARALLEL_PER_JOB));
      const results = await Promise.allSettled(slice.map((mail) => this.processOne(mail, lastAttempt)));
      retry ??= results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason ?? null;
    }
    if (retry) throw retry;
  }

  private async processOne(mail: ClaimedInboundMail, lastAttempt: boolean): Promise<void> {
    try {
      await this.processing.process(mail);
    } catch (error) {
      if (error instanceof PermanentMailError || lastAttempt) return this.processing.fail(mail.id, error as Error);
      throw error;
    }
  }
}
