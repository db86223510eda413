import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { TicketLinkReadsModule } from './ticket-link-reads.module.js';
import { TicketLinksService } from './ticket-links.service.js';
import { TicketMergeService } from './ticket-merge.service.js';
import { TicketRelationsController } from './ticket-relations.controller.js';
import { TicketRelationsRepository } from './ticket-relations.repository.js';
import { TicketSplitService } from './ticket-split.service.js';

/** Merge, split and link tickets (`POST /tickets/:id/merge`, `/split`, `/links`). */
@Module({
  imports: [TicketsModule, TicketLinkReadsModule],
  controllers: [TicketRelationsController],
  providers: [TicketRelationsRepository, TicketMergeService, TicketSplitService, TicketLinksService],
})
export class TicketRelationsModule {}
