import { Injectable } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import type { ChannelEntity } from '../channels/entities/channel.entity.js';
import { ChannelKeysRepository } from '../public-limits/channel-keys.repository.js';
import { ChatBusService } from './chat-bus.service.js';
import { ChatErrorCode, ChatException } from './chat.exception.js';
import { ChatRepository, type ChatEventRow, type ChatSessionRow } from './chat.repository.js';
import { tokenMatches } from './chat-identity.js';
import { ChatTranscriptService } from './chat-transcript.service.js';
import type { ChatEventDto, ChatSessionDto } from './dtos/chat.dto.js';

/** How long a chat channel read from the database is used again. */
const CHANNEL_CACHE_MS = 5_000;

/**
 * What the visitor's and the agents' sides share: finding sessions and
 * channels, recording an event in the session's history and telling it to
 * the visitor's streams and the agents' panels.
 */
@Injectable()
export class ChatSessionsService {
  private readonly channelCache = new Map<string, { channel: ChannelEntity; until: number }>();

  constructor(
    readonly repository: ChatRepository,
    private readonly channels: ChannelsService,
    private readonly channelKeys: ChannelKeysRepository,
    private readonly bus: ChatBusService,
    private readonly transcripts: ChatTranscriptService,
  ) {}

  /** The active chat channel a widget key names, or 404. */
  async channelByKey(key: string): Promise<ChannelEntity> {
    const id = await this.channelKeys.activeChannelId('chat', key);
    const channel = id ? await this.channels.findById(id) : null;
    if (!channel) throw new ChatException(ChatErrorCode.ChannelNotFound, 'No chat channel has this key');
    return channel;
  }

  /** The session's channel, kept a few seconds (every message of a chat needs it; channels rarely change). */
  async channelOf(session: ChatSessionRow): Promise<ChannelEntity> {
    const kept = this.channelCache.get(session.channelId);
    if (kept && kept.until > Date.now()) return kept.channel;
    const channel = await this.channels.findById(session.channelId);
    if (!channel) throw new ChatException(ChatErrorCode.SessionNotFound, `Chat ${session.id} does not exist`);
    if (this.channelCache.size > 1000) this.channelCache.clear();
    this.channelCache.set(channel.id, { channel, until: Date.now() + CHANNEL_CACHE_MS });
    return channel;
  }

  async session(id: string): Promise<ChatSessionRow> {
    const session = await this.repository.findSession(id);
    if (!session) throw new ChatException(ChatErrorCode.SessionNotFound, `Chat ${id} does not exist`);
    return session;
  }

  /** The visitor's session, when the token is theirs (404 for a session that does not exist, 401 for a wrong token). */
  async visitorSession(id: string, token: string | null): Promise<ChatSessionRow> {
    const session = await this.session(id);
    if (!token || !tokenMatches(token, session.tokenHash)) throw new ChatException(ChatErrorCode.TokenInvalid, 'The chat token is missing or wrong');
    return session;
  }

  /** The users told of a channel's chats. */
  agentsOf(channel: ChannelEntity): Promise<string[]> {
    return this.repository.agentsOf(channel.queueId);
  }

  /** Records an event in the session's history and tells it (once: an agent's message already told is not told again). */
  async record(
    session: ChatSessionRow,
    event: Omit<ChatEventRow, 'id' | 'createdAt' | 'sessionId'>,
    agents: { userIds: string[]; event: string; data?: unknown } | null,
  ): Promise<ChatEventDto | null> {
    const row = await this.repository.insertEvent({ ...event, sessionId: session.id });
    if (!row) return null;
    const dto = eventDto(row);
    await this.bus.publish({
      sessionId: session.id,
      visitor: { event: row.type, data: dto, id: row.id },
      agents: agents ? { userIds: agents.userIds, event: agents.event, data: agents.data ?? { sessionId: session.id, ticketId: session.ticketId, event: dto } } : undefined,
    });
    return dto;
  }

  /**
   * Ends the chat (by an agent, or the visitor: `by` names who): once, however
   * often or by whomever it is asked; the visitor and the channel's agents are
   * told, and the transcript goes to the address the visitor left.
   */
  async end(session: ChatSessionRow, by: string | null): Promise<ChatSessionRow> {
    const ended = await this.repository.end(session.id);
    const now = await this.session(session.id);
    if (!ended) return now;
    const [dto] = await this.sessionDtos([now]);
    await this.record(
      now,
      { type: 'ended', author: 'system', authorName: by, text: null, messageId: null, attachment: null },
      { userIds: await this.agentsOf(await this.channelOf(now)), event: 'chat.ended', data: dto },
    );
    await this.transcripts.sendQuietly(now);
    return now;
  }

  /** News that is not kept (typing). */
  tell(sessionId: string, visitor: { event: string; data: unknown } | null, agents: { userIds: string[]; event: string; data: unknown } | null): Promise<void> {
    return this.bus.publish({ sessionId, visitor: visitor ?? undefined, agents: agents ?? undefined });
  }

  async sessionDtos(rows: ChatSessionRow[]): Promise<ChatSessionDto[]> {
    const names = await this.repository.userNames(rows.map((r) => r.agentUserId).filter((id): id is string => !!id));
    return rows.map((r) => ({
      id: r.id,
      channelId: r.channelId,
      state: r.state,
      name: r.name,
      email: r.email,
      verified: r.verified,
      customerId: r.customerId,
      ticketId: r.ticketId,
      agent: r.agentUserId ? { id: r.agentUserId, name: names.get(r.agentUserId) ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
    }));
  }
}

export function eventDto(row: ChatEventRow): ChatEventDto {
  return {
    id: row.id,
    type: row.type,
    author: row.author,
    authorName: row.authorName,
    text: row.text,
    attachment: row.attachment,
    createdAt: row.createdAt.toISOString(),
  };
}
