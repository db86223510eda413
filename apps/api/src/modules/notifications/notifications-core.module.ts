import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AdminNotificationsService } from './admin-notifications.service.js';
import { NotificationCreatorService } from './notification-creator.service.js';
import { NotificationsRepository } from './notifications.repository.js';

/**
 * What every role needs: notifications are written with the ticket changes
 * that cause them, whichever process makes the change (API, mail, worker);
 * administrators' notifications of no ticket (`AdminNotificationsService`).
 */
@Module({
  imports: [TicketsModule],
  providers: [NotificationsRepository, NotificationCreatorService, AdminNotificationsService],
  exports: [NotificationsRepository, AdminNotificationsService],
})
export class NotificationsCoreModule {}
