import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import type { Role } from '../../core/config/app-config.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { WebhooksCoreModule } from '../webhooks/webhooks-core.module.js';
import { ApiChannelAttachmentsService } from './api-channel-attachments.service.js';
import { ApiChannelInboundController } from './api-channel-inbound.controller.js';
import { ApiChannelInboundService } from './api-channel-inbound.service.js';
import { ApiChannelSignatureGuard } from './api-channel-signature.guard.js';
import { ApiChannelHook } from './api-channel.hook.js';
import { ApiChannelRepository } from './api-channel.repository.js';
import { ApiChannelTransport } from './api-channel.transport.js';
import { InboundRateLimiter } from './inbound-rate-limiter.js';

/**
 * The API channel: any source a bridge can read (Messenger, WhatsApp,
 * Instagram, a marketplace without an adapter of its own). The `api` role
 * takes signed messages (`POST /api/v1/channels/:key/messages`) and serves
 * the reply attachments' links; the `worker` role POSTs agents' replies to the
 * channel's `outboundUrl`, signed.
 */
@Module({})
export class ApiChannelModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    const controllers: Type[] = roles.includes('api') ? [ApiChannelInboundController] : [];
    const providers: Provider[] = [
      ApiChannelRepository,
      ApiChannelAttachmentsService,
      ...(roles.includes('api') ? [ApiChannelHook, ApiChannelInboundService, ApiChannelSignatureGuard, InboundRateLimiter] : []),
      ...(roles.includes('worker') ? [ApiChannelTransport] : []),
    ];
    return { module: ApiChannelModule, imports: [ChannelsModule, IntakeModule, WebhooksCoreModule], controllers, providers };
  }
}
