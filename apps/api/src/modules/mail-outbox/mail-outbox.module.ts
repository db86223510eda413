import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MailOutboxService } from './mail-outbox.service.js';
import { OUTBOUND_MAIL_QUEUE } from './outbound-mail-queue.js';

@Module({
  imports: [BullModule.registerQueue({ name: OUTBOUND_MAIL_QUEUE })],
  providers: [MailOutboxService],
  exports: [MailOutboxService, BullModule],
})
export class MailOutboxModule {}
