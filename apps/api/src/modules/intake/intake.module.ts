import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { IntakeService } from './intake.service.js';
import { OneStatementOpenings } from './one-statement-openings.js';
import { OpeningStatementRepository } from './opening-statement.repository.js';

/**
 * The intake: "a customer message arrived on a channel". Channels (e-mail
 * first) hand it a channel-neutral message; it finds the customer and the
 * ticket, writes them with the message and its history, runs the automations
 * in the same transaction and their work after the commit.
 */
@Module({
  imports: [TicketsModule, CustomersModule, QueuesModule],
  providers: [IntakeService, OneStatementOpenings, OpeningStatementRepository],
  exports: [IntakeService],
})
export class IntakeModule {}
