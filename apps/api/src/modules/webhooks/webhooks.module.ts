import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import type { Role } from '../../core/config/app-config.js';
import { WebhooksSweepProcessor } from './jobs/webhooks-sweep.processor.js';
import { WEBHOOKS_SWEEP_QUEUE } from './webhooks-queues.js';
import { WebhooksCoreModule } from './webhooks-core.module.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';
import { WebhooksSweepService } from './webhooks-sweep.service.js';

/**
 * Signed webhooks for integrators: events stored with every change (all
 * roles), the admin API `/webhooks` (`api` role) and the sweep that sends and
 * retries deliveries (`worker` role).
 */
@Module({})
export class WebhooksModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    const controllers: Type[] = roles.includes('api') ? [WebhooksController] : [];
    const providers: Provider[] = [
      WebhooksRepository,
      ...(roles.includes('api') ? [WebhooksService] : []),
      ...(roles.includes('worker') ? [WebhooksSweepService, WebhooksSweepProcessor] : []),
    ];
    return {
      module: WebhooksModule,
      imports: [WebhooksCoreModule, BullModule.registerQueue({ name: WEBHOOKS_SWEEP_QUEUE })],
      controllers,
      providers,
      exports: [WebhooksCoreModule],
    };
  }
}
