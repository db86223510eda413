import { Module } from '@nestjs/common';
import { TicketLinksRepository } from './ticket-links.repository.js';

/**
 * The links' table on its own: the ticket reads list a ticket's links through
 * it without depending on the relations module (which depends on tickets).
 */
@Module({
  providers: [TicketLinksRepository],
  exports: [TicketLinksRepository],
})
export class TicketLinkReadsModule {}
