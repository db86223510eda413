import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import type { CreateMessageDto } from '../tickets/dtos/create-message.dto.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { TicketRepliesService } from '../tickets/ticket-replies.service.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { ChatErrorCode, ChatException } from './chat.exception.js';
import type { ChatSessionRow, ChatState } from './chat.repository.js';
import { ChatSessionsService, eventDto } from './chat-sessions.service.js';
import type { ChatDetailDto, ChatEventDto, ChatSessionDto } from './dtos/chat.dto.js';

/**
 * The agents' side of chats: the waiting and running chats, accepting one
 * (the others see it taken), replying live (a reply on the chat's ticket,
 * told to the visitor at once), typing, handing over, ending, and whether
 * the agent is available for chat.
 */
@Injectable()
export class ChatAgentService {
  constructor(
    private readonly sessions: ChatSessionsService,
    private readonly tickets: TicketsService,
    private readonly replies: TicketRepliesService,
    private readonly outbound: OutboundMessagesService,
  ) {}

  /** Chats with at least one message (each has its ticket) the agent may see, newest first. */
  async list(state: ChatState | undefined, limit: number, offset: number, actor: Actor): Promise<{ items: ChatSessionDto[]; total: number }> {
    const [rows] = await this.sessions.repository.listSessions(state, 1000, 0);
    const visible: ChatSessionRow[] = [];
    for (const row of rows) if (row.ticketId && (await this.canSee(row, actor))) visible.push(row);
    return { items: await this.sessions.sessionDtos(visible.slice(offset, offset + limit)), total: visible.length };
  }

  async get(id: string, actor: Actor): Promise<ChatDetailDto> {
    const session = await this.visible(id, actor);
    const [dto] = await this.sessions.sessionDtos([session]);
    return { ...dto, events: (await this.sessions.repository.eventsAfter(session.id, 0, 2000)).map(eventDto) };
  }

  /** Takes a waiting chat; 409 when a colleague took it first. */
  async accept(id: string, actor: Actor): Promise<ChatSessionDto> {
    const session = await this.visible(id, actor);
    const userId = needsUser(actor);
    if (session.state === 'ended') throw new ChatException(ChatErrorCode.SessionEnded, 'The chat has ended');
    if (!(await this.sessions.repository.accept(session.id, userId))) {
      throw new ChatException(ChatErrorCode.Taken, 'A colleague accepted this chat already', undefined, { agentUserId: session.agentUserId });
    }
    const accepted = await this.sessions.session(session.id);
    const [dto] = await this.sessions.sessionDtos([accepted]);
    if (session.state === 'waiting') {
      const channel = await this.sessions.channelOf(session);
      await this.sessions.record(
        accepted,
        { type: 'agent_joined', author: 'system', authorName: actor.name, text: null, messageId: null, attachment: null },
        { userIds: await this.sessions.agentsOf(channel), event: 'chat.taken', data: dto },
      );
    }
    return dto;
  }

  /** The agent's reply: written on the chat's ticket (like any reply) and shown to the visitor at once. */
  async reply(id: string, text: string, actor: Actor): Promise<ChatEventDto> {
    const session = await this.own(id, actor, true);
    const message = await this.replies.addMessage(session.ticketId!, { type: 'reply', body: text, channelId: session.channelId } as CreateMessageDto, actor);
    const event = await this.sessions.record(
      session,
      { type: 'message', author: 'agent', authorName: actor.name, text, messageId: message.id, attachment: null },
      { userIds: [needsUser(actor)], event: 'chat.message' },
    );
    return this.shown(message.id, event);
  }

  /** A file from the agent: a reply with the file on the chat's ticket, shown to the visitor at once (who can download it). */
  async file(id: string, filename: string, contentType: string, content: Buffer, actor: Actor): Promise<ChatEventDto> {
    const session = await this.own(id, actor, true);
    if (!content.length) throw new ChatException(ChatErrorCode.FileInvalid, 'The file is empty', 'file');
    const message = await this.replies.addMessage(
      session.ticketId!,
      { type: 'reply', body: `📎 ${filename}`, channelId: session.channelId, attachments: [{ filename, contentType, contentBase64: content.toString('base64') }] } as CreateMessageDto,
      actor,
    );
    const event = await this.sessions.record(
      session,
      { type: 'message', author: 'agent', authorName: actor.name, text: `📎 ${filename}`, messageId: message.id, attachment: { id: message.id, filename, contentType, size: content.length } },
      { userIds: [needsUser(actor)], event: 'chat.message' },
    );
    return this.shown(message.id, event);
  }

  /**
   * A reply shown in the chat is delivered: marked sent now, so its outbound
   * job finds nothing left to do (one query instead of the transport's
   * reads). When the job ran first, its stored event is the one.
   */
  private async shown(messageId: string, event: ChatEventDto | null): Promise<ChatEventDto> {
    if (!event) return eventDto((await this.sessions.repository.eventOfMessage(messageId))!);
    await this.outbound.markSent(messageId);
    return event;
  }

  async typing(id: string, typing: boolean, actor: Actor): Promise<void> {
    const session = await this.own(id, actor);
    await this.sessions.tell(session.id, { event: 'typing', data: { author: 'agent', name: actor.name, typing } }, null);
  }

  /** Hands the chat to a colleague: it is theirs from now on. */
  async transfer(id: string, userId: string, actor: Actor): Promise<ChatSessionDto> {
    const session = await this.own(id, actor);
    const name = await this.sessions.repository.userName(userId);
    if (!name) throw new ChatException(ChatErrorCode.AgentNotFound, `User ${userId} does not exist or is inactive`, 'userId');
    await this.sessions.repository.updateSession(session.id, { agentUserId: userId });
    const moved = await this.sessions.session(session.id);
    const [dto] = await this.sessions.sessionDtos([moved]);
    await this.sessions.record(
      moved,
      { type: 'transferred', author: 'system', authorName: name, text: null, messageId: null, attachment: null },
      { userIds: [...new Set([userId, needsUser(actor)])], event: 'chat.transferred', data: dto },
    );
    return dto;
  }

  /** Ends the chat; the transcript goes to the customer by mail when they left an address. */
  async end(id: string, actor: Actor): Promise<ChatSessionDto> {
    const session = await this.visible(id, actor);
    const [dto] = await this.sessions.sessionDtos([await this.sessions.end(session, actor.name)]);
    return dto;
  }

  async availability(actor: Actor): Promise<{ available: boolean }> {
    return { available: await this.sessions.repository.isAvailable(needsUser(actor)) };
  }

  async setAvailability(available: boolean, actor: Actor): Promise<{ available: boolean }> {
    await this.sessions.repository.setAvailable(needsUser(actor), available);
    return { available };
  }

  /** A chat the agent may see (its ticket), or 404. */
  private async visible(id: string, actor: Actor): Promise<ChatSessionRow> {
    const session = await this.sessions.session(id);
    if (!session.ticketId || !(await this.canSee(session, actor))) {
      throw new ChatException(ChatErrorCode.SessionNotFound, `Chat ${id} does not exist`);
    }
    return session;
  }

  /**
   * A running chat the agent accepted (or was handed). With `writing` (a
   * reply or a file, which the ticket's own access check guards) the owner's
   * chat is not checked against the ticket twice.
   */
  private async own(id: string, actor: Actor, writing = false): Promise<ChatSessionRow> {
    const found = writing ? await this.sessions.repository.findSession(id) : null;
    const session = found?.ticketId && actor.userId && found.agentUserId === actor.userId ? found : await this.visible(id, actor);
    if (session.state === 'ended') throw new ChatException(ChatErrorCode.SessionEnded, 'The chat has ended');
    if (session.agentUserId !== actor.userId) {
      throw new ChatException(ChatErrorCode.NotYours, session.agentUserId ? 'A colleague has this chat' : 'Accept the chat first', undefined, {
        agentUserId: session.agentUserId,
      });
    }
    return session;
  }

  private async canSee(session: ChatSessionRow, actor: Actor): Promise<boolean> {
    try {
      await this.tickets.get(session.ticketId!, actor);
      return true;
    } catch {
      return false;
    }
  }
}

function needsUser(actor: Actor): string {
  if (!actor.userId) throw new ChatException(ChatErrorCode.NotYours, 'Chats are answered by signed-in agents, not API tokens');
  return actor.userId;
}
