import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { DraftsController } from './drafts.controller.js';
import { DraftsRepository } from './drafts.repository.js';
import { DraftsService } from './drafts.service.js';

/** Unsent replies and notes, per agent and ticket (`/tickets/:id/draft`). */
@Module({
  imports: [TicketsModule],
  controllers: [DraftsController],
  providers: [DraftsRepository, DraftsService],
})
export class DraftsModule {}
