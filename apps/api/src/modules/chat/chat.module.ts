import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { LiveModule } from '../live/live.module.js';
import { PublicLimitsModule } from '../public-limits/public-limits.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { ChatAgentService } from './chat-agent.service.js';
import { ChatBusService } from './chat-bus.service.js';
import { ChatRepository } from './chat.repository.js';
import { ChatSessionsService } from './chat-sessions.service.js';
import { ChatTranscriptService } from './chat-transcript.service.js';
import { ChatTransport } from './chat.transport.js';
import { ChatVisitorService } from './chat-visitor.service.js';
import { ChatsController } from './chats.controller.js';
import { PublicChatController } from './public-chat.controller.js';
import { WidgetController } from './widget/widget.controller.js';

/**
 * Live chat (API role): the widget and its public routes, the agents' chat
 * API and the chat transport of replies. Each visitor message is handed to
 * the intake (channel `chat`); live news goes through Redis to whichever
 * instance holds the visitor's stream or the agent's panel.
 */
@Module({
  imports: [ChannelsModule, IntakeModule, LiveModule, TicketsModule, PublicLimitsModule],
  controllers: [PublicChatController, ChatsController, WidgetController],
  providers: [ChatRepository, ChatBusService, ChatSessionsService, ChatVisitorService, ChatAgentService, ChatTransport, ChatTranscriptService],
})
export class ChatModule {}
