import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AutoReplyLimiterService } from './auto-reply-limiter.service.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { OUTBOUND_MAIL_QUEUE } from './outbound-mail-queue.js';

/** Outbound mail's shared pieces: the queue that sends it and the cap on automatic replies. */
@Module({
  imports: [BullModule.registerQueue({ name: OUTBOUND_MAIL_QUEUE })],
  providers: [MailOutboxService, AutoReplyLimiterService],
  exports: [MailOutboxService, AutoReplyLimiterService, BullModule],
})
export class MailOutboxModule {}
