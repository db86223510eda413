import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { ChatRepository, type ChatSessionRow } from './chat.repository.js';
import { transcriptMail, type TranscriptLine } from './chat-transcript.js';

/**
 * The transcript of an ended chat, mailed to the address the visitor left:
 * an automatic e-mail reply on the chat's ticket (the ticket shows it went
 * out), queued in the mail outbox, written once per chat.
 */
@Injectable()
export class ChatTranscriptService {
  private readonly logger = new Logger('ChatTranscript');

  constructor(
    private readonly chats: ChatRepository,
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly outbound: OutboundMessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends the transcript of the ended chat when the visitor left an address and said something; never twice. */
  async send(session: ChatSessionRow): Promise<string | null> {
    if (!session.ticketId || !session.email) return null;
    const lines: TranscriptLine[] = (await this.chats.eventsAfter(session.id, 0, 5000))
      .filter((e) => e.type === 'message' && e.author !== 'system' && e.text)
      .map((e) => ({ author: e.author as 'visitor' | 'agent', authorName: e.authorName, text: e.text!, at: e.createdAt }));
    if (!lines.some((l) => l.author === 'visitor')) return null;
    const ticketId = session.ticketId;
    const messageId = await this.tickets.transaction(async (manager) => {
      if (!(await this.chats.lockForTranscript(manager, session.id))) return null;
      const ticket = await this.tickets.findById(ticketId, manager);
      if (!ticket) return null;
      const mail = transcriptMail({ language: session.language ?? 'pl', lines, timeZone: this.config.timeZone });
      const message = await this.messages.insertMessage(manager, {
        ticketId,
        direction: 'outbound',
        // By e-mail, whatever channel the customer wrote on: the chat itself is over.
        channelId: null,
        channelType: 'email',
        toAddresses: [session.email!],
        subject: mail.subject,
        bodyText: mail.body,
        messageId: this.outbound.newMessageId(),
        inReplyTo: null,
        references: [],
        deliveryState: 'queued',
        automated: true,
      });
      await this.tickets.insertEvents(manager, [
        {
          ticketId, type: 'message_added', actorType: 'system', actorId: null, actorName: null, field: null, oldValue: null,
          newValue: { messageId: message.id, direction: 'outbound', automated: true, purpose: 'chat_transcript' },
        },
      ]);
      await this.chats.markTranscript(manager, session.id, message.id);
      return message.id;
    });
    if (messageId) await this.outbound.enqueue(messageId);
    return messageId;
  }

  /** `send`, logging instead of failing: ending the chat does not depend on the mail. */
  async sendQuietly(session: ChatSessionRow): Promise<void> {
    await this.send(session).catch((error: Error) => this.logger.warn(`No transcript for chat ${session.id}: ${error.message}`));
  }
}
