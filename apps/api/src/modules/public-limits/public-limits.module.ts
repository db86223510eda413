import { Module } from '@nestjs/common';
import { ChannelKeysRepository } from './channel-keys.repository.js';
import { PublicRateLimiter } from './public-rate-limiter.service.js';

/** What the public endpoints (PBX webhook, chat widget) share: rate limits and finding a channel by its key. */
@Module({
  providers: [PublicRateLimiter, ChannelKeysRepository],
  exports: [PublicRateLimiter, ChannelKeysRepository],
})
export class PublicLimitsModule {}
