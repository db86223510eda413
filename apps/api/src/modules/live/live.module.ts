import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from '../notifications/notifications-core.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { LiveHubService } from './live-hub.service.js';
import { LiveController } from './live.controller.js';
import { LiveRepository } from './live.repository.js';
import { PresenceController } from './presence.controller.js';
import { PresenceService } from './presence.service.js';
import { TicketChangeFeedService } from './ticket-change-feed.service.js';

/**
 * Live updates for the agent panel (API role only): committed ticket changes
 * read from the audit trail and presence through Redis, streamed to the panels
 * connected to this process as Server-Sent Events. Any number of API replicas
 * may run: each reads the database and listens to Redis itself.
 */
@Module({
  imports: [TicketsModule, NotificationsCoreModule],
  controllers: [LiveController, PresenceController],
  providers: [LiveRepository, TicketChangeFeedService, PresenceService, LiveHubService],
  exports: [LiveHubService],
})
export class LiveModule {}
