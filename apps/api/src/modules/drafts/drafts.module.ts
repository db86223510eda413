import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { UsersModule } from '../users/users.module.js';
import { DraftsController } from './drafts.controller.js';
import { DraftsRepository } from './drafts.repository.js';
import { DraftsService } from './drafts.service.js';
import { SignatureController } from './signature.controller.js';

/** What agents compose with: unsent replies and notes per agent and ticket (`/tickets/:id/draft`), and their own signature (`/profile/signature`). */
@Module({
  imports: [TicketsModule, UsersModule],
  controllers: [DraftsController, SignatureController],
  providers: [DraftsRepository, DraftsService],
})
export class DraftsModule {}
