import { Injectable } from '@nestjs/common';
import { createLimiter } from '../../core/batching/limiter.js';
import { WebhookSenderService } from './webhook-sender.service.js';
import { WebhooksRepository } from './webhooks.repository.js';

const BATCH = 50;
/** A claimed delivery is not taken by another worker for this long (longer than any request may take). */
const LEASE_MS = 120_000;

/**
 * Sends the deliveries that are due (new ones and retries whose wait is
 * over), several at once. Claims are row locks skipped by other workers, so
 * any number of workers may sweep together; a worker stopping mid-way leaves
 * its claims to be taken again after the lease.
 */
@Injectable()
export class WebhooksSweepService {
  private readonly slots = createLimiter(8);

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly sender: WebhookSenderService,
  ) {}

  async sweep(): Promise<number> {
    let sent = 0;
    for (let round = 0; round < 20; round++) {
      const due = await this.repository.claimDue(BATCH, LEASE_MS);
      await Promise.all(due.map((id) => this.slots(() => this.sender.send(id)).catch(() => 'failed')));
      sent += due.length;
      if (due.length < BATCH) break;
    }
    return sent;
  }
}
