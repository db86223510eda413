import { Module } from '@nestjs/common';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { AmazonRelayAutomation } from './amazon-relay.automation.js';

/** Amazon buyer messages by mail: the automation that recognises them (every role that files mail). */
@Module({
  imports: [TicketsModule],
  providers: [AmazonRelayAutomation],
  exports: [AmazonRelayAutomation],
})
export class AmazonMailModule {}
