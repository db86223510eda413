import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ChannelEntity } from '../channels/entities/channel.entity.js';
import type { IncomingMessage, SenderIdentity } from '../intake/incoming-message.js';
import { IntakeService } from '../intake/intake.service.js';
import { MessagesRepository, type NewAttachment } from '../tickets/messages.repository.js';
import { ChatErrorCode, ChatException } from './chat.exception.js';
import type { ChatSessionRow } from './chat.repository.js';
import { hashToken, identityVerified, newSessionToken, newVisitorId } from './chat-identity.js';
import { ChatSessionsService, eventDto } from './chat-sessions.service.js';
import { safeFilename } from '../../core/http/read-raw-body.js';
import type { ChatEventDto, ChatStatusDto, CreatedChatSessionDto, PostedChatMessageDto } from './dtos/chat.dto.js';
import type { CreateChatSessionDto, OfflineMessageDto } from './dtos/chat-inputs.dto.js';

/** The largest file a visitor may send. */
export const CHAT_FILE_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The visitor's side of a chat: sessions, messages (each handed to the intake:
 * the first opens the chat's ticket, the others join it), files, typing, the
 * offline message when nobody is available.
 */
@Injectable()
export class ChatVisitorService {
  constructor(
    private readonly sessions: ChatSessionsService,
    private readonly intake: IntakeService,
    private readonly messages: MessagesRepository,
  ) {}

  async status(key: string): Promise<ChatStatusDto> {
    const channel = await this.sessions.channelByKey(key);
    return { online: await this.online(channel), offlineFormUrl: settingText(channel, 'offlineFormUrl'), title: settingText(channel, 'title') };
  }

  async create(key: string, dto: CreateChatSessionDto): Promise<CreatedChatSessionDto> {
    const channel = await this.sessions.channelByKey(key);
    const email = dto.email?.trim().toLowerCase() || null;
    const verified = identityVerified(settingText(channel, 'identitySecret'), email, dto.identityHash ?? null);
    const token = newSessionToken();
    const session = await this.sessions.repository.insertSession({
      channelId: channel.id,
      tokenHash: hashToken(token),
      visitorId: dto.visitorId ?? newVisitorId(),
      name: dto.name?.trim() || null,
      email,
      verified,
      language: dto.language ?? null,
    });
    return { sessionId: session.id, token, visitorId: session.visitorId, verified, online: await this.online(channel) };
  }

  /** The history after `afterId` (a reconnect's Last-Event-ID), for replay. */
  async history(session: ChatSessionRow, afterId: number): Promise<ChatEventDto[]> {
    return (await this.sessions.repository.eventsAfter(session.id, afterId)).map(eventDto);
  }

  async message(session: ChatSessionRow, text: string, attachments: NewAttachment[] = []): Promise<PostedChatMessageDto> {
    if (session.state === 'ended') throw new ChatException(ChatErrorCode.SessionEnded, 'The chat has ended: start a new one');
    const channel = await this.sessions.channelOf(session);
    const first = !session.ticketId;
    const received = await this.intake.receive(this.incoming(channel, session, text, attachments));
    if (first || received.ticketId !== session.ticketId) {
      await this.sessions.repository.updateSession(session.id, { ticketId: received.ticketId, customerId: received.customer?.id ?? null });
      session.ticketId = received.ticketId;
    }
    const attachment = attachments[0]
      ? { id: received.messageRowId ?? '', filename: attachments[0].filename, contentType: attachments[0].contentType, size: attachments[0].content.length }
      : null;
    const agents = session.agentUserId ? [session.agentUserId] : await this.sessions.agentsOf(channel);
    const event = await this.sessions.record(
      session,
      { type: 'message', author: 'visitor', authorName: session.name, text, messageId: received.messageRowId, attachment },
      { userIds: agents, event: first ? 'chat.waiting' : 'chat.message' },
    );
    return { event: event!, ticketId: session.ticketId };
  }

  async file(session: ChatSessionRow, filename: string, contentType: string, content: Buffer): Promise<PostedChatMessageDto> {
    if (!content.length) throw new ChatException(ChatErrorCode.FileInvalid, 'The file is empty', 'file');
    const name = safeFilename(filename, 'plik');
    const attachment: NewAttachment = {
      filename: name, contentType: /^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : 'application/octet-stream', content,
      sha256: createHash('sha256').update(content).digest('hex'), contentId: null, inline: false,
    };
    return this.message(session, `📎 ${name}`, [attachment]);
  }

  /** The file of a message of the chat (the visitor's or an agent's), or 404. */
  async attachment(session: ChatSessionRow, eventId: string): Promise<{ filename: string; content: Buffer }> {
    const event = await this.sessions.repository.eventOf(session.id, eventId);
    const file = event?.attachment && event.messageId ? (await this.messages.attachmentsOf([event.messageId]))[0] : undefined;
    if (!file) throw new ChatException(ChatErrorCode.FileNotFound, `Message ${eventId} of this chat carries no file`);
    return { filename: file.filename, content: await this.messages.attachmentContent(file.blobSha256) };
  }

  /** The visitor closes the chat (once; ending an ended chat changes nothing). */
  async end(session: ChatSessionRow): Promise<{ state: 'ended' }> {
    await this.sessions.end(session, session.name);
    return { state: 'ended' };
  }

  async typing(session: ChatSessionRow, typing: boolean): Promise<void> {
    if (session.state === 'ended' || !session.ticketId) return;
    const channel = await this.sessions.channelOf(session);
    const agents = session.agentUserId ? [session.agentUserId] : await this.sessions.agentsOf(channel);
    await this.sessions.tell(session.id, null, { userIds: agents, event: 'chat.typing', data: { sessionId: session.id, ticketId: session.ticketId, author: 'visitor', typing } });
  }

  /** Nobody is available: the visitor's message becomes a ticket (channel chat) answered by mail. */
  async offline(key: string, dto: OfflineMessageDto): Promise<{ ticketId: string }> {
    const channel = await this.sessions.channelByKey(key);
    const text = dto.text.trim();
    const received = await this.intake.receive({
      channel: { id: channel.id, type: 'chat' },
      sender: { identities: [{ kind: 'email', value: dto.email.trim().toLowerCase() }], name: dto.name?.trim() || null },
      subject: `Wiadomość z czatu: ${firstWords(text)}`,
      text, visibleText: text, html: null, attachments: [], automated: false,
      route: routeOf(channel), externalThreadId: null, externalMessageId: null, email: null,
    });
    return { ticketId: received.ticketId! };
  }

  private incoming(channel: ChannelEntity, session: ChatSessionRow, text: string, attachments: NewAttachment[]): IncomingMessage {
    // Only a shop's vouching attaches the chat to the customer with that address; anyone else is a visitor of this channel.
    const identities: SenderIdentity[] = session.verified && session.email
      ? [{ kind: 'email', value: session.email }]
      : [{ kind: 'chat', value: session.visitorId, source: channel.id }];
    return {
      channel: { id: channel.id, type: 'chat' },
      sender: { identities, name: session.name },
      subject: `Czat: ${firstWords(text)}`,
      text,
      visibleText: text,
      html: null,
      attachments,
      automated: false,
      route: routeOf(channel),
      // A returning visitor (or customer) continues their open chat ticket.
      externalThreadId: session.verified && session.email ? `customer:${session.email}` : `visitor:${session.visitorId}`,
      externalMessageId: null,
      email: null,
      joinTicketId: session.ticketId,
    };
  }

  private async online(channel: ChannelEntity): Promise<boolean> {
    return (await this.sessions.repository.availableAgents(channel.queueId)).length > 0;
  }
}

function routeOf(channel: ChannelEntity) {
  return { queueId: channel.queueId, categoryId: channel.categoryId, priority: channel.priority };
}

function settingText(channel: ChannelEntity, name: string): string | null {
  const value = channel.settings?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function firstWords(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
