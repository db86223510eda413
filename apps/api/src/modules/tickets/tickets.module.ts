import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsModule } from '../channels/channels.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { SlaPolicyReadsModule } from '../sla/sla-policy-reads.module.js';
import { SurveyReadsModule } from '../surveys/survey-reads.module.js';
import { TicketLinkReadsModule } from '../ticket-relations/ticket-link-reads.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { MailOutboxModule } from '../mail-outbox/mail-outbox.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { UsersModule } from '../users/users.module.js';
import { TicketAutomationHooks } from './automation/ticket-automation.hooks.js';
import { OutboundMessagesService } from './outbound-messages.service.js';
import { AttachmentBlobEntity } from './entities/attachment-blob.entity.js';
import { AttachmentEntity } from './entities/attachment.entity.js';
import { MessageEntity } from './entities/message.entity.js';
import { TicketEventEntity } from './entities/ticket-event.entity.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TicketEntity } from './entities/ticket.entity.js';
import { TicketAccessModule } from './ticket-access.module.js';
import { TicketBulkService } from './ticket-bulk.service.js';
import { TicketEventObservers } from './ticket-event-observers.js';
import { TicketWatchersRepository } from './ticket-watchers.repository.js';
import { TicketDetailsService } from './ticket-details.service.js';
import { TicketsController } from './tickets.controller.js';
import { MessageChannelsRepository } from './message-channels.repository.js';
import { MessagesRepository } from './messages.repository.js';
import { TicketListsRepository } from './ticket-lists.repository.js';
import { TicketsRepository } from './tickets.repository.js';
import { TicketsService } from './tickets.service.js';
import { TicketRepliesService } from './ticket-replies.service.js';
import { ViewsController } from './views.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([TicketEntity, MessageEntity, AttachmentEntity, AttachmentBlobEntity, TicketEventEntity]),
    CustomersModule,
    ChannelsModule,
    QueuesModule,
    UsersModule,
    MailOutboxModule,
    TemplatesModule,
    TicketAccessModule,
    SlaPolicyReadsModule,
    SurveyReadsModule,
    TicketLinkReadsModule,
    SettingsModule,
  ],
  controllers: [TicketsController, ViewsController],
  providers: [TicketEventObservers, TicketWatchersRepository, TicketsRepository, MessagesRepository, MessageChannelsRepository, TicketListsRepository, TicketsService, TicketRepliesService, TicketBulkService, TicketDetailsService, OutboundMessagesService, TicketAutomationHooks],
  exports: [TicketAccessModule, TicketEventObservers, TicketWatchersRepository, TicketsService, TicketRepliesService, TicketDetailsService, TicketsRepository, MessagesRepository, OutboundMessagesService, TicketAutomationHooks],
})
export class TicketsModule {}
