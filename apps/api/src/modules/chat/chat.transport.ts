import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboundTransports } from '../channels/outbound/outbound-transports.js';
import { PermanentDeliveryError, type OutboundTransport } from '../channels/outbound/outbound-transport.js';
import type { OutboundDelivery } from '../tickets/outbound-messages.service.js';
import { ChatSessionsService } from './chat-sessions.service.js';

/**
 * Replies on the chat channel: shown in the visitor's chat. A reply sent from
 * the chat view was shown already (its event is stored once); one written in
 * the ticket's reply box is shown when its delivery runs.
 */
@Injectable()
export class ChatTransport implements OutboundTransport, OnModuleInit {
  readonly type = 'chat' as const;

  constructor(
    private readonly transports: OutboundTransports,
    private readonly sessions: ChatSessionsService,
  ) {}

  onModuleInit(): void {
    this.transports.register(this);
  }

  async send(delivery: OutboundDelivery): Promise<{ response?: string }> {
    // Sent from the chat view: shown already, one read and done.
    const shown = await this.sessions.repository.eventOfMessage(delivery.message.id);
    if (shown) return { response: `shown in chat ${shown.sessionId}` };
    const session = await this.sessions.repository.findSessionByTicket(delivery.ticket.id);
    if (!session || session.state === 'ended') throw new PermanentDeliveryError('The visitor has left the chat');
    const author = delivery.message.authorUserId ? await this.sessions.repository.userName(delivery.message.authorUserId) : null;
    const file = delivery.attachments[0];
    await this.sessions.record(
      session,
      {
        type: 'message', author: 'agent', authorName: author, text: delivery.message.bodyText, messageId: delivery.message.id,
        attachment: file ? { id: delivery.message.id, filename: file.filename, contentType: file.contentType, size: file.content.length } : null,
      },
      null,
    );
    return { response: `shown in chat ${session.id}` };
  }
}
