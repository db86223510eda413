import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import type { Role } from '../../core/config/app-config.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { WebhooksCoreModule } from '../webhooks/webhooks-core.module.js';
import { AllegroAccountsRepository } from './allegro/allegro-accounts.repository.js';
import { AllegroAuthorizationController } from './allegro/allegro-authorization.controller.js';
import { AllegroAuthorizationService } from './allegro/allegro-authorization.service.js';
import { AllegroConnection } from './allegro/allegro-connection.js';
import { AllegroPollerService } from './allegro/allegro-poller.service.js';
import { AllegroHook } from './allegro/allegro.hook.js';
import { AllegroTransport } from './allegro/allegro.transport.js';
import { ALLEGRO_QUEUE, AllegroTickProcessor } from './allegro/jobs/allegro-tick.processor.js';

/**
 * Marketplaces read natively: Allegro's message centre. The `api` role checks
 * the channels' settings and starts the device-flow authorisation; the
 * `worker` role finishes it, reads the message centre on schedule and sends
 * agents' replies.
 */
@Module({})
export class MarketplacesModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    const controllers: Type[] = roles.includes('api') ? [AllegroAuthorizationController] : [];
    const providers: Provider[] = [
      AllegroAccountsRepository,
      AllegroConnection,
      ...(roles.includes('api') ? [AllegroHook, AllegroAuthorizationService] : []),
      ...(roles.includes('worker') ? [AllegroPollerService, AllegroTransport, AllegroTickProcessor] : []),
    ];
    return {
      module: MarketplacesModule,
      imports: [ChannelsModule, IntakeModule, WebhooksCoreModule, BullModule.registerQueue({ name: ALLEGRO_QUEUE })],
      controllers,
      providers,
    };
  }
}
