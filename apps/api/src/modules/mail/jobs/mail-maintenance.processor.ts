import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { OutboundMessagesService } from '../../tickets/outbound-messages.service.js';
import { InboundMailsService } from '../inbound-mails.service.js';
import { MAIL_MAINTENANCE_QUEUE } from '../mail-queues.js';

const SWEEP_EVERY_MS = 60_000;

/**
 * Worker role: Redis carries work, PostgreSQL the truth. On start, and then
 * once a minute (one BullMQ job scheduler for all instances), mail that was
 * accepted but not processed and messages still waiting to be sent are queued
 * again, so nothing is lost when Redis or a process is.
 */
@Processor(MAIL_MAINTENANCE_QUEUE)
export class MailMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('MailMaintenance');

  constructor(
    @InjectQueue(MAIL_MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly inbound: InboundMailsService,
    private readonly outbound: OutboundMessagesService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: SWEEP_EVERY_MS }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } });
    await this.inbound.requeueAll();
    await this.requeueOutbound();
  }

  async process(): Promise<void> {
    await this.inbound.sweep();
    await this.requeueOutbound();
  }

  private async requeueOutbound(): Promise<void> {
    const ids = await this.outbound.pendingIds(1000);
    for (const id of ids) await this.outbound.enqueue(id);
    if (ids.length) this.logger.debug(`checked ${ids.length} outbound messages waiting to be sent`);
  }
}
