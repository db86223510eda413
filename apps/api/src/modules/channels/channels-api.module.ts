import { Module } from '@nestjs/common';
import { ChannelsController } from './channels.controller.js';
import { ChannelsModule } from './channels.module.js';

/** The admin API of channels (`/channels`), loaded with the `api` role. */
@Module({
  imports: [ChannelsModule],
  controllers: [ChannelsController],
})
export class ChannelsApiModule {}
