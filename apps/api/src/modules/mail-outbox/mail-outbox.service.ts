import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { OUTBOUND_MAIL_QUEUE } from './outbound-mail-queue.js';

export interface OutboundMailJob {
  messageId: string;
}

/**
 * Hands outbound messages to the mail workers. Sending only ever enqueues;
 * the message row (state `queued`) is the truth, so a lost job is found again
 * by the sweep.
 */
@Injectable()
export class MailOutboxService {
  private readonly logger = new Logger('MailOutbox');

  constructor(@InjectQueue(OUTBOUND_MAIL_QUEUE) private readonly queue: Queue<OutboundMailJob>) {}

  async enqueue(messageId: string): Promise<void> {
    await this.queue
      .add('send', { messageId }, {
        // One job per message: a message already waiting is not queued twice.
        jobId: messageId,
        attempts: 6,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: true,
        removeOnFail: true,
      })
      .catch((error: Error) => this.logger.warn(`message ${messageId} queued in the database only (${error.message}); the sweep will send it`));
  }
}
