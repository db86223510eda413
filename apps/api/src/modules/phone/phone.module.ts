import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { LiveModule } from '../live/live.module.js';
import { PublicLimitsModule } from '../public-limits/public-limits.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { WebhooksCoreModule } from '../webhooks/webhooks-core.module.js';
import { CALL_RECORDING_QUEUE } from './call-recording-queue.js';
import { CallRecordingProcessor } from './call-recording.processor.js';
import { CallRecordingsService } from './call-recordings.service.js';
import { CallsController } from './calls.controller.js';
import { CallsRepository } from './calls.repository.js';
import { CallsService } from './calls.service.js';
import { CtiController } from './cti.controller.js';

/**
 * Phone calls (API role): the PBX webhook (Zammad's generic CTI API) and the
 * call log. A call's ticket is a `phone` message handed to the intake.
 * Recordings named by URL are fetched by jobs of the `call-recordings` queue,
 * processed by the instances serving the API (tried again with backoff).
 */
@Module({
  imports: [BullModule.registerQueue({ name: CALL_RECORDING_QUEUE }), ChannelsModule, CustomersModule, IntakeModule, LiveModule, TicketsModule, PublicLimitsModule, WebhooksCoreModule],
  controllers: [CtiController, CallsController],
  providers: [CallsRepository, CallsService, CallRecordingsService, CallRecordingProcessor],
})
export class PhoneModule {}
