import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface ApiChannelRow {
  id: string;
  type: string;
  name: string;
  key: string;
  queueId: string | null;
  categoryId: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  settings: Record<string, unknown>;
}

const CHANNEL_COLUMNS = `id, type, name, key, queue_id AS "queueId", category_id AS "categoryId", priority, settings`;

/** The API channel's own rows (secrets) and what its adapter reads of channels, messages and attachments. */
@Injectable()
export class ApiChannelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active channel of the type with this key; null for any wrong key. */
  async activeChannelByKey(type: string, key: string): Promise<ApiChannelRow | null> {
    if (key.length < 20 || key.length > 100) return null;
    const rows = (await this.dataSource.query(`SELECT ${CHANNEL_COLUMNS} FROM channels WHERE type = $1 AND key = $2 AND active`, [type, key])) as ApiChannelRow[];
    return rows[0] ?? null;
  }

  async channel(id: string): Promise<ApiChannelRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${CHANNEL_COLUMNS} FROM channels WHERE id = $1`, [id])) as ApiChannelRow[];
    return rows[0] ?? null;
  }

  async saveSecret(channelId: string, secretEnc: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO api_channel_secrets (channel_id, secret_enc) VALUES ($1, $2) ON CONFLICT (channel_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc`,
      [channelId, secretEnc],
    );
  }

  async secretOf(channelId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT secret_enc FROM api_channel_secrets WHERE channel_id = $1`, [channelId])) as { secret_enc: string }[];
    return rows[0]?.secret_enc ?? null;
  }

  /** Serialises the filing of one conversation's messages (redeliveries and the thread's ticket). */
  async lockThread(manager: EntityManager, channelId: string, threadId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`api-channel:${channelId}:${threadId}`]);
  }

  /** The stored message of a channel by the channel's message id, with its ticket. */
  async storedMessage(channelId: string, externalMessageId: string): Promise<{ messageId: string; ticketId: string; ticketNumber: string } | null> {
    const rows = (await this.dataSource.query(
      `SELECT m.id AS "messageId", t.id AS "ticketId", t.number AS "ticketNumber"
         FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.channel_id = $1 AND m.external_message_id = $2`,
      [channelId, externalMessageId],
    )) as { messageId: string; ticketId: string; ticketNumber: string }[];
    return rows[0] ?? null;
  }

  /** The channel's conversation a ticket belongs to: the thread id of its latest message on the channel. */
  async threadOf(ticketId: string, channelId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `SELECT external_thread_id FROM messages WHERE ticket_id = $1 AND channel_id = $2 AND external_thread_id IS NOT NULL
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [ticketId, channelId],
    )) as { external_thread_id: string }[];
    return rows[0]?.external_thread_id ?? null;
  }

  async attachmentsOf(messageId: string): Promise<{ id: string; filename: string; contentType: string }[]> {
    return (await this.dataSource.query(
      `SELECT id, filename, content_type AS "contentType" FROM attachments WHERE message_id = $1 ORDER BY created_at, id`,
      [messageId],
    )) as { id: string; filename: string; contentType: string }[];
  }

  /** An attachment of a message on the channel, with its bytes. */
  async attachmentOnChannel(channelId: string, attachmentId: string): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
    const rows = (await this.dataSource.query(
      `SELECT a.filename, a.content_type AS "contentType", b.content
         FROM attachments a JOIN messages m ON m.id = a.message_id JOIN attachment_blobs b ON b.sha256 = a.blob_sha256
        WHERE a.id = $1 AND m.channel_id = $2`,
      [attachmentId, channelId],
    )) as { filename: string; contentType: string; content: Buffer }[];
    return rows[0] ?? null;
  }

  /** Records the receiver's id of a reply we sent (unless another message of the channel has it). */
  async setExternalMessageId(messageId: string, channelId: string, externalMessageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE messages SET external_message_id = $3 WHERE id = $1
          AND NOT EXISTS (SELECT 1 FROM messages WHERE channel_id = $2 AND external_message_id = $3)`,
      [messageId, channelId, externalMessageId],
    );
  }
}
