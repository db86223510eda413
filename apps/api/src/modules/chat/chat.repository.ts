import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type ChatState = 'waiting' | 'active' | 'ended';
export type ChatAuthor = 'visitor' | 'agent' | 'system';

export interface ChatSessionRow {
  id: string;
  channelId: string;
  tokenHash: string;
  visitorId: string;
  name: string | null;
  email: string | null;
  verified: boolean;
  customerId: string | null;
  ticketId: string | null;
  state: ChatState;
  agentUserId: string | null;
  createdAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
  /** The visitor's language (the widget's), for the transcript mail. */
  language: 'pl' | 'en' | null;
}

/** What happened in a chat, numbered: the id is the SSE event id a reconnecting visitor replays from. */
export interface ChatEventRow {
  id: string;
  sessionId: string;
  type: 'message' | 'agent_joined' | 'transferred' | 'ended';
  author: ChatAuthor;
  authorName: string | null;
  text: string | null;
  messageId: string | null;
  attachment: { id: string; filename: string; contentType: string; size: number } | null;
  createdAt: Date;
}

const SESSION = `id, channel_id AS "channelId", token_hash AS "tokenHash", visitor_id AS "visitorId", name, email, verified,
  customer_id AS "customerId", ticket_id AS "ticketId", state, agent_user_id AS "agentUserId", created_at AS "createdAt",
  accepted_at AS "acceptedAt", ended_at AS "endedAt", language`;
const EVENT = `id::text AS id, session_id AS "sessionId", type, author, author_name AS "authorName", text, message_id AS "messageId", attachment,
  created_at AS "createdAt"`;

/** Chat sessions, their events and agents' availability (and the reads of users and queues a chat needs). */
@Injectable()
export class ChatRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertSession(s: Pick<ChatSessionRow, 'channelId' | 'tokenHash' | 'visitorId' | 'name' | 'email' | 'verified' | 'language'>): Promise<ChatSessionRow> {
    const rows: ChatSessionRow[] = await this.db.query(
      `INSERT INTO chat_sessions (channel_id, token_hash, visitor_id, name, email, verified, language) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SESSION}`,
      [s.channelId, s.tokenHash, s.visitorId, s.name, s.email, s.verified, s.language],
    );
    return rows[0];
  }

  async findSession(id: string): Promise<ChatSessionRow | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const rows: ChatSessionRow[] = await this.db.query(`SELECT ${SESSION} FROM chat_sessions WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findSessionByTicket(ticketId: string): Promise<ChatSessionRow | null> {
    const rows: ChatSessionRow[] = await this.db.query(
      `SELECT ${SESSION} FROM chat_sessions WHERE ticket_id = $1 ORDER BY (state <> 'ended') DESC, created_at DESC LIMIT 1`,
      [ticketId],
    );
    return rows[0] ?? null;
  }

  async updateSession(id: string, patch: Partial<Pick<ChatSessionRow, 'ticketId' | 'customerId' | 'state' | 'agentUserId' | 'acceptedAt' | 'endedAt'>>): Promise<void> {
    const columns: Record<string, string> = {
      ticketId: 'ticket_id', customerId: 'customer_id', state: 'state', agentUserId: 'agent_user_id', acceptedAt: 'accepted_at', endedAt: 'ended_at',
    };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    if (!entries.length) return;
    await this.db.query(`UPDATE chat_sessions SET ${entries.map(([k], i) => `${columns[k]} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      id, ...entries.map(([, v]) => v),
    ]);
  }

  /** Ends a chat that is not ended yet: false when it had ended already (whoever ends it first, ends it once). */
  async end(id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE chat_sessions SET state = 'ended', ended_at = now() WHERE id = $1 AND state <> 'ended'`,
      [id],
    );
    return count > 0;
  }

  /**
   * Locks the session for its transcript (in the caller's transaction):
   * true when no transcript was written for it yet.
   */
  async lockForTranscript(manager: EntityManager, id: string): Promise<boolean> {
    const rows: { sent: string | null }[] = await manager.query(`SELECT transcript_message_id AS sent FROM chat_sessions WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0 && rows[0].sent === null;
  }

  async markTranscript(manager: EntityManager, id: string, messageId: string): Promise<void> {
    await manager.query(`UPDATE chat_sessions SET transcript_message_id = $2 WHERE id = $1`, [id, messageId]);
  }

  /** Takes a waiting chat for the agent: false when somebody else took it first. */
  async accept(id: string, userId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE chat_sessions SET state = 'active', agent_user_id = $2, accepted_at = now()
        WHERE id = $1 AND (state = 'waiting' OR (state = 'active' AND agent_user_id = $2))`,
      [id, userId],
    );
    return count > 0;
  }

  /** Records an event; null when the ticket message it tells was recorded already (told once, whoever records it first). */
  async insertEvent(e: Omit<ChatEventRow, 'id' | 'createdAt'>): Promise<ChatEventRow | null> {
    const rows: ChatEventRow[] = await this.db.query(
      `INSERT INTO chat_events (session_id, type, author, author_name, text, message_id, attachment)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING
       RETURNING ${EVENT}`,
      [e.sessionId, e.type, e.author, e.authorName, e.text, e.messageId, e.attachment ? JSON.stringify(e.attachment) : null],
    );
    return rows[0] ?? null;
  }

  /** One event of the session (null for another session's, or none). */
  async eventOf(sessionId: string, id: string): Promise<ChatEventRow | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const rows: ChatEventRow[] = await this.db.query(`SELECT ${EVENT} FROM chat_events WHERE session_id = $1 AND id = $2`, [sessionId, id]);
    return rows[0] ?? null;
  }

  async eventOfMessage(messageId: string): Promise<ChatEventRow | null> {
    const rows: ChatEventRow[] = await this.db.query(`SELECT ${EVENT} FROM chat_events WHERE message_id = $1`, [messageId]);
    return rows[0] ?? null;
  }

  /** The session's events after `afterId` (all with 0), oldest first. */
  eventsAfter(sessionId: string, afterId: number, limit = 500): Promise<ChatEventRow[]> {
    return this.db.query(`SELECT ${EVENT} FROM chat_events WHERE session_id = $1 AND id > $2 ORDER BY id LIMIT ${limit}`, [sessionId, afterId]);
  }

  async listSessions(state: ChatState | undefined, limit: number, offset: number): Promise<[ChatSessionRow[], number]> {
    const where = state ? `WHERE state = $1` : '';
    const params = state ? [state] : [];
    const [rows, count]: [ChatSessionRow[], { n: string }[]] = await Promise.all([
      this.db.query(`SELECT ${SESSION} FROM chat_sessions ${where} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`, params),
      this.db.query(`SELECT count(*) AS n FROM chat_sessions ${where}`, params),
    ]);
    return [rows, Number(count[0].n)];
  }

  async setAvailable(userId: string, available: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_availability (user_id, available, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET available = EXCLUDED.available, updated_at = now()`,
      [userId, available],
    );
  }

  async isAvailable(userId: string): Promise<boolean> {
    const rows: { available: boolean }[] = await this.db.query(`SELECT available FROM chat_availability WHERE user_id = $1`, [userId]);
    return rows[0]?.available ?? false;
  }

  /** Active agents available for chat who may take the channel's chats (members of its queue; anyone without one). */
  async availableAgents(queueId: string | null): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT u.id FROM users u JOIN chat_availability a ON a.user_id = u.id AND a.available
        WHERE u.active AND NOT u.absent AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = $1 AND m.user_id = u.id))`,
      [queueId],
    );
    return rows.map((r) => r.id);
  }

  /** The active users told of the channel's chats: its queue's members and the admins (everyone without a queue). */
  async agentsOf(queueId: string | null): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM users u WHERE u.active AND ($1::uuid IS NULL OR u.role = 'admin'
          OR EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = $1 AND m.user_id = u.id))`,
      [queueId],
    );
    return rows.map((r) => r.id);
  }

  async userName(id: string): Promise<string | null> {
    const rows: { name: string }[] = await this.db.query(`SELECT name FROM users WHERE id = $1 AND active`, [id]);
    return rows[0]?.name ?? null;
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
