import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { NotificationCreatorService } from './notification-creator.service.js';
import { NotificationsRepository } from './notifications.repository.js';

/**
 * What every role needs: notifications are written with the ticket changes
 * that cause them, whichever process makes the change (API, mail, worker).
 */
@Module({
  imports: [TicketsModule],
  providers: [NotificationsRepository, NotificationCreatorService],
  exports: [NotificationsRepository],
})
export class NotificationsCoreModule {}
