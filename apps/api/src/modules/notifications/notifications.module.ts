import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import type { Role } from '../../core/config/app-config.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { SnoozeSweepProcessor } from './jobs/snooze-sweep.processor.js';
import { NotificationMailService } from './notification-mail.service.js';
import { SNOOZE_SWEEP_QUEUE } from './notification-queues.js';
import { NotificationSettingsController } from './notification-settings.controller.js';
import { NotificationsCoreModule } from './notifications-core.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { SnoozeSweepService } from './snooze-sweep.service.js';
import { WatchersController } from './watchers.controller.js';

/**
 * Notifications of agents and snoozed tickets: written with every ticket
 * change (all roles), read and marked through the API (`api` role, with the
 * watch routes and the agent's mail settings), snoozes woken and notification
 * mails queued by the `worker` role's sweep.
 */
@Module({})
export class NotificationsModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    const controllers: Type[] = roles.includes('api') ? [NotificationsController, WatchersController, NotificationSettingsController] : [];
    const providers: Provider[] = [
      ...(roles.includes('api') ? [NotificationsService] : []),
      ...(roles.includes('worker') ? [SnoozeSweepService, NotificationMailService, SnoozeSweepProcessor] : []),
    ];
    return {
      module: NotificationsModule,
      imports: [NotificationsCoreModule, TicketsModule, BullModule.registerQueue({ name: SNOOZE_SWEEP_QUEUE })],
      controllers,
      providers,
    };
  }
}
