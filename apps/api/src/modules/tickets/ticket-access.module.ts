import { Module } from '@nestjs/common';
import { TicketAccessPolicy } from './ticket-access.policy.js';
import { TicketAccessRepository } from './ticket-access.repository.js';

/**
 * The ticket access policy on its own, so that every module showing tickets
 * (tickets, customers, templates, live updates) uses the same rule without
 * depending on the whole tickets module.
 */
@Module({
  providers: [TicketAccessRepository, TicketAccessPolicy],
  exports: [TicketAccessPolicy],
})
export class TicketAccessModule {}
