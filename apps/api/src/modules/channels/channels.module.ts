import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueuesModule } from '../queues/queues.module.js';
import { ChannelTypeHooks } from './channel-type-hooks.js';
import { ChannelsRepository } from './channels.repository.js';
import { ChannelsService } from './channels.service.js';
import { ChannelEntity } from './entities/channel.entity.js';
import { OutboundTransports } from './outbound/outbound-transports.js';

/**
 * Channels: the ways customers reach the team, and the outbound transports
 * (one per channel type) replies go through. Tickets, mail and the intake
 * depend on it; it depends on queues only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ChannelEntity]), QueuesModule],
  providers: [ChannelsRepository, ChannelsService, OutboundTransports, ChannelTypeHooks],
  exports: [ChannelsService, OutboundTransports, ChannelTypeHooks],
})
export class ChannelsModule {}
